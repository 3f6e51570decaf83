"""Where a run happened: Python, platform and the versions of the packages that shape scores."""

from __future__ import annotations

import os
import platform
from datetime import datetime, timezone
from typing import Any

PACKAGES = ("extractbench", "numpy", "scipy", "scikit-learn", "jsonschema")


def package_version(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def environment() -> dict[str, Any]:
    return {"python": platform.python_version(), "platform": platform.platform(),
            "packages": {name: package_version(name) for name in PACKAGES}}


def reproducible() -> bool:
    """SOURCE_DATE_EPOCH set: timestamps come from it and durations are written as 0."""
    return "SOURCE_DATE_EPOCH" in os.environ


def now_utc() -> str:
    """ISO 8601 UTC to the second; from SOURCE_DATE_EPOCH when that is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.fromtimestamp(int(epoch), tz=timezone.utc) if epoch
              else datetime.now(tz=timezone.utc))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
