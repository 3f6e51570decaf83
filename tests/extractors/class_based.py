"""A class-based extractor with setup(), name and version, and a generator output."""


class CountingExtractor:
    name = "counting"
    version = "2.1"

    def setup(self):
        self.prefix = "Document"

    def extract(self, document):
        yield {"statement": f"{self.prefix} {document.id} has {len(document.text)} characters."}


def make_extractor():
    return CountingExtractor()
