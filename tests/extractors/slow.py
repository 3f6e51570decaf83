"""Sleeps 0.2 s per document (for the --jobs speed-up benchmark)."""

import time


def extract(document):
    time.sleep(0.2)
    return [{"statement": f"Slow fact about {document.id}."}]
