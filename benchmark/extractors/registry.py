"""Extractor names: installed entry points plus the built-in baselines.

Listing reads entry-point metadata only; nothing is imported until an extractor is chosen.
The built-in table keeps the baselines resolvable from a source checkout whose metadata is
absent or stale.
"""

from __future__ import annotations

ENTRY_POINT_GROUP = "extractbench.extractors"

BUILTIN_EXTRACTORS: dict[str, str] = {
    "null": "benchmark.extractors.baselines.null:NullExtractor",
    "oracle": "benchmark.extractors.baselines.oracle:OracleExtractor",
    "sentences": "benchmark.extractors.baselines.sentences:SentenceExtractor",
    "rules": "benchmark.extractors.baselines.rules:RuleExtractor",
}


def installed_extractors() -> dict[str, str]:
    """name -> ``module:attr`` of every installed entry point in the extractors group."""
    from importlib.metadata import entry_points

    return {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available_extractors() -> dict[str, str]:
    """Installed entry points, with the built-in baselines filling any gap; sorted by name."""
    found = {**BUILTIN_EXTRACTORS, **installed_extractors()}
    return dict(sorted(found.items()))
