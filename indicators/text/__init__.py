"""Words the analytics hand to the pages: phrases, summaries, caveats, methods."""
