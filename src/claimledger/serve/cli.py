"""The ``claimledger`` command: thin glue over the Python API.

Shared options are defined once (``db_option``, ``format_option``); errors from the exception
tree become one line on standard error and a non-zero exit.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from claimledger import run
from claimledger.errors import ClaimLedgerError
from claimledger.model import Processed
from claimledger.pipeline import Summary
from claimledger.serve.output import default_format, emit
from claimledger.settings import Settings
from claimledger.store import open_ledger

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "json", "jsonl", "csv")


def db_option(func: F) -> F:
    """``--db LEDGER``: SQLite path or postgresql:// URL (default claimledger.db or $CLAIMLEDGER_DB)."""
    return click.option(
        "--db", "db", default=None, metavar="LEDGER",
        help="Ledger: a SQLite file or a postgresql:// URL [default: claimledger.db or $CLAIMLEDGER_DB].",
    )(func)


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format``: table on a terminal, jsonl when piped."""
    def decorate(func: F) -> F:
        return click.option(
            "--format", "fmt", type=click.Choice(choices or FORMATS), default=None,
            help="Output format [default: table on a terminal, jsonl when piped].",
        )(func)
    return decorate


def settings_for(db: str | None = None, **overrides: Any) -> Settings:
    """Settings from defaults, environment and the command's options."""
    return Settings.load(db=db, **overrides)


def fail_cleanly(func: F) -> F:
    """Turn claimledger errors into one clear line on standard error and exit status 1."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ClaimLedgerError as exc:
            click.echo(f"claimledger: {exc}", err=True)
            sys.exit(1)
        except BrokenPipeError:
            sys.exit(0)
    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimledger")
def cli() -> None:
    """claimledger: a cited ledger of claims from news, statements, transcripts and posts."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: this process, or a Dask cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Dask scheduler address (with --engine dask).")
@click.option("--allow-private", is_flag=True, help="Allow fetching URLs on private or loopback addresses.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@fail_cleanly
def ingest(inputs: tuple[str, ...], db: str | None, engine: str, scheduler: str | None,
           allow_private: bool, quiet: bool) -> None:
    """Ingest files, folders, URLs, WARC, feeds, JSONL or - (stdin) into the ledger.

    Example: claimledger ingest samples/ --db campaign.db
    """
    settings = settings_for(db, allow_private=allow_private or None)
    show = not quiet and sys.stderr.isatty()
    progress = _progress_printer() if show else None
    if engine == "dask":
        from claimledger.serve.distributed import ingest_with_dask

        summary = ingest_with_dask(list(inputs), settings, scheduler=scheduler, progress=progress)
    else:
        summary = run.ingest(list(inputs), settings, progress=progress)
    if show:
        click.echo("", err=True)
    if not quiet:
        click.echo(f"ingested into {_safe_url(settings.db)}: {summary.line()}", err=True)
        for source, reason in summary.failures[:20]:
            click.echo(f"  failed: {source}: {reason}", err=True)
    if summary.failed:
        sys.exit(2)


def _safe_url(url: str) -> str:
    """A ledger address fit to print: the password of a postgresql:// URL masked."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def _progress_printer() -> Callable[[Processed], None]:
    counts = {"ok": 0, "duplicate": 0, "failed": 0}

    def show(item: Processed) -> None:
        counts[item.document.status] = counts.get(item.document.status, 0) + 1
        done = sum(counts.values())
        bar = "#" * (done // 32 % 20) + "." * (19 - done // 32 % 20)  # one mark per batch of 32
        name = item.document.source[-40:]
        click.echo(f"\r\x1b[2K[{bar}] {done} docs: {counts['ok']} ok, {counts['duplicate']} duplicate, "
                   f"{counts['failed']} failed  {name}", err=True, nl=False)
    return show


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@format_option("jsonl", "json")
@fail_cleanly
def extract(inputs: tuple[str, ...], fmt: str | None) -> None:
    """Run the pipeline with no database and print the export records.

    Example: claimledger extract article.html --format jsonl
    """
    summary = Summary()
    emit(run.extract(list(inputs), settings_for(), summary), fmt or "jsonl", ())
    if summary.failed:
        sys.exit(2)


@cli.command()
@db_option
@format_option("jsonl", "json", "csv", "parquet")
@click.option("--type", "types", multiple=True, help="Only these record types (repeatable).")
@click.option("--out", type=click.Path(dir_okay=False), default=None, help="Write to this file.")
@fail_cleanly
def export(db: str | None, fmt: str | None, types: tuple[str, ...], out: str | None) -> None:
    """Everything in the ledger, as the export contract says.

    Example: claimledger export --db campaign.db --format jsonl > ledger.jsonl
    """
    from claimledger.serve import exports

    settings = settings_for(db)
    with open_ledger(settings.db) as ledger:
        exports.export(ledger, fmt or "jsonl", types=types or None, out=out)


@cli.command()
@db_option
@format_option()
@click.option("--status", type=click.Choice(["ok", "failed", "duplicate"]), default=None)
@click.option("--limit", type=int, default=None, help="At most this many documents.")
@fail_cleanly
def docs(db: str | None, fmt: str | None, status: str | None, limit: int | None) -> None:
    """List documents with status, date, title and source.

    Example: claimledger docs --status failed
    """
    settings = settings_for(db)
    with open_ledger(settings.db) as ledger:
        rows = ledger.documents(status=status, limit=limit)
    emit(rows, fmt or default_format(),
         ("status", "published_date", "title", "source", "error"))


# Commands defined next to the code they drive; each module has ``register(cli)``.
COMMAND_MODULES = (
    "claimledger.serve.cli_claims",   # claims (attribution)
    "claimledger.serve.cli_entity",   # entity (a person's roles over time)
    "claimledger.serve.cli_link",     # link, conflicts, timeline, check
    "claimledger.serve.cli_serve",    # serve, report
    "claimledger.serve.cli_eval",     # eval
)


def _register_commands() -> None:
    import importlib
    import importlib.util

    for name in COMMAND_MODULES:
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name).register(cli)


_register_commands()


def main() -> None:
    """Console entry point."""
    cli()


if __name__ == "__main__":
    main()
