"""Sentence claims: what a drug did, in which direction, to whom, how sure.

``extract_claims(doc, document)`` reads a processed spaCy ``Doc`` (entities in ``doc.ents``,
context from :mod:`litkg.extract.context`) and returns :class:`litkg.models.Claim` objects of
the five contract kinds.  The method is token windows over entities plus cue lexicons
(:mod:`litkg.extract.claims_lexicon`): there is no trained parser offline, and windows around
typed entities generalise to unseen drugs and analytes as long as the entity recogniser finds
them.

Design decisions, with the reason:
- A negated change ("no significant change in X", "no recovery in Y", "decreased, but not
  significantly") is a finding, so it becomes direction ``unchanged`` with ``negated=False``;
  only a negated *relation* ("without causing hyperphosphatemia") keeps ``negated=True``.
- Coordinated objects ("calcium or phosphates") each get their own claim because every object
  entity is paired with the nearest cue independently.
- Attribution: the drug of a change is the nearest drug in the sentence, else one named in the
  three sentences before, else the document's main intervention (the drug in the title, else
  the most frequent one of the opening text); an experimental manipulation named as the agent
  ("Sesn2 knockdown suppressed ...") or a list of covariates credits no earlier drug, and a
  change in the sentence that stops the drug is the course off it (the choice is made in
  :mod:`litkg.extract.claims_attribution`).  A comparator is not
  credited: when the only arm a comparison names is
  the one measured against ("Y was lower than with placebo"), the change is the other arm's.
  The patient is the "case N"/"patient N" named in the sentence or most recently before it,
  reset at section headings, so case 2's values never feed case 1.
- ``before`` comes from the most recent earlier measurement of the same analyte for the same
  patient, which is how case reports narrate follow-up ("decreased to 225 pg/ml").
- Two small trained models help where cue rules are weak, each optional (absent file = rules
  only): :mod:`litkg.extract.claims_direction` reads comparisons between arms ("higher with X
  than with placebo, p<0.01"), :mod:`litkg.extract.claims_adverse_model` scores (drug,
  condition) harm pairs.  Drug-condition relations live in :mod:`litkg.extract.claims_relations`,
  mechanism clauses in :mod:`litkg.extract.claims_mechanisms`, harms a case narrates after a
  drug was started in :mod:`litkg.extract.onset`, what a section heading says (methods and
  declarations report no findings) in :mod:`litkg.extract.sections`, direction words and the
  objects they govern in :mod:`litkg.extract.claims_cues`, rates given per trial arm (a
  harm less frequent than with the comparator is a benefit) in :mod:`litkg.extract.arm_rates`,
  and levels stated with their values in :mod:`litkg.extract.claims_measurements`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from litkg.errors import ExtractionError
from litkg.extract import claims_direction
from litkg.extract.arm_rates import (compared_harm, compares_non_arms, rated_endpoints,
                                     rated_outcome, single_arm_study)
from litkg.extract import claims_lexicon as lex
from litkg.extract import claims_interventions as interventions
from litkg.extract import claims_scope as scope
from litkg.extract import claims_study as study
from litkg.extract import claims_nonfindings as nonfindings
from litkg.extract import poisoning
from litkg.extract import sections
from litkg.extract.claims_attribution import drug_for
from litkg.extract.claims_cues import (NOMINAL_TITLE, cue_for, direction_cues, lowered_worsening,
                                      resolve_direction, speed_of_time)
from litkg.extract.claims_nulls import drug_is_agent, more_in_one_arm
from litkg.extract.claims_measurements import sentence_measurements
from litkg.extract.claims_mechanisms import verb_mechanisms
from litkg.extract.claims_interventions import is_measured
from litkg.extract.claims_relations import (CONDITION_LABELS, DRUG_LABELS, INTERVENTION_LABELS,
                                            adverse_pairs, named_in_compound, risk_factor)
from litkg.extract.claims_treatment import outperformed, treatment_pairs
from litkg.extract.claims_values import (OUTCOME_LABELS, change_values, concept_of,
                                         later_ratio, per_arm_changes, pressure_change,
                                         ratio_direction, sentence_quantities, stat_near,
                                         urine_rate,
                                         value_direction)
from litkg.extract.context import covering, denied_between
from litkg.extract.drug_classes import class_mechanisms, inside_class_name
from litkg.extract.extensions import register_extensions
from litkg.extract.onset import onset_harms, stopped_in
from litkg.extract.span_filters import names_a_subtype
from litkg.extract.units import dimensionless_unit, is_dose_unit
from litkg.models import Claim, Document, Evidence, normalise_key

VERSION = "0.3"
EXTRACTOR = f"litkg-rules/{VERSION}"


def _key(span: Span) -> str:
    return concept_of(span).key


@dataclass
class _DocContext:
    doc: Doc
    document: Document
    offset: callable
    patient_marks: list[tuple[int, str | None]]
    main_drug: Span | None
    #: concept keys of the findings the title names: the study's subject ("Effect of A versus B
    #: on postoperative nausea"), so a higher rate in one arm is its outcome, not its harm
    title_findings: frozenset = frozenset()
    #: (analyte key, patient) -> (value, unit) of the most recent measurement
    last_value: dict[tuple[str, str | None], tuple] = field(default_factory=dict)

    def patient_at(self, sent: Span) -> str | None:
        inside = lex.PATIENT.search(sent.text)
        if inside:
            return f"{inside.group(1).lower()} {inside.group(2)}"
        keys = [m[0] for m in self.patient_marks]
        i = bisect.bisect_right(keys, sent.start_char) - 1
        return self.patient_marks[i][1] if i >= 0 else None


def _patient_marks(text: str) -> list[tuple[int, str | None]]:
    marks = [(m.start(), f"{m.group(1).lower()} {m.group(2)}") for m in lex.PATIENT.finditer(text)]
    marks += [(m.start(), None) for m in lex.SECTION_RESET.finditer(text)]
    return sorted(marks, key=lambda m: m[0])


#: a sentence set at baseline compares people before anything was given ("At baseline,
#: patients had lower BDNF than controls"): its differences are no drug's outcome
_AT_BASELINE = re.compile(r"^\s*(?:[A-Z][A-Z ]+:\s*)?(?:at baseline|before (?:treatment|therapy|"
                          r"randomi[sz]ation)|prior to (?:treatment|therapy|randomi[sz]ation)),",
                          re.I)
#: "declined in all groups", "decreased in both the X and Y groups", "improved in both cases"
_IN_EVERY_ARM = re.compile(r"^[^;]{0,60}?\b(in|across) (all|both|each of the) (the )?"
                           r"([\w-]+ (and [\w-]+ )?)?(groups|arms|cases)\b", re.I)
#: "Both treatments improved Y", "all groups showed a fall in Y": the arms together are the
#: subject of the change
_EVERY_ARM_SUBJECT = re.compile(r"\b(both|all)\s+(the\s+)?(treatments|groups|arms|regimens|"
                                r"interventions|therapies)\b", re.I)
#: where the clause holding an outcome begins, at the latest
_CLAUSE_CUT = re.compile(r"[,;]|\b(?:but|although|though|whereas|while|however)\b", re.I)


#: below this probability the classifier does not create a claim the rules did not find: by
#: 5-fold CV on the EI train split the claims it adds between 0.5 and 0.6 are right < 50%
CLASSIFIER_NEW = 0.6
#: ... and does not overrule a rule direction (CV: 0.6-0.9 all within 0.3 points)
CLASSIFIER_OVERRULE = 0.8


def _classified(doc: Doc, sent: Span, obj: Span, direction: str | None) -> tuple[str | None, str | None]:
    """Direction from the masked classifier for the drug the claim will be credited to (the
    same choice as ``drug_for`` in the sentence) against the sentence's other arms."""
    ents = [e for e in doc.ents if sent.start <= e.start and e.end <= sent.end]
    cue = cue_for(doc, obj, direction_cues(sent))
    # only drugs named in the sentence: no earlier sentences, no main drug
    drug = drug_for(sent, ents, cue[0] if cue else obj.start, None, [sent], 0,
                    fallback=False, exclude=obj)
    decided = claims_direction.classify(sent, obj, drug, ents, direction, INTERVENTION_LABELS,
                                        CLASSIFIER_NEW, CLASSIFIER_OVERRULE)
    if decided is None:
        return direction, None
    return decided, "direction classifier (evidence-inference)"


#: "X on Y" after "the effect of", in an aim: the question the study asked of X
_EFFECT_ON = re.compile(r"^\S+(\s+[\w-]+){0,4}?\s+on\s+(the\s+)?(\w+\s+){0,2}$", re.I)


#: a null statistic in words: "not significant", "n.s." ("(NS)" is read with the p-values,
#: claims_lexicon.not_significant_mark, which tells it from "nephrotic syndrome (NS)")
_NS = re.compile(r"\bnot (statistically )?significant|\bn\.s\.", re.I)


def _null_between_arms(doc: Doc, sent: Span, obj: Span, ents: list[Span]) -> bool:
    """"Y was 43.7% with X and 42.4% with placebo (P = 0.12)": the values of two arms with a
    non-significant test are a finding of no difference, though no word says so.  Two arms
    must be named (two interventions, or one and a generic comparator) and the first
    statistic after Y must be null."""
    after = doc.text[obj.end_char:sent.end_char]
    arms = {e.text.lower() for e in ents if e.label_ in INTERVENTION_LABELS and e is not obj}
    if len(arms) < 2 and not (arms and claims_direction.GENERIC_COMPARATOR.search(sent.text)):
        return False
    null_p = lex.first_p_nonsignificant(after, sent.text)
    return bool(null_p) or (null_p is None and bool(_NS.search(after)))


def _evidence(sent: Span, ctx: _DocContext) -> Evidence:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    start_c, end_c = sent.start_char + lead, sent.start_char + len(text.rstrip())
    start, end = ctx.offset(start_c), ctx.offset(end_c)
    original = ctx.document.text
    if start is None or end is None or not (0 <= start <= end <= len(original)):
        raise ExtractionError(f"sentence offsets {start_c}-{end_c} do not map into the document",
                              where=ctx.document.id, hint="check doc._.offset_map")
    return Evidence(sentence=original[start:end], start=start, end=end)


def _ents_by_sentence(doc: Doc, sents: list[Span]) -> list[list[Span]]:
    """The entities inside each sentence, in one pass over ``doc.ents`` (both are in order)."""
    starts = [s.start for s in sents]
    out: list[list[Span]] = [[] for _ in sents]
    for e in doc.ents:
        k = bisect.bisect_right(starts, e.start) - 1
        if k >= 0 and e.end <= sents[k].end:
            out[k].append(e)
    return out


def extract_claims(doc: Doc, document: Document) -> list[Claim]:
    """All sentence claims of one processed document (see the module docstring)."""
    register_extensions()
    offset_map = doc._.offset_map
    ctx = _DocContext(doc=doc, document=document,
                      offset=offset_map if callable(offset_map) else (lambda x: x),
                      patient_marks=_patient_marks(doc.text),
                      main_drug=interventions.main_drug(doc, document.metadata.title, _key))
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    claims: dict[str, Claim] = {}
    refs_at = sections.references_start(doc.text)  # the bibliography cites, it does not claim
    by_sent = _ents_by_sentence(doc, sents)
    ctx.title_findings = study.title_findings(doc, document.metadata.title, sents, by_sent, _key)
    for k, sent in enumerate(sents):
        ents = [e for e in by_sent[k] if not interventions.generic_intervention(e)]
        ents = [e for e in ents if not scope.restatement(doc, e, ents)]
        if not ents or scope.table_like(sent) or scope.name_list(sent) or \
                scope.in_table(sent, document, ctx.offset) or (
                refs_at is not None and sent.end_char > refs_at) or \
                sections.section_kind(sent) == "declaration":  # disclosures, funding: no findings
            continue
        try:
            found = _sentence_claims(sent, ents, ctx, sents, k)
        except ExtractionError as err:
            # one unmappable sentence must not cost the document its other claims
            doc.user_data.setdefault("litkg_warnings", []).append(str(err))
            continue
        for claim in found:
            claims.setdefault(claim.iri, claim)
    return list(claims.values())


def _sentence_claims(sent: Span, ents: list[Span], ctx: _DocContext, sents, k) -> list[Claim]:
    doc = sent.doc
    evidence = _evidence(sent, ctx)
    patient = ctx.patient_at(sent)
    tp = lex.TIMEPOINT.search(sent.text)
    timepoint = tp.group(0) if tp else None
    out: list[Claim] = []

    def make(kind, subject, obj, **kw) -> Claim:
        subj = concept_of(subject) if isinstance(subject, Span) else subject
        objc = concept_of(obj) if isinstance(obj, Span) else obj
        return Claim(doc=ctx.document.id, kind=kind, subject=subj, object=objc, evidence=evidence,
                     patient=patient, extractor=EXTRACTOR, **kw)

    # an aim or hypothesis names no finding (its indication is still read below)
    aim_m = lex.NOT_FINDING.search(sent.text) or lex.NOT_FINDING_IMPERATIVE.match(sent.text) \
        or lex.STUDY_AIM.search(sent.text)
    aim, aim_at = bool(aim_m), (sent.start_char + aim_m.start() if aim_m else None)
    # -- mechanisms first: their objects are not also outcomes
    used_cues: set[int] = set()
    for subj, objc, direction, i in verb_mechanisms(
            sent, ents, lambda i: drug_for(sent, ents, i, ctx.main_drug, sents, k)) + \
            class_mechanisms(sent, ents):
        if aim and {t.lower_ for t in doc[max(sent.start, i - 2):i]} & {"would", "will", "to"}:
            continue  # the predicted effect of a hypothesis ("X would decrease Y")
        # "X but not Y inhibits Z": the negation covers Y, not the verb
        neg = bool(covering(doc, i, "negation")) or (isinstance(subj, Span) and subj._.negated)
        hedged = bool(covering(doc, i, "hedge"))
        out.append(make("mechanism", subj, objc, direction=direction, negated=neg, hedged=hedged))
        used_cues.add(i)

    # -- adverse effects, then treatments on the conditions not already taken
    taken: set[tuple[int, int]] = set()
    # A title, an aim or a design sentence names what was studied, not what a drug did: a harm
    # it names ("Early-life factors and endometriosis risk") is credited to no drug it does not
    # name itself.
    is_title = sent.text.strip() == (ctx.document.metadata.title or "").strip()
    states_topic = aim or sections.in_design_section(sent) or is_title

    def harm_fallback(cond: Span) -> Span | None:
        drug = drug_for(sent, ents, cond.start, ctx.main_drug, sents, k, fallback=not states_topic)
        # the harm of "this treatment" is the study drug's, not a procedure's
        return drug if drug is None or drug.label_ in DRUG_LABELS else ctx.main_drug

    # a methods section lists the harms it recorded ("nausea after X was recorded"), it
    # reports none (a background may state a known one)
    methods = sections.methods_section(sent)
    # a study's results section reports on the study's intervention, named or not
    study_results = sections.study_results(sent)
    # "PPI use was associated with bleeding among warfarin users": the users' drug names the
    # population, so the harm is the other drug's
    givers = [e for e in ents if e.label_ in DRUG_LABELS and not interventions.names_users(e)]
    ae_ents = [e for e in ents if not givers or e.label_ not in DRUG_LABELS or e in givers]
    for drug, cond in [] if methods else adverse_pairs(sent, ae_ents, harm_fallback):
        if aim_at is not None and min(drug.end_char, cond.end_char) <= aim_at < max(
                drug.start_char, cond.start_char):
            continue  # "we gave X to test the hypothesis that Y ...": Y is not asserted of X
        if aim and _EFFECT_ON.search(doc.text[drug.start_char:cond.start_char]):
            continue  # "to determine the effect of X on Y": what was asked, not found
        if scope.not_a_harm(doc, sent, drug, cond):
            continue  # "Y despite X", "Y again when X was stopped"
        if interventions.second_arm(doc, drug) and any(
                e.label_ in DRUG_LABELS and not interventions.second_arm(doc, e) for e in ents):
            continue  # "A sedated better than B but caused more Y": B is the comparison
        # a harm compared between arms: per-arm rates, a ratio's interval, "less frequent"
        compared = compared_harm(sent, ents, drug, cond, INTERVENTION_LABELS, _key)
        if compared is not None:
            direction, own = compared
            stats = dict(stat_near(doc, cond, sent, ents))
            if direction != "increased":
                stats.pop("percent", None)  # "Y1 was more frequent (14%), whereas Y2 was less"
            stats.update(own)  # an arm's own rate
            if direction == "increased" and not study.title_finding(cond, ctx.title_findings, _key):
                # more events than the comparator: the drug's harm (unless the finding is what
                # the study treats: then the arm did worse on it)
                out.append(make("adverse_effect", drug, cond, negated=bool(cond._.negated),
                                hedged=bool(cond._.hedged),
                                statistic_items=tuple(sorted(stats.items()))))
            else:  # fewer events (or no difference) is a benefit, not a harm
                out.append(make("outcome", drug, cond, direction=direction,
                                statistic_items=tuple(sorted(stats.items()))))
            taken.add((cond.start, cond.end))
            continue
        # ("Y was not caused by X": the negation after Y denies the link)
        neg = bool(cond._.negated or covering(doc, cond.start, "negation") or
                   denied_between(doc, cond, drug, lex.AE_CAUSAL + lex.AE_ASSOCIATION +
                                  lex.AE_BECAUSE))
        hedged = bool(cond._.hedged or covering(doc, cond.start, "hedge"))
        out.append(make("adverse_effect", drug, cond, negated=neg, hedged=hedged,
                        statistic_items=tuple(sorted(stat_near(doc, cond, sent, ents).items()))))
        # "Z attenuated X-induced Y": the harm named as X's stays an outcome for Z to change
        if not (named_in_compound(doc, drug, cond) and any(
                e.label_ in INTERVENTION_LABELS and e.start != drug.start for e in ents)):
            taken.add((cond.start, cond.end))
    # a single-arm study's results: "Conjunctivitis occurred in 18% of patients" is a harm of the
    # study's intervention, though the sentence names no drug
    # (a study of one arm naming no comparator reports on its intervention, headings or not)
    one_arm = not aim and not is_title and single_arm_study(doc)
    if not methods and ctx.main_drug is not None and (study_results or one_arm) and \
            not any(e.label_ in INTERVENTION_LABELS for e in ents):
        # ... unless the rates are the arms' ("0.6% and 0.9%, respectively (P=0.51)"): those
        # that differ by chance are no change, the others no harm the sentence can assign
        between_arms = study.rates_of_arms(sent)
        for cond in study.rated_events(sent, ents):
            if (cond.start, cond.end) in taken or \
                    study.title_finding(cond, ctx.title_findings, _key):
                continue
            if between_arms:
                if lex.first_p_nonsignificant(sent.text):
                    out.append(make("outcome", ctx.main_drug, cond, direction="unchanged",
                                    statistic_items=tuple(sorted(
                                        stat_near(doc, cond, sent, ents).items()))))
                continue
            out.append(make("adverse_effect", ctx.main_drug, cond, negated=bool(cond._.negated),
                            hedged=bool(cond._.hedged), statistic_items=tuple(sorted(
                                stat_near(doc, cond, sent, ents).items()))))
            taken.add((cond.start, cond.end))
        # "No patient developed Y", "Y was not observed": a harm the intervention did not cause
        for cond in [] if between_arms else scope.denied_events(sent, ents):
            if (cond.start, cond.end) not in taken and \
                    not study.title_finding(cond, ctx.title_findings, _key):
                out.append(make("adverse_effect", ctx.main_drug, cond, negated=True,
                                hedged=bool(cond._.hedged)))
                taken.add((cond.start, cond.end))
    # a single arm's rate of an endpoint ("The overall response rate was 62%"): the study
    # intervention's result, with its rate and no direction (nothing was compared)
    if not methods and one_arm and ctx.main_drug is not None and \
            not any(e.label_ in INTERVENTION_LABELS for e in ents):
        for obj, rate in rated_endpoints(sent, ents, OUTCOME_LABELS - CONDITION_LABELS):
            if (obj.start, obj.end) not in taken:
                out.append(make("outcome", ctx.main_drug, obj, statistic_items=(("percent", rate),)))
                taken.add((obj.start, obj.end))
    # "X was started. Ten days later she presented with Y": the story's harm (see onset.py)
    onset = [] if methods or aim else onset_harms(sent, ents, sents, k, DRUG_LABELS,
                                                  CONDITION_LABELS)
    credited = {(c.object.key, c.subject.key) for c in out if c.kind == "adverse_effect"}
    # (in a poisoning case, the harm told after the antidote was given is the poison's)
    onset = [(poisoning.onset_agent(doc, sent, d, c), c) for d, c in onset]
    for drug, cond in onset:
        if (cond.start, cond.end) in taken:
            # a harm already credited to one drug of the regimen the story started goes to its
            # other drugs too ("received A plus B. ... she developed Y")
            regimen = {concept_of(d).key for d, c in onset if c == cond}
            mine = concept_of(cond).key
            if (mine, concept_of(drug).key) in credited or \
                    not any((mine, r) in credited for r in regimen):
                continue
        neg = bool(cond._.negated or covering(doc, cond.start, "negation"))
        out.append(make("adverse_effect", drug, cond, negated=neg,
                        hedged=bool(cond._.hedged or covering(doc, cond.start, "hedge"))))
        credited.add((concept_of(cond).key, concept_of(drug).key))
        taken.add((cond.start, cond.end))
    treated: set[tuple[int, int]] = set()
    indications: set[tuple[int, int]] = set()  # "X is effective in normalizing Y": not an outcome
    anaphor = interventions.implicit_subject(sent)  # "It was used in Y": the earlier sentences' drug
    implicit = None if anaphor is None else drug_for(sent, [], anaphor, ctx.main_drug, sents, k)
    for drug, cond in ([] if lex.BACKGROUND_LIST.search(sent.text) else treatment_pairs(
            sent, ents, taken, implicit=(implicit, anaphor) if implicit is not None else None,
            title=is_title)):
        treated.add((drug.start, cond.start))
        indications.add((cond.start, cond.end))
        neg = bool(drug._.negated and cond._.negated)
        hedged = bool(drug._.hedged or cond._.hedged)
        out.append(make("treatment", drug, cond, negated=neg, hedged=hedged))

    better = None if aim or methods else outperformed(sent, ents, OUTCOME_LABELS)
    if better is not None:  # "A was more effective than B in preventing Y": Y fell with A
        out.append(make("outcome", better[0], better[1], direction=better[2], statistic_items=
                        tuple(sorted(stat_near(doc, better[1], sent, ents).items()))))
        taken.add((better[1].start, better[1].end))
    quants = sentence_quantities(sent)
    # -- measurements: an analyte followed closely by a value ("PTH 269 pg/ml", "Ca: 7.5 mg/dL")
    levels = sentence_measurements(
        sent, ents, quants, timepoint,
        lambda i: poisoning.level_agent(
            doc, sent, drug_for(sent, ents, i, ctx.main_drug, sents, k, fallback=False), i), make)
    out += levels.claims
    measured, computed, valued, stayed = levels.measured, levels.computed, levels.valued, levels.stayed

    # -- outcomes: every object entity with a direction cue (or an 'unchanged' phrase) nearby
    dir_cues = [c for c in direction_cues(sent) if c[0] not in used_cues]
    # comparisons between arms ("Y was lower with X than with placebo, p<0.01") are read by
    # the trained classifier of claims_direction; case-report narration stays with the rules
    comparative = bool(claims_direction.COMPARATIVE.search(sent.text)) and (
        any(e.label_ in INTERVENTION_LABELS for e in ents) or ctx.main_drug is not None)
    mech_objects = {c.object.key for c in out if c.kind == "mechanism"}
    outcome_after: dict[str, tuple] = {}
    # background in the present tense credits nothing to a drug named in another sentence
    generic = lex.generic_statement(sent.text)
    reported = not (aim or lex.RECOMMENDATION.search(sent.text) or sections.in_design_section(sent)
                    or (is_title and NOMINAL_TITLE.match(sent.text))  # "Effect of X on Y"
                    or _AT_BASELINE.match(sent.text) or nonfindings.allocation_sentence(sent)
                    or nonfindings.measurement_plan(sent))
    # "The incidences of Y were 9.2% and 40.8% in the X and placebo groups": the rates decide
    rated = None if not reported else rated_outcome(sent, ents, INTERVENTION_LABELS, OUTCOME_LABELS,
                                                     interventions.generic_comparator, ctx.main_drug)
    if rated is not None and not any(c.kind != "measurement" and  # a value is no finding
                                     c.subject.key == concept_of(rated[0]).key and
                                     c.object.key == concept_of(rated[1]).key for c in out):
        arm, obj, direction, rate, tested = rated
        # the test comparing the arms' rates is the sentence's ("... and 52% in B (P=0.001)")
        stats = dict(lex.statistics(sent.text), **stat_near(doc, obj, sent, ents))
        stats = tuple(sorted(dict(stats, **({} if rate is None else {"percent": rate})).items()))
        if tested:  # two rates and a test: a finding between the arms
            out.append(make("outcome", arm, obj, direction=direction, statistic_items=stats))
            taken.add((obj.start, obj.end))
        elif obj.label_ in CONDITION_LABELS and direction == "increased":
            # an event more frequent in the arm than with the comparator: its harm, at its rate
            out.append(make("adverse_effect", arm, obj, statistic_items=stats))
            taken.add((obj.start, obj.end))
        elif rate is not None:
            # two arms' rates with no test ("Death or MI occurred in 4.7% and 6.8%,
            # respectively"): the arm's rate is the finding; only a ratio's interval after it
            # ("hazard ratio 0.74; 95% CI, 0.65 to 0.85") gives a direction, not the order of
            # two rates that may differ by chance
            ratio = later_ratio(doc, sent, obj, ents, OUTCOME_LABELS)
            out.append(make("outcome", arm, obj, direction=ratio[0] if ratio else None,
                            statistic_items=stats))
            taken.add((obj.start, obj.end))
    for obj in (ents if reported else []):
        if (obj.label_ not in OUTCOME_LABELS and not (obj.label_ in DRUG_LABELS and is_measured(obj))
                and not (obj.label_ == "PROCEDURE" and scope.counted_procedure(doc, sent, obj))) \
                or (obj.start, obj.end) in taken or scope.not_an_outcome(doc, sent, obj):
            continue
        if risk_factor(doc, sent, obj):
            continue  # "Y1 increased the risk of X-induced Y2": Y1 is a risk factor, not an outcome
        if obj.label_ == "TARGET" and (inside_class_name(sent, ents, obj) or names_a_subtype(obj)):
            continue  # "EGFR" of "EGFR tyrosine kinase inhibitors" or of "EGFR-mutated cancer"
        key = concept_of(obj).key
        null_values = (obj.start, obj.end) in valued and _null_between_arms(doc, sent, obj, ents)
        if key in mech_objects or (key in measured and key not in stayed and
                                   (obj.start, obj.end) in valued and not null_values):
            continue  # "elevated phosphates (2.40 mmol/l)": a state with its value, not a change
        cue = lowered_worsening(doc, cue_for(doc, obj, dir_cues))  # "reduced recurrence of Y"
        direction = "unchanged" if null_values else resolve_direction(
            doc, sent, cue[0] if cue else None, cue[1] if cue else None, obj,
            lambda o, d: _classified(doc, sent, o, d)[0])
        # ("improved"/"worsened" between arms was already put to the classifier by
        # resolve_direction: what it left unsigned stays so)
        # a title's "X versus Y in Z" names what was compared, not how it came out
        if comparative and not is_title and \
                direction in (None, "increased", "decreased", "unchanged"):
            direction = _classified(doc, sent, obj, direction)[0]
        direction = ratio_direction(doc, sent, obj) or direction  # "hazard ratio for Y, 0.65 (CI)"
        direction = speed_of_time(doc, sent, obj, direction)  # "a faster onset": a shorter time
        # "Y was 0.20 with A, 0.07 with B; the rate ratio was 0.36 (95% CI, 0.27 to 0.49) for B
        # versus A": the interval gives the direction, and the arm it is for the drug
        ratio_arm = None if direction is not None else later_ratio(doc, sent, obj, ents,
                                                                    OUTCOME_LABELS)
        if ratio_arm is not None:
            direction = ratio_arm[0]
        if direction is None or ((obj.start, obj.end) in indications and (
                (cue and cue[0] < obj.start) or lex.EFFICACY.search(sent.text))):
            continue  # "effective in normalizing Y": the indication, read as a treatment
        if obj.label_ in CONDITION_LABELS and cue and cue[1] == "increased" and \
                obj.start > cue[0] and direction == "increased":
            continue  # "increased risk of Y", "elevated Y": a description, not an outcome
        cue_i = cue[0] if cue else obj.start
        if cue and (scope.agent_of_verb(doc, obj, cue_i) or
                    nonfindings.cue_not_a_finding(doc, sent, cue_i)):
            continue  # "Y prolongs the healing": Y acts; "dose was increased", "tried to lower Y"
        if nonfindings.subgroup_variable(doc, sent, obj) or \
                nonfindings.reason_or_circumstance(doc, sent, obj) or \
                nonfindings.aimed_at(doc, sent, obj):
            continue  # "did not differ by BMI": the subgroups; "because of Y": a reason; "in
            # the absence of Y": a circumstance; "needed to maintain Y": a level aimed at
        if direction != "unchanged" and (
                # ("X lowered Y in both groups" is X's: the groups are where it did)
                _IN_EVERY_ARM.search(doc.text[obj.end_char:sent.end_char])
                and not (cue and drug_is_agent(doc, sent, cue_i)) or
                _EVERY_ARM_SUBJECT.search(_CLAUSE_CUT.split(
                    doc.text[sent.start_char:obj.start_char])[-1])) \
                and not more_in_one_arm(sent, doc.text[obj.end_char:sent.end_char]):
            continue  # "Y declined in all groups": a change common to the arms is no drug's
        drug = drug_for(sent, ents, cue_i, ctx.main_drug, sents, k, exclude=obj,
                         fallback=comparative or study_results)
        if ratio_arm is not None and ratio_arm[1] is not None:
            drug = ratio_arm[1]
        drug = drug and interventions.coordinated_main(doc, drug, ents, ctx.main_drug, _key)
        # a poisoning's course is the poison's, not the antidote's given after it
        drug = poisoning.course_agent(doc, sent, drug, cue_i, key, direction)[1]
        values = change_values(doc, obj, cue, quants) if cue and direction in (
            "increased", "decreased", "improved", "worsened") else (None, None, None)
        if drug is None or stopped_in(sent, drug) or compares_non_arms(sent, cue_i, obj) or \
                scope.not_credited(sent, obj, drug, cue, direction, generic, concept_of):
            if values[1] is not None and values[2] is not None and not is_dose_unit(values[2]):
                outcome_after[key] = values[1:]  # no drug's change, yet the next one's "before"
            continue  # ... "X was discontinued; sodium rose": the course off the drug; "higher in
            # males than in females": a difference between sexes
        if sent.start <= drug.start < sent.end:  # "lower in placebo than in X": X's sign flips
            direction = claims_direction.arm_order(direction, sent, min(cue_i, obj.start), drug, ents)
        pair_change = pressure_change(doc, sent, obj) if cue and direction in (
            "increased", "decreased", "improved", "worsened") else None
        if pair_change is not None:  # "BP fell from 160/95 to 135/85 mmHg": two analytes
            for arm in interventions.neither_nor_arms(sent, ents, drug, INTERVENTION_LABELS):
                for part, before, after in pair_change:
                    out.append(make("outcome", arm, part, direction=direction, before=before,
                                    after=after, unit="mmHg", timepoint=timepoint, statistic_items=
                                    tuple(sorted(stat_near(doc, obj, sent, ents).items()))))
            continue
        before, after, unit = values
        if cue and direction in ("increased", "decreased", "improved", "worsened"):
            if unit and is_dose_unit(unit) and not urine_rate(obj):
                continue  # "increased to 4 g/day": a dose change is a regimen, not an outcome
            if unit is None and (before is not None or after is not None):
                unit = dimensionless_unit(obj.text)  # "INR rose from 2.4 to 8.9"
            if unit is None:
                before = after = None  # values without a unit are not comparable
            if after is not None and before is None:
                earlier = ctx.last_value.get((key, patient))
                # only an earlier value in the same unit is a "before" (no conversion here)
                if earlier and normalise_key(earlier[1] or "") == normalise_key(unit or ""):
                    before = earlier[0]
            if after is not None:
                outcome_after[key] = (after, unit)
        stats = stat_near(doc, obj, sent, ents)
        if unit == "%" and stats.get("percent") in (before, after):
            del stats["percent"]  # "saturation improved from 88% to 96%": a value, not a rate
        hedged = bool(covering(doc, cue_i, "hedge") or obj._.hedged)
        if obj.label_ in CONDITION_LABELS and direction == "increased" and (
                (cue and scope.risk_change(doc, sent, cue_i))
                or scope.more_frequent(doc, sent, obj)):
            # "increased risk of Y with X", "Y was more frequent with X": a harm
            out.append(make("adverse_effect", drug, obj, hedged=hedged,
                            statistic_items=tuple(sorted(stats.items()))))
            continue
        arm_changes = per_arm_changes(doc, cue[0], ents, quants, INTERVENTION_LABELS) if \
            before is not None and after is not None else []
        for arm, before, after, unit in arm_changes:  # each arm with its own values
            out.append(make("outcome", arm, obj, direction=value_direction(direction, before, after),
                            hedged=hedged, before=before, after=after, unit=unit,
                            timepoint=timepoint, statistic_items=tuple(sorted(stats.items()))))
        for arm in [] if arm_changes else interventions.neither_nor_arms(sent, ents, drug,
                                                                  INTERVENTION_LABELS):
            out.append(make("outcome", arm, obj, direction=direction, hedged=hedged,
                            before=before, after=after, unit=unit, timepoint=timepoint,
                            statistic_items=tuple(sorted(stats.items()))))
    for key, value_unit in list(measured.items()) + list(outcome_after.items()):
        ctx.last_value[(key, patient)] = value_unit
    stated = {c.object.key for c in out if c.kind == "outcome"}
    return out + [c for c in computed if c.object.key not in stated]
