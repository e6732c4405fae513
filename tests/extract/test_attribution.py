"""Who said or observed something: names, pronouns, sources and sides."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest

from sitrep.extract import attribution as at
from sitrep.nlp.annotate import load_model


@lru_cache(maxsize=1)
def _nlp() -> Any:
    return load_model("en_core_web_sm")


def subject_name(text: str, verb: str = "said") -> str | None:
    sdoc = _nlp()(text)
    names = at.index_names(sdoc)
    v = next(t for t in sdoc if t.text == verb)
    subj = at.subject_of(v)
    return at.name_of(names, sdoc, subj) if subj is not None else None


def test_side_of_reads_demonyms_capitals_and_leaders() -> None:
    assert at.side_of("Russian") == "Russia"
    assert at.side_of("the Kremlin") == "Russia"
    assert at.side_of("North Korean") == "North Korea"
    assert at.side_of("Putin") == "Russia"
    assert at.side_of("Israel's") == "Israel"
    assert at.side_of("JERUSALEM—Israel") == "Israel"
    assert at.side_of("weather") is None


def test_expand_person_finds_the_full_name_named_before() -> None:
    names = [at.Named(0, "John Kirby", "person", True),
             at.Named(40, "Anna Petrova", "person", True)]
    assert at.expand_person(names, "Kirby", 100) == "John Kirby"
    assert at.expand_person(names, "Petrova", 100) == "Anna Petrova"
    assert at.expand_person(names, "Smith", 100) == "Smith"


def test_expand_person_accepts_spelling_variants_of_a_surname() -> None:
    names = [at.Named(0, "Volodymyr Zelensky", "person", True)]
    assert at.expand_person(names, "Zelenskyy", 50) == "Volodymyr Zelensky"


def test_name_of_drops_the_title_before_a_person() -> None:
    text = "Pentagon Press Secretary John Kirby said the convoy had stopped."
    assert subject_name(text) == "John Kirby"


def test_name_of_keeps_an_institution_without_its_article() -> None:
    text = "The Norwegian defence ministry said the convoy had stopped."
    assert subject_name(text) == "Norwegian defence ministry"


def test_name_of_reads_a_described_institution_as_the_one_named_before() -> None:
    # "the intelligence service" stands for the named body that holds one of its words
    text = ("Chad's General Intelligence Directorate arrested two men on Monday. The "
            "intelligence service said the convoy had stopped.")
    assert subject_name(text) == "Chad's General Intelligence Directorate"
    text = ("Reporters waited outside on Monday. The intelligence service said the convoy had "
            "stopped.")
    assert subject_name(text) == "intelligence service"  # nothing named before: as written


def test_name_of_reads_the_name_that_closes_a_title_phrase() -> None:
    # the parser hangs the name on the last noun, the tagger calls it an organisation
    text = "The head of the UN mission in Sudan, Volker Perthes, said the convoy had stopped."
    assert subject_name(text) == "Volker Perthes"
    text = "The chief of the general staff, Oleksandr Syrskyi, said the convoy had stopped."
    assert subject_name(text) == "Oleksandr Syrskyi"
    text = "The head of the UN mission in Chad, said the convoy had stopped."
    assert subject_name(text) != "Chad"


def test_a_name_keeps_an_article_inside_it() -> None:
    text = "The Institute for the Study of War said the convoy had stopped."
    assert subject_name(text) == "Institute for the Study of War"


def test_name_of_resolves_he_to_the_subject_named_before() -> None:
    text = "Mark Olsen spoke in Oslo on Tuesday. Later he said the convoy had stopped."
    assert subject_name(text) == "Mark Olsen"


def test_name_of_resolves_a_relative_pronoun_to_its_antecedent() -> None:
    text = ("The report came from the Norwegian defence ministry, which said the convoy "
            "had stopped.")
    assert subject_name(text) == "Norwegian defence ministry"


def test_name_of_names_no_one_for_an_anonymous_source() -> None:
    assert subject_name("A senior official said the convoy had stopped.") is None


def test_according_to_finds_the_source_inside_an_imagery_phrase() -> None:
    sdoc = _nlp()("The convoy stopped near the river, according to satellite images from "
                  "Maxar Technologies.")
    acc = at.according_to(next(iter(sdoc.sents)))
    assert acc is not None
    assert at.source_in_phrase(at.index_names(sdoc), sdoc, acc) == "Maxar Technologies"


def test_group_phrase_keeps_the_country_of_unnamed_officials() -> None:
    sdoc = _nlp()("The troops moved north, according to two US officials.")
    acc = at.according_to(next(iter(sdoc.sents)))
    assert acc is not None and at.group_phrase(acc) == "US officials"


def test_imagery_sources_read_a_satellite_company_apposition() -> None:
    sdoc = _nlp()("Maxar Technologies, a private satellite company, said the column was long.")
    names = at.index_names(sdoc)
    assert [who for _, who in at.imagery_sources(names, sdoc)] == ["Maxar Technologies"]


def test_entities_are_built_once_per_parse() -> None:
    doc = _nlp()("Marta Ilves of the Estonian navy said the ferry left Tallinn.")
    first = at.ents(doc)
    assert first is at.ents(doc) and first is at.ents(doc[2:5])
    assert [e.text for e in first] == [e.text for e in doc.ents]


def test_names_are_indexed_once_per_document_and_each_caller_gets_its_own_list() -> None:
    sdoc = _nlp()("John Kirby said the Pentagon had seen no change. The ministry said so too.")
    first = at.index_names(sdoc)
    assert [n.name for n in first] == [n.name for n in at._index_names(sdoc)]
    assert "John Kirby" in [n.name for n in first]
    first.clear()  # a caller filtering its copy leaves the index whole
    assert at.index_names(sdoc) == at._index_names(sdoc) != []
    span = sdoc[:9]  # a span is indexed afresh, uncached
    assert at.index_names(span) == at._index_names(span)


def test_a_doc_keeps_its_name_index_and_a_span_builds_its_own() -> None:
    sdoc = _nlp()("Colonel Anna Berg said the convoy left. Reuters reported it later.")
    assert [n.name for n in at.index_names(sdoc)] == ["Anna Berg", "Reuters"]
    assert [n.name for n in sdoc.user_data["sitrep_names"]] == ["Anna Berg", "Reuters"]
    del sdoc.user_data["sitrep_names"]
    assert "Reuters" in [n.name for n in at.index_names(sdoc[8:])]
    assert "sitrep_names" not in sdoc.user_data  # a span's index is not kept as the document's


def test_token_at_finds_the_token_starting_at_an_offset() -> None:
    sdoc = _nlp()("Some 40 tanks crossed near Kupiansk.\n\nNo one was hurt.")
    by_offset = at.TokenAt(sdoc)
    assert dict(by_offset.items()) == {t.idx: t for t in sdoc}
    assert by_offset.get(5).text == "40"
    assert by_offset.get(6) is None  # inside a token
    assert len(at.TokenAt(None)) == 0


def test_tokens_where_reads_the_same_tokens_as_a_loop_over_the_parse() -> None:
    from spacy.attrs import LEMMA, LOWER

    from sitrep.extract.movements.frames import is_trigger, trigger_candidates

    sdoc = _nlp()("The army said two brigades moved toward Bakhmut. Officials said the convoy "
                  "was en route.\n\nImages from Maxar, a satellite company, show the column.")
    assert [t.i for t in at.subjects(sdoc)] == [t.i for t in sdoc if t.dep_ == "nsubj"]
    assert [t.i for t in at.subjects(sdoc[3:9])] == [t.i for t in sdoc[3:9] if t.dep_ == "nsubj"]
    moved = at.tokens_where(sdoc, (LOWER, LEMMA), lambda low, lemma: lemma == "move")
    assert [t.text for t in moved] == ["moved"]

    def inflected(low: str, lemma: str) -> bool:
        return low != lemma.lower()

    assert [t.i for t in at.tokens_where(sdoc, (LOWER, LEMMA), inflected)] == [
        t.i for t in sdoc if inflected(t.lower_, t.lemma_)]
    candidates = {t.i for t in trigger_candidates(sdoc)}
    triggers = {t.i for t in sdoc if is_trigger(t)}
    assert triggers and triggers <= candidates
    assert at.tokens_where(sdoc[:0], (LOWER,), lambda low: True) == []
    # both kinds of start word: "Images from Maxar" and "Maxar, a satellite company"
    assert at.imagery_sources(at.index_names(sdoc), sdoc) == [
        (sdoc.text.index("Images"), "Maxar"), (sdoc.text.index("Maxar"), "Maxar")]


def test_entity_in_finds_the_last_entity_of_a_phrase() -> None:
    sdoc = _nlp()("The spokesman for Ukraine's General Staff, Andriy Kovalenko, said Russian and "
                  "Belarusian units under General Valery Gerasimov moved from Minsk to Gomel.")
    for head in sdoc:
        lo, hi = at._np_bounds(head)
        for label in ("PERSON", "ORG", "GPE", "NORP"):
            hits = [e for e in sdoc.ents if e.label_ == label and lo <= e.start
                    and e.end <= hi + 1]
            got = at.entity_in(sdoc, head, label)
            assert (got.start, got.end) == (hits[-1].start, hits[-1].end) if hits else got is None
    gerasimov = next(t for t in sdoc if t.text == "Gerasimov")
    assert at.entity_in(sdoc, gerasimov, "PERSON").text == "Valery Gerasimov"


def test_its_forces_as_a_speaker_stand_for_whoever_it_is() -> None:
    import sitrep

    doc = sitrep.process('War in Ukraine.\n\nThe Russian defence ministry said its forces had '
                         '"liberated" the village and called the counter-attack "a futile '
                         'attempt by the Kyiv regime".')
    assert [q.speaker for q in doc.quotes] == ["Russian defence ministry"]


def test_a_name_beside_its_title_is_a_person_the_pronoun_can_stand_for() -> None:
    import sitrep

    doc = sitrep.process('War in Sudan.\n\nVolker Perthes, the UN envoy, met army leaders in '
                         'Port Sudan.\n\nHe said: "Both sides must stop the fighting now."')
    assert [q.speaker for q in doc.quotes] == ["Volker Perthes"]


@pytest.mark.parametrize(("text", "issuer"), [
    ("Sahel Watch | Weekly movements digest\n\nWe have geolocated four videos this week.",
     "Sahel Watch"),
    ("OSINT roundup: tankers over the Gulf\n\nPosted by the Skywatch Collective team\n\nHere "
     "is what we tracked overnight.", "Skywatch Collective"),
    ("Statement of the General Staff of Moldova\n\nNo enemy units crossed the border.",
     "General Staff of Moldova"),
    # a news report that cites others is no one's own report
    ("Reuters | World news\n\nThe army said troops had moved north, residents said.", None),
])
def test_the_issuer_of_a_report_told_in_its_own_name(text: str, issuer: str | None) -> None:
    assert at.document_issuer(text) == issuer


def test_he_stands_for_no_place_or_armed_group_the_tagger_took_for_a_person() -> None:
    # the tagger reads "Nefas Mewcha" (a town) and "Boko Haram" as persons; the geoparser's
    # places and the side table's armed groups are no one's "he"
    text = ("Tesfaye Gudeta spoke to a local radio station. His men had taken the towns of "
            "Debre Tabor and Nefas Mewcha, and Boko Haram fighters had raided a market. "
            "Later he said the convoy had stopped.")
    sdoc = _nlp()(text)
    assert {e.text: e.label_ for e in sdoc.ents}.get("Nefas Mewcha") == "PERSON"
    town = text.index("Nefas Mewcha")
    at.mark_places(sdoc, [(town, town + len("Nefas Mewcha"))])
    names = at.index_names(sdoc)
    assert {n.name: n.kind for n in names}.get("Boko Haram") == "org"
    assert "Nefas Mewcha" not in {n.name for n in names}
    he = next(t for t in sdoc if t.text == "he")
    assert at.name_of(names, sdoc, he) == "Tesfaye Gudeta"


def test_the_name_beside_a_title_is_a_person_a_title_of_office_too() -> None:
    assert at.is_titled_person("the regional governor")
    assert not at.is_titled_person("the regional administration")
    sdoc = _nlp()("A spokesman for the faction, Abebe Kassa, said nothing more.")
    name = next(t for t in sdoc if t.text == "Kassa")
    assert at.is_titled_person("Abebe Kassa", name)


def test_titled_speakers_are_the_body_a_spokesman_speaks_for_or_the_title_itself() -> None:
    sdoc = _nlp()("A spokesman for the Tavria group of forces said the line had held. "
                  "Later a police spokesman said two officers were hurt. The minister, "
                  "Omar Dahir, said nothing.")
    assert [(n.name, n.kind) for n in at.titled_speakers(sdoc)] == [
        ("Tavria group of forces", "person"), ("police spokesman", "person")]


def test_a_place_the_tagger_took_for_an_organisation_is_none_a_capital_its_government() -> None:
    from spacy.tokens import Span
    sdoc = _nlp()("Gunmen attacked Tahoua on Friday, Niamey said, and Menaka was calm.")
    spans = [Span(sdoc, i, i + 1, label="ORG") for i, t in enumerate(sdoc)
             if t.text in ("Tahoua", "Niamey", "Menaka")]
    sdoc.ents = spans
    at.mark_places(sdoc, [(s.start_char, s.end_char) for s in spans[:2]])
    kinds = {s.text: at.entity_kind(s) for s in spans}
    assert kinds == {"Tahoua": None, "Niamey": "org", "Menaka": "org"}


def test_a_body_the_tagger_took_for_a_place_is_indexed_by_its_head_word() -> None:
    from spacy.tokens import Span
    sdoc = _nlp()("The toll rose to 40, the Syrian Observatory for Human Rights said on Sunday.")
    words = [t.text for t in sdoc]
    body = Span(sdoc, words.index("Syrian"), words.index("Rights") + 1, label="GPE")
    sdoc.ents = [body]
    at.mark_places(sdoc, [])
    assert at.entity_kind(body) == "org"
    assert ("Syrian Observatory for Human Rights", "org") in {
        (n.name, n.kind) for n in at.index_names(sdoc)}
    at.mark_places(sdoc, [(body.start_char, body.end_char)])  # a place the geoparser found
    assert at.entity_kind(body) is None


def test_the_group_goes_on_with_a_body_never_a_state_or_its_institution() -> None:
    subjects = [(0, "Human Rights Watch"), (120, "Mali's army"), (200, "Mali")]
    assert at.subject_went_on(subjects, 260) == "Human Rights Watch"
    assert at.subject_went_on(subjects, 90) == "Human Rights Watch"
    assert at.subject_went_on(subjects, 600) is None  # too far back to go on with
