"""The command line: parses options and dispatches; the work is done by the library."""

from __future__ import annotations

import errno
import json
import logging
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

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

PathsArg = Annotated[
    list[str], typer.Argument(help="Files, folders (recursive), globs, or - for stdin.")
]
DbOpt = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="SITREP_DB",
        help="Store URL: sqlite:///file.db or postgresql+psycopg://user@host/db",
    ),
]


FullOpt = Annotated[
    bool,
    typer.Option(
        "--full",
        help="Analyse every document in full, also those the relevance gate finds no conflict "
        "news in (they are otherwise stored with relevance 'low': text, provenance, places).",
    ),
]


class OutFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"
    pretty = "pretty"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"


def _print_version(value: bool) -> None:
    if value:
        from sitrep import __version__

        typer.echo(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
) -> None:
    """sitrep: noisy conflict news in, an evidence-linked, geolocated ledger out."""


# exit codes beside 0, 2 (usage), 3 (store) and 130 (interrupted): the port to serve on is taken
PORT_TAKEN = 4


def examples(*lines: str) -> str:
    """A command's --help epilog: one example command a line."""
    return "Examples:\n\n" + "\n\n".join(f"  {line}" for line in lines)


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@app.command(
    epilog=examples(
        "sitrep extract --format jsonl article.txt page.html feed.jsonl",
        "sitrep extract --format pretty news/*.txt",
    "cat article.txt | sitrep extract -",
    )
)
def extract(
    paths: PathsArg,
    fmt: Annotated[
        OutFormat, typer.Option("--format", "-f", help="jsonl: one line per document.")
    ] = OutFormat.jsonl,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0.1,
            help="Seconds one document may take; a slower one gets error E201 and the run "
            "goes on.",
        ),
    ] = Config().doc_timeout_s,
    full: FullOpt = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Print the extracted facts of each input document as JSON (the contract in the README)."""
    from sitrep.errors import Code
    from sitrep.ingest.step import read_paths
    from sitrep.pipeline import Pipeline
    from sitrep.run.local import batches, process_batch_safely

    _setup_logging(verbose)
    config = _config(full, timeout)
    pipe = Pipeline(config).setup()
    out = []
    # a few documents analysed together, each within the runners' per-document limit
    done = (d for b in batches(read_paths(paths, config)) for d in process_batch_safely(pipe, b))
    for doc in done:
        for e in doc.errors:
            if e.code == Code.TIMEOUT:
                err.print(f"[yellow]{doc.name}[/]: {e.message} ({e.code}); going on")
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


@app.command(
    epilog=examples(
        "sitrep ingest news/ --db sqlite:///news.db --workers 0",
        "sitrep ingest crawl.warc.gz --db postgresql+psycopg://me@/sitrep",
        "sitrep ingest news/ --engine ray --parquet shards/",
    )
)
def ingest(
    paths: PathsArg,
    db: DbOpt = DEFAULT_DB,
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Worker processes (0: one per core).")
    ] = 1,
    reprocess: Annotated[bool, typer.Option(help="Re-run documents already in the store.")] = False,
    engine: Annotated[str, typer.Option(help="local, or ray (needs the [ray] extra).")] = "local",
    address: Annotated[
        str | None,
        typer.Option(help="Ray address (auto, ray://host:port); default: a local instance."),
    ] = None,
    parquet: Annotated[
        str | None,
        typer.Option(
            help="With --engine ray: write Parquet shards to this folder or URI instead of the "
            "store (import them with `sitrep load`)."
        ),
    ] = None,
    no_resolve: Annotated[
        bool, typer.Option("--no-resolve", help="Skip grouping copies, incidents and the ledger.")
    ] = False,
    full: FullOpt = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Run the pipeline over the inputs into the store, with a progress bar and a summary."""
    import os

    _setup_logging(verbose)
    if engine not in ("local", "ray"):
        err.print(f"[red]unknown engine {engine!r}[/]: use local or ray")
        raise typer.Exit(2)
    with _store_failures(db):
        _ingest(paths, db, workers or (os.cpu_count() or 1), reprocess, engine, address, parquet,
                no_resolve, _config(full))


def _config(full: bool, timeout: float | None = None) -> Config:
    """The pipeline's options; `full` turns the relevance gate off."""
    from dataclasses import replace

    config = Config() if timeout is None else Config(doc_timeout_s=timeout)
    return replace(config, relevance_gate=False) if full else config


def _ingest(  # type: ignore[no-untyped-def]
    paths, db, workers, reprocess, engine, address, parquet, no_resolve, config: Config
) -> None:
    from sitrep.ingest.step import read_paths

    store = _open_store(db)
    if engine == "ray":
        stats = _ingest_ray(paths, config, store, address, parquet, reprocess)
    else:
        known = set() if reprocess else store.known_ids()
        stats = _ingest_local(read_paths(paths, config), config, store, workers, known)
    _print_summary(stats, store)
    if stats.interrupted:
        raise typer.Exit(130)
    if not no_resolve and not parquet:
        _resolve(store)


@app.command()
def reprocess(
    relevance: Annotated[
        str, typer.Option(help="Which stored documents: low (those the relevance gate skipped).")
    ] = "low",
    db: DbOpt = DEFAULT_DB,
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Worker processes (0: one per core).")
    ] = 1,
    no_resolve: Annotated[
        bool, typer.Option("--no-resolve", help="Skip grouping copies, incidents and the ledger.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Analyse stored documents again in full (the NLP and the extractors), from their raw text."""
    import os

    _setup_logging(verbose)
    if relevance not in ("low", "high"):
        err.print(f"[red]unknown relevance {relevance!r}[/]: use low or high")
        raise typer.Exit(2)
    with _store_failures(db):
        store = _open_store(db, must_exist=True)
        docs = store.documents_of_relevance(relevance)
        stats = _ingest_local(docs, _config(True), store, workers or (os.cpu_count() or 1), set())
        _print_summary(stats, store)
        if stats.interrupted:
            raise typer.Exit(130)
        if not no_resolve:
            _resolve(store)


def _resolve(store) -> None:  # type: ignore[no-untyped-def]
    from sitrep.resolve import resolve_store

    s = resolve_store(store)
    err.print(
        f"resolved {s.documents} documents ({s.removed} removed) in {s.seconds:.1f} s: "
        f"{s.copies} copies, {s.incidents_written} incidents, {s.tracks_written} tracks, "
        f"{s.ledger_written} ledger rows, {s.contradictions} figures contradicted"
    )


@app.command(epilog=examples("sitrep resolve --db sqlite:///news.db"))
def resolve(
    db: DbOpt = DEFAULT_DB,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Group republished copies, merge incidents, chain tracks, line up the claims ledger."""
    _setup_logging(verbose)
    with _store_failures(db):
        _resolve(_open_store(db, must_exist=True))


def _open_store(db: str, *, read_only: bool = False, must_exist: bool = False):  # type: ignore[no-untyped-def]
    """The store at `db`; a read command opens it read-only and never creates it."""
    from sitrep.store.db import Store

    return Store(db, read_only=read_only, must_exist=must_exist or read_only)


@contextmanager
def _store_failures(db: str) -> Iterator[None]:
    """Store problems end the command with the reason: exit 2 for a URL that is not one, 3 for
    a store that cannot be opened or written (missing, unreachable, full, corrupt, read-only)."""
    from sqlalchemy.exc import SQLAlchemyError

    from sitrep.store.db import StoreError, StoreUrlError, reason

    try:
        yield
    except StoreUrlError as exc:
        raise _stop(2, f"[red]bad --db[/]: {escape(str(exc))}") from exc
    except StoreError as exc:
        raise _stop(3, f"[red]store error[/]: {escape(str(exc))}") from exc
    except SQLAlchemyError as exc:
        raise _stop(3, f"[red]store error[/] ({escape(db)}): {escape(reason(exc))}") from exc
    except ModuleNotFoundError as exc:
        raise _stop(3, f"[red]cannot open the store {escape(db)}[/]: {exc}") from exc


def _stop(code: int, said: str) -> typer.Exit:
    """Print why the command stops; the exit to raise."""
    err.print(said)
    return typer.Exit(code)


def _ingest_local(docs, config: Config, store, workers: int, known: set[str]):  # type: ignore[no-untyped-def]
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from sitrep.run.local import RunStats, run_local

    skipped = 0

    def fresh():  # type: ignore[no-untyped-def]
        nonlocal skipped
        for d in docs:
            if d.id in known and d.raw_text:
                skipped += 1
                continue
            yield d

    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} docs/s"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    ) as progress:
        task = progress.add_task("ingest", total=None, rate="-")
        t0 = __import__("time").perf_counter()

        def tick(_doc) -> None:  # type: ignore[no-untyped-def]
            done = progress.tasks[0].completed + 1
            rate = done / max(__import__("time").perf_counter() - t0, 1e-6)
            progress.update(task, advance=1, rate=f"{rate:.1f}")

        stats: RunStats = run_local(
            fresh(), config, workers=workers, sink=store.upsert_many, on_progress=tick
        )
    stats.skipped = skipped
    return stats


def _ingest_ray(paths, config: Config, store, address, parquet, reprocess: bool):  # type: ignore[no-untyped-def]
    """Read, analyse and write on the Ray workers; the driver only prints counters."""
    from sitrep.run.ray_runner import run_ray

    try:
        stats = run_ray(
            list(paths),
            config,
            store_url=None if parquet else store.url,
            parquet_dir=parquet,
            skip_url=None if reprocess else store.url,
            address=address,
        )
    except ValueError as exc:
        err.print(f"[red]{exc}[/]")
        raise typer.Exit(2) from exc
    nodes = ", ".join(f"{node}: {n}" for node, n in sorted(stats.nodes.items()))
    err.print(
        f"ray: documents analysed per node ({len(stats.nodes)} nodes) {nodes}; "
        f"driver peak RSS {stats.driver_peak_mb:.0f} MB",
        markup=False,
        soft_wrap=True,
    )
    return stats


def _print_summary(stats, store) -> None:  # type: ignore[no-untyped-def]
    from rich.table import Table

    err.print(
        f"[bold]{stats.documents}[/] documents, {stats.places} places, "
        f"[bold]{stats.facts}[/] facts, "
        f"{stats.errors} errors/warnings, {stats.skipped} already in the store "
        f"in {stats.seconds:.1f} s"
        + (" [yellow](interrupted: work so far kept)[/]" if stats.interrupted else "")
    )
    if stats.error_rows:
        t = Table("input", "code", "reason", title="Errors and warnings", title_justify="left")
        for name, code, msg in stats.error_rows[:50]:
            t.add_row(escape(name), code, escape(msg))
        err.print(t)
        if len(stats.error_rows) > 50:
            err.print(f"... and {len(stats.error_rows) - 50} more (see the errors table)")
    counts = store.counts()
    err.print("store: " + ", ".join(f"{k}={v}" for k, v in counts.items()))


@app.command(epilog=examples("sitrep load shards/ --db sqlite:///news.db"))
def load(
    folder: Annotated[
        Path, typer.Argument(help="Folder of Parquet shards from `ingest --engine ray --parquet`.")
    ],
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Import Parquet shards written by a Ray run into the store (safe to repeat)."""
    from sitrep.run.ray_runner import load_parquet

    if not folder.is_dir():
        err.print(f"[red]{folder} is not a folder[/]")
        raise typer.Exit(2)
    with _store_failures(db):
        store = _open_store(db)
        _print_summary(load_parquet(folder, store), store)
        _resolve(store)


@app.command(
    epilog=examples(
        "sitrep serve --db sqlite:///news.db",
        "sitrep serve --db sqlite:///news.db --port 8080",
    )
)
def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port (a taken one: exit code 4).")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(envvar="SITREP_API_TOKEN", help="Token that enables write endpoints."),
    ] = None,
) -> None:
    """Serve the REST API (/api, /docs) and the web UI (/).

    Without a token the store is opened read-only (a read-only file works); with one, writable.
    A port that is taken ends the command with exit code 4.
    """
    with _store_failures(db):
        _open_store(db, read_only=not token).dispose()
    _serve(db, host, _listen(host, port), token)


def _listen(host: str, port: int) -> socket.socket:
    """A socket listening on host:port for the server; a taken port ends the command."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise _stop(
                PORT_TAKEN,
                f"[red]port {port} on {escape(host)} is taken[/] (another server listens there): "
                f"stop it, or pick another port with --port (make demo PORT=...)",
            ) from exc
        said = f"[red]cannot listen on {escape(host)}:{port}[/]: {escape(str(exc))}"
        raise _stop(2, said) from exc


def _serve(db: str, host: str, sock: socket.socket, token: str | None) -> None:
    import uvicorn

    from sitrep.api.app import create_app

    with _store_failures(db):
        app = create_app(db, token=token, read_only=not token, host=host)
    port = sock.getsockname()[1]
    err.print(f"serving http://{host}:{port}/  (API docs at /docs, store {db})")
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])


@app.command(
    epilog=examples(
        "sitrep export --format geojson --kind movements --db sqlite:///news.db > moves.geojson",
        "sitrep export --format csv --kind claims -o claims.csv",
        "sitrep export --format parquet --kind places -o places.parquet",
    )
)
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.jsonl,
    kind: Annotated[
        str, typer.Option("--kind", "-k", help="movements, claims, quotes or places.")
    ] = "movements",
    db: DbOpt = DEFAULT_DB,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default: stdout).")
    ] = None,
) -> None:
    """Export facts from the store as JSON Lines, CSV, GeoJSON or Parquet.

    Parquet has the API download's columns; movements and places are GeoParquet (a WKB
    geometry column). It is binary: give -o FILE, or redirect stdout.
    """
    from sitrep.store.export import KINDS, WRITERS

    if kind not in KINDS:
        err.print(f"[red]unknown kind {kind!r}[/]: use one of {', '.join(KINDS)}")
        raise typer.Exit(2)
    if fmt is ExportFormat.geojson and kind not in ("movements", "places"):
        err.print("[red]GeoJSON export is for movements and places[/]")
        raise typer.Exit(2)
    if fmt is ExportFormat.parquet and output is None and sys.stdout.isatty():
        err.print("[red]Parquet is binary[/]: write it to a file with -o FILE.parquet")
        raise typer.Exit(2)
    with _store_failures(db):
        store = _open_store(db, read_only=True)
        if fmt is ExportFormat.parquet:
            n = _export_parquet(store, kind, output)
        else:
            out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
            try:
                n = WRITERS[fmt.value](store, kind, out)
            finally:
                if output:
                    out.close()
    err.print(f"exported {n} {kind}")


def _export_parquet(store, kind: str, output: Path | None) -> int:  # type: ignore[no-untyped-def]
    from sitrep.store.parquet import write_parquet
    from sitrep.store.queries import FactFilter, iter_facts

    with store.engine.connect() as conn:
        if output is None:
            return write_parquet(kind, iter_facts(conn, kind, FactFilter()), sys.stdout.buffer)
        with output.open("wb") as out:
            return write_parquet(kind, iter_facts(conn, kind, FactFilter()), out)


@app.command(epilog=examples("sitrep demo", "sitrep demo --port 8080 --db sqlite:///demo.db"))
def demo(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port (a taken one: exit code 4).")] = 8000,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Only ingest.")] = False,
) -> None:
    """Ingest the bundled example articles (analysed afresh each time, so that a store left by
    an older version shows what this one reads), then serve the map and API."""
    if not EXAMPLES.is_dir():
        err.print(f"[red]bundled examples not found at {EXAMPLES}[/]")
        raise typer.Exit(1)
    sock = None if no_serve else _listen(host, port)  # a taken port is said before ingesting
    ingest(
        [str(EXAMPLES)],
        db=db,
        workers=1,
        reprocess=True,  # a dozen short articles: seconds, and never a stale map after an upgrade
        engine="local",
        address=None,
        parquet=None,
        no_resolve=False,
        full=False,
        verbose=False,
    )
    if sock is not None:
        with _store_failures(db):
            _open_store(db, read_only=True).dispose()
        _serve(db, host, sock, None)


@app.command(epilog=examples("sitrep watch https://example.org/rss.xml drop/ --every 15m"))
def watch(
    sources: Annotated[
        list[str], typer.Argument(help="RSS/Atom feed URLs, folders (WARC drop folders too).")
    ],
    db: DbOpt = DEFAULT_DB,
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 15m, 1h.")] = "15m",
    cycles: Annotated[
        int | None, typer.Option(help="Stop after this many polls (default: until Ctrl-C).")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Poll feeds and folders, ingest only new items, resolve, and log one line per cycle."""
    from sitrep.run.watch import Watcher, parse_every
    from sitrep.run.watch import watch as run_watch

    _setup_logging(verbose)
    try:
        every_s = parse_every(every)
    except ValueError as exc:
        err.print(f"[red]{escape(str(exc))}[/]")
        raise typer.Exit(2) from exc
    with _store_failures(db):
        watcher = Watcher(list(sources), _open_store(db), Config())
        run_watch(watcher, every_s, cycles=cycles, log=lambda line: err.print(line, markup=False))


@app.command(
    epilog=examples(
        "sitrep bench --docs 200 --workers 2",
        "sitrep bench --docs 400 --mix 0.2 --json",
    )
)
def bench(
    docs: Annotated[int, typer.Option("--docs", "-n", help="Documents to generate.")] = 200,
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Compare 1 worker with this many.")
    ] = 2,
    seed: Annotated[int, typer.Option(help="Corpus seed.")] = 7,
    mix: Annotated[
        float,
        typer.Option(
            "--mix", min=0.0, max=1.0, help="Share of conflict news; the rest is general news."
        ),
    ] = 1.0,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object instead of tables.")
    ] = False,
) -> None:
    """Measure documents/s, per-stage times, peak memory per worker, and the ratio to a bare
    spaCy pass over the same texts on one core (the figure comparable across machines)."""
    from sitrep.run.bench import bench_report, generate_corpus

    corpus = generate_corpus(docs, seed=seed, mix=mix)
    report = bench_report(corpus, workers, mix)
    if as_json:
        sys.stdout.write(json.dumps(report) + "\n")
        return
    err.print(
        f"generated {len(corpus)} noisy news documents ({mix:.0%} conflict news), "
        f"{report['kb_per_doc']} KB on average"
    )
    _print_bench(report)


def _print_bench(report: dict) -> None:  # type: ignore[type-arg]
    from rich.table import Table

    console = Console()
    t = Table("workers", "docs/s", "docs/s per core", "peak MB per worker", "facts",
              title="whole pipeline")  # fmt: skip
    for r in report["runs"]:
        t.add_row(*(str(r[k]) for k in ("workers", "docs_per_s", "docs_per_s_per_core",
                                         "peak_mb_per_worker", "facts")))  # fmt: skip
    console.print(t)
    if len(report["runs"]) > 1:
        most = report["runs"][-1]["workers"]
        console.print(f"speed-up 1 -> {most} workers: {report['speedup']}x")
    st = Table("stage", "share", "ms per doc", title="per stage (1 worker)")
    for name, ms in report["stage_ms_per_doc"].items():
        st.add_row(name, f"{report['stage_share'][name]:.0%}", f"{ms:.2f}")
    console.print(st)
    console.print(
        f"bare nlp.pipe of the full spaCy model, 1 core: {report['reference_docs_per_s']} docs/s; "
        f"ratio (pipeline docs/s per core / that): {report['ratio']}; "
        f"in CPU time per document: {report['cpu_ratio']}"
    )


# one BLAS/OpenMP thread per process: workers are processes, and threads would fight over cores
THREAD_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def main() -> None:
    import os

    for var in THREAD_ENV:
        os.environ.setdefault(var, "1")
    app()


if __name__ == "__main__":
    main()
