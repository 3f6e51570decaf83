"""Running an extractor over documents: isolation, timeouts, parallel jobs, cache, checking."""
