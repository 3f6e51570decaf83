"""Helpers for tests and benchmarks: synthetic datasets and predictions."""
