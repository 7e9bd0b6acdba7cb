"""Serve: the command line, the REST API and web UI, reports and exports."""
