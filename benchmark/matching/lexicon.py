"""What feature extraction knows of one document: its entity index, publication date, text and
words, and the token analysis every matcher shares."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from benchmark.matching.entities import EntityIndex
from benchmark.matching.numbers import MONTH_WORDS, collapse_numbers
from benchmark.matching.text import STOPWORDS, capitalised_words, stem, words

# Capitalised but not names of things: months and days are compared by the date guard.
CALENDAR_WORDS = MONTH_WORDS | frozenset(
    w.lower() for w in (*calendar.day_name, *calendar.day_abbr))


class _ContentStems(dict[str, str]):
    """Token -> its stem, or "" for a stop word; filled on first use, so a text's tokens are
    looked up without a Python call each."""

    def __missing__(self, token: str) -> str:
        value = "" if token in STOPWORDS else stem(token)
        if len(self) < 65_536:  # bounded: unusual tokens (numbers, names) are many
            self[token] = value
        return value


_CONTENT_STEMS = _ContentStems()


@lru_cache(maxsize=65_536)
def content_stems(text: str) -> tuple[str, ...]:
    """Stemmed content tokens in order, numbers canonical; function words dropped unless
    nothing else is left ("is" stays "be", so a copula slot still compares)."""
    tokens = collapse_numbers(words(text))  # returns at once when there is no number
    content = tuple(filter(None, map(_CONTENT_STEMS.__getitem__, tokens)))
    if content:
        return content
    return tuple([stem(t) for t in tokens if t not in ("a", "an", "the", "n't", "not", "no")])


def is_content(token: str) -> bool:
    return token not in STOPWORDS


@dataclass(frozen=True)
class DocumentLexicon:
    """The document's entities, publication date, text, and every word it (or an entity's name
    or alias) contains; ``known_words`` is None without a document text."""

    entities: EntityIndex
    published: dt.date | None
    text: str
    known_words: frozenset[str] | None
    # words of the entities' names, aliases and mentions: what a misspelt name is checked on
    name_words: frozenset[str] = frozenset()
    _unknown: dict[tuple[str, bool], tuple[str, ...]] = field(default_factory=dict,
                                                              compare=False)
    _canonical: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    _canonical_words: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict,
                                                                     compare=False)

    def canonical(self, text: str) -> tuple[str, ...]:
        """Content stems with every surface form of a document entity as its entity token."""
        tokens = self._canonical.get(text)
        if tokens is None:  # the same strings recur: gold values, predictions copying them
            # and so do the same words in other strings: a gold statement or a predicted one
            # copying a sentence of the text, which differs only in case and punctuation
            said = words(text)
            tokens = self._canonical_words.get(said)
            if tokens is None:
                tokens = self.entities.canonicalise(content_stems(text))
                self._canonical_words[said] = tokens
            self._canonical[text] = tokens
        return tokens

    def unknown_names(self, text: str, skip_first: bool) -> tuple[str, ...]:
        """Capitalised words of ``text`` that the document never uses (not stop words,
        numbers, months or days): names of things it does not mention."""
        if self.known_words is None:
            return ()
        key = (text, skip_first)
        found = self._unknown.get(key)
        if found is None:
            if text.isascii() and self.known_words.issuperset(words(text)):
                # In ASCII text a capitalised word's tokens are among the text's own, so every
                # name is a word of the document (the usual case: extractors copy the text's
                # words). Not beyond ASCII: a separate combining accent ends a capitalised
                # word but not a token ("Gonza\u0301lez").
                found = ()
            else:
                found = tuple(w for w in capitalised_words(text, skip_first)
                              if w not in STOPWORDS and not w.isdigit()
                              and w not in CALENDAR_WORDS and not self.is_known(w))
            self._unknown[key] = found
        return found

    def names_nothing_unknown(self, texts: Iterable[str]) -> bool:
        """A sufficient test that ``unknown_names`` finds nothing in any of the texts, at
        once instead of a lookup per text: no document text to compare with, or ASCII texts
        whose words are all the document's."""
        if self.known_words is None:
            return True
        said = list(texts)
        return all(map(str.isascii, said)) and self.known_words.issuperset(
            chain.from_iterable(map(words, said)))

    def is_known(self, word: str) -> bool:
        """In the document; a word it uses with a suffix of up to three letters ("Malian" for
        "Mali"); or, from six letters on, one edit away from a word of an entity's name
        ("Timbuktou"). Words under four letters are not checked."""
        known = self.known_words
        if known is None or word in known or len(word) < 4:
            return True
        if any(len(k) >= 4 and word.startswith(k) and len(word) - len(k) <= 3 for k in known):
            return True
        return len(word) >= 6 and any(
            abs(len(word) - len(k)) <= 1 and _one_edit(word, k) for k in self.name_words)


def _one_edit(a: str, b: str) -> bool:
    """Levenshtein distance at most 1."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:]
