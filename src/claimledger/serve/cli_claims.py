"""The ``claims`` command: list the ledger's claims with speaker, date, source and text."""

from __future__ import annotations

from typing import Any

import click

from claimledger.errors import ConfigError
from claimledger.serve.cli import db_option, fail_cleanly, format_option, settings_for
from claimledger.serve.output import default_format, emit
from claimledger.store import open_ledger

TABLE_COLUMNS = ("date", "speaker", "source", "checkworthy", "text")


def speaker_label(speaker: dict[str, Any] | None) -> str | None:
    """One readable line for a speaker: "John Kirby (Pentagon spokesman)", or the description."""
    if not speaker:
        return None
    name, role = speaker.get("name"), speaker.get("role")
    if name:
        return f"{name} ({role})" if role else str(name)
    if speaker.get("description"):
        prefix = "anonymous: " if speaker.get("anonymous") else ""
        return f"{prefix}{speaker['description']}"
    return str(role) if role else None


def table_row(record: dict[str, Any]) -> dict[str, Any]:
    """The columns the terminal table shows for one claim record."""
    document = record.get("document") or {}
    published = (document.get("published") or {}).get("date")
    return {
        "date": record.get("as_of") or published,
        "speaker": speaker_label(record.get("speaker")) or "(unknown)",
        "source": document.get("publisher") or document.get("title") or _short(document.get("source")),
        "checkworthy": f"{record.get('checkworthy', 0.0):.2f}",
        "text": record.get("text"),
    }


def _short(source: str | None) -> str | None:
    """A file path shortened to its name (URLs and other sources as they are)."""
    if not source or "://" in source:
        return source
    return source.replace("\\", "/").rsplit("/", 1)[-1]


@click.command()
@db_option
@format_option("table", "json", "jsonl", "csv")
@click.option("--speaker", default=None, help="Part of the speaker's name, or the speaker's entity id.")
@click.option("--entity", default=None, help="Claims mentioning this entity (id or canonical name).")
@click.option("--place", default=None, help="Claims about this place (place id, gazetteer id or name).")
@click.option("--since", default=None, metavar="DATE", help="As of this date or later (2019, 2019-03, 2019-03-22).")
@click.option("--until", default=None, metavar="DATE", help="As of this date or earlier.")
@click.option("--text", "text", default=None, metavar="WORDS", help="Full-text search: all these words.")
@click.option("--metric", default=None, help="Only claims with this metric key.")
@click.option("--min-checkworthy", type=click.FloatRange(0, 1), default=None,
              help="Only claims scoring at least this check-worthiness (0..1).")
@click.option("--limit", type=click.IntRange(1, 500), default=50, show_default=True, help="At most this many.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Skip this many first.")
@fail_cleanly
def claims(db: str | None, fmt: str | None, speaker: str | None, entity: str | None, place: str | None,
           since: str | None, until: str | None, text: str | None, metric: str | None,
           min_checkworthy: float | None, limit: int, offset: int) -> None:
    """List claims, newest first, with speaker, date, source and text.

    Example: claimledger claims --speaker Kirby --since 2024-03 --text "campaign over"
    """
    from claimledger.store.queries import ClaimFilter, list_claims

    filters = ClaimFilter(text=text, speaker=speaker, entity=entity, place=place, since=since,
                          until=until, metric=metric, min_checkworthy=min_checkworthy)
    settings = settings_for(db)
    with open_ledger(settings.db) as ledger:
        try:
            records = list_claims(ledger, filters, limit=limit, offset=offset)
        except ValueError as exc:  # a malformed --since/--until
            raise ConfigError(str(exc)) from exc
    chosen = fmt or default_format()
    rows = [table_row(r) for r in records] if chosen in ("table", "csv") else records
    emit(rows, chosen, TABLE_COLUMNS)


def register(cli: click.Group) -> None:
    """Add the ``claims`` command to the ``claimledger`` group."""
    cli.add_command(claims)
