"""The ``entity`` command: a person's roles over time, from the ledger's ``entity_roles``."""

from __future__ import annotations

import json

import click

from claimledger.serve.cli import db_option, fail_cleanly, format_option, settings_for
from claimledger.serve.output import default_format, emit
from claimledger.store import open_ledger

TABLE_COLUMNS = ("role", "first", "last", "documents", "mentions")


@click.command()
@click.argument("name_or_id")
@db_option
@format_option("table", "json", "jsonl")
@fail_cleanly
def entity(name_or_id: str, db: str | None, fmt: str | None) -> None:
    """Show an entity's roles over time: first and last date seen, documents, mentions.

    NAME_OR_ID is an entity id or a canonical name (any case). An unknown entity exits with
    status 1.

    Example: claimledger entity "Jim Mattis" --db campaign.db
    """
    from claimledger.store.queries import entity_roles

    settings = settings_for(db)
    with open_ledger(settings.db) as ledger:
        found = entity_roles(ledger, name_or_id)
    chosen = fmt or default_format()
    if chosen == "json":  # one object: the entity with its list of roles
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    if chosen == "table":
        click.echo(f"{found['name'] or found['entity']} ({found['entity']})")
        emit(found["roles"], "table", TABLE_COLUMNS)
        return
    emit(({"entity": found["entity"], "name": found["name"], **role} for role in found["roles"]), "jsonl", ())


def register(cli: click.Group) -> None:
    """Add the ``entity`` command to the ``claimledger`` group."""
    cli.add_command(entity)
