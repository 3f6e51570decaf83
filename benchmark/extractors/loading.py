"""Load an extractor object from ``package.module:attr`` or from a Python file."""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import sys
import traceback
from pathlib import Path
from types import ModuleType


class ResolutionError(Exception):
    """A name that does not resolve to an extractor. ``str()`` is one line; ``details`` holds
    a traceback to show above it when the user's own code failed."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


def split_target(target: str) -> tuple[str, str | None]:
    """``"a/b.py:Ext"`` -> ``("a/b.py", "Ext")``; ``"pkg.mod:attr"`` -> ``("pkg.mod", "attr")``."""
    head, sep, tail = target.rpartition(":")
    # a bare "C:\\x.py" drive letter or a path after the colon is not an attribute
    if sep and head and tail and "/" not in tail and "\\" not in tail and len(head) > 1:
        return head, tail
    return target, None


def load_module_attribute(module_name: str, attribute: str) -> object:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and (module_name == exc.name or module_name.startswith(exc.name + ".")):
            raise ResolutionError(
                f"no module named {exc.name!r} "
                "(install it, or run from the directory that contains it)"
            ) from None
        raise _import_failure(module_name) from None
    except Exception:
        raise _import_failure(module_name) from None
    return _attribute(module, attribute, module_name)


def load_file_attribute(path: Path, attribute: str | None) -> tuple[object, str]:
    """The attribute (default ``extract``) of a Python file, and the file's content hash."""
    if not path.is_file():
        raise ResolutionError(f"{path}: file not found (check the path to your extractor)")
    source = path.read_bytes()
    digest = hashlib.sha256(source).hexdigest()
    module_name = f"_extractbench_user_{digest[:16]}"
    module = sys.modules.get(module_name)
    if module is None:
        spec = importlib.util.spec_from_file_location(module_name, path)
        if spec is None or spec.loader is None:
            raise ResolutionError(f"{path}: not a loadable Python file (give a .py file)")
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module  # dataclasses and pickling look the module up here
        try:
            spec.loader.exec_module(module)
        except BaseException as exc:
            del sys.modules[module_name]
            if isinstance(exc, KeyboardInterrupt):
                raise
            raise _import_failure(str(path)) from None
    return _attribute(module, attribute or "extract", str(path)), digest


def _attribute(module: ModuleType, attribute: str, where: str) -> object:
    value: object = module
    for part in attribute.split("."):
        if not hasattr(value, part):
            raise ResolutionError(
                f"{where} has no attribute {attribute!r} "
                "(define `def extract(document)` or name the object with PATH:NAME / module:NAME)"
            )
        value = getattr(value, part)
    return value


def _import_failure(where: str) -> ResolutionError:
    return ResolutionError(
        f"{where}: importing it raised {_exception_line()} (fix the error in the traceback above)",
        details=traceback.format_exc(),
    )


def _exception_line() -> str:
    kind, value, _ = sys.exc_info()
    name = kind.__name__ if kind else "an error"
    return f"{name}: {value}" if str(value) else name
