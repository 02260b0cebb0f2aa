"""CLI commands: ``litkg evaluate ner|claims|evidence-inference|ade|cdr``.

Each command calls one library function and prints its report as a table, or as JSON with
``--json``.  Benchmark folders are never copied into the project; pass their path.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

_json_option = click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
_limit_option = click.option("--limit", type=int, default=None, help="Only the first N items (speed).")


def _emit(report, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(report.as_table())


@click.group()
def evaluate() -> None:
    """Measure extraction against gold annotations and public benchmarks."""


@evaluate.command("ner")
@click.argument("path", type=click.Path(path_type=Path))
@_json_option
def ner(path: Path, as_json: bool) -> None:
    """Entity recognition and grounding on a PubTator file (CDR, NCBI disease, BioRED)."""
    from litkg.evaluate.ner import evaluate_ner

    _emit(evaluate_ner(path), as_json)


@evaluate.command("claims")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--corpus", type=click.Path(path_type=Path), default=None,
              help="Documents the gold refers to: a folder or an input file "
                   "[default: the gold file's parent's parent, i.e. corpus/].")
@_json_option
def claims(gold: Path, corpus: Path | None, as_json: bool) -> None:
    """Sentence claims against a gold claims.jsonl (e.g. corpus/gold/claims.jsonl)."""
    from litkg.evaluate.claims import evaluate_claims

    _emit(evaluate_claims(gold, corpus=corpus), as_json)


@evaluate.command("evidence-inference")
@click.argument("folder", type=click.Path(path_type=Path))
@_json_option
@_limit_option
@click.option("--entities", type=click.Choice(["prompt", "pipeline"]), default="prompt",
              show_default=True, help="Entities from the prompts, or litkg's recogniser.")
@click.option("--split", type=click.Choice(["train", "validation"]), default=None,
              help="Only the articles of this split.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Leave prompts unanswered whose best claim the evidence ranker holds less "
                   "likely to be right (default 0.6; 0 answers every matched prompt).")
def evidence_inference(folder: Path, as_json: bool, limit: int | None, entities: str,
                       split: str | None, min_confidence: float | None) -> None:
    """Direction of outcome claims on Evidence Inference 2.0 abstracts."""
    from litkg.evaluate.evidence_inference import evaluate_evidence_inference

    _emit(evaluate_evidence_inference(folder, limit=limit, entities=entities, split=split,
                                      min_confidence=min_confidence), as_json)


@evaluate.command("ade")
@click.argument("folder", type=click.Path(path_type=Path))
@_json_option
@_limit_option
@click.option("--entities", type=click.Choice(["lexicon", "pipeline"]), default="lexicon",
              show_default=True, help="Train-part term lexicon, or litkg's recogniser.")
@click.option("--part", type=click.Choice(["test", "dev"]), default="test", show_default=True,
              help="Held-out test part (PMID divisible by 5), or the dev part used to set thresholds.")
def ade(folder: Path, as_json: bool, limit: int | None, entities: str, part: str) -> None:
    """(drug, adverse effect) pairs on the ADE corpus."""
    from litkg.evaluate.ade import evaluate_ade

    _emit(evaluate_ade(folder, limit=limit, entities=entities, part=part), as_json)


@evaluate.command("cdr")
@click.argument("file", type=click.Path(path_type=Path))
@_json_option
@_limit_option
@click.option("--entities", type=click.Choice(["gold", "pipeline"]), default="gold",
              show_default=True, help="The corpus' own mentions, or litkg's recogniser.")
def cdr(file: Path, as_json: bool, limit: int | None, entities: str) -> None:
    """Chemical-induced-disease pairs on a BioCreative V CDR PubTator file."""
    from litkg.evaluate.cdr import evaluate_cdr

    _emit(evaluate_cdr(file, entities=entities, limit=limit), as_json)


COMMANDS: list = [evaluate]
