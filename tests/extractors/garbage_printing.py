"""Prints noise to stdout (must not corrupt the harness) and returns one valid fact."""

import sys


def extract(document):
    print("DEBUG: not JSON {[", flush=True)
    sys.stdout.write("\x00\x01 more noise\n")
    return [{"subject": "the extractor", "predicate": "printed", "object": "garbage"}]
