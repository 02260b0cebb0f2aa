"""The training examples of scripts/train_direction_model.py, read from a tiny benchmark
folder written for this test (the real Evidence Inference files are never needed here)."""

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import train_direction_model as training_script  # noqa: E402  (a script, not a package)

_ANNOTATION_FIELDS = ["UserID", "PromptID", "PMCID", "Valid Label", "Valid Reasoning", "Label",
                      "Annotations"]


def _benchmark(folder: Path, annotations: list[dict]) -> Path:
    with open(folder / "prompts_merged.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, ["PromptID", "PMCID", "Outcome", "Intervention", "Comparator"])
        w.writeheader()
        w.writerow({"PromptID": "1", "PMCID": "77", "Outcome": "wound pain",
                    "Intervention": "lidocaine gel", "Comparator": "saline gel"})
    with open(folder / "v2_annotations.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, _ANNOTATION_FIELDS)
        w.writeheader()
        for n, row in enumerate(annotations):
            w.writerow({"UserID": n, "PromptID": "1", "PMCID": "77", "Valid Label": "True",
                        "Valid Reasoning": "True", **row})
    (folder / "splits").mkdir()
    (folder / "splits" / "train_article_ids.txt").write_text("77\n")
    return folder


def test_a_span_is_labelled_by_its_own_annotator_and_scored_by_the_majority(tmp_path):
    lower = "Wound pain was lower with lidocaine gel than with saline gel."
    similar = "Wound pain was similar with lidocaine gel and saline gel at one week."
    folder = _benchmark(tmp_path, [
        {"Label": "significantly decreased", "Annotations": lower},
        {"Label": "significantly decreased", "Annotations": lower},
        {"Label": "no significant difference", "Annotations": similar}])
    rows = [r for r in training_script.examples(folder, "train") if not r[3]]
    by_text = {r[0]: r for r in rows}
    assert len(by_text) == 2
    decreased, unchanged = (training_script.CLASSES.index(x) for x in ("decreased", "unchanged"))
    own = {label for text, label, *_ in rows if "similar" in text}
    assert own == {unchanged}  # the annotator who marked the null span said "no difference"
    assert {r[4] for r in rows} == {decreased}  # the prompt's majority is what spans are scored on


def test_annotations_not_upheld_by_verification_are_not_trained_on(tmp_path):
    folder = _benchmark(tmp_path, [
        {"Label": "significantly decreased",
         "Annotations": "Wound pain was lower with lidocaine gel than with saline gel."},
        {"Label": "significantly increased", "Valid Label": "False",
         "Annotations": "Lidocaine gel was applied before saline gel for wound pain."}])
    rows = training_script.examples(folder, "train")
    kept = training_script.training(rows)
    assert len(kept) < len(rows)
    assert all("lower" in text for text, *_ in kept)
