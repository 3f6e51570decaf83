"""The extension point: what an extractor is, and wrapping plain functions into one.

An extractor receives a :class:`benchmark.model.Document` (``id``, ``text``, ``metadata``)
and returns an iterable of prediction dicts shaped like ``prediction.schema.json`` minus
``document_id``, which the harness adds. ``{"facts": [...]}`` is accepted too.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from benchmark.model.document import Document

DEFAULT_VERSION = "0"


@runtime_checkable
class Extractor(Protocol):
    """``setup()`` is optional: when present the harness calls it once per worker process."""

    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    def extract(self, document: Document) -> Iterable[dict[str, Any]]: ...


ExtractFunction = Callable[[Document], Any]


@dataclass(frozen=True)
class FunctionExtractor:
    """A plain ``def extract(document) -> list[dict]`` seen as an :class:`Extractor`."""

    function: ExtractFunction
    name: str
    version: str = DEFAULT_VERSION

    def extract(self, document: Document) -> Iterable[dict[str, Any]]:
        result: Iterable[dict[str, Any]] = self.function(document)
        return result


def as_extractor(target: object, name: str, version: str | None = None) -> Extractor:
    """An :class:`Extractor` from a class, an instance or a function.

    A class is instantiated with no arguments. ``name`` and ``version`` fill in what the
    object does not declare; ``version`` (when given) is the fallback, e.g. a file's hash.
    """
    if isinstance(target, type):
        target = target()
    extract = getattr(target, "extract", None)
    if callable(extract):
        _fill_identity(target, name, version)
        return target  # type: ignore[return-value]
    if callable(target):
        declared = getattr(target, "version", None)
        return FunctionExtractor(
            target,
            name=str(getattr(target, "extractor_name", name)),
            version=str(declared or version or DEFAULT_VERSION),
        )
    raise TypeError(
        f"{name}: {type(target).__name__} is not an extractor "
        "(give a class or object with an extract(document) method, or a function)"
    )


def _fill_identity(target: object, name: str, version: str | None) -> None:
    """Give an object that lacks ``name``/``version`` the resolved ones (never overriding)."""
    for attribute, value in (("name", name), ("version", version or DEFAULT_VERSION)):
        if not isinstance(getattr(target, attribute, None), str):
            # frozen or slotted objects keep the identity they declare
            with contextlib.suppress(AttributeError):
                setattr(target, attribute, value)


def identity(extractor: object) -> tuple[str, str]:
    """(name, version) of an extractor, as strings."""
    return (
        str(getattr(extractor, "name", "unnamed")),
        str(getattr(extractor, "version", DEFAULT_VERSION)),
    )
