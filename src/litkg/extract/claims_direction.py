"""A small direction classifier for comparative result sentences (RCT-style reporting).

"X significantly reduced Y compared with placebo", "Y did not differ between groups",
"Y was lower in the placebo group than in the X group (p<0.01)": the rule cues of
:mod:`litkg.extract.claims` read case reports well but not these comparisons.  This is a
multinomial logistic regression predicting increased / decreased / unchanged for *the
intervention relative to the comparator* on one outcome.

Masking makes the sign learnable: before featurising, the intervention, the comparator arm and
the outcome are replaced by placeholder tokens (``zzint``, ``zzcmp``, ``zzout``), so "zzint ...
lower than ... zzcmp" and "zzcmp ... lower than ... zzint" are different features whatever the
drugs are called, and no drug or outcome name can carry a label.  Features: word unigrams and
bigrams (numbers folded to ``<num>``); a *skeleton* (the text reduced to placeholders, up/down
words, better/worse words, negations, than/versus/favour, significance) as 2-4-grams, plus the
skeleton of the outcome's own clause; the same clause skeleton and skeleton bigrams marked with
the outcome's polarity (adverse, :data:`ADVERSE`, or plain: "improved" is a fall on pain and a
rise on strength, and the outcome's name is masked); words next to the outcome; p-value classes
(any p < 0.05, any p >= 0.05, and the first p after the outcome); which arm has the lower number
in "12 vs 20", which arm's own value ("zzint (12.1) ... zzcmp (20.4)", "36% in zzint") is the
lower, and which in "12 and 20 in zzint and zzcmp, respectively"; and where each confidence interval lies against its null value (1 for a ratio, 0 for a
difference).  At prediction time (:func:`classify`) the intervention is the drug the claim is
credited to, the comparators are the sentence's other intervention entities (else generic
"placebo", "control", "usual care" words) and the outcome is the claim's object; the whole
sentence is read.  A direction the classifier gives is recorded as already oriented so
:func:`arm_order` (the rule for "lower in <comparator> than in X") does not flip it a second
time.  Between arms (:data:`ARMS`) a rule "improved"/"worsened" gets its sign from the
classifier; narration keeps "improved".

End to end (``litkg evaluate evidence-inference``, prompt entities, 5-fold article-level CV on
the train split with the CV-trained model, no ranker gate; scripts/train_evidence_ranker.py):
0.744 on 1,119 matched prompts of 1,944 (2026-11-23 evening: nulls kept to their own clause,
changes in every arm dropped, arms by letter label and generic name, outcomes by abbreviation);
0.731 on 1,004 (2026-11-23, spans labelled by their own annotator;
0.722 on 1,000 before); with the evaluator of that morning 0.694 on 995 (outcome polarity, the outcome without its change word, arms found by the drug
they are later called by); before, 0.699 on 855 (the same code measured 0.712 on 841 on
2026-11-22; 0.675 on 646 before that day's results-section, attribution and matching fixes); the
earlier unmasked model read on a 15-token window: 0.610 on 692.

Provenance and retraining: ``python scripts/train_direction_model.py --l2 0.01`` (numpy at
training time only) on the annotators' evidence spans of the Evidence Inference 2.0 *train*
split (github jayded/evidence-inference, MIT; read from the shared benchmark folder, never
copied), each with the label its own annotator gave (the prompt's majority when annotators
marking the same text disagree), leaving out annotations the benchmark's verification pass did
not uphold (scripts/train_direction_model.examples).  In each span the prompt's intervention, comparator
and outcome are located as the benchmark evaluator locates them and masked; spans naming both
arms are added again with the arms swapped and increased/decreased flipped.  Span accuracy
(against the prompt's majority label): 5-fold article-level CV on train 0.803 (2026-11-23;
0.795 trained on the majority label of every span, 0.790 without the polarity and better/worse features,
0.784 also without the arm-value and interval features; the earlier unmasked model 0.722),
validation split 0.782 on 372 spans (0.785; 0.780; 0.774; earlier model 0.718); the validation
split is only measured.  Weights ship as ``litkg/data/direction_model.json.gz`` (about 120 kB); without the file the classifier is not
used (rules only).
"""

import re
from contextlib import contextmanager
from functools import lru_cache

from litkg.extract import claims_lexicon as lex
from litkg.extract.logistic import softmax
from litkg.paths import read_data_json

MODEL_FILE = "direction_model.json.gz"
CLASSES = ("increased", "decreased", "unchanged")
INT, CMP, OUT = "zzint", "zzcmp", "zzout"
_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?|[<>=≤≥]")
#: Words that make a sentence a comparison between arms or time points.
COMPARATIVE = re.compile(
    r"\b(significant\w*|p\s*[<=>≤≥]|compared|versus|vs\.?|than|differ\w*|group|groups|arm|"
    r"placebo|control|baseline|between)\b", re.I)
#: Generic names of a comparator arm, masked as the comparator when no entity says otherwise.
GENERIC_COMPARATOR = re.compile(
    r"\b(placebo|controls?|sham|vehicle|usual care|standard care|conventional (care|treatment|"
    r"therapy)|no treatment|no intervention)\b", re.I)
_GENERIC_INTERVENTION = re.compile(r"\b(intervention|experimental)\b", re.I)

# Skeleton classes: the words that carry sign, negation and comparison in reporting language.
_UP = re.compile(r"^(increas|elevat|higher|greater|more$|larger|longer|rais|rose|rise|gain|"
                 r"enhanc|exceed|faster|prolong|boost|augment|later$|delay)")
_DOWN = re.compile(r"^(decreas|reduc|lower|less$|fewer|smaller|shorter|declin|drop|fell|fall|"
                   r"diminish|attenuat|slower|suppress|inhibit|lessen|shorten|earlier$|sooner$)")
# Valence words say which way is better, not which way the number moved: "improvement in pain"
# is a fall, "improvement in function" a rise.  They get classes of their own, read together
# with the outcome's polarity (:data:`ADVERSE`).
_GOOD = re.compile(r"^(improv|better|superior|benefi|ameliorat|reliev|relief)")
_BAD = re.compile(r"^(worse|inferior|poor|deteriorat|aggravat)")
#: Outcomes where less is better (symptoms, harms, risks): a general vocabulary of adverse
#: quantities, so "improved" / "better" can be read as a fall on them.
ADVERSE = re.compile(
    r"\b(pain\w*|ache|aches|mortality|deaths?|risk|incidence|adverse|side[- ]effects?|"
    r"complications?|infections?|nausea|vomiting|emesis|symptoms?|depress\w*|anxiety|"
    r"stress|fatigue|disabilit\w*|severity|recurrences?|relapses?|failures?|toxicit\w*|"
    r"bleeding|blood loss|ha?emorrhag\w*|length of (hospital )?stay|hospitali[sz]ations?|"
    r"readmissions?|prurit\w*|itch\w*|dyspn\w*|cough\w*|fever|inflammation|o?edema|"
    r"swelling|exacerbations?|morbidity|craving|insomnia|hypotension|hypertension|"
    r"hypoglyc\w*|rash|diarrho?ea|constipation|headaches?|dizziness|delirium|agitation|"
    r"aggressi\w*|errors?|injur\w*|fractures?|falls|lesions?|discomfort|distress|burden|"
    r"dysfunction|impairment|costs?|shivering|sore throat|apno?ea|desaturation|hypox\w*|"
    r"spasms?|stiffness|tenderness|ulcers?|loneliness|suicid\w*|smoking|viral load|"
    r"parasit\w*|gametocyt\w*|plaque|caries|gingivitis|disease activity)\b", re.I)
#: token added after the outcome placeholder when the outcome is adverse (see :func:`mask`)
ADV = "zzadverse"
_NEG = re.compile(r"^(no|not|nor|neither|without|similar|comparable|nonsignificant|"
                  r"insignificant|ns|unchanged|unaffected|equivalent|differ|difference|"
                  r"differences|trend|tended)$")
_P_VALUE = re.compile(r"\bp\s*(=|<|>|≤|≥|<=|>=)\s*(0?\.\d+|1\.0*)", re.I)


def p_classes(text: str) -> set[str]:
    """``{"p_sig"}`` / ``{"p_ns"}`` for the p-values reported in ``text``."""
    out = set()
    for m in _P_VALUE.finditer(text):
        op, value = m.group(1), float(m.group(2))
        if op in ("<", "≤", "<=") and value <= 0.05 or op == "=" and value < 0.05:
            out.add("p_sig")
        elif value >= 0.05 and op in ("=", ">", "≥", ">="):
            out.add("p_ns")
    return out


def mask(text: str, spans) -> str:
    """``text`` with each ``(start, end, tag)`` char span replaced by its placeholder tag; the
    outcome wins overlaps, then the longer span ("non-ARB" over its "ARB").  Generic comparator
    words left unmasked become the comparator.  An adverse outcome (:data:`ADVERSE`) is
    followed by the :data:`ADV` token: its name is hidden, its polarity is kept."""
    taken: list[tuple[int, int, str]] = []

    def take(s: int, e: int, tag: str) -> None:
        if not any(s < te and ts < e for ts, te, _ in taken):
            taken.append((s, e, tag))

    for s, e, tag in sorted(spans, key=lambda x: (x[2] != OUT, x[0] - x[1])):
        if s < e:
            take(s, e, tag)
    for tag, generic in ((CMP, GENERIC_COMPARATOR), (INT, _GENERIC_INTERVENTION)):
        if not any(t == tag for _, _, t in taken):
            for m in generic.finditer(text):
                take(m.start(), m.end(), tag)
    out, pos = [], 0
    for s, e, tag in sorted(taken):
        adverse = tag == OUT and ADVERSE.search(text[s:e])
        out += [text[pos:s], f" {tag} {ADV} " if adverse else f" {tag} "]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _skeleton(words: list[str]) -> list[str]:
    sk = []
    for w in words:
        if w in (INT, CMP, OUT):
            c = w[2:]
        elif w in ("than", "over"):
            c = "than"
        elif w.startswith(("favor", "favour")):
            c = "fav"
        elif w in ("vs", "versus", "compared", "comparison", "relative", "between"):
            c = "vs"
        elif w.startswith("significan") or w == "statistically":
            c = "sig"
        elif _NEG.match(w):
            c = "neg"
        elif _GOOD.match(w):
            c = "good"
        elif _BAD.match(w):
            c = "bad"
        elif _UP.match(w):
            c = "up"
        elif _DOWN.match(w):
            c = "down"
        else:
            continue
        if not sk or sk[-1] != c:
            sk.append(c)
    return sk


_CLAUSE_BREAKS = {"but", "whereas", "while", "however", "although"}


def _number_order(raw: list[str]) -> list[str]:
    """"12% in zzint vs 20% in zzcmp", "higher in zzint than zzcmp (3 vs 181)": whether the
    intervention's value is the lower one, from the first "<num> vs|versus <num>" pair read
    in the order the two arms are named."""
    arms = [w for w in raw if w in (INT, CMP)]
    if len(set(arms)) < 2:
        return []
    first_int = arms[0] == INT
    nums = [(i, float(w)) for i, w in enumerate(raw) if w[0].isdigit()]
    for (i, a), (j, b) in zip(nums, nums[1:]):
        between = raw[i + 1:j]
        if 0 < len(between) <= 8 and {"vs", "versus"} & set(between) and a != b:
            lower = (a < b) == first_int
            return ["numpair:int_" + ("lower" if lower else "higher")]
    return []


#: "95% CI 0.36-0.74", "(95% confidence interval; -0.3, 0.8)": the interval's two bounds
_CI = re.compile(r"\b(?:ci|confidence interval)\b[^\d\-−]{0,20}([-−]?\d*\.?\d+)\s*(?:to|,|;|–|—|-)"
                 r"\s*([-−]?\d*\.?\d+)")
_RATIO = re.compile(r"\b(a?or|rr|a?hr|ratio|odds|hazard|relative risk)\b")


def ci_classes(low: str) -> list[str]:
    """Where each confidence interval lies against its null value (1 for a ratio, 0 for a
    difference): "ci:ratio_ns" when it holds the null (no significant difference),
    "ci:ratio_below" / "ci:diff_above" ... when it excludes it, and on which side."""
    out = []
    for m in _CI.finditer(low):
        try:
            lo, hi = (float(g.replace("−", "-")) for g in m.groups())
        except ValueError:
            continue
        kind = "ratio" if _RATIO.search(low[max(0, m.start() - 40):m.start()]) else "diff"
        null = 1.0 if kind == "ratio" else 0.0
        lo, hi = min(lo, hi), max(lo, hi)
        side = "ns" if lo <= null <= hi else "below" if hi < null else "above"
        out.append(f"ci:{kind}_{side}")
    return sorted(set(out))


#: words after an arm that begin the next arm's report, not this arm's value
_ARM_VALUE_STOP = {"vs", "versus", "and", "than", "compared", "or", "while", "whereas", "but"}


def _arm_values(raw: list[str]) -> list[str]:
    """"zzint (12.1 ± 3) ... zzcmp (20.4 ± 5)", "36% in zzint vs 20% in zzcmp": the first
    number reported next to each arm, and which arm's is lower."""
    def value_at(i: int) -> float | None:
        for w in raw[i + 1:i + 5]:  # just after the arm ...
            if w in (INT, CMP, OUT) or w in _ARM_VALUE_STOP:
                break
            if w[0].isdigit():
                return float(w)
        j = i - 1 if i > 0 and raw[i - 1] in ("the", "a", "an", "this") else i
        if j < 2 or raw[j - 1] not in ("in", "with", "for", "on"):
            return None
        # ... else "36 % in zzint", "(1%) in the zzint group": the first number of the run
        # before the preposition, as a spread follows its value ("77.4 (26.3) in zzint")
        k = j - 1
        while k > max(0, j - 4) and raw[k - 1][0].isdigit():
            k -= 1
        return float(raw[k]) if k < j - 1 else None
    values = {}
    for i, w in enumerate(raw):
        if w in (INT, CMP) and w not in values:
            v = value_at(i)
            if v is not None:
                values[w] = v
    if len(values) < 2 or values[INT] == values[CMP]:
        return []
    return ["armval:int_" + ("lower" if values[INT] < values[CMP] else "higher")]


#: the tokens of a list of values: words, numbers (a thousands comma dropped), separators and
#: parentheses (what a parenthesis holds is a spread or a statistic, not a list item)
_LIST_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?|[,;()\[\]]")
_LIST_BREAKS = {"and", "vs", "versus", "or", ","}


def _respective_values(low: str) -> list[str]:
    """"zzout was 12 and 20 in the zzint and zzcmp groups, respectively", "zzint and zzcmp
    had 36 (5) and 41 (6), respectively": two values paired with the two arms in the order
    each list is written; which arm's value is the lower.  The first number of each list item
    is its value (a spread follows it); a list of three or more values is left alone.  Of
    several "respectively" lists, the outcome's is the first after it ("recurrence was 53% and
    87% in zzint and zzcmp, respectively, and zzout 93% and 47%, respectively"), its values
    those after the list before, its arms the ones it names or else the sentence's first two."""
    out = low.find(OUT)
    at = low.find("respectively", max(out, 0))
    if at < 0:
        return []
    before = low.rfind("respectively", 0, at)
    values_from = 0 if before < 0 else before + len("respectively")
    tokens = _LIST_TOKEN.findall(re.sub(r"(\d),(\d{3})\b", r"\1\2", low[values_from:at]))
    start = max([j + 1 for j, w in enumerate(tokens) if w in _CLAUSE_BREAKS or w == ";"] or [0])
    clause = tokens[start:]
    arms = [w for w in clause if w in (INT, CMP)]
    if not arms and before >= 0:  # the arms were named with the first list
        arms = [w for w in _LIST_TOKEN.findall(low[:before]) if w in (INT, CMP)]
    if len(arms) != 2 or arms[0] == arms[1]:
        return []
    values, item_open, depth = [], True, 0
    for w in clause:
        depth += (w in "([") - (w in ")]") if len(w) == 1 and w in "()[]" else 0
        if depth > 0:
            continue
        if w[0].isdigit() and item_open:
            values.append(float(w))
            item_open = False
        elif w in _LIST_BREAKS:
            item_open = True
    if len(values) != 2 or values[0] == values[1]:
        return []
    int_lower = (values[0] < values[1]) == (arms[0] == INT)
    return ["resp:int_" + ("lower" if int_lower else "higher")]


def features(text: str) -> list[str]:
    """Features of an (already masked) text; see the module docstring."""
    low = text.lower()
    raw = []
    for w in _TOKEN.findall(low):
        if not (raw and w == raw[-1] and w in (INT, CMP, OUT)):
            raw.append(w)
    adverse = ADV in raw
    raw = [w for w in raw if w != ADV]
    words = ["<num>" if w[0].isdigit() else w for w in raw]
    feats = words + [f"{a}_{b}" for a, b in zip(words, words[1:])]
    sk = _skeleton(words)
    for n in (2, 3, 4):
        feats += ["sk:" + "_".join(sk[i:i + n]) for i in range(len(sk) - n + 1)]
    if OUT in words:
        i = words.index(OUT)
        feats += ["near:" + w for w in words[max(0, i - 4):i + 5] if w != OUT]
        # the skeleton of the outcome's own clause: sentences often report several outcomes
        lo = max([j + 1 for j in range(i) if words[j] in _CLAUSE_BREAKS] or [0])
        hi = min([j for j in range(i, len(words)) if words[j] in _CLAUSE_BREAKS] or [len(words)])
        clause = "_".join(_skeleton(words[lo:hi]))
        feats.append("clause:" + clause)
        # the same wording means the opposite change on an adverse outcome ("improved pain")
        polarity = "adverse" if adverse else "plain"
        feats += [f"{polarity}|clause:{clause}"]
        feats += [f"{polarity}|sk:{a}_{b}" for a, b in zip(sk, sk[1:])]
    feats += sorted(p_classes(low)) or ["p_none"]
    feats += _number_order(raw)
    feats += _arm_values(raw)
    feats += _respective_values(low)
    feats += ci_classes(low)
    # the first p-value after the outcome is usually the one reported for it
    at = low.find(OUT)
    first = _P_VALUE.search(low, at) if at >= 0 else None
    if first:
        feats += ["pout:" + c for c in p_classes(first.group(0))]
    return feats


@lru_cache(maxsize=1)
def load_model() -> dict | None:
    model = read_data_json(MODEL_FILE)
    if model is None:
        return None
    model["index"] = {f: i for i, f in enumerate(model["features"])}
    return model


#: models standing in for the shipped one (see :func:`using_model`)
_STAND_INS: list[dict] = []


@contextmanager
def using_model(model: dict):
    """Read directions with ``model`` (features / weights / bias as in the data file) instead
    of the shipped one inside the block: a training script scores held-out articles with the
    model of a cross-validation fold that did not see them."""
    _STAND_INS.append(dict(model, index={f: i for i, f in enumerate(model["features"])}))
    try:
        yield
    finally:
        _STAND_INS.pop()


def predict(text: str, spans=()) -> tuple[str, float] | None:
    """(direction, probability) for ``text`` with the ``(start, end, tag)`` spans masked, or
    ``None`` when no model is installed."""
    model = _STAND_INS[-1] if _STAND_INS else load_model()
    if model is None:
        return None
    index, weights, bias = model["index"], model["weights"], model["bias"]
    scores = list(bias)
    for f in dict.fromkeys(features(mask(text, spans))):  # each once, in a fixed order
        i = index.get(f)
        if i is not None:
            for c in range(len(CLASSES)):
                scores[c] += weights[c][i]
    best = max(range(len(CLASSES)), key=scores.__getitem__)
    return CLASSES[best], softmax(scores)[best]


def predict_claim(sent, obj, drug, comparators, same=()) -> tuple[str, float] | None:
    """Direction of ``drug`` (a Span in ``sent``, or None when the drug is named elsewhere;
    ``same`` are its other mentions) against ``comparators`` (Spans) on the outcome ``obj``,
    read from the whole sentence."""
    base = sent.start_char
    spans = [(obj.start_char - base, obj.end_char - base, OUT)]
    arms = ([drug] if drug is not None else []) + list(same)
    spans += [(d.start_char - base, d.end_char - base, INT) for d in arms]
    spans += [(c.start_char - base, c.end_char - base, CMP) for c in comparators]
    return predict(sent.text, spans)


#: a result is being reported (not a design or aim): the classifier may then add a direction
RESULT = re.compile(r"significan|\bp\s*[<=>≤]|\bdiffer|\bthan\b|\bhigher|\blower|\bmore\b|"
                    r"\bless\b|\bfewer|\bgreater|increas|decreas|reduc|improv|worse", re.I)
#: a comparison between arms: "improved" is then a difference with a sign
ARMS = re.compile(r"\b(placebo|groups?|arms?|compared (with|to)|versus|vs\.?|than|"
                  r"significantly|differ\w*)\b|\bp\s*[<=]", re.I)


def classify(sent, obj, drug, ents, direction, arm_labels, new: float,
             overrule: float) -> str | None:
    """The classifier's direction for the claim on ``obj`` credited to ``drug`` when it should
    replace or confirm the rule ``direction`` (else ``None``): it adds a direction the rules
    missed at probability >= ``new`` in a result sentence (:data:`RESULT`), gives
    "improved"/"worsened" between arms (:data:`ARMS`) a sign (the outcome's polarity,
    :func:`valence_sign`, unless the classifier reads a null the sentence backs), and
    overrules a rule direction at probability >= ``overrule``.  Comparators are the sentence's
    other intervention entities (``arm_labels``) except other mentions of ``drug``.  A
    direction it gives is relative to ``drug``, so it is recorded for :func:`arm_order` not to
    flip again."""
    key = drug.text.lower() if drug is not None else None
    same = [] if drug is None else [e for e in ents if e is not drug and e.text.lower() == key]
    # "the addition of A or B to C prolonged Y": a drug listed with the credited one is in the
    # same arm, not its comparator (the comparator's change would be read with the sign turned)
    same += [] if drug is None else [e for e in listed_with(sent, drug, ents, arm_labels)
                                     if e not in same]
    # "less need for A and blood transfusions (2.2 vs 3.6%)": a procedure listed with the
    # outcome is another outcome, not an arm
    with_outcome = listed_with(sent, obj, [obj] + list(ents), arm_labels | {obj.label_})
    comparators = [e for e in ents if e.label_ in arm_labels and e is not drug and e is not obj
                   and e not in same and e not in with_outcome
                   and not (e.start < obj.end and obj.start < e.end)]
    pred = predict_claim(sent, obj, drug, comparators, same)
    if pred is None:
        return None
    label, prob = pred
    own = own_clause(sent, obj)
    if direction is None:
        chosen = label if prob >= new and RESULT.search(sent.text) else None
        if chosen == "unchanged" and (not _NUMBER.search(sent.text) and not null_evidence(sent.text)
                                      or any(
                _ASSERTED_SIGNIFICANT.search(t) and not null_evidence(t) for t in (sent.text, own))):
            # "were significantly different between the groups": not a null; nor "no
            # differences in A, except for a significant difference in Y" for Y; nor "a
            # three-fold difference in Y between the groups", where no word says null and no
            # figures do ("3.01 versus 3.15 (95% CI ...)" may: the classifier reads those)
            chosen = None
    elif direction in ("improved", "worsened"):
        chosen = label if prob >= new or ARMS.search(sent.text) else None
        if chosen == "unchanged" and not (null_evidence(sent.text) and null_evidence(own)):
            chosen = direction  # "significant improvement in Y with X": nothing says it is null
            # (nor "... normalized Y, whereas the control group showed no change")
        if chosen in _FLIP or chosen == direction:
            # the valence word governing the outcome says which way is better, the outcome's
            # polarity which way that is; the classifier only reads it from the sentence
            # ("greater improvement in depressive symptoms than placebo" is a fall).  5-fold
            # CV on the EI train split: 13 prompts turned right, 7 wrong
            chosen = valence_sign(direction, obj.text)
    else:
        chosen = label if label == direction or prob >= overrule else None
        # (the null must be said in the outcome's own clause: "Y fell with X, whereas it did
        # not change in the control group" tells of the other arm)
        if chosen == "unchanged" and chosen != direction and (
                not null_evidence(sent.text) or not null_evidence(own) or
                _ASSERTED_SIGNIFICANT.search(own) and not null_evidence(own)):
            chosen = None  # "X reduced Y compared with placebo": nothing says the change was
            # null ("no difference in A, but X significantly reduced Y": not of Y)
    if chosen is not None and drug is not None:
        record = oriented(sent.doc)
        for d in [drug] + same:
            record[(sent.start, d.start, chosen)] = "int"
        for c in comparators:
            record[(sent.start, c.start, chosen)] = "cmp"
    return chosen


#: words that make the list after them a set of arms compared with each other
_COMPARED_LIST = {"between", "among", "versus", "vs", "vs.", "comparing", "compared", "than",
                  "relative"}
_LIST_JOIN = {",", "and", "or", "and/or", "/", "either", "both"}


def listed_with(sent, drug, ents, arm_labels) -> list:
    """Intervention entities of ``sent`` listed with ``drug`` in one coordination ("A or B",
    "A, B and C"), unless the list is the set of arms being compared ("between A and B",
    "compared with A and B")."""
    doc = sent.doc
    arms = sorted({(e.start, e.end): e for e in ents if e.label_ in arm_labels
                   and sent.start <= e.start < sent.end}.values(), key=lambda e: e.start)
    i = next((n for n, e in enumerate(arms) if (e.start, e.end) == (drug.start, drug.end)), None)
    if i is None:
        return []

    def joined(a, b) -> bool:
        gap = [t.lower_ for t in doc[a.end:b.start]]
        return bool(gap) and set(gap) <= _LIST_JOIN
    group = lex.coordinated_run(arms, i, joined)
    if len(group) < 2 or not {"and", "or", "and/or"} & {t.lower_ for t in
                                                       doc[group[0].end:group[-1].start]}:
        return []
    before = {t.lower_ for t in doc[max(sent.start, group[0].start - 2):group[0].start]}
    if before & _COMPARED_LIST:
        return []
    return [e for e in group if (e.start, e.end) != (drug.start, drug.end)]


#: "time to first relapse", "delay before recurrence", "pain-free", "relapse free survival"
_UNTIL_HARM = re.compile(r"\b(time|interval|delay)\s+(to|until|before)\b.*|"
                         r"\b[\w-]+[- ]free\b", re.I)


#: a harm that only qualifies the outcome's head ("fatigue-disrupted quality of life",
#: "pain-related function"): the head says which way is better
_HARM_MODIFIER = re.compile(r"\b[a-z]+-(?:related|disrupted|associated|specific|limited|"
                            r"dependent|attributable)\b", re.I)


def valence_sign(direction: str, outcome: str) -> str:
    """Which way an outcome moved when it "improved" or "worsened": down on an outcome where
    less is better (:data:`ADVERSE`: pain, symptoms, mortality), up on any other.  The time
    until a harm and the share free of it are not the harm: "time to recurrence" and
    "relapse-free survival" improve when they rise."""
    less_is_better = bool(ADVERSE.search(_HARM_MODIFIER.sub(" ", _UNTIL_HARM.sub(" ", outcome))))
    return "decreased" if (direction == "improved") == less_is_better else "increased"


_ASSERTED_SIGNIFICANT = re.compile(r"\bsignificant(ly)?\b", re.I)
#: a figure, not a digit inside a name ("HbA1c", "IL-6", "CD4")
_NUMBER = re.compile(r"(?<![A-Za-z])(?<![A-Za-z]-)\d+(?![A-Za-z])")
#: a contrast between the clauses of a sentence ("no difference in A, but Y was higher")
_CONTRAST = re.compile(rf"\b(?:{'|'.join(sorted(lex.CONTRAST_WORDS))})\b|;", re.I)


def own_clause(sent, obj) -> str:
    """The text of the sentence between the contrasts (:data:`_CONTRAST`) around ``obj``: what
    is said of the outcome itself, not of another outcome in a contrasting clause."""
    text, at = sent.text, obj.start_char - sent.start_char
    cuts = [m for m in _CONTRAST.finditer(text)]
    lo = max([m.end() for m in cuts if m.end() <= at] or [0])
    hi = min([m.start() for m in cuts if m.start() >= at + len(obj.text)] or [len(text)])
    return text[lo:hi]


def null_evidence(text: str) -> bool:
    """Does the sentence say anything is null: a negation or "not significant", a null phrase
    ("similar", "no difference"), a p-value >= 0.05 or a confidence interval holding the null?
    Without one, the classifier may not turn a rule's rise or fall into "unchanged"."""
    text = lex.OTHER_NULL.sub(" ", text)  # "without significant side-effects": not this change
    text = _ELLIPTICAL_NOT.sub(" ", text)  # "X, but not placebo, reduced Y": not the arm's change
    low = text.lower()
    return bool(lex.SIGNIFICANT_NEGATED.search(text) or _NEGATION_WORD.search(low)
                or lex.says_null(low) or lex.first_p_nonsignificant(text)
                or any(c.endswith("_ns") for c in ci_classes(low)))


_NEGATION_WORD = re.compile(r"\b(not|no|neither|nor|failed)\b")
#: an elliptical contrast that negates one arm: "X, but not saline, reduced Y"
_ELLIPTICAL_NOT = re.compile(r"(?:,|\b(?:but|and|or))\s+not\s+(?:(?:by|with|in|on|after)\s+)?"
                             r"(?:[^,;.()]{1,40}(?:,|\.?\s*$)|"
                             r"(?:[^\s,;.()]+\s+){1,3}?(?=[a-z]+ed\b))", re.I)


_FLIP = {"increased": "decreased", "decreased": "increased"}
#: the comparative of "Y was lower in <first arm> than in <second arm>"
_COMPARATIVE_WORD = re.compile(r"^(higher|lower|greater|smaller|more|less|fewer|larger|longer|"
                               r"shorter|faster|slower|increased|decreased|reduced|elevated)$")


#: the longest first arm of "lower <first arm> than <second arm>" ("in the placebo group
#: (63.5%)"): further away, "than" belongs to another comparison
_FIRST_ARM_TOKENS = 15


def oriented(doc) -> dict:
    """Per-doc record of directions the classifier read relative to a drug span:
    ``(sentence start, drug token start, direction) -> role``, "int" or "cmp"."""
    return doc.user_data.setdefault("litkg_direction_oriented", {})


def arm_order(direction: str | None, sent, start: int, drug, ents) -> str | None:
    """Direction for ``drug`` in "Y was lower in <comparator> than in <drug>": a comparative
    whose first arm (between the comparative word and "than") is the comparator and whose
    second arm is the drug states the drug's effect with the opposite sign.  ``start`` is the
    token where the claim's clause begins (its cue or object).  A direction the masked
    classifier read for this very drug (or for it as the comparator) is already oriented."""
    if direction not in _FLIP or drug is None:
        return direction
    doc = sent.doc
    role = oriented(doc).get((sent.start, drug.start, direction))
    if role is not None:
        return direction if role == "int" else _FLIP[direction]
    # the comparative, not the clause start, anchors "than": a long outcome name ("the
    # completion rate for the 78-week double-blind extension period was lower for placebo
    # than ...") puts "than" far from where the clause begins, but the first arm is short
    # ("higher in the placebo group compared with the X group": the same order)
    than = next((t.i for t in doc[start:sent.end] if t.lower_ in ("than", "versus", "vs", "vs.")
                 or (t.lower_ in ("compared", "relative") and t.i + 1 < sent.end
                     and doc[t.i + 1].lower_ in ("with", "to"))), None)
    if than is not None and doc[than].lower_ in ("compared", "relative"):
        than += 1  # the arm follows "with" / "to"
    if than is None or not (than < drug.start < than + 10):
        return direction
    comp = next((t.i for t in reversed(doc[start:than]) if _COMPARATIVE_WORD.match(t.lower_)), None)
    if comp is None or than - comp > _FIRST_ARM_TOKENS:
        return direction
    first_arm = doc[comp + 1:than]
    other = any(e is not drug and e.label_ in ("DRUG", "PROCEDURE")
                and first_arm.start <= e.start < than for e in ents)
    if other or GENERIC_COMPARATOR.search(first_arm.text) or "comparator" in first_arm.text.lower():
        return _FLIP[direction]
    return direction

