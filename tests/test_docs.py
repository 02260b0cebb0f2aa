"""Meta-tests that keep the README, .ci/run and the CLI in step (Datasette style)."""

import re
from pathlib import Path

from litkg.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _bash_blocks():
    return re.findall(r"```bash\n(.*?)```", README, flags=re.S)


def test_readme_second_command_is_what_ci_runs():
    first, second = _bash_blocks()[:2]
    assert "litkg build" in first and "litkg query pth-fell-ca-unchanged" in first
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert second.strip() in ci
    assert '"$rc" -eq 5' in ci, ".ci/run must treat pytest's exit 5 (no tests) as a failure"


def test_every_command_in_the_readme_exists():
    usage = _bash_blocks()[2]
    for line in usage.splitlines():
        words = line.split()
        if len(words) < 2 or words[0] != "litkg":
            continue
        command = cli.commands.get(words[1])
        assert command is not None, f"README mentions `litkg {words[1]}`, which does not exist"
        if hasattr(command, "commands") and len(words) > 2 and re.fullmatch(r"[a-z|-]+", words[2]):
            for name in words[2].split("|"):
                assert name in command.commands, f"`litkg {words[1]} {name}` does not exist"


def test_every_cli_command_is_in_the_readme():
    for name in cli.commands:
        assert f"litkg {name}" in README, f"`litkg {name}` is not documented in the README"


def test_every_named_query_is_listed_in_queries_readme():
    listing = ROOT / "queries" / "README.md"
    if not listing.exists():
        return
    text = listing.read_text(encoding="utf-8")
    for path in sorted((ROOT / "queries").glob("*.rq")):
        assert path.stem in text, f"{path.name} is not described in queries/README.md"
