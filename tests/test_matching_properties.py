"""Invariants the matcher's fast paths rely on, checked on generated inputs."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from benchmark.matching.entities import EMPTY_INDEX, EntityIndex
from benchmark.matching.lexicon import CALENDAR_WORDS, DocumentLexicon, content_stems
from benchmark.matching.negation import is_negated
from benchmark.matching.overlap import (
    Groups,
    TokenRows,
    binary,
    distinct,
    product,
    ratio,
    ratio_where_shared,
    weighted,
)
from benchmark.matching.text import STOPWORDS, capitalised_words, has_negation_cue, words

# Letters, digits, capitals, accents (composed and as a separate combining mark), apostrophes
# (straight and curly), hyphens, dots, commas and spaces: what tokenisation treats specially.
TEXT = st.text(alphabet="aAbBéÉzZ09 '’-.,_nt\u0301", max_size=40)


@settings(max_examples=500, deadline=None)
@given(TEXT, TEXT, st.booleans(), st.booleans())
def test_unknown_names_equal_the_full_search(text: str, other: str, skip: bool,
                                             knows_all: bool) -> None:
    # DocumentLexicon.unknown_names skips the search when every word of a text is known.
    known = frozenset(words(other)) | (frozenset(words(text)) if knows_all else frozenset())
    lexicon = DocumentLexicon(EMPTY_INDEX, None, other, known)
    searched = tuple(w for w in capitalised_words(text, skip)
                     if w not in STOPWORDS and not w.isdigit() and w not in CALENDAR_WORDS
                     and not lexicon.is_known(w))
    assert lexicon.unknown_names(text, skip) == searched


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=4), TEXT, st.booleans())
@example(["Ab zz", "Z"], "ab zz z", False)
@example(["Ab", "Gonza\u0301lez"], "ab gonzalez", False)  # an accent ends a name
def test_texts_of_known_words_name_nothing_unknown(texts: list[str], other: str,
                                                    knows_all: bool) -> None:
    # PredictionFeatures.foreign_names skips the per-text search when this holds
    known = frozenset(words(other)) | (frozenset(w for t in texts for w in words(t))
                                       if knows_all else frozenset())
    lexicon = DocumentLexicon(EMPTY_INDEX, None, other, known)
    shortcut = lexicon.names_nothing_unknown(iter(texts))
    if knows_all and all(t.isascii() for t in texts):
        assert shortcut  # it does fire where it should
    if shortcut:  # and then the full search finds nothing either
        assert not any(w not in STOPWORDS and not w.isdigit() and w not in CALENDAR_WORDS
                       and not lexicon.is_known(w)
                       for t in texts for skip in (True, False)
                       for w in capitalised_words(t, skip))


@settings(deadline=None)
@given(st.lists(st.integers(1, 4), min_size=1, max_size=12), st.integers(0, 5), st.data())
def test_group_maxima_equal_reduceat(sizes: list[int], rows: int, data: st.DataObject) -> None:
    # a dense matrix, mostly zeros, whose nonzero cells are what best_of_cells is given
    width = sum(sizes)
    values = np.array(data.draw(st.lists(st.lists(
        st.sampled_from([0.0, 0.0, 0.25, 0.5, 1.0]) | st.floats(0, 1), min_size=width,
        max_size=width), min_size=rows, max_size=rows)), dtype=np.float64).reshape(rows, width)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.intp)
    expected = np.maximum.reduceat(values, starts, axis=1) if rows else np.zeros((0, len(sizes)))
    cells = values.nonzero()
    assert np.array_equal(Groups(sizes).best_of_cells(rows, *cells, values[cells]), expected)


@settings(deadline=None)
@given(st.lists(st.lists(st.sampled_from("abcdef@#"), max_size=6).map(tuple), max_size=8),
       st.lists(st.lists(st.sampled_from("defgh"), max_size=6).map(tuple), max_size=8))
def test_token_rows_count_every_token(left: list[tuple[str, ...]],
                                      right: list[tuple[str, ...]]) -> None:
    space = TokenRows()
    blocks = space.add(left), space.add(right)
    for rows, block in zip((left, right), blocks, strict=True):
        counts = block.counts().dense(len(space.vocab))
        assert counts.shape == (len(rows), len(space.vocab))
        for k, row in enumerate(rows):
            assert {t: counts[k, i] for t, i in space.vocab.items() if counts[k, i]} == \
                dict(Counter(row))
        assert distinct(block.counts()).tolist() == [len(set(row)) for row in rows]
        assert set(binary(block.counts()).value.tolist()) <= {1.0}
    # ids in order of first appearance, left block first
    order = list(dict.fromkeys(t for row in (*left, *right) for t in row))
    assert list(space.vocab) == order and list(space.vocab.values()) == list(range(len(order)))


ROWS = st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=6).map(tuple), max_size=8)


@settings(deadline=None)  # the first example imports scipy
@given(ROWS, ROWS, st.lists(st.floats(0.5, 8.0), min_size=8, max_size=8))
def test_product_equals_the_sparse_matrix_product(left: list[tuple[str, ...]],
                                                   right: list[tuple[str, ...]],
                                                   idf: list[float]) -> None:
    # lenient's intersections and cosines, bit for bit what scipy's CSR product gives
    from scipy.sparse import csr_matrix

    space = TokenRows()
    blocks = space.add(left), space.add(right)
    width = len(space.vocab)
    weights = np.array(idf[:width])

    def csr(entries: Any) -> Any:
        return csr_matrix((entries.value, (entries.row, entries.token)),
                          shape=(entries.rows, width))

    for kind in (binary, lambda entries: weighted(entries, weights)):
        pair = [kind(block.counts()) for block in blocks]
        expected = (csr(pair[0]) @ csr(pair[1]).T).toarray()
        assert product(pair[0], pair[1], width).tobytes() == expected.tobytes()
    shared = product(binary(blocks[0].counts()), binary(blocks[1].counts()), width)
    assert shared.tolist() == [[len(set(a) & set(b)) for b in right] for a in left]


@given(ROWS, ROWS, st.sampled_from(["dice", "coverage"]),
       st.none() | st.lists(st.sampled_from([0.0, 1.0]), min_size=8, max_size=8))
# 2 * 3 / (4 + 6) rounds differently from 3 * (2 / (4 + 6)): the operations must be ratio's
@example([("a", "b", "c", "d")], [("a", "b", "c", "e", "f", "g")], "dice", None)
def test_ratios_of_shared_cells_equal_the_dense_ratios(left: list[tuple[str, ...]],
                                                        right: list[tuple[str, ...]], kind: str,
                                                        masks: list[float] | None) -> None:
    space = TokenRows()
    blocks = [space.add(rows).counts() for rows in (left, right)]
    inter = product(binary(blocks[0]), binary(blocks[1]), len(space.vocab))
    sizes = [distinct(block) for block in blocks]
    mask = None if masks is None else np.array(masks[:len(right)])
    # the dense formula: every cell, 0 where the denominator is 0
    if kind == "dice":
        numerator, total = 2 * inter, sizes[0][:, None] + sizes[1][None, :]
    else:
        numerator, total = inter, np.broadcast_to(sizes[1][None, :], inter.shape)
    expected = np.divide(numerator, total, out=np.zeros(inter.shape), where=total > 0)
    expected *= 1.0 if mask is None else mask[None, :]
    rows, columns, values = ratio_where_shared(inter, sizes[0], sizes[1], kind, mask)
    found = np.zeros(inter.shape)
    found[rows, columns] = values
    assert found.tobytes() == expected.tobytes()
    if mask is None:
        assert ratio(inter, sizes[0], sizes[1], kind).tobytes() == expected.tobytes()


@given(TEXT)
def test_hyphens_separate_words(text: str) -> None:
    assert words(text) == words(text.replace("-", " "))


@settings(deadline=None)
@given(st.integers(0, 4), st.integers(0, 4), st.data())
def test_combined_slots_equal_the_dense_geometric_mean(rows: int, columns: int,
                                                       data: st.DataObject) -> None:
    # lenient takes the powers only where subject and object are both nonzero
    from benchmark.matching.lenient import PREDICATE_FLOOR, SLOT_WEIGHTS, _combine

    cell = st.sampled_from([0.0, 0.0, 0.5, 1.0]) | st.floats(0, 1)
    # strided column views, as lenient passes them
    subject, predicate, obj = (np.array(data.draw(st.lists(
        cell, min_size=2 * rows * columns, max_size=2 * rows * columns))).reshape(
        rows, 2 * columns)[:, ::2] for _ in range(3))
    expected = (subject ** SLOT_WEIGHTS["subject"]
                * (PREDICATE_FLOOR + (1 - PREDICATE_FLOOR) * predicate) ** SLOT_WEIGHTS["predicate"]
                * obj ** SLOT_WEIGHTS["object"])
    assert _combine(subject, predicate, obj).tobytes() == expected.tobytes()


@given(TEXT, TEXT)
def test_canonical_tokens_depend_only_on_the_words(text: str, other: str) -> None:
    # DocumentLexicon.canonical caches by words, so texts that differ in case and punctuation
    # share one analysis: sound only if the analysis depends on nothing else. Variants with
    # other words (reordered, cut, extended) must not be served from the cache.
    index = EntityIndex(forms={("ab",): "@e1", ("z", "a"): "@e2"}, max_length=2)
    lexicon = DocumentLexicon(index, None, "", None)
    said = words(text)
    variants = (text, other, text.upper() + ".", f"({text})", " ".join(reversed(said)),
                " ".join(said[1:]), " ".join(sorted(set(said))), f"{text} z a ab", text)
    for variant in variants:
        assert lexicon.canonical(variant) == index.canonicalise(content_stems(variant))
        # features find entity tokens as the index's own (no word token starts with "@")
        canonical = lexicon.canonical(variant)
        assert set(canonical) & index.tokens == {t for t in canonical if t[0] == "@"}


@settings(max_examples=500)
@given(st.text(alphabet="aAbBzZ -.,0\t", max_size=30))
@example("Ab bz.")
@example("U.S. troops")
@example("ab .")
@example(".")
@example("ab..")
def test_words_of_plain_text_equal_the_token_pattern(text: str) -> None:
    # words() splits a text of only letters and spaces (perhaps ending in a full stop)
    # without the token pattern
    from benchmark.matching.text import _TOKEN

    assert words(text) == tuple(_TOKEN.findall(text.lower()))


def _replace_forms_one_by_one(forms: dict[tuple[str, ...], str],
                              tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Reference: at each position, the longest form starting there, else the token."""
    longest = max(map(len, forms), default=0)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for length in range(longest, 0, -1):
            if i + length <= len(tokens) and tokens[i:i + length] in forms:
                out.append(forms[tokens[i:i + length]])
                i += length
                break
        else:
            out.append(tokens[i])
            i += 1
    return tuple(out)


FORM_TOKENS = st.lists(st.sampled_from("abcd"), min_size=1, max_size=3).map(tuple)


@settings(max_examples=300)
@given(st.dictionaries(FORM_TOKENS, st.sampled_from(["@e1", "@e2", "@e3"]), max_size=6),
       st.lists(st.sampled_from("abcde"), max_size=12).map(tuple))
@example({("a",): "@e1", ("a", "b"): "@e2", ("b", "c", "d"): "@e3"}, tuple("abcdab"))
def test_entity_forms_are_replaced_longest_first_left_to_right(
        forms: dict[tuple[str, ...], str], tokens: tuple[str, ...]) -> None:
    # canonicalise only tries the positions of tokens that start a form
    index = EntityIndex(forms=forms, max_length=max(map(len, forms), default=0))
    assert index.canonicalise(tokens) == _replace_forms_one_by_one(forms, tokens)
    assert index.canonicalise(tokens) == _replace_forms_one_by_one(forms, tokens)  # cached


NEGATION_VOCABULARY = st.sampled_from(
    ["not", "did", "never", "refused", "declined", "to", "unable", "who", "which", "was",
     "France", "Gao", "2,150", "nearly", "be", "named", "said", "|", ",", "."])


@settings(max_examples=500, deadline=None)
@given(st.lists(NEGATION_VOCABULARY, max_size=12).map(tuple))
def test_negation_scope_only_ever_removes_cues(tokens: tuple[str, ...]) -> None:
    # is_negated sets cues aside: it never finds a negation where no cue is, and without
    # "who", "declined" or "be named" every cue counts
    found = has_negation_cue(tokens)
    if is_negated(tokens):
        assert found
    if {"who", "declined", "named"}.isdisjoint(tokens):
        assert is_negated(tokens) == found
