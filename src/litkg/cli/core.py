"""CLI commands: build, query, export, validate."""

COMMANDS: list = []
