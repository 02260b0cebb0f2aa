"""CLI commands: evaluate (owned by the evaluate work; attached in litkg.cli)."""

COMMANDS: list = []
