"""``claimledger eval``: every benchmark on the public datasets, one table."""

from __future__ import annotations

import sys

import click

from claimledger.evaluation import find_datasets, format_table


@click.command(name="eval")
@click.option("--datasets", type=click.Path(file_okay=False), default=None,
              help="Folder of the public datasets [default: ../shared/datasets].")
@click.option("--fast", is_flag=True, help="Small subsets only (the CI quality gate's).")
@click.option("--only", multiple=True, help="Run only this benchmark (repeatable), e.g. newsquant.")
@click.option("--verbose", "-v", is_flag=True, help="Say which benchmark runs; print scorer tracebacks.")
def eval_command(datasets: str | None, fast: bool, only: tuple[str, ...], verbose: bool) -> None:
    """Measure every component on the datasets and print one table.

    Example: claimledger eval --datasets ../shared/datasets --only boilerplate
    """
    from claimledger.evaluation import runner

    echo = (lambda line: click.echo(line, err=True)) if verbose else None
    outcome = runner.run(find_datasets(datasets), fast=fast, only=list(only) or None, echo=echo)
    click.echo(format_table(outcome.scores))
    for line in outcome.skipped + outcome.errors:
        click.echo(line, err=True)
    if outcome.errors:
        sys.exit(1)


def register(cli: click.Group) -> None:
    cli.add_command(eval_command)
