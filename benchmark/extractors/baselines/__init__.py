"""Reference extractors: null (floor), oracle (ceiling), sentences and rules (honest baselines)."""
