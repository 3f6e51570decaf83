"""The worker process: resolves the extractor once, then answers documents one at a time.

A plain subprocess (``python -m benchmark.run.worker``), not ``multiprocessing``, so the
caller's ``__main__`` is never re-imported. Pickled messages go over the worker's original
stdin/stdout: the parent sends ``(spec, annotations, sys.path)``, then a ``Document`` or
``None`` (stop) at a time; the worker first sends
``("ready", name, version)`` or ``("failed", message, traceback)``, then one answer per document:
``("ok", document_id, output_json)`` or ``("error", document_id, kind, message)``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from benchmark.extractors.protocol import Extractor, identity
from benchmark.extractors.resolution import ExtractorSpec
from benchmark.model.document import Document
from benchmark.run.checking import facts_of


def prepare(spec: ExtractorSpec, annotations: Path | None) -> Extractor:
    """Build the extractor, tell it the annotations root if it asks, run its ``setup()``."""
    extractor = spec.load()
    bind = getattr(extractor, "bind_annotations", None)
    if annotations is not None and callable(bind):
        bind(annotations)
    setup = getattr(extractor, "setup", None)
    if callable(setup):
        setup()
    return extractor


def answer(extractor: Extractor, document: Document) -> tuple[Any, ...]:
    """Run one document; every failure becomes an ``("error", ...)`` message."""
    try:
        output = extractor.extract(document)
        facts = facts_of(output)
        if facts is None and _is_iterable(output):
            facts = list(output)  # generators and other iterables; may raise too
    except Exception as exc:
        return ("error", document.id, _kind(exc), _describe(exc))
    try:
        payload = json.dumps(
            facts if facts is not None else output, ensure_ascii=False, allow_nan=False
        )
    except (TypeError, ValueError) as exc:
        return ("error", document.id, "invalid_output", f"output is not JSON: {exc}")
    return ("ok", document.id, payload)


def _is_iterable(output: object) -> bool:
    return hasattr(output, "__iter__") and not isinstance(output, (dict, str, bytes))


def serve(connection_in: Connection, connection_out: Connection) -> None:
    """The worker loop; the first message is ``(spec, annotations, sys.path)``."""
    extractor: Extractor | None = None

    def stop(*_: object) -> None:
        # killed for a timeout: let the extractor stop its own children, then leave at once
        close = getattr(extractor, "close", None)
        if callable(close):
            with contextlib.suppress(BaseException):
                close()
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    try:
        spec, annotations, search_path = connection_in.recv()
        sys.path[:] = search_path  # import what the parent could import (cwd, test dirs)
        extractor = prepare(spec, annotations)
    except BaseException as exc:  # report anything, even SystemExit, as a failed set-up
        # expected failures (a --command that cannot start) carry a ``kind``: no traceback
        details = "" if hasattr(exc, "kind") else traceback.format_exc()
        connection_out.send(("failed", _describe(exc), details))
        return
    connection_out.send(("ready", *identity(extractor)))
    try:
        while (document := connection_in.recv()) is not None:
            connection_out.send(answer(extractor, document))
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        close = getattr(extractor, "close", None)
        if callable(close):
            close()


def main() -> None:
    """Entry of ``python -m benchmark.run.worker``: the protocol runs over stdin/stdout, and
    stdout is then pointed at stderr so an extractor's prints cannot corrupt it."""
    connection_in = Connection(os.dup(0), writable=False)
    connection_out = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)  # an extractor reading stdin must not eat the protocol
    serve(connection_in, connection_out)


def _kind(exc: BaseException) -> str:
    return str(getattr(exc, "kind", "exception"))


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    first = text[0] if text else ""
    described = f"{type(exc).__name__}: {first}" if first else type(exc).__name__
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        last = frames[-1]
        described += f" (at {Path(last.filename).name}:{last.lineno} in {last.name})"
    return described


if __name__ == "__main__":
    main()
