"""Resolving NAME to an extractor: entry points (with a built-in fallback), module:attr,
files, --command, and one clear line for each kind of bad input."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from extractors.fixture_data import EXTRACTORS

from benchmark.extractors import registry
from benchmark.extractors.baselines.null import NullExtractor
from benchmark.extractors.loading import ResolutionError, split_target
from benchmark.extractors.protocol import Extractor, FunctionExtractor, as_extractor
from benchmark.extractors.resolution import command_spec, object_spec, resolve
from benchmark.model.document import Document


def test_builtin_names_resolve_through_entry_points() -> None:
    spec = resolve("null")
    assert (spec.kind, spec.target) == ("entry_point", registry.BUILTIN_EXTRACTORS["null"])
    assert isinstance(spec.load(), NullExtractor)


def test_baselines_resolve_without_entry_point_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "installed_extractors", lambda: {})
    for name in ("null", "oracle", "sentences", "rules"):
        assert resolve(name).load().name == name


def test_stale_entry_point_falls_back_to_the_builtin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "installed_extractors",
                        lambda: {"null": "benchmark.extractors.gone:NullExtractor"})
    assert isinstance(resolve("null").load(), NullExtractor)


def test_plugin_entry_points_are_listed_without_importing_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(registry, "installed_extractors",
                        lambda: {"mine": "not_a_real_package.mod:Thing"})
    assert registry.available_extractors()["mine"] == "not_a_real_package.mod:Thing"
    spec = resolve("mine")  # resolving the name imports nothing yet
    with pytest.raises(ResolutionError, match="no module named 'not_a_real_package'"):
        spec.load()


def test_module_attribute(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(EXTRACTORS))
    spec = resolve("class_based:CountingExtractor")
    assert spec.kind == "module"
    extractor = spec.load()
    assert (extractor.name, extractor.version) == ("counting", "2.1")
    factory = resolve("class_based:make_extractor").load()  # a factory function is a function
    assert isinstance(factory, FunctionExtractor)


def test_file_default_extract_and_explicit_attribute() -> None:
    path = EXTRACTORS / "garbage_printing.py"
    spec = resolve(str(path))
    assert (spec.kind, spec.name) == ("file", "garbage_printing")
    extractor = spec.load()
    assert extractor.version.startswith("sha256.")
    explicit = resolve(f"{EXTRACTORS / 'class_based.py'}:CountingExtractor").load()
    assert explicit.name == "counting"


def test_file_version_changes_with_its_content(tmp_path: Path) -> None:
    path = tmp_path / "mine.py"
    path.write_text("def extract(document):\n    return []\n", encoding="utf-8")
    first = resolve(str(path)).load().version
    path.write_text("def extract(document):\n    return [] # changed\n", encoding="utf-8")
    assert resolve(str(path)).load().version != first


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ResolutionError) as caught:
        resolve(str(tmp_path / "nope.py"))
    assert "file not found" in str(caught.value) and "\n" not in str(caught.value)


def test_import_error_keeps_the_traceback_for_display() -> None:
    with pytest.raises(ResolutionError) as caught:
        resolve(str(EXTRACTORS / "broken_import.py")).load()
    assert "RuntimeError: this module is broken on purpose" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert "Traceback" in caught.value.details and "broken_import.py" in caught.value.details


def test_missing_attribute(tmp_path: Path) -> None:
    with pytest.raises(ResolutionError, match="has no attribute 'nothing_here'"):
        resolve(f"{EXTRACTORS / 'crashing.py'}:nothing_here").load()
    path = tmp_path / "no_extract.py"
    path.write_text("x = 1\n", encoding="utf-8")
    with pytest.raises(ResolutionError, match="has no attribute 'extract'"):
        resolve(str(path)).load()


def test_missing_module() -> None:
    with pytest.raises(ResolutionError, match="no module named 'surely_not_installed_pkg'"):
        resolve("surely_not_installed_pkg.sub:thing").load()


def test_unknown_name_suggests_close_matches_and_bench_list() -> None:
    with pytest.raises(ResolutionError) as caught:
        resolve("orcale")
    message = str(caught.value)
    assert "did you mean oracle" in message and "bench list" in message
    assert "\n" not in message
    with pytest.raises(ResolutionError) as unrelated:
        resolve("zzzzzz")
    assert "did you mean" not in str(unrelated.value)


def test_command_spec_quoting_and_emptiness() -> None:
    spec = command_spec("python3 my_tool.py --fast")
    assert (spec.kind, spec.name) == ("command", "python3")
    with pytest.raises(ResolutionError, match="quoting"):
        command_spec("python3 'unclosed")
    with pytest.raises(ResolutionError, match="empty"):
        command_spec("   ")


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("pkg.mod:attr", ("pkg.mod", "attr")),
        ("dir/file.py", ("dir/file.py", None)),
        ("dir/file.py:Thing", ("dir/file.py", "Thing")),
        ("C:/dir/file.py", ("C:/dir/file.py", None)),
    ],
)
def test_split_target(target: str, expected: tuple[str, str | None]) -> None:
    assert split_target(target) == expected


def test_as_extractor_wraps_functions_classes_and_instances() -> None:
    def extract(document: Document) -> list[dict[str, str]]:
        return [{"statement": document.id}]

    wrapped = as_extractor(extract, "fn")
    assert isinstance(wrapped, Extractor)
    assert list(wrapped.extract(Document("d", "t"))) == [{"statement": "d"}]
    assert as_extractor(NullExtractor, "x").name == "null"  # declared identity wins
    with pytest.raises(TypeError, match="not an extractor"):
        as_extractor(42, "number")


def test_object_specs_pickle_importable_objects_and_keep_others_inline() -> None:
    importable = object_spec(NullExtractor())
    assert importable.kind == "object" and importable.isolated
    assert isinstance(pickle.loads(pickle.loads(pickle.dumps(importable)).payload or b""),
                      NullExtractor)
    local = object_spec(lambda document: [])
    assert local.kind == "inline" and not local.isolated
