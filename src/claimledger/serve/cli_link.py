"""Commands across sources: ``link``, ``conflicts``, ``timeline`` and ``check``."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from claimledger.serve.cli import db_option, fail_cleanly, format_option, settings_for
from claimledger.serve.output import default_format, emit
from claimledger.store import open_ledger

ENCODERS = ("auto", "minilm", "hashing", "none")


def _encoder(name: str) -> str | None:
    return None if name == "none" else name


@click.command()
@db_option
@click.option("--encoder", type=click.Choice(ENCODERS), default=None,
              help="Sentence encoder for candidate pairs [default: the 'encoder' setting, auto].")
@format_option("json", "jsonl", "table")
@fail_cleanly
def link(db: str | None, encoder: str | None, fmt: str | None) -> None:
    """Assign metric keys and link claims across sources (agree, contradict, update, duplicate).

    First gives a person named by surname only ("COL. WHITFIELD:") the id and full name of the
    one person of the ledger named in full with that surname.

    Example: claimledger link --db campaign.db
    """
    from claimledger.link import link_ledger

    settings = settings_for(db)
    with open_ledger(settings.db) as ledger:
        summary = link_ledger(ledger, encoder=_encoder(encoder or settings.encoder))
    record = summary.record()
    if (fmt or default_format()) == "table":
        links = ", ".join(f"{n} {r}" for r, n in sorted(summary.links.items())) or "no links"
        people = summary.people
        plural = "" if people.surnames == 1 else "s"
        resolved = (f"; {people.surnames} surname{plural} resolved ({people.mentions} mentions, "
                    f"{people.speakers} speakers)") if people.surnames else ""
        click.echo(f"linked {summary.claims} claims ({summary.metrics} metrics, {summary.candidates} "
                   f"candidate pairs): {links} in {summary.seconds:.1f}s{resolved}")
    else:
        emit([record], fmt or "jsonl", ())


@click.command()
@db_option
@format_option()
@click.option("--all", "everything", is_flag=True, help="Also agreements, duplicates and same-metric pairs.")
@click.option("--only-contradictions", is_flag=True, help="Contradictions only (no updates).")
@click.option("--limit", type=int, default=None, help="At most this many.")
@fail_cleanly
def conflicts(db: str | None, fmt: str | None, everything: bool, only_contradictions: bool,
              limit: int | None) -> None:
    """Contradictions first, then updates: both sides with speaker, date, source and quote.

    Example: claimledger conflicts --db campaign.db --format table
    """
    from claimledger.link.read import conflicts as read_conflicts

    relations: tuple[str, ...] = ("contradict",) if only_contradictions else ("contradict", "update")
    if everything:
        relations = ("contradict", "update", "same_metric", "duplicate", "agree")
    settings = settings_for(db)
    with open_ledger(settings.db, readonly=True) as ledger:
        rows = read_conflicts(ledger, relations=relations, limit=limit)
    fmt = fmt or default_format()
    if fmt == "table":
        rows = [_flat_conflict(r) for r in rows]
    emit(rows, fmt, ("relation", "a_speaker", "a_date", "a_quote", "b_speaker", "b_date", "b_quote",
                     "explanation"))


def _flat_conflict(row: dict[str, Any]) -> dict[str, Any]:
    out = {"relation": row["relation"], "explanation": row["explanation"]}
    for side in ("a", "b"):
        cite = row[side]
        # a nameless speaker is still described by its role ("task force") before the publisher stands in
        out[f"{side}_speaker"] = (cite["speaker"] or cite.get("role") or cite["publisher"] or cite["title"]
                                  or cite["source"])
        out[f"{side}_date"] = cite["date"]
        out[f"{side}_quote"] = cite["quote"]
    return out


@click.command()
@click.argument("metric", required=False)
@db_option
@click.option("--speaker", default=None, metavar="NAME",
              help="Only this speaker's figures (every metric when no METRIC is given).")
@format_option()
@fail_cleanly
def timeline(metric: str | None, db: str | None, speaker: str | None, fmt: str | None) -> None:
    """The values of one metric over time by source; with no METRIC, list the metrics.

    METRIC is a key such as "us troops|count|syria" or words that pick one ("troops syria").
    With --speaker, the figures one speaker gave, so a changing story shows.

    Example: claimledger timeline "troops syria" --db campaign.db
    """
    from claimledger.link.read import list_metrics
    from claimledger.link.read import timeline as read_timeline

    settings = settings_for(db)
    with open_ledger(settings.db, readonly=True) as ledger:
        if metric is None and speaker is None:
            emit(list_metrics(ledger), fmt or default_format(),
                 ("metric", "values", "sources", "first", "last", "speakers"))
            return
        rows = read_timeline(ledger, metric, speaker=speaker)
    emit(rows, fmt or default_format(),
         ("metric", "date", "said", "speaker", "publisher", "change", "speaker_before", "quote"))


@click.command()
@click.argument("text")
@db_option
@click.option("--as-of", default=None, metavar="DATE", help="The date the claim speaks of (e.g. 2025-06-12).")
@click.option("--encoder", type=click.Choice(ENCODERS), default=None,
              help="Sentence encoder for retrieval [default: the 'encoder' setting].")
@format_option("json", "jsonl", "table")
@fail_cleanly
def check(text: str, db: str | None, as_of: str | None, encoder: str | None, fmt: str | None) -> None:
    """Check a claim against the corpus: evidence for and against, and a verdict.

    Example: claimledger check "About 2,000 U.S. troops are in Syria" --as-of 2025-06-12
    """
    from claimledger.extract import nlp as nlp_loader
    from claimledger.link.check import as_of_option, check_claim, extract_probe

    settings = settings_for(db)
    probe = extract_probe(text, as_of_option(as_of), nlp_loader.load(settings.spacy_model))
    with open_ledger(settings.db) as ledger:
        result = check_claim(ledger, probe, encoder=_encoder(encoder or settings.encoder))
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if fmt == "table":
        click.echo(f"verdict: {result['verdict']} ({result['explanation']})")
        emit(result["evidence"], "table", ("stance", "speaker", "date", "publisher", "quote", "explanation"))
    elif fmt == "jsonl":
        click.echo(json.dumps(result, ensure_ascii=False))
    else:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))


def register(cli: click.Group) -> None:
    """Add the commands to the ``claimledger`` group."""
    for command in (link, conflicts, timeline, check):
        cli.add_command(command)
