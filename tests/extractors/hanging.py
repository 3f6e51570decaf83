"""Never answers for documents whose id contains 'hang'."""

import time


def extract(document):
    if "hang" in document.id:
        time.sleep(3600)
    return [{"statement": "A fact."}]
