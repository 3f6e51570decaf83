"""The matcher test table: hand-written (prediction, gold) pairs from the Mali article.

The gold facts and entities here are written for this table (they follow
annotations/GUIDELINES.md but are not the shipped gold, which may change). Each case says what a
careful human decides: ``matched`` or the reason the prediction must be rejected.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from benchmark.data.loading import load_document
from benchmark.model import (
    Dataset,
    Document,
    Entity,
    Fact,
    GoldSet,
    Qualifiers,
    Quantity,
    Span,
)
from benchmark.model.prediction import Prediction
from benchmark.model.qualifiers import TimeQualifier
from benchmark.paths import annotations_dir

DOCUMENT_ID = "cnn-2013-02-mali-offensive"


@cache
def document() -> Document:
    return load_document(annotations_dir() / "documents" / DOCUMENT_ID)


def _span(quote: str, occurrence: int = 0) -> Span:
    text = document().text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return Span(start, start + len(quote), quote)


def _entity(entity_id: str, name: str, kind: str, mentions: tuple[str, ...],
            aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(id=entity_id, name=name, type=kind,  # type: ignore[arg-type]
                  mentions=tuple(_span(m) for m in mentions), aliases=aliases)


def _fact(fact_id: str, statement: str, triple: tuple[str, str, str], modality: str,
          evidence: str, category: str, alternatives: dict[str, tuple[str, ...]] | None = None,
          qualifiers: Qualifiers | None = None, required: bool = True) -> Fact:
    from benchmark.model.gold import SlotAlternatives

    return Fact(id=fact_id, statement=statement, subject=triple[0], predicate=triple[1],
                object=triple[2], modality=modality,  # type: ignore[arg-type]
                evidence=(_span(evidence),), category=category,
                alternatives=SlotAlternatives(**(alternatives or {})),
                qualifiers=qualifiers or Qualifiers(), required=required)


def _time(raw: str, value: str | None) -> Qualifiers:
    return Qualifiers(time=TimeQualifier(raw, value))


@cache
def gold() -> GoldSet:
    entities = (
        _entity("le-drian", "Jean-Yves Le Drian", "person",
                ("the French defense minister", "French Defense Minister Jean-Yves Le Drian",
                 "He"), ("Le Drian",)),
        _entity("fabius", "Laurent Fabius", "person",
                ("the French foreign minister", "French Foreign Minister Laurent Fabius"),
                ("Fabius",)),
        _entity("kidal", "Kidal", "place", ("Kindal",), ("Kindal",)),
        _entity("timbuktu", "Timbuktu", "place", ("Timbuktu", "the fabled city")),
        _entity("gao", "Gao", "place", ("the city of Gao",), ("Gao",)),
        _entity("french-forces", "French forces", "group",
                ("French troops", "French forces", "his troops")),
        _entity("french-led-troops", "French-led troops", "group", ("French-led troops",)),
        _entity("france", "France", "place", ("France",)),
        _entity("militants", "Islamist militants", "group",
                ("militants", "Islamist fighters", "Islamic extremists",
                 "the al Qaeda-linked militants"), ("Islamist fighters", "Islamic extremists")),
        _entity("hollande", "Francois Hollande", "person",
                ("French President Francois Hollande",), ("François Hollande", "Hollande")),
        _entity("mali", "Mali", "place", ("Mali", "its former colony")),
        _entity("northern-mali", "northern Mali", "place",
                ("northern Mali", "the northern region", "the north", "the area")),
    )
    facts = (
        _fact("g01", "The French offensive has killed hundreds of Islamist fighters in Mali.",
              ("the French offensive", "has killed", "hundreds of Islamist fighters"), "reported",
              "A monthlong French offensive has killed “hundreds” of Islamist fighters in Mali",
              "casualties", {"subject": ("French troops", "France"), "predicate": ("killed",)},
              Qualifiers(location="Mali", quantity=Quantity("Islamist fighters",
                                                            range=(200, 999), vague=True))),
        _fact("g02", "Jean-Yves Le Drian gave the number of casualties to BFM on Tuesday night.",
              ("Jean-Yves Le Drian", "gave", "the number of casualties to BFM"), "asserted",
              "gave the number of casualties to CNN affiliate BFM on Tuesday night",
              "statement", None, _time("on Tuesday night", "2013-02-05")),
        _fact("g03", "Jean-Yves Le Drian did not offer additional details.",
              ("Jean-Yves Le Drian", "offered", "additional details"), "negated",
              "He did not offer additional details", "statement",
              {"predicate": ("offer",)}),
        _fact("g04", "France expects to begin pulling its troops out of Mali in March 2013.",
              ("France", "expects to begin pulling out", "its troops from Mali"), "expected",
              "France expects to begin pulling its troops out of Mali in March", "plan",
              {"object": ("its troops out of Mali",)}, _time("in March", "2013-03")),
        _fact("g05", "French troops will continue operations in northern Mali.",
              ("French troops", "will continue", "operations in northern Mali"), "expected",
              "troops will continue operations in northern Mali", "plan",
              {"subject": ("troops",)}, Qualifiers(location="northern Mali")),
        _fact("g06", "France launched an offensive against militants in Mali in January 2013.",
              ("France", "launched", "an offensive against militants"), "asserted",
              "France launched an offensive last month against militants", "military_action",
              None, _time("last month", "2013-01")),
        _fact("g07", "French forces had freed Timbuktu from Islamist militants.",
              ("French forces", "had freed", "Timbuktu from Islamist militants"), "asserted",
              "French forces had freed the fabled city from Islamist militants",
              "military_action", {"predicate": ("freed",), "object": ("Timbuktu",)}),
        _fact("g08", "French-led troops now control Timbuktu.",
              ("French-led troops", "now control", "Timbuktu"), "reported",
              "French-led troops now control Timbuktu", "territorial_control",
              {"predicate": ("control",)}, _time("now", "2013-02-06")),
        _fact("g09", "French-led troops now control Gao.",
              ("French-led troops", "now control", "Gao"), "reported",
              "the city of Gao", "territorial_control",
              {"predicate": ("control",), "object": ("the city of Gao",)},
              _time("now", "2013-02-06")),
        _fact("g10", "French-led troops are working to secure Kidal.",
              ("French-led troops", "are working to secure", "Kindal"), "asserted",
              "Troops are working to secure Kindal", "military_action",
              {"object": ("Kidal",)}),
        _fact("g11", "Sandstorms have hampered operations across Mali over the past two days.",
              ("sandstorms", "have hampered", "operations across the country"), "asserted",
              "Over the past two days, sandstorms have hampered operations across the country",
              "conditions", {"predicate": ("hampered",)},
              Qualifiers(time=TimeQualifier("Over the past two days", "2013-02-04/2013-02-05"),
                         quantity=Quantity("days", value=2))),
        _fact("g12", "Islamic extremists carved out a large portion of northern Mali in 2012.",
              ("Islamic extremists", "carved out", "a large portion of the north"), "asserted",
              "Islamic extremists carved out a large portion of the north last year",
              "background", None, _time("last year", "2012")),
        _fact("g13", "Islamic extremists banned music.",
              ("Islamic extremists", "banned", "music"), "asserted",
              "They banned music", "background"),
        _fact("g14", "World leaders feared that the al Qaeda-linked militants would turn "
                     "northern Mali into a terrorist haven.",
              ("the al Qaeda-linked militants", "would turn", "the area into a terrorist haven"),
              "hypothetical",
              "the al Qaeda-linked militants would turn the area into a terrorist haven",
              "background", {"object": ("northern Mali into a terrorist haven",)}),
        _fact("g15", "France has 2,150 soldiers in Mali.",
              ("France", "has", "2,150 soldiers in Mali"), "asserted",
              "France has 2,150 soldiers in Mali", "troop_deployment",
              {"object": ("2,150 soldiers",)},
              Qualifiers(location="Mali", quantity=Quantity("soldiers", value=2150))),
        _fact("g16", "France says it has 4,000 French soldiers in Mali.",
              ("France", "has", "4,000 French soldiers in Mali"), "reported",
              "It says it has 4,000 French soldiers in Mali", "troop_deployment",
              {"object": ("4,000 soldiers in Mali",)},
              Qualifiers(location="Mali", quantity=Quantity("French soldiers", value=4000))),
        _fact("g17", "French troops are fighting alongside nearly 3,800 African soldiers.",
              ("French troops", "are fighting alongside", "nearly 3,800 African soldiers"),
              "asserted", "French troops are fighting alongside nearly 3,800 African soldiers",
              "troop_deployment", {"predicate": ("fight alongside",)},
              Qualifiers(quantity=Quantity("African soldiers", value=3800, approximate=True))),
        _fact("g18", "Francois Hollande visited Timbuktu in the week before publication.",
              ("Francois Hollande", "visited", "Timbuktu"), "asserted",
              "French President Francois Hollande visited Timbuktu", "political", None,
              Qualifiers(time=TimeQualifier("Last week", "2013-W05"), location="Timbuktu")),
        _fact("g19", "Mali is a former colony of France.",
              ("Mali", "is a former colony of", "France"), "asserted",
              "its former colony", "background"),
        _fact("g20", "French troops are preparing to start withdrawing from Mali in March 2013.",
              ("French troops", "prepare to start withdrawing", "from Mali"), "expected",
              "his troops prepare to start withdrawing next month", "plan",
              {"predicate": ("are preparing to start withdrawing",)},
              _time("next month", "2013-03")),
        _fact("g21", "Islamic extremists destroyed historic tombs in northern Mali.",
              ("Islamic extremists", "destroyed", "historic tombs"), "asserted",
              "destroyed historic tombs", "background"),
        _fact("g22", "Islamist fighters had seized the northern region.",
              ("Islamist fighters", "had seized", "the northern region"), "asserted",
              "Islamist fighters who had seized the northern region", "territorial_control",
              {"predicate": ("seized",)}),
    )
    return GoldSet(document_id=DOCUMENT_ID, entities=entities, facts=facts)


@dataclass(frozen=True)
class Case:
    """One row: the prediction, the gold fact it is compared with, the expected decision."""

    name: str
    prediction: dict[str, Any]
    gold_id: str
    expected: str  # "matched" or the rejection reason

    def build(self) -> Prediction:
        return Prediction.from_dict({"document_id": DOCUMENT_ID, **self.prediction})


def _t(subject: str, predicate: str, obj: str, **extra: Any) -> dict[str, Any]:
    return {"subject": subject, "predicate": predicate, "object": obj, **extra}


def _s(statement: str, **extra: Any) -> dict[str, Any]:
    return {"statement": statement, **extra}


CASES: tuple[Case, ...] = (
    # Paraphrases that must match.
    Case("active triple", _t("French forces", "freed", "Timbuktu"), "g07", "matched"),
    Case("passive triple", _t("Timbuktu", "was freed by", "French forces"), "g07", "matched"),
    Case("passive statement", _s("Timbuktu was freed by French forces."), "g07", "matched"),
    Case("description for name", _t("the French defense minister", "gave",
                                     "the number of casualties to BFM"), "g02", "matched"),
    Case("negated statement, description", _s(
        "The French defense minister did not offer additional details."), "g03", "matched"),
    Case("negated triple, short name", _t("Le Drian", "did not offer", "additional details"),
         "g03", "matched"),
    Case("Kidal for Kindal", _t("French-led troops", "are working to secure", "Kidal"), "g10",
         "matched"),
    Case("statement, Kidal", _s("French-led troops are trying to secure Kidal."), "g10",
         "matched"),
    Case("4000 without separator", _t("France", "has", "4000 French soldiers in Mali"), "g16",
         "matched"),
    Case("2150 without separator", _t("France", "has", "2150 soldiers in Mali"), "g15",
         "matched"),
    Case("number words", _s("France has two thousand one hundred fifty soldiers in Mali."),
         "g15", "matched"),
    Case("same separator", _t("France", "has", "2,150 soldiers in Mali"), "g15", "matched"),
    Case("hedged number kept", _t("French troops", "are fighting alongside",
                                  "nearly 3,800 African soldiers"), "g17", "matched"),
    Case("hedge dropped, inflection", _t("French troops", "fight alongside",
                                         "3800 African soldiers"), "g17", "matched"),
    Case("vague count", _t("the French offensive", "killed", "hundreds of Islamist fighters"),
         "g01", "matched"),
    Case("attributed statement", _s("The French defense minister said French troops killed "
                                    "hundreds of Islamist fighters."), "g01", "matched"),
    Case("expectation statement", _s(
        "France expects to begin pulling its troops out of Mali in March."), "g04", "matched"),
    Case("plan with will and a date", _t("France", "will pull", "its troops out of Mali in "
                                         "March 2013"), "g04", "matched"),
    Case("will continue", _t("Troops", "will continue", "operations in northern Mali"), "g05",
         "matched"),
    Case("canonical entity", _t("Islamic extremists", "banned", "music"), "g13", "matched"),
    Case("entity alias", _t("militants", "banned", "music"), "g13", "matched"),
    Case("short name", _t("Hollande", "visited", "Timbuktu"), "g18", "matched"),
    Case("relative date resolved", _s("Francois Hollande visited the fabled city last week."),
         "g18", "matched"),
    Case("alias subject, the north", _t("Islamist militants", "carved out",
                                        "a large portion of the north"), "g12", "matched"),
    Case("year in statement", _s(
        "Islamic extremists carved out a large portion of northern Mali in 2012."), "g12",
         "matched"),
    Case("hypothetical kept", _t("the militants", "would turn",
                                 "the area into a terrorist haven"), "g14", "matched"),
    Case("absolute month", _t("France", "launched",
                              "an offensive against militants in January 2013"), "g06",
         "matched"),
    Case("plural inflection", _t("Sandstorms", "have hampered", "operations across the country"),
         "g11", "matched"),
    Case("progressive plan", _t("French troops", "are preparing to start withdrawing",
                                "from Mali"), "g20", "matched"),
    Case("past for pluperfect", _t("Islamist fighters", "seized", "the northern region"), "g22",
         "matched"),
    Case("explicit negated modality", _t("Le Drian", "offered", "additional details",
                                         modality="negated"), "g03", "matched"),
    Case("bare noun subject", _t("Extremists", "destroyed", "historic tombs"), "g21", "matched"),
    Case("added place context", _s(
        "French forces freed Timbuktu from Islamist militants in Mali."), "g07", "matched"),
    Case("about for nearly", _t("French troops", "fight alongside",
                                "about 3,800 African soldiers"), "g17", "matched"),
    Case("verbatim, object left unsaid by the text", _s(
        "His troops prepare to start withdrawing next month."), "g20", "matched"),
    Case("reporting triple", _t("the French defense minister", "said",
                                "the French offensive has killed hundreds of Islamist fighters"),
         "g01", "matched"),
    Case("British spelling", _t("the French defence minister", "gave",
                                "the number of casualties to BFM"), "g02", "matched"),
    Case("attempt kept", _s("French-led troops are trying to secure Kindal."), "g10", "matched"),
    # Near misses that must not match.
    Case("wrong number", _t("France", "has", "4,000 soldiers in Mali"), "g15", "number_mismatch"),
    Case("wrong number, statement", _s("France has 4,000 soldiers in Mali."), "g15",
         "number_mismatch"),
    Case("nearly 3,800 is not 4,000", _t("France", "has", "nearly 3,800 soldiers in Mali"),
         "g16", "number_mismatch"),
    Case("4,000 is not nearly 3,800", _t("French troops", "are fighting alongside",
                                         "4,000 African soldiers"), "g17", "number_mismatch"),
    Case("exact count for vague", _t("the French offensive", "killed",
                                     "2,150 Islamist fighters"), "g01", "number_mismatch"),
    Case("wrong month", _t("France", "launched", "an offensive against militants in March"),
         "g06", "number_mismatch"),
    Case("wrong year", _t("Francois Hollande", "visited", "Timbuktu in 2012"), "g18",
         "number_mismatch"),
    Case("wrong city", _t("French-led troops", "now control", "Bamako"), "g08",
         "below_threshold"),
    Case("wrong city, other fact", _t("French-led troops", "are working to secure", "Gao"),
         "g10", "below_threshold"),
    Case("wrong city, statement", _s("French-led troops now control Mopti."), "g09",
         "below_threshold"),
    Case("wrong place visited", _t("Hollande", "visited", "Gao"), "g18", "below_threshold"),
    Case("wrong object", _t("Islamic extremists", "banned", "smoking"), "g13",
         "below_threshold"),
    Case("one word of the object wrong", _t("Islamic extremists", "destroyed",
                                            "historic shrines"), "g21", "below_threshold"),
    Case("negation dropped", _t("Le Drian", "offered", "additional details"), "g03",
         "negation_mismatch"),
    Case("negation dropped, statement", _s("Le Drian offered details."), "g03",
         "negation_mismatch"),
    Case("negation added", _t("French forces", "did not free", "Timbuktu"), "g07",
         "negation_mismatch"),
    Case("fear stated as fact", _t("militants", "turned", "the area into a terrorist haven"),
         "g14", "modality_mismatch"),
    Case("fear stated as fact, statement", _s(
        "The militants turned northern Mali into a terrorist haven."), "g14",
         "modality_mismatch"),
    Case("plan stated as done", _t("France", "began pulling", "troops out of Mali"), "g04",
         "modality_mismatch"),
    Case("plan stated as done, statement", _s("France began pulling troops out of Mali in March."),
         "g04", "modality_mismatch"),
    Case("event stated as plan", _t("French troops", "will free", "Timbuktu"), "g07",
         "modality_mismatch"),
    Case("explicit asserted modality for a plan", _s(
        "France will begin pulling its troops out of Mali in March.", modality="asserted"),
         "g04", "modality_mismatch"),
    Case("place the article never names", _s(
        "The French offensive has killed hundreds of Islamist fighters in Niger."), "g01",
         "entity_mismatch"),
    Case("country the article never names", _s(
        "France launched an offensive against militants in Senegal in January 2013."), "g06",
         "entity_mismatch"),
    Case("another place of the article", _s(
        "France launched an offensive against militants in Gao in January 2013."), "g06",
         "entity_mismatch"),
    Case("same participants, another relation", _s(
        "Islamist fighters turned the northern region into a terrorist haven."), "g22",
         "below_threshold"),
    Case("unresolved pronoun subject", _s("They banned music."), "g13", "below_threshold"),
    Case("predicate words that also name an entity", _s(
        "France launched an offensive against militants in Mali."), "g19", "below_threshold"),
    Case("wrong object, statement", _s("Islamic extremists banned dancing."), "g13",
         "below_threshold"),
    Case("more than for nearly", _s(
        "French troops are fighting alongside more than 3,800 African soldiers."), "g17",
         "number_mismatch"),
    Case("attempt stated as achieved", _t("French-led troops", "secured", "Kidal"), "g10",
         "modality_mismatch"),
    Case("attempt stated as achieved, statement", _s("French-led troops have secured Kidal."),
         "g10", "modality_mismatch"),
    Case("achievement stated as attempt", _t("French forces", "tried to free", "Timbuktu"),
         "g07", "modality_mismatch"),
    Case("subject and object swapped", _t("Timbuktu", "freed", "French forces"), "g07",
         "role_swap"),
    Case("swapped, statement", _s("Timbuktu freed French forces from Islamist militants."),
         "g07", "role_swap"),
    Case("swapped colony", _t("France", "is a former colony of", "Mali"), "g19", "role_swap"),
)

DECISIONS_THAT_REJECT = frozenset(c.expected for c in CASES) - {"matched"}


@dataclass(frozen=True)
class TableResult:
    """A matcher's outcome on the table: per-case reasons and two accuracies."""

    matcher: str
    reasons: tuple[str, ...]

    @property
    def decision_accuracy(self) -> float:
        """Share of cases where match / no match is right."""
        right = sum((r == "matched") == (c.expected == "matched")
                    for r, c in zip(self.reasons, CASES, strict=False))
        return right / len(CASES)

    @property
    def reason_accuracy(self) -> float:
        """Share of cases where the exact decision (matched or the rejection reason) is right."""
        right = sum(r == c.expected for r, c in zip(self.reasons, CASES, strict=True))
        return right / len(CASES)


def evaluate_table(matcher_name: str) -> TableResult:
    from benchmark.matching import MatchContext, get_matcher

    matcher = get_matcher(matcher_name)
    context = MatchContext(document=document(), gold=gold())
    reasons = tuple(matcher.score(case.build(), gold().fact(case.gold_id), context).reason
                    for case in CASES)
    return TableResult(matcher_name, reasons)


def fixture_dataset() -> Dataset:
    """The table's gold as a one-document dataset."""
    return Dataset(name="table", version="0.0.0", documents=(document(),), gold=(gold(),),
                   sha256="0" * 64)


def gold_as_predictions(gold_set: GoldSet) -> list[Prediction]:
    """Every gold fact as the prediction that states it (modality carried explicitly, since the
    canonical predicate of a negated fact has no negation)."""
    return [Prediction(document_id=gold_set.document_id, subject=f.subject,
                       predicate=f.predicate, object=f.object, modality=f.modality)
            for f in gold_set.facts]
