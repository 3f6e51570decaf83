"""Entity surface forms: "the French defense minister" and "Jean-Yves Le Drian" name one entity.

Within a slot, any surface form of a gold entity (its name, aliases and mention quotes) is
replaced by one entity token, so the forms are interchangeable. Forms that carry no content
(pronouns: "He", "its"), forms with numbers ("4,000 French soldiers": the number must still be
compared) and forms shared by two entities (ambiguous) are left as words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from benchmark.model.gold import Entity

Analyser = Callable[[str], tuple[str, ...]]


@dataclass(frozen=True)
class EntityIndex:
    """Token sequences of every usable surface form, mapped to an entity token."""

    forms: dict[tuple[str, ...], str]
    max_length: int
    # entity token -> (type, content stems of its name): what the entity guard compares
    kinds: Mapping[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    _cache: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, compare=False)
    _lengths: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    # every entity token canonicalise can emit (derived from ``forms``)
    tokens: frozenset[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "tokens", frozenset(self.forms.values()))
        # First token -> the lengths of forms starting with it, longest first: most tokens
        # start no form, so canonicalising costs one dict lookup per token.
        lengths: dict[str, set[int]] = {}
        for form in self.forms:
            lengths.setdefault(form[0], set()).add(len(form))
        self._lengths.update({k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()})

    @classmethod
    def build(cls, entities: Sequence[Entity], analyse: Analyser,
              content: Callable[[str], bool]) -> EntityIndex:
        owners: dict[tuple[str, ...], set[str]] = {}
        for entity in entities:
            for form in entity.surface_forms():
                tokens = analyse(form)
                if not any(content(t) for t in tokens) or any(t[0].isdigit() for t in tokens):
                    continue
                owners.setdefault(tokens, set()).add(entity.id)
        forms = {k: f"@{next(iter(v))}" for k, v in owners.items() if len(v) == 1}
        kinds = {f"@{e.id}": (e.type, frozenset(analyse(e.name))) for e in entities}
        return cls(forms=forms, max_length=max((len(k) for k in forms), default=0), kinds=kinds)

    def canonicalise(self, tokens: tuple[str, ...]) -> tuple[str, ...]:
        """Replace surface forms by entity tokens, longest match first, left to right."""
        if not self.forms:
            return tokens
        cached = self._cache.get(tokens)
        if cached is not None:
            return cached
        lengths, forms = self._lengths, self.forms
        out: list[str] = []
        i = 0  # the first token not yet copied
        # (only the positions of tokens that start a form are tried)
        for start in [k for k, token in enumerate(tokens) if token in lengths]:
            if start < i:  # inside the form just replaced
                continue
            for length in lengths[tokens[start]]:
                entity = forms.get(tokens[start:start + length])
                if entity is not None:
                    out.extend(tokens[i:start])
                    out.append(entity)
                    i = start + length
                    break
        out.extend(tokens[i:])
        result = tuple(out)
        self._cache[tokens] = result
        return result


EMPTY_INDEX = EntityIndex(forms={}, max_length=0)
