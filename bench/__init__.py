"""Speed targets of the issues, measured side by side with a naive baseline: ``python -m bench``."""
