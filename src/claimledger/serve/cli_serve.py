"""``claimledger serve`` (REST API + web UI) and ``claimledger report`` (one shareable HTML file)."""

from __future__ import annotations

import click

from claimledger.errors import ConfigError


def register(cli: click.Group) -> None:
    """Add ``serve`` and ``report`` to the command group."""
    from claimledger.serve.cli import db_option, fail_cleanly, settings_for

    @cli.command()
    @db_option
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help="Address to listen on (keep 127.0.0.1 unless a proxy with TLS fronts it).")
    @click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
    @click.option("--threads", "threads", type=click.IntRange(1, 200), default=None,
                  help="Threads answering requests (default: the server's own).")
    @fail_cleanly
    def serve(db: str | None, host: str, port: int, threads: int | None) -> None:
        """Serve the ledger: JSON API under /api (OpenAPI at /api/openapi.json) and the web UI.

        Writing (upload) needs CLAIMLEDGER_API_TOKEN; set CLAIMLEDGER_READ_TOKEN to make reading private.

        Example: CLAIMLEDGER_API_TOKEN=s3cret claimledger serve --db campaign.db --port 8000
        """
        import uvicorn

        from claimledger.serve.api import create_app

        settings = settings_for(db)
        if host not in ("127.0.0.1", "localhost", "::1") and not settings.read_token:
            click.echo(f"claimledger: warning: listening on {host} with reading open to anyone who can "
                       "reach it; set CLAIMLEDGER_READ_TOKEN to require a token", err=True)
        if threads is not None:
            import anyio.to_thread

            anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        app = create_app(settings, warm=True)
        click.echo(f"claimledger: serving {settings.db} on http://{host}:{port}/ (Ctrl+C stops)", err=True)
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)

    @cli.command()
    @db_option
    @click.option("--out", type=click.Path(dir_okay=False, writable=True), default="report.html",
                  show_default=True, help="The HTML file to write.")
    @click.option("--title", default=None, help="Title shown at the top of the report.")
    @fail_cleanly
    def report(db: str | None, out: str, title: str | None) -> None:
        """Write one self-contained HTML report: conflicts, metric timelines, top speakers, sources.

        Example: claimledger report --db campaign.db --out report.html
        """
        from claimledger.serve.report import write_report
        from claimledger.store import open_ledger

        settings = settings_for(db)
        try:
            with open_ledger(settings.db) as ledger:
                size = write_report(ledger, out, title=title)
        except OSError as exc:
            raise ConfigError(f"cannot write {out!r}: {exc.strerror}; choose another --out") from exc
        click.echo(f"claimledger: wrote {out} ({size:,} bytes)", err=True)
