"""Resolve what the user typed after ``bench evaluate`` to an extractor.

Order: an installed entry point (or built-in baseline) name, then ``package.module:attr``,
then ``path/to/file.py`` (its ``extract``) or ``path/to/file.py:attr``; ``--command`` is
separate. The result is an :class:`ExtractorSpec`: small and picklable, so every worker
process resolves the same extractor again by itself.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from benchmark.extractors.loading import (
    ResolutionError,
    load_file_attribute,
    load_module_attribute,
    split_target,
)
from benchmark.extractors.protocol import Extractor, as_extractor

SpecKind = Literal["entry_point", "module", "file", "command", "object", "inline"]

_MODULE_TARGET = re.compile(r"^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)*:[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")


@dataclass(frozen=True)
class ExtractorSpec:
    """How to build an extractor: ``target`` is ``module:attr``, a file path or a command."""

    kind: SpecKind
    name: str
    target: str
    fallback: str | None = None  # built-in ``module:attr`` when an entry point is stale
    version: str | None = None  # overrides the extractor's own version (--command)
    payload: bytes | None = None  # a pickled extractor object (library use)
    # an object that cannot travel to a worker process; it runs in this process, unisolated
    inline: object | None = field(default=None, compare=False, repr=False)

    @property
    def source(self) -> str:
        """Where the extractor came from, as recorded in the results file."""
        prefixes = {"entry_point": "entry-point", "command": "command", "object": "object",
                    "inline": "object"}
        prefix = prefixes.get(self.kind)
        return f"{prefix}:{self.target}" if prefix else self.target

    @property
    def isolated(self) -> bool:
        return self.kind != "inline"

    def load(self) -> Extractor:
        """Import and instantiate the extractor (in whichever process calls this)."""
        if self.kind == "inline":
            return as_extractor(self.inline, self.name, self.version)
        if self.kind == "object":
            import pickle

            assert self.payload is not None
            return as_extractor(pickle.loads(self.payload), self.name, self.version)
        if self.kind == "command":
            from benchmark.extractors.command import CommandExtractor

            return CommandExtractor(self.target, name=self.name, version=self.version)
        if self.kind == "file":
            path, attribute = split_target(self.target)
            obj, digest = load_file_attribute(Path(path), attribute)
            return as_extractor(obj, self.name, version=f"sha256.{digest[:12]}")
        return as_extractor(self._load_module_target(), self.name, version=self.version)

    def _load_module_target(self) -> object:
        module_name, attribute = split_target(self.target)
        try:
            return load_module_attribute(module_name, attribute or "extract")
        except ResolutionError:
            if self.fallback is None or self.fallback == self.target:
                raise
        # stale entry-point metadata (e.g. a renamed module in a source checkout)
        module_name, attribute = split_target(self.fallback)
        return load_module_attribute(module_name, attribute or "extract")


def resolve(name: str) -> ExtractorSpec:
    """The spec for a name, or a one-line :class:`ResolutionError` suggesting close names."""
    from benchmark.extractors.registry import BUILTIN_EXTRACTORS, available_extractors

    registered = available_extractors()
    if name in registered:
        return ExtractorSpec("entry_point", name, registered[name], BUILTIN_EXTRACTORS.get(name))
    path, _ = split_target(name)
    if path.endswith(".py") or "/" in path or "\\" in path:
        if not Path(path).is_file():
            raise ResolutionError(f"{path}: file not found (check the path to your extractor file)")
        return ExtractorSpec("file", Path(path).stem, name)
    if _MODULE_TARGET.match(name):
        return ExtractorSpec("module", name, name)
    raise ResolutionError(_unknown_message(name, list(registered)))


def command_spec(
    command: str, name: str | None = None, version: str | None = None
) -> ExtractorSpec:
    import shlex

    try:
        argv = shlex.split(command)
    except ValueError as exc:
        raise ResolutionError(f"--command {command!r}: {exc} (check the quoting)") from None
    if not argv:
        raise ResolutionError("--command is empty (give the program and its arguments)")
    return ExtractorSpec("command", name or Path(argv[0]).name, command, version=version)


def object_spec(extractor: object) -> ExtractorSpec:
    """A spec for an extractor given as a Python object (class, instance or function).

    It is pickled to the worker processes when it can be imported there by reference;
    objects defined in ``__main__`` or unpicklable ones run in this process instead.
    """
    import pickle

    target = extractor if isinstance(extractor, type) or callable(extractor) else type(extractor)
    module = getattr(target, "__module__", "__main__")
    label = f"{module}:{getattr(target, '__qualname__', type(extractor).__name__)}"
    name = str(getattr(extractor, "name", None) or getattr(target, "__name__", "extractor"))
    if module != "__main__" and "<locals>" not in label:
        try:
            return ExtractorSpec("object", name, label, payload=pickle.dumps(extractor))
        except Exception:  # lambdas, open handles: fall through to in-process
            pass
    return ExtractorSpec("inline", name, label, inline=extractor)


def _unknown_message(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}? " if close else ""
    return (
        f"unknown extractor {name!r} ({hint}run `bench list` to see the extractors, or give "
        "package.module:attr, path/to/file.py or --command)"
    )
