"""Entity recognition and grounding: a small trained NER for boundaries, the lexicon for ids.

The ``litkg_entities`` component combines two recognisers:

- a CPU spaCy NER (``src/litkg/data/ner``, trained by ``scripts/train_ner.py`` on CDR + BioRED
  training abstracts) that finds CHEMICAL and DISEASE spans in any text, including names no
  vocabulary lists;
- the lexicon (:mod:`litkg.extract.lexicon`): token-window lookup of normalised names from MeSH
  (via CDR/BioRED/NCBI annotations), MONDO, HPO, LOINC lab tests, genes and a documented curated
  list.  It grounds the NER spans and adds the spans the NER has no label for (lab analytes,
  procedures, targets) or missed.

How they combine: a vocabulary name that contains an NER span wins (it is more specific);
otherwise the NER span wins and is grounded by its exact name, else (diseases only) by its
head ("acute heart failure" -> heart failure, a broader concept); lexicon names the NER did
not tag are added, as are single words with a WHO INN drug stem (-mab, -tinib, -pril, ...);
finally each name gets one reading per document (majority label, repeats added).  A vocabulary
name that holds both a drug and a disease found by the NER ("heparin-induced thrombocytopenia")
is left as the two entities; a known name crossing an NER span that names nothing known wins
over it; unlisted salts ground to their parent drug ("amlodipine besylate"); an unknown
chemical span ending in -ase is an enzyme (TARGET).  Word formation ("microthrombosis",
"ulceration": :mod:`~litkg.extract.derived_names`), coordination ellipsis ("protein C and S
deficiency": :mod:`~litkg.extract.coordination`) and name-forming modifiers ("adynamic bone
disease": :mod:`~litkg.extract.modifiers`) add or widen condition names.  What a span's own
words say (salt forms, drug stems, biologic and anatomy heads, a lone everyday word, the shape
of a disease name) is read by :mod:`~litkg.extract.ner_spans`; how its words are looked up in
the lexicon (exact name, salt of a known drug, known head, missing head noun) by
:mod:`~litkg.extract.grounding`.  A chemical inside a receptor, pathway or system name is part
of that TARGET (:mod:`~litkg.extract.receptor_names`), and a laboratory buffer is no drug
(:mod:`~litkg.extract.reagents`).  An unknown disease span that is a kind of a known procedure
or a regional anaesthetic ("sciatic nerve block", "subarachnoid block") is a PROCEDURE; a finding
named by its change right after a drug ("Milrinone increased cardiac output") opens on the
drug's verb, which leaves the name.

Unknown names keep ``concept_id = None``.  Chemical analytes (calcium, phosphate, vitamin D)
are ANALYTEs unless the context doses them ("oral phosphate", "calcium supplementation",
"treatment with phosphorus"), then DRUGs with their chemical id; a dosing context also lets a
chemical that only MeSH lists find its span ("oral lysine").  A chemical that names a gene
element ("androgen response element") is no drug, and a "condition" that is a physiological
process ("platelet aggregation") is measured, an ANALYTE.  One/two-letter lab symbols
("Ca", "P", "K") count only in a lab context (next to a number and unit, after a specimen word,
or in a legend "Ca: calcium").
"""

# (no "from __future__ import annotations": spaCy factories need real type objects)

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from litkg.errors import ExtractionError
from litkg.extract.coordination import find_coordinations
from litkg.extract.derived_names import derived_conditions
from litkg.extract.extensions import register_extensions
from litkg.extract.endpoints import HEADS as ENDPOINT_HEADS
from litkg.extract.grounding import (VOCABULARY_ONLY, ground_span, ground_without_head_noun,
                                     head_entry, lexicon_matches, procedure_head)
from litkg.extract.entity_contexts import (dosed_vocabulary_chemical, dosing_context, lab_context,
                                           measured_vocabulary_chemical)
from litkg.extract.induced import induced_conditions
from litkg.extract.modifiers import QUALIFIERS, modified_vocabulary_names, name_start
from litkg.extract.reagents import is_reagent
from litkg.extract.receptor_names import ligand_named_targets
from litkg.extract.ner_spans import (ANATOMY_HEADS, BIOLOGIC_HEADS, CELL_STRUCTURES, GENE_SYMBOL,
                                     INN_STEM, ORGANISM_HEADS, ORGANS, anaesthetic_block,
                                     disease_shaped, drug_name_for_disease, is_enzyme, leading_drug,
                                     english_words_only, lone_word_may_stand, names_a_process)
from litkg.extract.span_filters import (amino_acid_residue, citation_ranges, undefined_acronym,
                                        level_or_time_point, names_a_benefit, names_a_gene_element,
                                        names_an_author, number_of_a_quantity, part_of_a_unit,
                                        part_of_compound_name, state_of_a_thing, trim_edges,
                                        without_lowered_meaning, without_organism_names)
from litkg.extract.lexicon import FLAG_CHEM, FLAG_LAB, FLAG_SHORT, Entry, Lexicon, load_lexicon, norm_token
from litkg.extract.mentions import CONJUNCTS, LIGANDS
from litkg.models import ENTITY_LABELS
from litkg.paths import data_dir

#: NER label -> lexicon labels that may ground it.
_NER_FAMILY = {"CHEMICAL": ("DRUG", "ANALYTE", "PROCEDURE"), "DISEASE": ("CONDITION", "PHENOTYPE")}
# A confident lexicon entry (annotated corpora, curated) may correct the NER's type: a
# disease the model called a chemical is still a disease.
_SWITCHABLE = ("DRUG", "ANALYTE", "CONDITION", "PHENOTYPE")
_TRUSTED = ("corpus", "curated", "verified")
#: the finding ontologies name no chemicals: a word they list as a finding, which the NER took
#: for a chemical ("trismus"), is the finding
_TRUSTED_FINDINGS = ("hpo", "mondo")
_NER_DEFAULT = {"CHEMICAL": "DRUG", "DISEASE": "CONDITION"}
#: change words a finding's name may open on, which are also verbs ("X increased cardiac output")
CHANGE_VERBS = frozenset({"increased", "decreased", "reduced", "elevated", "raised", "lowered",
                          "diminished"})


def default_ner_path() -> Path:
    return data_dir() / "ner"


@lru_cache(maxsize=4)
def _load_ner(path: str):
    import spacy

    try:
        inner = spacy.load(path)
    except Exception as exc:  # corrupt or incompatible model files
        raise ExtractionError(f"cannot load the entity NER model: {exc}", where=path,
                              hint="retrain it with scripts/train_ner.py or set use_ner = false")
    return inner.get_pipe("ner")


class EntityRecognizer:
    """The ``litkg_entities`` pipeline component."""

    def __init__(self, nlp: Language, name: str, lexicon_path: str | None, use_ner: bool,
                 ner_path: str | None, lexicon_spans: bool):
        register_extensions()
        self.name = name
        self.lexicon: Lexicon = load_lexicon(lexicon_path or None)
        self.lexicon_spans = lexicon_spans
        self.ner = None
        path = Path(ner_path) if ner_path else default_ner_path()
        if use_ner and (path / "meta.json").exists():
            self.ner = _load_ner(str(path))
            for label in self.ner.labels:
                nlp.vocab.strings.add(label)
        for label in ENTITY_LABELS:
            nlp.vocab.strings.add(label)

    # -- spaCy component protocol
    def __call__(self, doc: Doc) -> Doc:
        if self.ner is not None:
            doc = self.ner(doc)
        return self._combine(doc)

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        if self.ner is not None:
            stream = self.ner.pipe(stream, batch_size=batch_size)
        for doc in stream:
            yield self._combine(doc)

    # -- recognition
    def _combine(self, doc: Doc) -> Doc:
        ner_ents = [e for e in doc.ents if e.label_ in _NER_FAMILY] if self.ner is not None else []
        ner_ents = [t for t in map(trim_edges, ner_ents) if t is not None]
        lex = [(s, e, entry) for s, e, entry in self.lexicon_matches(doc)
               if not number_of_a_quantity(doc, s, e)]
        ner_ents, lex = self._without_change_verbs(doc, ner_ents, lex)
        lex_by_span = {(s, e): entry for s, e, entry in lex}
        spans: list[Span] = []
        taken = set()
        # A longer vocabulary name around an NER span is more specific ("calcium-sensing
        # receptor" around "calcium", "atrial fibrillation" around "fibrillation"): it wins.
        # A ground-only vocabulary name (MeSH entry terms) may widen an NER span of its own
        # family ("posttraumatic stress disorder" around the NER's "stress disorder"): the NER
        # vouches that an entity is there, the vocabulary knows where its name ends.
        longer = [(s, e, entry) for s, e, entry in lex
                  if (FLAG_SHORT not in entry.flags or (entry.source in VOCABULARY_ONLY and any(
                      s <= n.start and n.end <= e and entry.label in _NER_FAMILY[n.label_]
                      for n in ner_ents)))
                  and (FLAG_LAB not in entry.flags or lab_context(doc, s, e, self.lexicon))
                  and any(s <= n.start and n.end <= e and e - s > n.end - n.start for n in ner_ents)
                  # "nausea and vomiting": a coordination the NER split is two findings; a
                  # long name is one ("drug reaction with eosinophilia and systemic symptoms")
                  and (e - s >= 5 or not any(t.lower_ in ("and", "or") for t in doc[s:e]))
                  # "heparin-induced thrombocytopenia": the NER's drug and disease inside it
                  # are kept, so the drug and its adverse effect stay separate entities
                  and len({n.label_ for n in ner_ents if s <= n.start and n.end <= e}) < 2]
        for s, e, entry in longer:
            spans.append(self._make(doc, s, e, entry.label, entry, "lexicon"))
            taken.update(range(s, e))
        ner_ents = [n for n in ner_ents if not taken.intersection(range(n.start, n.end))]
        if self.lexicon_spans:
            ner_ents = [n for n in ner_ents if not self._crossed(doc, n, lex, lex_by_span)]
        for ent in ner_ents:
            drug = leading_drug(doc, ent, lex, lex_by_span)
            if drug is not None:
                d_end, d_entry, rest = drug
                spans.append(self._make(doc, ent.start, d_end, "DRUG", d_entry, "lexicon"))
                taken.update(range(ent.start, d_end))
                ent = Span(doc, rest, ent.end, label=ent.label_)
            entry = lex_by_span.get((ent.start, ent.end)) or self._ground_span(ent)
            if entry is None and len(ent) > 1 and ent[0].lower_ in QUALIFIERS:
                trimmed = self._ground_span(ent[1:])
                if trimmed is not None:
                    ent, entry = Span(doc, ent.start + 1, ent.end, label=ent.label_), trimmed
            family = _NER_FAMILY[ent.label_]
            if entry is not None and entry.label not in family and (
                    entry.label not in _SWITCHABLE or (FLAG_SHORT in entry.flags
                                                       and not drug_name_for_disease(ent, entry))
                    or not (entry.source.startswith(_TRUSTED) or drug_name_for_disease(ent, entry) or (
                        entry.source in _TRUSTED_FINDINGS
                        and entry.label in _NER_FAMILY["DISEASE"]))):
                entry = None  # the NER's type wins over a homonym (e.g. a gene name)
            if entry is None and ent.label_ == "DISEASE" and len(ent) > 1:
                head = norm_token(ent[-1].text)
                if head in BIOLOGIC_HEADS:
                    # "hepatitis B immune globulin": a biologic named after the disease; the
                    # disease is the words before the head ("immune" too)
                    k = ent.end - 1
                    while k > ent.start and norm_token(doc[k - 1].text) in BIOLOGIC_HEADS | {"immune"}:
                        k -= 1
                    if k == ent.start:
                        continue
                    ent = Span(doc, ent.start, k, label=ent.label_)
                    entry = self._ground_span(ent)
                elif head in ANATOMY_HEADS or head in ORGANISM_HEADS:
                    continue  # "optic nerve": a body part; "hepatitis C virus": an organism
            if entry is None and ent.label_ == "DISEASE" and \
                    self._procedure(doc, ent, lex, spans, taken):
                continue  # "subarachnoid block", "sciatic nerve block": an anaesthetic technique
            if entry is None and ent.label_ == "DISEASE":
                entry = head_entry(ent, lex) or ground_without_head_noun(self.lexicon, ent)
                if entry is None and len(ent) > 1 and ent[-1].is_alpha and ent[-1].text.islower() \
                        and not disease_shaped(ent[-1].text) and not any(
                            t.lower_ in ("of", "in", "with", "and", "or") for t in ent):
                    continue  # "desert oasis", "blood spot": no finding's head noun
            if entry is None and ent.label_ == "CHEMICAL" and \
                    ent[-1].lower_ in ANATOMY_HEADS | ORGANS | CELL_STRUCTURES | ORGANISM_HEADS:
                continue  # "the distal nephron": a body part the NER took for a chemical
            if entry is None and ent.label_ == "CHEMICAL" and english_words_only(ent):
                continue  # "growth cone", "axons elongate": English words, no substance named
            if ent.end < len(doc) and doc[ent.end].lower_ in ORGANISM_HEADS:
                # "hepatitis B virus": the virus, named after its disease; "lactic acid
                # bacteria": microbes named after what they make, no drug given
                continue
            if entry is None and ent.label_ == "DISEASE" and undefined_acronym(doc, ent):
                continue  # "after DBS": an acronym the text never spells out, no known name
            if entry is None and len(ent) == 1 and (not lone_word_may_stand(ent[0]) or (
                    ent.label_ == "DISEASE" and ent[0].is_alpha and ent[0].text[1:].islower()
                    and not disease_shaped(ent[0].text))):
                continue  # an everyday word, or a word of another field ("braconid", "ecdysis")
            label = entry.label if entry is not None else _NER_DEFAULT[ent.label_]
            if entry is None and ent.label_ == "CHEMICAL" and is_enzyme(ent[-1].text):
                label = "TARGET"  # "N-acetyl-beta-D-glucosaminidase": an enzyme, a gene product
            spans.append(self._make(doc, ent.start, ent.end, label, entry, "ner"))
            taken.update(range(ent.start, ent.end))
        if self.lexicon_spans:
            for start, end, entry in lex:
                if taken.intersection(range(start, end)) or not self._admit(doc, start, end, entry):
                    continue
                if end < len(doc) and (doc[end].lower_ in CELL_STRUCTURES and entry.label in (
                        "DRUG", "ANALYTE") or doc[end].lower_ in ORGANISM_HEADS
                                       and entry.label != "TARGET"):
                    # "lipid droplets": a cell's structure; "hepatitis C virus": a virus (but
                    # "a mzm1D yeast strain" still names the gene its mutant lacks)
                    continue
                spans.append(self._make(doc, start, end, entry.label, entry, "lexicon"))
                taken.update(range(start, end))
        if self.lexicon_spans:
            for i, text in enumerate([t.text for t in doc]):
                if len(text) >= 7 and i not in taken and text.isalpha() and \
                        INN_STEM.search(text.lower()) and not text.isupper():
                    entry = self._ground_span(doc[i:i + 1])
                    if entry is None or entry.label == "DRUG":
                        spans.append(self._make(doc, i, i + 1, "DRUG", entry, "lexicon"))
                        taken.add(i)
            for i, label, entry in derived_conditions(doc, self.lexicon, taken):
                spans.append(self._make(doc, i, i + 1, label, entry, "lexicon"))  # "ulceration"
            drugs = [sp for sp in spans if sp.label_ == "DRUG"]
            for start, end, entry in induced_conditions(doc, self.lexicon, drugs, taken):
                spans.append(self._make(doc, start, end, entry.label, entry, "lexicon"))  # "X-induced cough"
        spans = self._add_coordinations(doc, spans, taken)
        spans = self._add_modifiers(doc, spans, taken)
        spans = self._add_receptors(doc, spans, taken)
        cited = citation_ranges(doc.text)
        spans = [sp for sp in filter_spans(spans)
                 if not names_an_author(doc, sp, cited) and not level_or_time_point(doc, sp)
                 and not part_of_compound_name(doc, sp) and not part_of_a_unit(doc, sp)
                 and not (sp.label_ in ("CONDITION", "PHENOTYPE") and state_of_a_thing(doc, sp))
                 and not names_a_benefit(sp)
                 and not (sp.label_ in ("DRUG", "ANALYTE") and is_reagent(doc, sp))
                 and not (sp.label_ in ("DRUG", "ANALYTE") and amino_acid_residue(doc, sp))
                 and not (sp.label_ in ("DRUG", "ANALYTE") and names_a_gene_element(doc, sp))]
        spans = without_lowered_meaning(doc, without_organism_names(doc, spans))
        # "platelet aggregation": a process the corpora file under a disorder is measured, not had
        spans = [self._make(doc, sp.start, sp.end, "ANALYTE", None, sp._.source)
                 if names_a_process(sp) else sp for sp in spans]
        spans = self._propagate(doc, spans, taken)
        doc.ents = sorted(spans, key=lambda s: s.start)
        return doc

    def _without_change_verbs(self, doc: Doc, ner_ents: list[Span], lex: list) -> tuple[list, list]:
        """"Milrinone increased cardiac output": a finding named by its change ("Increased
        cardiac output") right after a drug (and an adverb: "significantly") opens on the
        drug's verb.  The verb leaves the name; the rest is kept when it is a known name (else
        the measure is left to the analyte and endpoint stages)."""
        drug_ends = {e for _s, e, entry in lex if entry.label == "DRUG"} | {
            n.end for n in ner_ents if n.label_ == "CHEMICAL"}

        def verb(i: int) -> bool:
            if doc[i].lower_ not in CHANGE_VERBS:
                return False
            j = i - 1 if i > 0 and doc[i - 1].lower_.endswith("ly") else i
            return j in drug_ends
        out = []
        for s, e, entry in lex:
            if entry.label in ("CONDITION", "PHENOTYPE") and e - s > 1 and verb(s):
                entry = ground_span(self.lexicon, doc[s + 1:e])
                if entry is None:
                    continue
                s += 1
            out.append((s, e, entry))
        ner_ents = [Span(doc, n.start + 1, n.end, label=n.label_)
                    if n.label_ == "DISEASE" and len(n) > 1 and verb(n.start) else n
                    for n in ner_ents]
        return ner_ents, out

    def _procedure(self, doc: Doc, ent: Span, lex: list, spans: list[Span],
                   taken: set[int]) -> bool:
        """Is an unknown disease span of the NER a procedure: a kind of a known one ("sciatic
        nerve block": a nerve block) or a regional anaesthetic named by its site ("subarachnoid
        block", :func:`~litkg.extract.ner_spans.anaesthetic_block`)?  It is added as one,
        grounded to its known head if any, except as the complement of an endpoint head ("onset
        of subarachnoid block"), where :mod:`litkg.extract.endpoints` names the timed measure."""
        entry = None
        if not any(entry.label in ("CONDITION", "PHENOTYPE") for s, e, entry in lex
                   if ent.start <= s and e <= ent.end):
            entry = procedure_head(ent, lex)
        if entry is None and not anaesthetic_block(ent):
            return False
        if ent.start >= 2 and doc[ent.start - 1].lower_ in ("of", "to") and \
                doc[ent.start - 2].lower_ in ENDPOINT_HEADS:
            return True
        spans.append(self._make(doc, ent.start, ent.end, "PROCEDURE", entry, "ner"))
        taken.update(range(ent.start, ent.end))
        return True

    def _add_coordinations(self, doc: Doc, spans: list[Span], taken: set[int]) -> list[Span]:
        """Names shortened by coordination (:mod:`litkg.extract.coordination`): a composite
        condition ("protein C and S deficiency") replaces the pieces found inside it (unless a
        longer name is around it or across its edge) and names every expanded concept (the
        others in ``doc.user_data``, read by :func:`~litkg.extract.mentions.mentions_from_doc`);
        a lone conjunct ("hemo-" in "hemo- and peritoneal dialysis") is added where nothing was
        found."""
        for co in find_coordinations(doc, self.lexicon):
            inside = [s for s in spans if co.start <= s.start and s.end <= co.end]
            overlapping = [s for s in spans if s.start < co.end and co.start < s.end]
            if len(overlapping) > (len(inside) if co.composite else 0):
                continue
            spans = [s for s in spans if s not in inside]
            span = self._make(doc, co.start, co.end, co.entries[0].label, co.entries[0], "lexicon")
            spans.append(span)
            taken.update(range(co.start, co.end))
            if len(co.entries) > 1:
                doc.user_data[(CONJUNCTS, span.start_char, span.end_char)] = tuple(
                    (e.id, e.name) for e in co.entries[1:])
        return spans

    def _add_modifiers(self, doc: Doc, spans: list[Span], taken: set[int]) -> list[Span]:
        """A word before a condition that belongs to its name (:mod:`litkg.extract.modifiers`:
        "necrotizing livedo", "adynamic bone disease") joins the span; the concept stays the
        one found (a broader one) unless the longer name is itself known."""
        out = []
        for span in spans:
            start = name_start(doc, span, taken)
            if start < span.start:
                entry = self._ground_span(doc[start:span.end])
                if entry is not None and entry.label in ("CONDITION", "PHENOTYPE"):
                    span = self._make(doc, start, span.end, entry.label, entry, span._.source)
                else:
                    span = self._copy(doc, start, span.end, span)
                taken.update(range(start, span.end))
            out.append(span)
        for start, end, entry in modified_vocabulary_names(doc, self.lexicon, taken, ANATOMY_HEADS):
            out.append(self._make(doc, start, end, entry.label, entry, "lexicon"))  # "dermal cysts"
            taken.update(range(start, end))
        return out

    def _add_receptors(self, doc: Doc, spans: list[Span], taken: set[int]) -> list[Span]:
        """A target named after its ligand ("histamine H2-receptors", "renin-angiotensin
        system": :mod:`litkg.extract.receptor_names`) replaces the ligand and any name inside
        it; grounded only when the whole is a known target."""
        for start, end, _ligand in ligand_named_targets(doc, spans):
            inside = [s for s in spans if start <= s.start and s.end <= end]
            spans = [s for s in spans if s not in inside]
            entry = self._ground_span(doc[start:end])
            if entry is not None and entry.label != "TARGET":
                entry = None
            span = self._make(doc, start, end, "TARGET", entry, "lexicon")
            spans.append(span)
            taken.update(range(start, end))
            doc.user_data[(LIGANDS, span.start_char, span.end_char)] = tuple(
                (s.start_char, s.end_char, s.label_, s._.concept_id, s._.concept_label or s.text)
                for s in inside if s.label_ in ("DRUG", "ANALYTE"))
        return spans

    def _crossed(self, doc: Doc, ent: Span, lex: list, lex_by_span: dict) -> bool:
        """Does a known name cross the boundary of an NER span that names nothing known?
        ("would decrease renal phosphate wasting": the NER's "decrease renal phosphate"
        against the phenotype "renal phosphate wasting".)  The name then wins: the NER span
        is dropped and the lexicon pass adds the name."""
        if (ent.start, ent.end) in lex_by_span or self._ground_span(ent) is not None:
            return False
        family = _NER_FAMILY[ent.label_]
        for s, e, entry in lex:
            if s < ent.end and ent.start < e and not (s <= ent.start and ent.end <= e) \
                    and not (ent.start <= s and e <= ent.end) and e - s > 1 \
                    and entry.label in family and entry.id and self._admit(doc, s, e, entry) \
                    and not any(t.lower_ in ("and", "or") for t in doc[s:e]):
                return True
        return False

    def _propagate(self, doc: Doc, spans: list[Span], taken: set[int]) -> list[Span]:
        """One name, one reading per document: the NER may tag a name in one sentence and miss
        it (or type it differently) in the next.  The majority label of a name is given to all
        its occurrences, and unlabelled repeats of it are added."""
        by_text: dict[str, list[Span]] = {}
        for span in spans:
            if len(span.text) >= 3:
                by_text.setdefault(span.text, []).append(span)
        if not by_text:
            return spans
        out = []
        winners: dict[str, Span] = {}
        for text, group in by_text.items():
            labels = [s.label_ for s in group]
            best = max(set(labels), key=lambda lab: (labels.count(lab), lab == group[0].label_))
            winners[text] = next(s for s in group if s.label_ == best)
        for span in spans:
            win = winners.get(span.text)
            if win is not None and win.label_ != span.label_ and \
                    not self._typed_by_context(span, win):
                span = self._copy(doc, span.start, span.end, win)
            out.append(span)
        tokens = [t.text for t in doc]
        firsts: dict[str, list[Span]] = {}
        for text, win in winners.items():
            firsts.setdefault(tokens[win.start], []).append(win)
        for i, tok in enumerate(tokens):
            for win in firsts.get(tok, ()):
                n = win.end - win.start
                if i in taken or tokens[i:i + n] != tokens[win.start:win.end]:
                    continue
                if taken.intersection(range(i, i + n)):
                    continue
                # whole words only: not inside a longer hyphenated or joined token run
                if (i > 0 and doc[i - 1].whitespace_ == "" and doc[i - 1].text not in "([/") or \
                        (i + n < len(doc) and doc[i + n - 1].whitespace_ == "" and doc[i + n].text not in ".,;:)]/"):
                    continue
                if i + n < len(doc) and doc[i + n].lower_ in ORGANISM_HEADS:
                    continue  # "hepatitis C virus": the virus
                out.append(self._copy(doc, i, i + n, win))
                taken.update(range(i, i + n))
        return out

    def _typed_by_context(self, span: Span, win: Span) -> bool:
        """Is a chemical analyte given here and measured there ("received vitamin D 50,000 IU
        ... vitamin D levels rose")?  A mention whose own words type it (a dose or a giving
        word, a specimen or a level word) keeps that type; a bare one takes the majority's."""
        if {span.label_, win.label_} != {"DRUG", "ANALYTE"}:
            return False
        entry = self.lexicon.lookup(span.text)
        if entry is None or FLAG_CHEM not in entry.flags:
            return False
        doc = span.doc
        if span.label_ == "DRUG":
            return dosing_context(doc, span.start, span.end)
        return lab_context(doc, span.start, span.end, self.lexicon)

    @staticmethod
    def _copy(doc: Doc, start: int, end: int, like: Span) -> Span:
        span = Span(doc, start, end, label=like.label_)
        span._.concept_id, span._.concept_label = like._.concept_id, like._.concept_label
        span._.source = like._.source
        return span

    def lexicon_matches(self, doc: Doc) -> list[tuple[int, int, Entry]]:
        """Longest-first, left-to-right lexicon matches (:func:`~litkg.extract.grounding.lexicon_matches`)."""
        return lexicon_matches(self.lexicon, doc)

    def _ground_span(self, span: Span) -> Entry | None:
        return ground_span(self.lexicon, span)

    def _admit(self, doc: Doc, start: int, end: int, entry: Entry) -> bool:
        """May a lexicon match stand as an entity on its own (without the NER)?"""
        if FLAG_SHORT in entry.flags:
            # a gene symbol with its number ("IL-10", "IL6", "CD40") is no ambiguous
            # abbreviation: short names otherwise only ground what the NER finds, and the NER
            # finds no genes; a vocabulary's chemical the context doses ("oral lysine",
            # "arginine supplementation") is given as a drug, whatever else the word may name
            return (entry.label == "TARGET" and bool(GENE_SYMBOL.match(doc[start:end].text))) or (
                entry.label == "DRUG" and (dosed_vocabulary_chemical(doc, start, end, entry)
                                           or measured_vocabulary_chemical(doc, start, end, entry)))
        if entry.label == "TARGET" and len(entry.name) <= 6 and " " not in entry.name \
                and not entry.name.islower() and doc[start:end].text.islower():
            return False  # a gene symbol ("Bad", "CIS") written as a plain word ("bad", "cis")
        if FLAG_LAB in entry.flags:
            return lab_context(doc, start, end, self.lexicon)
        if entry.label == "PROCEDURE" and end - start == 1 and doc[start].lower_.endswith("ic") \
                and entry.name.lower().endswith("ics"):
            return False  # "therapeutic" (effect, option) is the adjective, not "Therapeutics"
        return True

    def _make(self, doc: Doc, start: int, end: int, label: str, entry: Entry | None, source: str) -> Span:
        concept = None
        if entry is not None:
            if label == "ANALYTE" and FLAG_CHEM in entry.flags and dosing_context(doc, start, end):
                label = "DRUG"
            concept = entry.concept(doc[start:end].text, label=label)
        span = Span(doc, start, end, label=label)
        span._.concept_id = concept.id if concept else None
        span._.concept_label = concept.label if concept else span.text
        span._.source = source
        return span


@Language.factory("litkg_entities", default_config={"lexicon_path": None, "use_ner": True,
                                                     "ner_path": None, "lexicon_spans": True})
def make_entities(nlp: Language, name: str, lexicon_path: str | None, use_ner: bool,
                  ner_path: str | None, lexicon_spans: bool) -> EntityRecognizer:
    return EntityRecognizer(nlp, name, lexicon_path, use_ner, ner_path, lexicon_spans)


def add_entity_pipes(nlp: Language, *, use_ner: bool = True) -> None:
    """Add ``litkg_entities`` then ``litkg_abbreviations`` to ``nlp`` (after a sentencizer)."""
    from litkg.extract import abbreviations  # noqa: F401  (registers the factory)

    register_extensions()
    if "litkg_entities" not in nlp.pipe_names:
        nlp.add_pipe("litkg_entities", config={"use_ner": use_ner})
    if "litkg_abbreviations" not in nlp.pipe_names:
        nlp.add_pipe("litkg_abbreviations", after="litkg_entities")


def entity_nlp(*, use_ner: bool = True) -> Language:
    """A blank English pipeline with a sentencizer and the entity components: the entity stage
    alone, as the NER evaluation and the tests run it."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    add_entity_pipes(nlp, use_ner=use_ner)
    return nlp
