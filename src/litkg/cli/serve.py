"""CLI commands: serve (owned by the serve work; attached in litkg.cli)."""

COMMANDS: list = []
