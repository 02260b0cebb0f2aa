"""The ``litkg`` command: a thin layer over the library.

Each command parses its options, calls one library function and turns a
:class:`litkg.errors.LitkgError` into a one-line message and exit code 1 (no traceback).
Command groups live in their own modules and are attached here explicitly.
"""

from __future__ import annotations

import sys

import click

from litkg import __version__
from litkg.errors import LitkgError


class _LitkgGroup(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except LitkgError as err:
            click.echo(f"error: {err}", err=True)
            sys.exit(1)


@click.group(cls=_LitkgGroup)
@click.version_option(__version__, prog_name="litkg")
def cli() -> None:
    """litkg: build and query a literature-evidence knowledge graph."""


def _attach() -> None:
    from litkg.cli import core, curate, evaluate, serve

    for module in (core, curate, evaluate, serve):
        for command in module.COMMANDS:
            cli.add_command(command)


_attach()


def main() -> None:
    cli(prog_name="litkg")
