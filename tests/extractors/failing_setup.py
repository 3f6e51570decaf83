"""setup() raises: the run cannot proceed at all."""


class FailingSetup:
    name = "failing-setup"
    version = "1"

    def setup(self):
        raise OSError("model weights not found")

    def extract(self, document):
        return []
