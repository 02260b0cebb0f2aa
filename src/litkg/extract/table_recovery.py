"""Recover tables from plain text extracted from PDFs.

PDF text loses the grid: a caption "Table 1. ... in case 1", a header whose cells are split
over lines ("Ca\\n(mg/dL)\\n\\nP\\n(mg/dL)..."), then rows where a label, the numbers and a
free-text column (e.g. the treatment) are spread over one or more lines, and sometimes a block
of rows written column by column (all labels, then column 1 of each row, then column 2...).

The recovery is driven by the header, not by any wording:

1. a caption line ``Table N.`` / ``Table N:`` opens a table;
2. the header is the lines after the caption up to the first line holding a number outside a
   unit; every unit in it ("(mg/dL)", "U/L") closes one numeric column whose name is the header
   text just before it; text after the last unit names trailing free-text columns;
3. a line holding a run of exactly ``n`` numbers (n = numeric columns) is one row: the text
   before the run is its label, the text after is the free-text cell;
4. lines holding one number each form a block; ``k*n`` numbers after ``k`` label paragraphs
   are ``k`` rows, read column by column (or row by row, whichever gives each column values of
   more homogeneous magnitude);
5. a text paragraph between rows continues the previous row's free-text cell when the next row
   carries its own label, and is the next row's label otherwise;
6. the table ends at a legend ("Ca: calcium, P: phosphorus"), the next caption, or prose.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from litkg.extract.lexicon import ground
from litkg.extract.units import analyte_key, parse_unit

_CAPTION = re.compile(r"^[ \t]*(Table[ \t]+(?:\d+|[IVXL]+|[A-Z]\d*))[.:][ \t]*(.*)$", re.M)
_NUMBER_TOKEN = re.compile(r"^[<>≤≥]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_MISSING = {"-", "–", "—", "nd", "n.d.", "na", "n/a", "ns"}
_LEGEND_PAIR = re.compile(r"([^\s:=,;]{1,15})\s*[:=]\s*([A-Za-z][^:=,;]*?)(?=\s*(?:[,;.]\s*|$))")
_PATIENT = re.compile(r"\b(case|patient|subject|proband|child|sibling)\s+(\d+|[IVX]+|[A-Z])\b", re.I)
_FUNCTION_WORDS = frozenset("the of and was were with in to a an is are that for by as on this we "
                            "which from at be been has had not but".split())
_NEXT_BLOCK = re.compile(r"^\s*(Table|Figure|Fig\.)\s+\w+[.:]", re.I)


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Column:
    name: str  # header text naming the column, e.g. "Ca"
    unit: str | None  # unit as written in the header, e.g. "mg/dL"
    start: int  # header span (name through unit)
    end: int


@dataclass(frozen=True)
class RecoveredRow:
    label: str  # lines of the label joined with a space
    label_start: int
    values: tuple[Span | None, ...]  # one per numeric column (None when missing)
    extra: tuple[Span, ...] = ()  # free-text cell lines (e.g. the treatment), in order
    end: int = 0  # end of the row's last value / free-text line

    @property
    def extra_text(self) -> str | None:
        return "\n".join(s.text for s in self.extra) or None


@dataclass(frozen=True)
class RecoveredTable:
    label: str  # "Table 1"
    caption: str
    start: int
    end: int
    columns: tuple[Column, ...]
    extra_columns: tuple[str, ...]  # names of free-text columns after the numbers
    label_column: str | None
    rows: tuple[RecoveredRow, ...]
    legend: tuple[tuple[str, str], ...] = ()  # abbreviation -> long form
    patient: str | None = None

    @property
    def abbreviations(self) -> dict[str, str]:
        return dict(self.legend)


# --------------------------------------------------------------------------------------------
# Lines


@dataclass
class _Line:
    text: str  # stripped
    start: int
    end: int
    tokens: list[Span] = field(default_factory=list)


def _lines(text: str, start: int, end: int) -> list[_Line]:
    out = []
    pos = start
    for raw in text[start:end].split("\n"):
        s = pos + (len(raw) - len(raw.lstrip()))
        e = pos + len(raw.rstrip())
        line = _Line(text[s:e] if e > s else "", s, max(s, e))
        line.tokens = [Span(m.group(0), s + m.start(), s + m.end())
                       for m in re.finditer(r"\S+", line.text)]
        out.append(line)
        pos += len(raw) + 1
    return out


def _is_num(token: str) -> bool:
    return bool(_NUMBER_TOKEN.match(token))


def _to_float(token: str) -> float:
    return float(token.lstrip("<>≤≥").replace(",", ""))


def parse_legend(line: str) -> tuple[tuple[str, str], ...]:
    """``"Ca: calcium, P: phosphorus"`` -> (("Ca", "calcium"), ("P", "phosphorus")).

    A legend has at least two "short: long form" pairs whose long forms hold no digits (a
    treatment line such as "Calcitriol: 2 µg/day" is not a legend).
    """
    body = re.sub(r"^\s*(abbreviations?|notes?)\s*[:.]\s*", "", line, flags=re.I)
    pairs = [(m.group(1), m.group(2).strip()) for m in _LEGEND_PAIR.finditer(body)]
    pairs = [(a, b) for a, b in pairs if not re.search(r"\d", b) and len(b) > len(a)]
    covered = sum(len(m.group(0)) for m in _LEGEND_PAIR.finditer(body))
    if len(pairs) >= 2 and covered >= 0.6 * len(body.replace(",", "").replace(" ", "")):
        return tuple(pairs)
    return ()


def _is_prose(line: _Line) -> bool:
    """A long line of running words with no numbers: the article resumes."""
    words = re.findall(r"[A-Za-z]+", line.text)
    function_words = sum(w.lower() in _FUNCTION_WORDS for w in words)
    return (len(line.text) >= 55 and len(words) >= 8 and function_words >= 2
            and not any(_is_num(t.text) for t in line.tokens))


# --------------------------------------------------------------------------------------------
# Header


def _header_units(tokens: list[Span]) -> list[tuple[int, int, str]]:
    """Indices (first, last token) of units in the header token stream, with the unit text."""
    out = []
    i = 0
    while i < len(tokens):
        found = None
        # a unit may span 1-3 tokens ("mm Hg", "mL/min/1.73 m²"), optionally parenthesised
        for width in (3, 2, 1):
            if i + width > len(tokens):
                continue
            raw = " ".join(t.text for t in tokens[i:i + width])
            inner = raw.strip("()[],")
            if raw.startswith("(") != raw.rstrip(",").endswith(")"):
                continue
            if inner and not inner[0].isdigit() and parse_unit(inner) is not None and \
                    (raw.startswith("(") or "/" in inner or "%" in inner or width > 1
                     or not inner.isalpha() or inner in ("IU", "mmHg", "bpm")):
                found = (i, i + width - 1, inner)
                break
        if found:
            out.append(found)
            i = found[1] + 1
        else:
            i += 1
    return out


def _parse_header(lines: list[_Line], legend: dict[str, str]):
    tokens = [t for ln in lines for t in ln.tokens]
    units = _header_units(tokens)
    if not units:
        return None
    columns = []
    prev = 0
    label_column = None
    for n, (a, b, unit) in enumerate(units):
        name_tokens = tokens[prev:a]
        if not name_tokens:
            return None
        if n == 0 and len(name_tokens) > 1:
            # the first header cell names the row-label column ("Date", "Visit"): split it off.
            # Prefer the longest known analyte name as the column ("Visit Serum calcium");
            # otherwise the last word when it is on its own line, a legend key, or one of two.
            words = [t.text for t in name_tokens]
            cut = next((k for k in range(1, len(words)) if _known_analyte(" ".join(words[k:]),
                                                                          legend)), None)
            if cut is None and (words[-1] in legend or len(words) == 2 or _line_of(
                    lines, name_tokens[0]) != _line_of(lines, name_tokens[-1])):
                cut = len(words) - 1
            if cut is not None:
                label_column = " ".join(words[:cut])
                name_tokens = name_tokens[cut:]
        columns.append(Column(" ".join(t.text for t in name_tokens), unit,
                              name_tokens[0].start, tokens[b].end))
        prev = b + 1
    extra = tuple(t.text for t in tokens[prev:])
    return tuple(columns), extra, label_column


def _known_analyte(name: str, legend: dict[str, str]) -> bool:
    if name in legend or analyte_key(name) is not None:
        return True
    return ground(name, labels=("ANALYTE",)) is not None


def _line_of(lines: list[_Line], tok: Span) -> int:
    for i, ln in enumerate(lines):
        if ln.start <= tok.start < ln.end + 1:
            return i
    return -1


# --------------------------------------------------------------------------------------------
# Body


def _run(line: _Line, n: int) -> tuple[int, int] | None:
    """Token index range of a run of exactly ``n`` number cells in ``line``."""
    toks = line.tokens
    i = 0
    while i < len(toks):
        if _is_num(toks[i].text):
            j = i
            while j < len(toks) and (_is_num(toks[j].text) or toks[j].text.lower() in _MISSING):
                j += 1
            while j > i and toks[j - 1].text.lower() in _MISSING:
                j -= 1
            if j - i > n and i > 0 and all(_is_num(t.text) for t in toks[i:j - n]):
                i = j - n  # a label ending in a number ("Week 48 97 5.3 6.6")
            if j - i == n:
                # a unit right after the last number means a dose, not a row ("150 mg/kg/day")
                if j < len(toks) and parse_unit(toks[j].text.strip("(),")) is not None:
                    return None
                return i, j
            i = j + 1
        else:
            i += 1
    return None


def _orient(nums: list[Span], k: int, n: int) -> list[list[Span]]:
    """Rows of a k*n block, column by column or row by row, whichever is more homogeneous."""
    colwise = [[nums[c * k + r] for c in range(n)] for r in range(k)]
    rowwise = [[nums[r * n + c] for c in range(n)] for r in range(k)]

    def spread(rows):
        total = 0.0
        for c in range(n):
            logs = [math.log10(abs(_to_float(row[c].text)) + 1e-3) for row in rows]
            mean = sum(logs) / len(logs)
            total += sum((x - mean) ** 2 for x in logs)
        return total

    return colwise if spread(colwise) <= spread(rowwise) else rowwise


def recover_tables(text: str) -> list[RecoveredTable]:
    """All tables found in plain ``text`` (see the module docstring)."""
    captions = list(_CAPTION.finditer(text))
    tables = []
    for idx, cap in enumerate(captions):
        limit = captions[idx + 1].start() if idx + 1 < len(captions) else len(text)
        table = _recover_one(text, cap, limit)
        if table is not None:
            tables.append(table)
    return tables


def _recover_one(text: str, cap: re.Match, limit: int) -> RecoveredTable | None:
    lines = _lines(text, cap.start(), limit)
    # caption: the caption line and its continuation lines up to a blank line
    i = 1
    caption_parts = [cap.group(2).strip()]
    while i < len(lines) and lines[i].text and not _header_units(lines[i].tokens):
        caption_parts.append(lines[i].text)
        i += 1
    caption = " ".join(p for p in caption_parts if p)
    # header: lines up to the first one with a number outside a unit
    header: list[_Line] = []
    while i < len(lines):
        ln = lines[i]
        if ln.text and (any(_is_num(t.text) for t in ln.tokens) or parse_legend(ln.text)
                        or _is_prose(ln)):
            break
        if ln.text:
            header.append(ln)
        i += 1
        if len(header) > 30:
            return None
    # look ahead for the legend so header abbreviations can be resolved
    legend: tuple[tuple[str, str], ...] = ()
    for ln in lines[i:]:
        if ln.text and parse_legend(ln.text):
            legend = parse_legend(ln.text)
            break
        if ln.text and (_is_prose(ln) or _NEXT_BLOCK.match(ln.text)):
            break
    parsed = _parse_header(header, dict(legend))
    if parsed is None:
        return None
    columns, extra_cols, label_column = parsed
    n = len(columns)
    rows, end = _read_body(lines[i:], n)
    if not rows:
        return None
    m = _PATIENT.search(caption)
    patient = f"{m.group(1).lower()} {m.group(2)}" if m else None
    return RecoveredTable(cap.group(1), caption, cap.start(), end, columns, extra_cols,
                          label_column, tuple(rows), legend, patient)


def _paragraphs(lines: list[_Line]) -> list[list[_Line]]:
    paras, cur = [], []
    for ln in lines:
        if ln.text:
            cur.append(ln)
        elif cur:
            paras.append(cur)
            cur = []
    if cur:
        paras.append(cur)
    return paras


def _read_body(lines: list[_Line], n: int) -> tuple[list[RecoveredRow], int]:
    # Cut the body at the legend, the next table/figure caption or prose.
    body: list[_Line] = []
    end = lines[0].start if lines else 0
    for ln in lines:
        if ln.text and (parse_legend(ln.text) or _NEXT_BLOCK.match(ln.text) or _is_prose(ln)):
            end = ln.end if parse_legend(ln.text) else end
            break
        body.append(ln)
        if ln.text:
            end = ln.end
    rows: list[dict] = []
    pending: list[list[_Line]] = []  # text paragraphs not yet assigned
    numbers: list[Span] = []  # a block of one-number lines

    def give_previous(paras):
        if rows and paras:
            rows[-1]["extra"].extend(Span(l.text, l.start, l.end) for p in paras for l in p)

    def flush_numbers():
        nonlocal numbers, pending
        if not numbers:
            return
        if len(numbers) % n == 0:
            k = len(numbers) // n
            labels = pending[-k:] if len(pending) >= k else None
            if labels is None and pending and sum(len(p) for p in pending) >= k:
                flat = [l for p in pending for l in p]
                labels = [[l] for l in flat[-k:]]
                pending_rest: list[list[_Line]] = []
            else:
                pending_rest = pending[:-k] if labels else pending
            if labels:
                give_previous(pending_rest)
                for lab, vals in zip(labels, _orient(numbers, k, n)):
                    rows.append(_row(lab, vals, []))
                pending = []
        numbers = []

    for para in _paragraphs(body):
        buf: list[_Line] = []  # text lines of this paragraph not yet assigned
        open_row = False  # a row was read earlier in this paragraph
        for ln in para:
            if len(ln.tokens) == 1 and _is_num(ln.tokens[0].text) and n > 1:
                if buf:
                    pending.append(buf)
                    buf = []
                open_row = False
                numbers.append(ln.tokens[0])
                continue
            flush_numbers()
            run = _run(ln, n)
            if run is None:
                buf.append(ln)
                continue
            a, b = run
            inline_label, vals, tail = ln.tokens[:a], ln.tokens[a:b], ln.tokens[b:]
            if inline_label:
                # the row names itself: text met since the previous row continues that row
                give_previous(pending + ([buf] if buf else []))
                label_spans = [Span(text_of(inline_label), inline_label[0].start,
                                    inline_label[-1].end)]
            elif buf:
                give_previous(pending)
                label_spans = [Span(l.text, l.start, l.end) for l in buf]
            else:
                give_previous(pending[:-1])
                label_spans = [Span(l.text, l.start, l.end) for p in pending[-1:] for l in p]
            pending, buf = [], []
            extra = [Span(text_of(tail), tail[0].start, tail[-1].end)] if tail else []
            cells = [None if t.text.lower() in _MISSING else t for t in vals]
            rows.append(_row_spans(label_spans, cells, extra))
            open_row = True
        if buf:
            if open_row:
                give_previous([buf])  # lines under a row in its own paragraph are its cell
            else:
                pending.append(buf)
    flush_numbers()
    give_previous(pending)
    return [_freeze(r) for r in rows], end


def text_of(tokens: list[Span]) -> str:
    return " ".join(t.text for t in tokens)


def _row(label_lines: list[_Line], vals: list[Span], extra: list[Span]) -> dict:
    return _row_spans([Span(l.text, l.start, l.end) for l in label_lines], vals, extra)


def _row_spans(label: list[Span], vals: list[Span | None], extra: list[Span]) -> dict:
    return {"label": label, "values": vals, "extra": list(extra)}


def _freeze(row: dict) -> RecoveredRow:
    label = row["label"]
    vals = row["values"]
    ends = [v.end for v in vals if v] + [s.end for s in row["extra"]]
    starts = [s.start for s in label] + [v.start for v in vals if v]
    return RecoveredRow(label=" ".join(s.text for s in label).strip(),
                        label_start=min(starts), values=tuple(vals), extra=tuple(row["extra"]),
                        end=max(ends))
