"""Raises on one document, kills its own process (like a segfault) on another."""

import os


def extract(document):
    if "crash-hard" in document.id:
        os._exit(3)
    if "raise" in document.id:
        raise ValueError("boom in the extractor")
    return [{"statement": "A fact."}]
