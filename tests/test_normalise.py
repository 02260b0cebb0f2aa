"""Normalisation layer (litkg.ingest.normalise): cleaned text with offsets into the original."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from litkg.ingest.normalise import looks_hard_wrapped, normalise_text
from litkg.paths import corpus_dir

_IGNORABLE = re.compile(r"[\s\-\u2010\u2011\u00ad\u200b-\u200d\u2060\ufeff]")


def _canon(text: str) -> str:
    """Equality modulo whitespace, hyphens and ligatures."""
    return _IGNORABLE.sub("", unicodedata.normalize("NFKC", text))


def _assert_tokens_map_back(norm) -> None:
    for match in re.finditer(r"\S+", norm.text):
        start, end = norm.span_to_original(match.start(), match.end())
        assert _canon(norm.original[start:end]) == _canon(match.group()), (match.group(), start, end)


def _seed(name: str) -> str:
    path = corpus_dir() / name
    if not path.exists():
        pytest.skip(f"seed text {path} not found")
    return path.read_text(encoding="utf-8")


def test_ligatures_and_odd_spaces():
    norm = normalise_text("e\ufb03cacy of\u00a0cinacalcet\u2009was ﬁne\u200b.")
    assert norm.text == "efficacy of cinacalcet was fine."
    start = norm.text.index("cinacalcet")
    orig = norm.original.index("cinacalcet")
    assert norm.span_to_original(start, start + 10) == (orig, orig + 10)
    assert start == orig + 2  # the three-letter ligature added two characters before it
    # Every character of an expanded ligature maps to the ligature itself.
    assert {norm.to_original(i) for i in range(1, 4)} == {1}
    _assert_tokens_map_back(norm)


def test_hyphenated_line_breaks():
    norm = normalise_text("end-stage renal failure secon-\ndary to FGF-\n23 excess and vitamin D-\n"
                          "resistant rickets; a long-\nterm long-term fol-\n  low-up.")
    assert "secondary" in norm.text
    assert "FGF-23" in norm.text  # next part starts with a digit: the hyphen is part of the name
    assert "D-resistant" in norm.text  # a one-letter symbol before the hyphen
    assert "long-term long-term" in norm.text  # the document uses the hyphenated compound
    assert "follow-up" in norm.text
    _assert_tokens_map_back(norm)
    start = norm.text.index("secondary")
    a, b = norm.span_to_original(start, start + len("secondary"))
    assert norm.original[a:b] == "secon-\ndary"


def test_hyphen_kept_before_capital():
    assert "anti-Xa" in normalise_text("the anti-\nXa level").text


def test_crlf_and_form_feed_become_newlines():
    norm = normalise_text("Line one.\r\nLine two.\fLine three.")
    assert norm.text == "Line one.\nLine two.\nLine three."
    assert norm.to_original(norm.text.index("Line two")) == norm.original.index("Line two")


WRAPPED = """Calciphylaxis is probably the most hazardous cutaneous
complication of end-stage renal failure. Although its
precise pathomechanism is still elusive, phosphate and cal-
cium disturbances are likely to play a significant role,
along with secondary hyperparathyroidism in these patients.

CASE REPORT

A 68-year-old woman with end-stage renal failure secon-
dary to nephroangiosclerosis was referred for evaluation
of a highly painful ulceration of her left forearm which
had appeared two months earlier during haemodialysis.
"""


def test_hard_wrapped_text_is_unwrapped():
    assert looks_hard_wrapped(WRAPPED)
    norm = normalise_text(WRAPPED)
    assert norm.hard_wrapped
    paragraphs = [p for p in norm.text.split("\n\n") if p.strip()]
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Calciphylaxis is probably the most hazardous cutaneous complication")
    assert "phosphate and calcium disturbances" in paragraphs[0]
    assert paragraphs[1] == "CASE REPORT"
    assert "\n" not in paragraphs[2].strip()
    _assert_tokens_map_back(norm)


def test_normal_text_is_untouched():
    text = ("Cinacalcet lowered PTH in both patients and calcium stayed stable throughout.\n\n"
            "Results: Neither treatment had an effect on serum FGF-23 levels at any time.\n\n"
            "Short heading\nAnother line\n")
    assert not looks_hard_wrapped(text)
    assert normalise_text(text).text == text


def test_seed_texts_not_wrapped_are_unchanged_apart_from_characters():
    for name in ("000_965f824fb56ceb67.txt", "003_0426992a89cfeb97.txt"):
        text = _seed(name)
        norm = normalise_text(text)
        assert not norm.hard_wrapped
        assert norm.text.count("\n") == text.replace("\r\n", "\n").count("\n")
        _assert_tokens_map_back(norm)


def test_seed_pdf_texts_are_unwrapped_but_tables_stay_on_their_lines():
    text = _seed("001_6f1f406299f69f49.txt")
    norm = normalise_text(text)
    assert norm.hard_wrapped
    assert norm.text.count("\n") < text.count("\n") * 0.6
    _assert_tokens_map_back(norm)
    # Every table row of the original (a line starting with a run of numbers) is still a line.
    table_rows = [ln.strip() for ln in text.splitlines()
                  if re.match(r"^\s*\d+(?:\.\d+)?\s+\d+(?:\.\d+)?\s+\d+\s+\d+\s+\S", ln)]
    assert len(table_rows) >= 5
    normalised_lines = {ln.strip() for ln in norm.text.splitlines()}
    for row in table_rows:
        assert row in normalised_lines, row
    text = _seed("004_295ae36b53f7cab3.txt")
    norm = normalise_text(text)
    assert norm.hard_wrapped and "secondary to nephroangiosclerosis" in norm.text
    _assert_tokens_map_back(norm)


def test_property_random_documents_map_back():
    """Tokens of the normalised text map back to equal original text, on random inputs."""
    rng = random.Random(7)
    words = ["calcium", "PTH", "FGF-", "secon-", "dary", "ﬁbrosis", "e\ufb03cacy", "7.8", "2.4",
             "mg/dL", "(Table", "1).", "Results:", "the", "was", "decreased", "\u00a0", "Ca:",
             "•", "-", "Xa", "23"]
    for _ in range(200):
        pieces = []
        for _ in range(rng.randint(5, 80)):
            pieces.append(rng.choice(words))
            pieces.append(rng.choice([" ", " ", " ", "\n", "\n\n", "\r\n", "-\n", "  \n"]))
        norm = normalise_text("".join(pieces), unwrap=rng.random() < 0.5)
        _assert_tokens_map_back(norm)
        assert norm.to_original(len(norm.text)) == len(norm.original)
        offsets = [norm.to_original(i) for i in range(len(norm.text))]
        assert offsets == sorted(offsets)  # the map is monotone


def test_offset_errors():
    norm = normalise_text("abc")
    with pytest.raises(IndexError):
        norm.to_original(4)
    with pytest.raises(ValueError):
        norm.span_to_original(2, 1)
    assert norm.span_to_original(1, 1) == (1, 1)
    assert normalise_text("").text == "" and normalise_text("").to_original(0) == 0


def test_word_split_over_lines_without_hyphen_is_joined_only_when_the_document_says_so():
    line = "The treatment produced a measurable clinical improvement in the serum phosphate of both"
    text = (f"{line}\nadults; after six months the bone pain and the gait showed a further improve\n"
            f"ment, and the physicians who followed them closely over these months wrote it may\n"
            f"be that the dose mattered more than the timing. It may be relevant to a much longer trial\n"
            f"follow-up of patients who are treated with the same drug over several long years.\n")
    assert looks_hard_wrapped(text)
    norm = normalise_text(text)
    assert "further improvement, and" in norm.text  # "improvement" is written elsewhere
    assert "it may be that" in norm.text  # "be" is a word of its own in this document
    _assert_tokens_map_back(norm)
