"""Analytics of the NUTS regions: tables, ranks, benchmarks, peers, the composite score, profiles."""
