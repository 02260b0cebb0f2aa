"""Text normalisation as a *layer*: the document text is never changed, offsets map back.

Readers keep ``Document.text`` exactly as read, because evidence offsets, curations and the
table parser all point into that original string.  Extraction, however, works better on a
cleaned string, so :func:`normalise_text` returns a :class:`NormalisedText` holding both and a
compact offset map from the cleaned string back to the original.

What is normalised:

- ligatures (``ﬁ`` -> ``fi``), NBSP and other odd spaces -> space, zero-width characters and
  soft hyphens removed, ``\\r\\n`` / ``\\r`` / form feed -> ``\\n``, unicode hyphens -> ``-``;
- hyphenated line breaks: ``secon-\\ndary`` -> ``secondary``; the hyphen is kept when the next
  part starts with a capital or digit (``FGF-\\n23`` -> ``FGF-23``), when the first part has a
  capital or digit (``D-\\nresistant``), or when the hyphenated form is used elsewhere in the
  same document (``long-term``);
- hard-wrapped text (PDF extraction: many lines that do not end a sentence): a newline inside a
  sentence becomes a space.  Blank lines, lines ending a sentence, short lines (headings, table
  cells), list items and table-like rows (runs of numbers, column gaps) keep their newline, so
  tables recovered from the original text are not merged into prose.  Texts that do not look
  hard-wrapped are left alone.  A word the PDF split over two lines *without* a hyphen
  ("improve\nment") is joined without a space when the document writes the whole word elsewhere
  and the second part never stands alone in it (so "may\nbe" stays two words).
"""

from __future__ import annotations

import re
from collections import Counter
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["NormalisedText", "normalise_text", "looks_hard_wrapped"]

# Character-level replacements.  Each maps one original character (or CRLF) to a string.
_CHAR_MAP = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
    "\u00a0": " ", "\u202f": " ", "\u205f": " ", "\u3000": " ", "\u1680": " ",
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
    "\u2010": "-", "\u2011": "-",
    "\r\n": "\n", "\r": "\n", "\x0c": "\n", "\x0b": "\n",
}
for _cp in range(0x2000, 0x200B):  # EN QUAD .. HAIR SPACE
    _CHAR_MAP[chr(_cp)] = " "
_CHAR_RE = re.compile("\r\n|" + "|".join(re.escape(c) for c in _CHAR_MAP if c != "\r\n"))

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_HARD_STOP = re.compile(r"[.!?:;][\"'”’)\]]*$")
_NUMERIC = re.compile(r"^[(\[]?[<>≤≥±+\-−~]?\d[\d.,]*%?[)\]]?[,;]?$")
_LIST_ITEM = re.compile(r"^(?:[•●▪◦■□\-*–—]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_COLUMN_GAP = re.compile(r"\t|\S {3,}\S")  # tab-separated cells or aligned columns
_HYPHEN_FRAGMENT = re.compile(r"([^\W_]+)-$")
_LEADING_WORD = re.compile(r"^([^\W_]+)")
_TRAILING_WORD = re.compile(r"(?<![\w-])([^\W\d_]+)$")
# "Calcitriol: 2 µg/day" - a label followed by a value: a table cell or a list entry.
_LABEL_VALUE = re.compile(r"^[A-Z][\w .,()/%-]{0,30}:\s*\S")


@dataclass(frozen=True)
class NormalisedText:
    """A cleaned view of ``original`` with offsets that map back into it.

    The map is stored as segments (``_norm_starts[i]``, ``_orig_starts[i]``, ``_shifts[i]``): in
    a shifting segment normalised offset ``n`` maps to ``orig_start + (n - norm_start)``; in a
    replacement segment (a ligature expansion, a joined line break) every character maps to the
    first original character it replaced.  This keeps memory proportional to the number of
    edits, not to the text length.
    """

    original: str
    text: str
    _norm_starts: tuple[int, ...]
    _orig_starts: tuple[int, ...]
    _shifts: tuple[bool, ...]
    hard_wrapped: bool = False

    def to_original(self, offset: int) -> int:
        """Offset in :attr:`original` of the character at ``offset`` in :attr:`text`.

        ``len(text)`` maps to ``len(original)`` so that end offsets work too.
        """
        if offset < 0 or offset > len(self.text):
            raise IndexError(f"offset {offset} outside normalised text of length {len(self.text)}")
        if offset == len(self.text):
            return len(self.original)
        seg = bisect_right(self._norm_starts, offset) - 1
        if self._shifts[seg]:
            return self._orig_starts[seg] + (offset - self._norm_starts[seg])
        return self._orig_starts[seg]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of :attr:`text` to the smallest original span covering it."""
        if end < start:
            raise ValueError(f"span end {end} is before its start {start}")
        if end == start:
            pos = self.to_original(start)
            return pos, pos
        # The end is mapped through the last character, not through ``end`` itself, so a
        # span ending just before a joined line break does not swallow the break.
        return self.to_original(start), self.to_original(end - 1) + 1


class _Builder:
    """Accumulates the normalised text and its segment map."""

    def __init__(self, original: str):
        self.original = original
        self.parts: list[str] = []
        self.length = 0
        self.norm_starts: list[int] = []
        self.orig_starts: list[int] = []
        self.shifts: list[bool] = []

    def _segment(self, orig_start: int, shift: bool) -> None:
        self.norm_starts.append(self.length)
        self.orig_starts.append(orig_start)
        self.shifts.append(shift)

    def copy(self, start: int, end: int) -> None:
        if end > start:
            self._segment(start, True)
            self.parts.append(self.original[start:end])
            self.length += end - start

    def replace(self, orig_pos: int, replacement: str) -> None:
        if replacement:
            # A one-character replacement (NBSP -> space) can shift like a copy; longer ones
            # (ligatures) map every output character to the same original character.
            self._segment(orig_pos, len(replacement) == 1)
            self.parts.append(replacement)
            self.length += len(replacement)

    def build(self, hard_wrapped: bool) -> NormalisedText:
        if not self.norm_starts:  # empty text: one segment so bisect always finds one
            self._segment(0, True)
        return NormalisedText(self.original, "".join(self.parts), tuple(self.norm_starts),
                              tuple(self.orig_starts), tuple(self.shifts), hard_wrapped)


# --------------------------------------------------------------------------------------------
# Lines


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the first character
    end: int  # offset just after the last character, before the line break
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(text: str) -> list[_Line]:
    lines, pos = [], 0
    for match in _LINE_BREAK.finditer(text):
        lines.append(_Line(pos, match.start(), text[pos:match.start()]))
        pos = match.end()
    lines.append(_Line(pos, len(text), text[pos:]))
    return lines


def looks_hard_wrapped(text: str) -> bool:
    """True when many lines of reasonable length run on into the next line mid-sentence.

    PDF extraction wraps at the column width, so most lines do not end a sentence and are
    followed directly by another line; edited texts put whole paragraphs on one line.
    """
    lines = _lines(text)
    # Table rows (JATS cells, PDF tables) are many short lines by nature: not evidence of wrapping.
    prose = [not ln.blank and not _is_table_like(ln.text) for ln in lines]
    if sum(prose) < 5:
        return False
    running_on = 0
    for index, (line, nxt) in enumerate(zip(lines, lines[1:])):
        stripped = line.text.strip()
        if prose[index] and len(stripped) >= 30 and not nxt.blank and not _HARD_STOP.search(stripped):
            running_on += 1
    return running_on / sum(prose) >= 0.45


def _is_table_like(line: str) -> bool:
    """Rows of a table flattened by PDF extraction: keep them on their own line."""
    stripped = line.strip()
    if _COLUMN_GAP.search(stripped):
        return True
    tokens = stripped.split()
    if not tokens:
        return False
    numeric = [bool(_NUMERIC.match(t)) for t in tokens]
    if all(numeric) or (len(tokens) >= 2 and numeric[0] and numeric[1]):
        return True
    run = 0
    for flag in numeric:
        run = run + 1 if flag else 0
        if run >= 3:
            return True
    return False


def _near_table(lines: list[_Line], table_rows: list[bool], i: int, j: int, reach: int = 2) -> bool:
    """True when line i, line j or one of ``reach`` non-blank lines around them is a table row.

    Lines next to table rows are usually cells, legends or captions of the same table; joining
    them into prose would make the table harder to recover from the text.
    """
    before = [k for k in range(max(0, i - 3 * reach), i) if not lines[k].blank][-reach:]
    after = [k for k in range(j + 1, min(len(lines), j + 1 + 3 * reach)) if not lines[k].blank][:reach]
    return any(table_rows[k] for k in (*before, i, j, *after))


def _local_width(lines: list[_Line], index: int, radius: int = 3) -> int:
    """Typical line length around ``index``: the median of the neighbouring non-blank lines.

    Local rather than global because a PDF page mixes a wide abstract with narrow columns.
    """
    window = sorted(len(ln.text.strip()) for ln in lines[max(0, index - radius): index + radius + 1]
                    if not ln.blank)
    return window[len(window) // 2] if window else 0


# --------------------------------------------------------------------------------------------
# Edits


class _Vocabulary:
    """Hyphenated compounds and words of a document, built once on first use.

    Used to decide "long-\\nterm" -> "long-term" when the document writes "long-term"
    elsewhere; a set lookup per line break keeps this linear in the document length.
    """

    def __init__(self, text: str):
        self.text = text
        self._compounds: set[str] | None = None
        self._words: Counter[str] = Counter()  # word -> occurrences
        self._line_starts: Counter[str] = Counter()  # word -> occurrences at a line start
        self._lower = ""

    def _build(self) -> None:
        lower = self._lower = self.text.lower()
        self._compounds = set(re.findall(r"[^\W\d_]+-[^\W\d_]+", lower))
        self._words = Counter(re.findall(r"[^\W\d_]+", lower))
        self._line_starts = Counter(re.findall(r"\n[ \t]*([^\W\d_]+)", lower))

    def split_word(self, first: str, second: str) -> bool:
        """Is ``first``/``second`` at a line break one word split without a hyphen?  Yes when
        the document writes the whole word elsewhere, the second part occurs only at line
        starts (it is no word of its own here), and "first second" never occurs with a space."""
        if self._compounds is None:
            self._build()
        if not (first.isalpha() and second.isalpha() and second.islower() and len(first) >= 2
                and len(second) >= 2):
            return False
        first, second = first.lower(), second.lower()
        return (first + second in self._words
                and self._words[second] <= self._line_starts[second]
                and f"{first} {second}" not in self._lower)

    def prefers_hyphen(self, first: str, second: str) -> bool:
        if self._compounds is None:
            self._build()
        first, second = first.lower(), second.lower()
        return f"{first}-{second}" in self._compounds and f"{first}{second}" not in self._words


def _hyphen_edit(vocabulary: _Vocabulary, a: _Line, b: _Line) -> tuple[int, int, str] | None:
    """Edit for ``word-\\nword``: drop the hyphen and the break, or only the break."""
    a_text = a.text.rstrip()
    frag_match = _HYPHEN_FRAGMENT.search(a_text)
    b_stripped = b.text.lstrip()
    next_match = _LEADING_WORD.match(b_stripped)
    if not frag_match or not next_match:
        return None
    fragment, following = frag_match.group(1), next_match.group(1)
    hyphen_pos = a.start + len(a_text) - 1
    b_start = b.start + (len(b.text) - len(b_stripped))
    keep_hyphen = (
        following[0].isupper() or following[0].isdigit()
        # "D-\nresistant", "FGF-\nrelated", "D3-\nresistant": a symbol, not a word fragment.
        or not fragment.isalpha() or len(fragment) == 1 or not fragment[1:].islower()
        # The document itself uses the hyphenated compound elsewhere ("long-term").
        or vocabulary.prefers_hyphen(fragment, following)
    )
    if keep_hyphen:
        return hyphen_pos + 1, b_start, ""
    return hyphen_pos, b_start, ""


def _should_join(lines: list[_Line], table_rows: list[bool], i: int, j: int) -> bool:
    """Join line ``i`` to the next non-blank line ``j`` (``j - i - 1`` blank lines between)."""
    a, b = lines[i].text.strip(), lines[j].text.strip()
    blank_between = j - i - 1
    if _LIST_ITEM.match(b) or _LABEL_VALUE.match(b) or _near_table(lines, table_rows, i, j):
        return False
    if len(a) < 0.6 * _local_width(lines, i):
        return False  # headings, table cells, the last line of a paragraph
    starts_lower = b.lstrip("([{\"'“‘")[:1].islower()
    if blank_between:
        # PDF extraction sometimes double-spaces wrapped lines: rejoin only the obvious case.
        return blank_between == 1 and starts_lower and not _HARD_STOP.search(a)
    if _SENTENCE_END.search(a):
        return starts_lower  # "i.v.\ncalcium", "et al.\nreported"
    if a.endswith(":"):
        return False
    return True


def _line_edits(text: str, hard_wrapped: bool) -> list[tuple[int, int, str]]:
    lines = _lines(text)
    vocabulary = _Vocabulary(text)
    # Table-likeness of every line, computed once (each line is looked at from 6 neighbours).
    table_rows = [_is_table_like(ln.text) for ln in lines] if hard_wrapped else []
    edits: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lines) - 1:
        if lines[i].blank:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].blank and j - i <= 2:
            j += 1
        if j >= len(lines) or lines[j].blank:
            i = j
            continue
        edit = None
        if j == i + 1:
            edit = _hyphen_edit(vocabulary, lines[i], lines[j])
        if edit is None and hard_wrapped and _should_join(lines, table_rows, i, j):
            a, b = lines[i], lines[j]
            a_text, b_text = a.text.rstrip(), b.text.lstrip()
            last, first = _TRAILING_WORD.search(a_text), _LEADING_WORD.match(b_text)
            joiner = " "
            if j == i + 1 and last and first and vocabulary.split_word(last.group(1), first.group(1)):
                joiner = ""  # "improve\nment" -> "improvement"
            edit = (a.start + len(a_text), b.start + len(b.text) - len(b_text), joiner)
        if edit is not None:
            edits.append(edit)
        i = j
    return edits


def normalise_text(text: str, *, unwrap: bool | None = None) -> NormalisedText:
    """Clean ``text`` for extraction, keeping a map back to the original offsets.

    ``unwrap`` forces (True) or forbids (False) joining hard-wrapped lines; by default it is
    decided by :func:`looks_hard_wrapped`.
    """
    hard_wrapped = looks_hard_wrapped(text) if unwrap is None else unwrap
    line_edits = _line_edits(text, hard_wrapped)
    builder = _Builder(text)
    pos = 0

    def apply_chars(start: int, end: int) -> None:
        nonlocal pos
        for match in _CHAR_RE.finditer(text, start, end):
            builder.copy(pos, match.start())
            builder.replace(match.start(), _CHAR_MAP[match.group()])
            pos = match.end()
        builder.copy(pos, end)
        pos = end

    for start, end, replacement in line_edits:
        apply_chars(pos, start)
        builder.replace(start, replacement)
        pos = end
    apply_chars(pos, len(text))
    return builder.build(hard_wrapped)
