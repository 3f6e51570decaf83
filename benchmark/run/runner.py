"""Run an extractor over documents in isolated worker processes.

Each worker is a ``spawn``-ed process holding one resolved extractor. A document that takes
longer than the timeout gets its worker killed and replaced; a worker that dies (exception
in C code, ``os._exit``, segfault) is replaced too. Either way the document gets an error
and the run goes on, unless ``fail_fast``. Output is in document order whatever ``jobs`` is.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmark.extractors.resolution import ExtractorSpec
from benchmark.model.document import Document
from benchmark.model.prediction import Prediction
from benchmark.run.cache import PredictionCache
from benchmark.run.checking import DEFAULT_MAX_FACTS, CheckedOutput, check_output_text
from benchmark.run.errors import DocumentError, FatalRunError

DEFAULT_TIMEOUT = 60.0
# set-up (imports, model loading) gets its own allowance on top of the per-document timeout
SETUP_TIMEOUT = 120.0
FATAL_KINDS = frozenset({"command_failed"})

# (documents done, documents total, document id, "ok" | "cached" | error kind)
ProgressCallback = Callable[[int, int, str, str], None]


@dataclass(frozen=True)
class RunOptions:
    jobs: int = 1
    timeout: float = DEFAULT_TIMEOUT
    max_facts: int = DEFAULT_MAX_FACTS
    cache_dir: Path | None = None  # None: no cache is read or written
    resume: bool = False
    fail_fast: bool = False
    annotations: Path | None = None  # told to gold-aware extractors (the oracle)
    progress: ProgressCallback | None = field(default=None, compare=False)


@dataclass(frozen=True)
class RunOutcome:
    extractor_name: str
    extractor_version: str
    predictions: tuple[Prediction, ...]
    errors: tuple[DocumentError, ...]
    extract_seconds: float
    cached_documents: int


def identify(spec: ExtractorSpec, annotations: Path | None) -> tuple[str, str]:
    """(name, version) of the extractor, resolved in this process (raises on bad input)."""
    from benchmark.extractors.protocol import identity

    extractor = spec.load()
    bind = getattr(extractor, "bind_annotations", None)
    if annotations is not None and callable(bind):
        bind(annotations)
    name, version = identity(extractor)
    close = getattr(extractor, "close", None)
    if callable(close):
        close()
    return name, version


def run_extractor(
    spec: ExtractorSpec, documents: Sequence[Document], options: RunOptions = RunOptions()
) -> RunOutcome:
    started = time.perf_counter()
    name, version = identify(spec, options.annotations)
    cache = (
        PredictionCache(options.cache_dir, name, version) if options.cache_dir is not None else None
    )
    checked: dict[str, CheckedOutput] = {}
    todo: list[Document] = []
    for document in documents:
        cached = cache.get(document.computed_sha256()) if cache and options.resume else None
        if cached is None:
            todo.append(document)
            continue
        checked[document.id] = check_output_text(document, cached, options.max_facts)
        _report(options, len(checked), len(documents), document.id, "cached")
    cached_count = len(checked)

    def on_answer(document: Document, kind: str, payload: str) -> None:
        if kind == "ok":
            if cache is not None:
                cache.put(document.computed_sha256(), payload)
            result = check_output_text(document, payload, options.max_facts)
        else:
            error = DocumentError(document.id, kind, payload, "/", _FIXES.get(kind, ""))
            if kind in FATAL_KINDS:
                raise FatalRunError(payload)
            result = CheckedOutput((), (error,))
        checked[document.id] = result
        if options.fail_fast and result.errors:
            raise FatalRunError(f"--fail-fast: {result.errors[0]}")
        status = result.errors[0].kind if result.errors else "ok"
        _report(options, len(checked), len(documents), document.id, status)

    if todo and spec.isolated:
        _WorkerPool(spec, options).run(todo, on_answer)
    elif todo:
        _run_inline(spec, todo, options, on_answer)
    predictions: list[Prediction] = []
    errors: list[DocumentError] = []
    for document in documents:
        result = checked[document.id]
        errors.extend(result.errors)
        for prediction in result.predictions:
            predictions.append(_with_index(prediction, len(predictions)))
    return RunOutcome(
        extractor_name=name,
        extractor_version=version,
        predictions=tuple(predictions),
        errors=tuple(errors),
        extract_seconds=time.perf_counter() - started,
        cached_documents=cached_count,
    )


_FIXES = {
    "exception": "fix the exception in the extractor (rerun with --jobs 1 --limit to debug)",
    "timeout": "make the extractor faster or raise --timeout",
    "crash": "the worker process died (os._exit, segfault or out of memory); fix the extractor",
    "invalid_output": "return a list of fact dicts (or {\"facts\": [...]}) of JSON values",
}


def _with_index(prediction: Prediction, index: int) -> Prediction:
    from dataclasses import replace

    return replace(prediction, index=index)


def _report(options: RunOptions, done: int, total: int, document_id: str, status: str) -> None:
    if options.progress is not None:
        options.progress(done, total, document_id, status)


AnswerHandler = Callable[[Document, str, str], None]


def _run_inline(
    spec: ExtractorSpec, documents: Sequence[Document], options: RunOptions,
    on_answer: AnswerHandler,
) -> None:
    """In this process, for objects that cannot reach a worker: no timeout, no isolation."""
    from benchmark.run.worker import answer, prepare

    try:
        extractor = prepare(spec, options.annotations)
    except Exception as exc:
        import traceback

        raise FatalRunError(
            f"the extractor failed to set up: {type(exc).__name__}: {exc}", traceback.format_exc()
        ) from exc
    try:
        for document in documents:
            message = answer(extractor, document)
            if message[0] == "ok":
                on_answer(document, "ok", message[2])
            else:
                on_answer(document, message[2], message[3])
    finally:
        close = getattr(extractor, "close", None)
        if callable(close):
            close()


class _Worker:
    """One spawned worker process and the document it is working on."""

    def __init__(self, spec: ExtractorSpec, annotations: Path | None) -> None:
        import os
        import subprocess
        import sys
        from multiprocessing.connection import Connection

        package_parent = str(Path(__file__).resolve().parents[2])
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_parent, environment.get("PYTHONPATH")) if p
        )
        self.process = subprocess.Popen(
            [sys.executable, "-m", "benchmark.run.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=environment,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.sender = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.connection = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()
        self.sender.send((spec, annotations, list(sys.path)))
        self.document: Document | None = None
        self.deadline = 0.0
        self.ready = False

    def start_setup_clock(self) -> None:
        self.deadline = time.monotonic() + SETUP_TIMEOUT

    def send(self, document: Document, timeout: float) -> None:
        self.document = document
        self.deadline = time.monotonic() + timeout
        self.sender.send(document)

    def stop(self) -> None:
        import subprocess

        if self.process.poll() is None:
            try:
                self.sender.send(None)
                self.process.wait(timeout=2)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self.kill()

    def kill(self) -> None:
        import subprocess

        if self.process.poll() is None:
            self.process.terminate()  # lets a --command worker stop its program
            try:
                self.process.wait(timeout=1)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for connection in (self.sender, self.connection):
            if not connection.closed:
                connection.close()


class _WorkerPool:
    def __init__(self, spec: ExtractorSpec, options: RunOptions) -> None:
        self.spec = spec
        self.options = options

    def run(self, documents: Sequence[Document], on_answer: AnswerHandler) -> None:
        from multiprocessing.connection import wait

        pending = deque(documents)
        workers = [self._spawn() for _ in range(max(1, min(self.options.jobs, len(pending))))]
        try:
            while pending or any(w.document is not None for w in workers):
                for worker in workers:
                    if worker.ready and worker.document is None and pending:
                        worker.send(pending.popleft(), self.options.timeout)
                waiting = [w for w in workers if not w.ready or w.document is not None]
                if not waiting:
                    break
                left = max(0.0, min(w.deadline for w in waiting) - time.monotonic())
                readable = wait([w.connection for w in waiting], timeout=left)
                for index, worker in enumerate(workers):
                    if worker.connection in readable:
                        workers[index] = self._receive(worker, on_answer, bool(pending))
                    elif time.monotonic() >= worker.deadline and worker in waiting:
                        workers[index] = self._expire(worker, on_answer, bool(pending))
        finally:
            for worker in workers:
                worker.stop()

    def _spawn(self) -> _Worker:
        worker = _Worker(self.spec, self.options.annotations)
        worker.start_setup_clock()
        return worker

    def _receive(self, worker: _Worker, on_answer: AnswerHandler, more: bool) -> _Worker:
        try:
            message = worker.connection.recv()
        except (EOFError, OSError):
            return self._lost(worker, on_answer, more, "crash", self._death_message(worker))
        if message[0] == "ready":
            worker.ready = True
            return worker
        if message[0] == "failed":
            worker.kill()
            raise FatalRunError(f"the extractor failed to set up: {message[1]}", message[2])
        document, worker.document = worker.document, None
        assert document is not None
        if message[0] == "ok":
            on_answer(document, "ok", message[2])
        else:
            on_answer(document, message[2], message[3])
        return worker

    def _expire(self, worker: _Worker, on_answer: AnswerHandler, more: bool) -> _Worker:
        if not worker.ready:
            worker.kill()
            raise FatalRunError(
                f"the extractor did not finish setting up within {SETUP_TIMEOUT:g} s"
            )
        message = f"no answer within {self.options.timeout:g} s; the worker was killed"
        return self._lost(worker, on_answer, more, "timeout", message)

    def _lost(
        self, worker: _Worker, on_answer: AnswerHandler, more: bool, kind: str, message: str
    ) -> _Worker:
        document, worker.document = worker.document, None
        worker.kill()
        replacement = self._spawn() if more else worker
        if document is not None:
            on_answer(document, kind, message)
        elif not worker.ready:
            raise FatalRunError(f"the worker process died while setting up: {message}")
        return replacement

    @staticmethod
    def _death_message(worker: _Worker) -> str:
        import subprocess

        try:
            code: int | None = worker.process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            code = None
        if code is not None and code < 0:
            import signal

            try:
                return f"the worker process was killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"the worker process was killed by signal {-code}"
        return f"the worker process exited with status {code} while extracting"
