"""Resolve a matcher name through the ``extractbench.matchers`` entry points.

The built-in matchers are also listed here, so a source checkout without installed package
metadata still finds them.
"""

from __future__ import annotations

import importlib

from benchmark.matching.protocol import Matcher

ENTRY_POINT_GROUP = "extractbench.matchers"
DEFAULT_MATCHER = "lenient"
BUILTIN: dict[str, str] = {
    "exact": "benchmark.matching.exact:ExactMatcher",
    "lenient": "benchmark.matching.lenient:LenientMatcher",
}


class UnknownMatcher(LookupError):
    pass


def _entry_points() -> dict[str, str]:
    from importlib.metadata import entry_points

    return {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available_matchers() -> tuple[str, ...]:
    return tuple(sorted({*BUILTIN, *_entry_points()}))


def _load(target: str) -> object:
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def get_matcher(name: str) -> Matcher:
    """An instance of the matcher registered as ``name``."""
    target = _entry_points().get(name) or BUILTIN.get(name)
    if target is None:
        raise UnknownMatcher(
            f"unknown matcher {name!r} (available: {', '.join(available_matchers())})")
    factory = _load(target)
    matcher = factory() if callable(factory) else factory
    if not isinstance(matcher, Matcher):
        raise UnknownMatcher(f"{target} does not implement the Matcher protocol")
    return matcher
