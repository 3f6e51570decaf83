"""Extractors: the protocol, resolving a name to an extractor, the --command adapter, baselines."""
