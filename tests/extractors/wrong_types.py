"""Facts with wrongly typed fields (and one non-JSON value)."""


def extract(document):
    if "set" in document.id:
        return [{"statement": {"a", "set"}}]
    return [
        {"subject": 1, "predicate": "is", "object": "a number"},
        {"statement": "Valid.", "confidence": 1.5},
        {"statement": "Also valid.", "confidence": 0.5},
        {"statement": "   "},
        {"subject": "only a subject"},
    ]
