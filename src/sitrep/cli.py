"""The command line: parses options and dispatches; the work is done by the library."""

from __future__ import annotations

import json
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from sitrep.config import Config

app = typer.Typer(
    help="sitrep: noisy conflict news in, an evidence-linked, geolocated ledger out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

EXAMPLES = Path(__file__).parent / "examples" / "articles"
DEFAULT_DB = "sqlite:///sitrep.db"

PathsArg = Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, or - for stdin.")]
DbOpt = Annotated[str, typer.Option("--db", envvar="SITREP_DB",
                                    help="Store URL: sqlite:///file.db or postgresql+psycopg://user@host/db")]


class OutFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    pretty = "pretty"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"


@app.callback()
def _root() -> None:
    """sitrep: noisy conflict news in, an evidence-linked, geolocated ledger out."""


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="jsonl: one line per document.")] = OutFormat.jsonl,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Print the extracted facts of each input document as JSON (the contract in the README)."""
    from sitrep.ingest.readers import read_paths
    from sitrep.pipeline import Pipeline

    _setup_logging(verbose)
    config = Config()
    pipe = Pipeline(config).setup()
    out = []
    for doc in pipe.run(read_paths(paths, config)):
        obj = doc.to_contract()
        if fmt is OutFormat.jsonl:
            sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            out.append(obj)
    if fmt is OutFormat.json:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif fmt is OutFormat.pretty:
        from sitrep.report import print_pretty

        for obj in out:
            print_pretty(obj)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
