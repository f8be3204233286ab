"""Pure logic over the store: the indicator registry, ranks, benchmarks, peers, composite, summaries."""
