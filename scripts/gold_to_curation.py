#!/usr/bin/env python
"""Turn the seed gold claims into curation records (accept / edit / add) in the curation log.

    python scripts/gold_to_curation.py                      # corpus/gold/claims.jsonl vs .litkg build
    python scripts/gold_to_curation.py --dry-run            # print the records instead of logging them
    python scripts/gold_to_curation.py --machine out/claims.jsonl --log /tmp/curation.jsonl

The matching rules are in :mod:`litkg.curate.gold`.  Run it once: the records are appended, so a
second run would duplicate them (it refuses unless --force).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from litkg.curate import current_claims
from litkg.curate.gold import gold_to_records, read_claims, read_gold
from litkg.curate.log import DEFAULT_LOG, append, read_log
from litkg.errors import LitkgError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("corpus/gold/claims.jsonl"))
    parser.add_argument("--store", type=Path, default=Path(".litkg"), help="build whose claims are the machine's")
    parser.add_argument("--machine", type=Path, default=None, help="machine claims JSONL (instead of --store)")
    parser.add_argument("--log", type=Path, default=DEFAULT_LOG)
    parser.add_argument("--curator", default="gold")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--force", action="store_true", help="append even if the log has gold records")
    args = parser.parse_args(argv)
    try:
        gold = read_gold(args.gold)
        machine = read_claims(args.machine) if args.machine else current_claims(args.store)
        records = gold_to_records(gold, machine, curator=args.curator)
        if args.dry_run:
            for record in records:
                print(record.to_line())
        else:
            existing, _ = read_log(args.log)
            if any(r.curator == args.curator for r in existing) and not args.force:
                print(f"error: {args.log} already has records by {args.curator!r} (use --force)", file=sys.stderr)
                return 1
            for record in records:
                append(args.log, record)
    except LitkgError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    counts = {a: sum(r.action == a for r in records) for a in ("accept", "edit", "add")}
    print(f"{len(gold)} gold claims -> " + ", ".join(f"{n} {a}" for a, n in counts.items())
          + ("" if args.dry_run else f" (appended to {args.log})"), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
