"""Evidence spans past the end of the text, reversed, and with a byte-offset quote."""


def extract(document):
    n = len(document.text)
    return [
        {"statement": "Past the end.", "evidence": [{"start": n - 1, "end": n + 5}]},
        {"statement": "Reversed.", "evidence": [{"start": 5, "end": 2}]},
        {"statement": "Wrong quote.", "evidence": [{"start": 0, "end": 3, "quote": "zzz"}]},
        {"statement": "Fine.", "evidence": [{"start": 0, "end": n}]},
    ]
