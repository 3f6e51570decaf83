"""``bench``: parse arguments, import only the chosen command, run it.

Each subcommand lives in its own module ``benchmark.cli.<name>`` exposing
``add_arguments(parser)`` and ``run(args) -> int``. Modules are imported only when their
command runs, so ``bench --help`` never pays for scikit-learn, scipy or datasets.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# name -> (module, one-line help). The help text is here so --help needs no imports.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("benchmark.cli.validate", "check annotations or prediction files"),
    "export": ("benchmark.cli.export", "write the dataset as JSONL for `datasets`"),
    "evaluate": ("benchmark.cli.evaluate", "run an extractor on the documents and score it"),
    "score": ("benchmark.cli.score", "score stored predictions without running anything"),
    "compare": ("benchmark.cli.compare", "compare two results files with a significance test"),
    "list": ("benchmark.cli.listing", "list extractors, matchers and datasets"),
    "submit": ("benchmark.cli.submit", "make a leaderboard submission folder from a run"),
    "leaderboard": ("benchmark.cli.leaderboard", "regenerate LEADERBOARD.md from submissions"),
    "check": ("benchmark.cli.check", "CI regression check of annotations and submissions"),
}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("extractbench")
    except PackageNotFoundError:
        return "unknown"


class _VersionAction(argparse.Action):
    """Looks the version up only when asked, keeping start-up free of metadata scans."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object, **__: object) -> None:
        print(f"extractbench {_version()}")
        parser.exit()


def build_parser(command: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bench",
        description="extractbench: evaluate fact extractors against hand-annotated gold.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        if name == command:
            importlib.import_module(module_name).add_arguments(sub)
    return parser


def _chosen_command(argv: Sequence[str]) -> str | None:
    for arg in argv:
        if arg in COMMANDS:
            return arg
        if not arg.startswith("-"):
            return None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = _chosen_command(argv)
    parser = build_parser(command)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    module = importlib.import_module(COMMANDS[args.command][0])
    try:
        code: int = module.run(args)
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
