"""``--command``: an extractor in any language, as a long-running subprocess.

Protocol: the harness writes one document JSON object per line (``{"id", "text",
"metadata"}``) to the program's stdin and reads one JSON line per document from its stdout:
a list of facts or ``{"facts": [...]}``. stderr is passed through to the user's terminal.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shlex
import subprocess
import threading
from collections import deque
from typing import IO, Any

from benchmark.model.document import Document


class CommandFailed(Exception):
    """The program exited or stopped answering: the whole run stops (exit code 2)."""

    kind = "command_failed"


class CommandOutputError(Exception):
    """One document's answer was not JSON; recorded for that document, the run goes on."""

    kind = "invalid_output"


class CommandExtractor:
    def __init__(self, command: str, name: str | None = None, version: str | None = None) -> None:
        self.command = command
        self.argv = shlex.split(command)
        if not self.argv:
            raise ValueError("--command is empty (give the program and its arguments)")
        self.name = name or f"command:{command}"
        # the command line is the only identity we know; a cache resumed after the program
        # changed must be cleared by the user (or a --extractor-version given)
        self.version = version or "cmd." + hashlib.sha256(command.encode()).hexdigest()[:12]
        self._process: subprocess.Popen[str] | None = None
        self._stderr_tail: deque[str] = deque(maxlen=5)
        self._stderr_reader: threading.Thread | None = None

    def setup(self) -> None:
        try:
            self._process = subprocess.Popen(
                self.argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                bufsize=1,
            )
        except OSError as exc:
            raise CommandFailed(f"cannot start {self.command!r}: {exc.strerror or exc}") from None
        assert self._process.stderr is not None
        self._stderr_reader = threading.Thread(
            target=self._drain_stderr, args=(self._process.stderr,), daemon=True
        )
        self._stderr_reader.start()

    def extract(self, document: Document) -> Any:
        if self._process is None:
            self.setup()
        process = self._process
        assert process is not None and process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write(json.dumps(document.for_extractor(), ensure_ascii=False) + "\n")
            process.stdin.flush()
        except (BrokenPipeError, OSError):
            raise self._failure("stopped reading its input") from None
        line = process.stdout.readline()
        if not line:
            raise self._failure("closed its output without answering")
        try:
            return json.loads(line)
        except json.JSONDecodeError as exc:
            raise CommandOutputError(
                f"line is not JSON ({exc.msg}): {line.strip()[:80]!r}; print exactly one JSON line "
                "per document on stdout and logs on stderr"
            ) from None

    def close(self) -> None:
        """Stop the program: end of input first, then a kill if it does not exit at once.

        Also called from a signal handler while ``extract`` is blocked reading stdout, so
        stdout is closed last and every step tolerates a stream that is in use.
        """
        process, self._process = self._process, None
        if process is None:
            return
        with contextlib.suppress(Exception):
            if process.stdin is not None:
                process.stdin.close()
        try:
            process.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        with contextlib.suppress(Exception):
            if process.stdout is not None:
                process.stdout.close()

    def _failure(self, what: str) -> CommandFailed:
        assert self._process is not None
        try:
            code = self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            code = None
        if self._stderr_reader is not None:
            self._stderr_reader.join(timeout=1)  # so the last stderr line is in the message
        status = f"exited with status {code}" if code is not None else "is still running"
        tail = f": {self._stderr_tail[-1]}" if self._stderr_tail else ""
        return CommandFailed(f"command {self.command!r} {what} and {status}{tail}")

    def _drain_stderr(self, stream: IO[str]) -> None:
        import sys

        for line in stream:
            self._stderr_tail.append(line.rstrip("\n"))
            sys.stderr.write(line)
