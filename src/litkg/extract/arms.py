"""Trial arms named by a code: "(group BC)", "(EE)", "the PP group".

Randomised trials define their arms once ("to receive bupivacaine 7.5 mg plus normal saline
(group BS), bupivacaine 7.5 mg and clonidine 75 μg (group BC), ...") and then report results by
code ("Sedation scores were significantly higher in group BC").  Without the definitions a
result names no drug, or credits the drug all arms share.  The ``litkg_arms`` component (after
``litkg_abbreviations``) reads the definitions and labels every later use of a code:

- a *definition* is a parenthesis holding a code, alone or with "group"/"arm" ("(EE)",
  "(group BC)", "(BC group)", "(n = 25, group A)"), or an arm's role ("(study group)",
  "(control group)"), after a description: the words since the
  previous parenthesis, colon, semicolon or sentence start (at most :data:`MAX_DESCRIPTION`
  tokens), without a leading "or";
- a sentence must define at least two arms, each describing at least one drug: that is what
  tells an arm list from an ordinary abbreviation ("methotrexate (MTX)");
- an arm's *own* drugs are those the other arms of its list do not all share: bupivacaine is in
  every arm of the example, clonidine only in BC and BCF.  A code whose arm has own drugs becomes
  a DRUG entity named after them ("clonidine", "clonidine + fentanyl", grounded when there is one
  drug); an arm without own drugs, or whose own agent is a placebo, saline or vehicle, is the
  control: a PROCEDURE entity named "control".
"""

# (no "from __future__ import annotations": spaCy factories need real type objects)

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from litkg.extract.claims_direction import GENERIC_COMPARATOR
from litkg.extract.extensions import register_extensions

MAX_DESCRIPTION = 40
_CODE = r"[A-Z][A-Za-z0-9]{0,4}"
_LABEL_IN_PARENS = (
    re.compile(rf"^\s*({_CODE})\s*$"),
    re.compile(rf"(?:^|[,;]\s*)(?:group|arm)\s+({_CODE})\s*$", re.I),
    re.compile(rf"^\s*({_CODE})\s+(?:group|arm)\s*$", re.I),
)
# a control arm's own agent: a generic comparator ("placebo", "sham") or a vehicle
_VEHICLE = re.compile(r"\b(saline|dextrose)\b", re.I)
_BOUNDARY = frozenset({")", ":", ";"})
_ARM_LABELS = ("DRUG", "PROCEDURE")


@dataclass(frozen=True)
class Arm:
    code: str
    drugs: tuple[Span, ...]  # the drug entities of the arm's description
    paren_start: int  # token index of "("
    paren_end: int  # token index after ")"


#: arms named by role: "(study group)", "(control arm)"; their code is the lower-cased name
_NAMED_ARM = re.compile(r"^\s*(?:the\s+)?((?:study|intervention|treatment|treated|experimental|"
                        r"active|control|placebo|comparison|reference)\s+(?:group|arm))\s*$", re.I)


def _code_in(text: str) -> str | None:
    named = _NAMED_ARM.match(text)
    if named:
        return " ".join(named.group(1).lower().split())
    for pattern in _LABEL_IN_PARENS:
        m = pattern.search(text)
        if m:
            code = m.group(1)
            # a lower-case word is not a code ("(daily)"); "n" is a count ("(n = 25)")
            if code.lower() != code and code.lower() not in ("n", "i", "ii", "iii", "iv"):
                return code
    return None


def _parentheses(sent: Span) -> list[tuple[int, int]]:
    """(index of "(", index after the matching ")") of the sentence's flat parentheses."""
    out, open_at = [], None
    for tok in sent:
        if tok.text == "(":
            open_at = tok.i
        elif tok.text == ")" and open_at is not None:
            out.append((open_at, tok.i + 1))
            open_at = None
    return out


def arms_of_sentence(sent: Span, drugs: list[Span]) -> list[Arm]:
    """The arms the sentence defines (empty unless it defines at least two)."""
    doc = sent.doc
    arms = []
    for start, end in _parentheses(sent):
        code = _code_in(doc[start + 1:end - 1].text)
        if code is None:
            continue
        lo = start
        while lo - 1 >= sent.start and start - (lo - 1) <= MAX_DESCRIPTION and \
                doc[lo - 1].text not in _BOUNDARY:
            lo -= 1
        if doc[lo].lower_ in (",", "or", "and"):
            lo += 1
        own = tuple(d for d in drugs if lo <= d.start and d.end <= start)
        if own:
            arms.append(Arm(code, own, start, end))
    arms += _code_first_arms(sent, drugs, {a.code for a in arms})
    return arms if len(arms) >= 2 else []


_GROUP_WORDS = ("group", "arm")
_GIVEN = frozenset({"received", "receiving", "given", "got", "took", "were", "was"})


def _code_first_arms(sent: Span, drugs: list[Span], known: set[str]) -> list[Arm]:
    """Arms written code first: "Group A (propofol) and Group B (placebo)", "patients in group A
    received propofol and those in group B saline".  The description is the parenthesis right
    after the code, or the words after "received/given" up to the next comma, semicolon,
    parenthesis or "and"."""
    doc = sent.doc
    out = []
    for tok in sent:
        code = None
        if tok.lower_ in _GROUP_WORDS and tok.i + 1 < sent.end and \
                re.fullmatch(_CODE, doc[tok.i + 1].text):
            code, after = doc[tok.i + 1].text, tok.i + 2
        elif re.fullmatch(_CODE, tok.text) and tok.i + 1 < sent.end and \
                doc[tok.i + 1].lower_ in _GROUP_WORDS and tok.text.lower() != tok.text:
            code, after = tok.text, tok.i + 2
        if code is None or code in known or code.lower() in ("n", "i", "ii", "iii", "iv"):
            continue
        if after < sent.end and doc[after].text == "(":
            close = next((t.i for t in doc[after:min(sent.end, after + 12)] if t.text == ")"), None)
            if close is None:
                continue
            lo, hi = after + 1, close
        else:
            k = after
            while k < sent.end and k - after < 3 and doc[k].lower_ not in _GIVEN:
                k += 1
            if k >= sent.end or doc[k].lower_ not in _GIVEN:
                continue
            lo = hi = k + 1
            while hi < sent.end and hi - lo < 12 and doc[hi].text not in (",", ";", "(") \
                    and doc[hi].lower_ != "and":
                hi += 1
        own = tuple(d for d in drugs if lo <= d.start and d.end <= hi)
        if own:
            out.append(Arm(code, own, tok.i, hi + 1))  # the code and its description
            known.add(code)
    return out


def _name(span: Span) -> str:
    return (span._.concept_label or span.text).lower()


def own_drugs(arm: Arm, arms: list[Arm]) -> list[Span]:
    """The arm's drugs that not every arm of the list has."""
    shared = set.intersection(*({_name(d) for d in a.drugs} for a in arms))
    seen, out = set(), []
    for d in arm.drugs:
        if _name(d) not in shared and _name(d) not in seen:
            seen.add(_name(d))
            out.append(d)
    return out


def _arm_codes(doc: Doc) -> tuple[dict[str, tuple[str, str, str | None]], set[int]]:
    """code -> (label, concept name, id) for every arm list of the doc, and the tokens of the
    definitions themselves (which are not uses)."""
    codes: dict[str, tuple[str, str, str | None]] = {}
    defined: set[int] = set()
    for sent in doc.sents:
        drugs = [e for e in sent.ents if e.label_ in _ARM_LABELS]
        arms = arms_of_sentence(sent, drugs)
        for arm in arms:
            own = own_drugs(arm, arms)
            active = [d for d in own
                      if not (GENERIC_COMPARATOR.search(d.text) or _VEHICLE.search(d.text))]
            if active:
                name = " + ".join(_name(d) for d in active)
                cid = active[0]._.concept_id if len(active) == 1 else None
                codes[arm.code] = ("DRUG", name, cid)
            else:
                codes[arm.code] = ("PROCEDURE", "control", None)
            defined.update(range(arm.paren_start, arm.paren_end))
    return codes, defined


def _arm_span(doc: Doc, start: int, end: int, value: tuple[str, str, str | None]) -> Span:
    label, name, cid = value
    span = Span(doc, start, end, label=label)
    span._.concept_id, span._.concept_label, span._.source = cid, name, "arm"
    return span


def resolve_arms(doc: Doc) -> Doc:
    """Label the uses of arm codes with the arm's own drugs (or as the control)."""
    codes, defined = _arm_codes(doc)
    if not codes:
        return doc
    ents = list(doc.ents)
    new = []
    named = {c: v for c, v in codes.items() if " " in c}
    for tok in doc[:-1]:
        pair = f"{tok.lower_} {doc[tok.i + 1].lower_}"
        if pair not in named or tok.i in defined:
            continue
        if any(e.start < tok.i + 2 and tok.i < e.end for e in ents + new):
            continue
        new.append(_arm_span(doc, tok.i, tok.i + 2, named[pair]))
    for tok in doc:
        # spaCy keeps a sentence-final period on a lone capital ("in group B.")
        text = tok.text[:-1] if len(tok.text) == 2 and tok.text.endswith(".") else tok.text
        if text not in codes or tok.i in defined:
            continue
        if len(text) == 1 and not _beside_group_word(doc, tok.i):
            continue  # a one-letter code is "group B", not every "B" (hepatitis B)
        covering = [e for e in ents if e.start <= tok.i < e.end]
        if covering and not (len(covering) == 1 and covering[0].start == tok.i
                             and covering[0].end == tok.i + 1):
            continue  # part of a longer entity: leave it
        if any(n.start <= tok.i < n.end for n in new):
            continue
        ents = [e for e in ents if e not in covering]
        new.append(_arm_span(doc, tok.i, tok.i + 1, codes[text]))
    if new:
        doc.ents = sorted(ents + new, key=lambda s: s.start)
    return doc


def _beside_group_word(doc: Doc, i: int) -> bool:
    words = {"group", "groups", "arm", "arms"}
    return (i > 0 and doc[i - 1].lower_ in words) or (i + 1 < len(doc) and doc[i + 1].lower_ in words)


@Language.factory("litkg_arms", requires=["doc.ents", "token.is_sent_start"],
                  assigns=["doc.ents"])
def make_arms(nlp: Language, name: str):
    register_extensions()
    return resolve_arms
