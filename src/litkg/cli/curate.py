"""CLI commands: curate (owned by the curate work; attached in litkg.cli)."""

COMMANDS: list = []
