"""Returns a bare string instead of a list of facts, and non-dict items in a list."""


def extract(document):
    if "string" in document.id:
        return "not a list"
    return ["a string fact", 42, {"statement": "The only valid fact."}]
