"""Quotations and their speakers, on sentences written for the project."""

from __future__ import annotations

import pytest

from sitrep.extract.quotes import count_words, find_quote_spans, find_quotes
from tests.extract.parsed import parsed_doc

make_doc = parsed_doc


def quotes_of(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in find_quotes(make_doc(text))]


# --- pairing the marks (no parse needed) ---------------------------------------------------
def spans(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quote_spans(text)]


def test_quote_spans_pair_curly_double_quotes() -> None:
    assert spans("He said “the bridge is gone” and left.") == ["the bridge is gone"]


def test_quote_spans_pair_straight_double_quotes_in_turn() -> None:
    text = 'She called it "a long night" and "a hard morning".'
    assert spans(text) == ["a long night", "a hard morning"]


def test_quote_spans_tell_apostrophes_from_closing_single_quotes() -> None:
    text = "‘The army’s trucks can’t cross the river,’ said the mayor."
    assert spans(text) == ["The army’s trucks can’t cross the river"]


def test_quote_spans_open_single_quote_after_a_full_stop() -> None:
    text = "‘We wait,’ said Lee.’Then we move north at dawn.’"
    assert spans(text) == ["We wait", "Then we move north at dawn."]


def test_quote_spans_run_an_unclosed_quote_to_the_paragraph_end() -> None:
    text = "He said: “The road is closed and the ferry has stopped\nNext paragraph here."
    assert spans(text) == ["The road is closed and the ferry has stopped"]


def test_quote_spans_ignore_single_quotes_inside_double_quotes() -> None:
    text = "“They call it ‘the long road’ for a reason,” he said."
    assert spans(text) == ["They call it ‘the long road’ for a reason"]


def test_count_words_leaves_out_one_letter_words() -> None:
    assert count_words("a big test") == 2
    assert count_words("on all fronts") == 3


# --- speakers ----------------------------------------------------------------------------------
def test_quotes_take_the_speaker_named_after_the_closing_mark() -> None:
    text = "“We will hold the bridge until the last truck is across,” Anna Petrova said on Friday."
    assert quotes_of(text) == [("Anna Petrova",
                                "We will hold the bridge until the last truck is across")]


def test_quotes_take_the_name_without_its_title() -> None:
    text = ("Army spokesman Colonel Tom Hale said on Monday that the brigade was "
            "“ready to move within the hour”.")
    assert quotes_of(text) == [("Tom Hale", "ready to move within the hour")]


def test_quotes_resolve_he_said_to_the_person_named_before() -> None:
    text = ("Defence Minister Mark Olsen spoke to reporters in Oslo on Tuesday. "
            "“The border crossings remain closed to all traffic,” he said.")
    assert quotes_of(text) == [("Mark Olsen", "The border crossings remain closed to all traffic")]


def test_quotes_expand_a_surname_to_the_full_name() -> None:
    text = ("Mark Olsen visited the harbour on Monday. "
            "“The ferry will not sail tonight,” Olsen told reporters.")
    assert quotes_of(text)[0][0] == "Mark Olsen"


def test_quotes_continue_with_the_previous_speaker() -> None:
    text = ("“The ferry will not sail tonight,” Mark Olsen said. "
            "“Nobody should wait at the harbour.”")
    assert [s for s, _ in quotes_of(text)] == ["Mark Olsen", "Mark Olsen"]


def test_quotes_read_british_single_quotes() -> None:
    text = ("Mayor Clara Jensen said the town was ‘running out of fuel and patience’ "
            "after the storm.")
    assert quotes_of(text) == [("Clara Jensen", "running out of fuel and patience")]


def test_quotes_take_an_organisation_as_speaker() -> None:
    text = "The Norwegian defence ministry said the exercise was “a routine test of our readiness”."
    assert quotes_of(text) == [("Norwegian defence ministry", "a routine test of our readiness")]


def test_quotes_give_a_bare_institution_its_fuller_name() -> None:
    text = ("The Norwegian defence ministry issued a statement on Monday. "
            "“No aircraft crossed the line during the night,” the ministry said.")
    assert quotes_of(text)[0][0] == "Norwegian defence ministry"


def test_quotes_take_the_speaker_of_the_previous_sentence_for_a_quoted_paragraph() -> None:
    text = ("The evacuation will go on all week, Mayor Clara Jensen said on Sunday.\n"
            "“We have asked everyone to stay indoors tonight.”")
    assert quotes_of(text) == [("Clara Jensen", "We have asked everyone to stay indoors tonight.")]


@pytest.mark.parametrize("text", [
    "A senior official said the talks were “going nowhere fast at the moment”.",
    "Sources close to the talks said the deal was “as good as dead now”.",
])
def test_quotes_skip_anonymous_speakers(text: str) -> None:
    assert quotes_of(text) == []


def test_quotes_skip_words_quoted_as_a_label() -> None:
    assert quotes_of("The minister called the plan “reckless” on Friday.") == []


def test_quote_evidence_points_at_the_quoted_words_in_the_raw_text() -> None:
    text = "Lee said: ‘The river is rising faster than anyone expected.’"
    doc = make_doc(text)
    (q,) = find_quotes(doc)
    assert doc.raw_text[q.evidence.start:q.evidence.end] == q.evidence.text == q.text
    assert q.text == "The river is rising faster than anyone expected."
    assert q.rule and 0 < q.confidence <= 1


# --- written for the unseen-news issue: mixed marks, phrases, modifiers, organisations ------
def test_quote_spans_close_a_straight_opening_with_a_curly_closing_mark() -> None:
    text = 'The envoy said the talks were "going nowhere” and then "we will try again" later.'
    assert spans(text) == ["going nowhere", "we will try again"]


def test_quoted_phrase_without_a_speech_verb_carries_the_previous_speaker() -> None:
    text = ("“The last column crossed the river at dawn,” said Marta Ilves, the region's "
            "governor. By noon \"four heavy ferries\" had been sunk behind it.")
    assert quotes_of(text) == [("Marta Ilves", "The last column crossed the river at dawn"),
                               ("Marta Ilves", "four heavy ferries")]


def test_a_speech_verb_used_as_a_modifier_does_not_name_the_speaker() -> None:
    text = ("The navy command said the patrols were a \"firm answer to repeated provocations\" "
            "by alleged smugglers.")
    assert quotes_of(text) == [("navy command", "firm answer to repeated provocations")]


def test_a_regime_speaks_as_an_organisation() -> None:
    text = ('The military regime said the handover would be "orderly and complete" by Sunday.')
    assert quotes_of(text) == [("military regime", "orderly and complete")]


def test_a_quote_of_two_sentences_used_as_a_phrase_belongs_to_the_subject() -> None:
    text = ('Prime Minister Ana Koval greeted the vote as "a win for farmers. A win for '
            'everyone".')
    assert quotes_of(text) == [("Ana Koval", "a win for farmers. A win for everyone")]


def test_acronyms_are_never_taken_for_people() -> None:
    from sitrep.extract.quotes import _is_acronym

    assert _is_acronym("MI6") and _is_acronym("RL") and _is_acronym("RFE/RL")
    assert not _is_acronym("Moore") and not _is_acronym("Richard Moore")


def test_the_colonel_is_the_colonel_named_before() -> None:
    text = ("Colonel Amadou Issa Maiga led the briefing in Niamey on Monday.\n"
            "“The first convoy has crossed into Chad without incident,” the colonel told "
            "reporters.\n"
            "Beside him, Nigerien General, Salifou Mody, said talks had gone well.\n"
            "The general stated, “Our soldiers will be home before the rains.”")
    got = quotes_of(text)
    assert ("Amadou Issa Maiga", "The first convoy has crossed into Chad without incident") \
        in [(s, t.rstrip(",.")) for s, t in got]
    assert ("Salifou Mody", "Our soldiers will be home before the rains") \
        in [(s, t.rstrip(",.")) for s, t in got]


def test_a_title_with_its_own_description_is_not_a_person_named_before() -> None:
    text = ("General Lina Okafor inspected the base on Monday.\n"
            "“We are not moving anyone,” the army's general said.")
    assert quotes_of(text) == []


# --- organisations that speak through statements (issue 12) ---------------------------------
def test_quote_after_it_added_belongs_to_the_organisation_that_spoke_before() -> None:
    text = ("The clashes began at dawn near the dam, a short statement by the Ethiopian army "
            "said. “Our units repelled the attack and hold every position,” it added.")
    assert quotes_of(text) == [("Ethiopian army",
                                "Our units repelled the attack and hold every position")]


def test_quote_the_statement_said_belongs_to_who_issued_it() -> None:
    text = ("The Somali interior ministry said on Friday that the curfew would be lifted. "
            "“Markets will reopen on Saturday morning,” the statement said.")
    (speaker, quote), = quotes_of(text)
    assert quote == "Markets will reopen on Saturday morning"
    assert speaker is not None and "ministry" in speaker.lower()


def test_quote_after_a_statement_was_issued_belongs_to_its_issuer() -> None:
    text = ("The Sudanese Armed Forces issued a statement late on Monday.\n"
            "“The bridge at Shambat is under our full control.”")
    (speaker, quote), = quotes_of(text)
    assert quote == "The bridge at Shambat is under our full control."
    assert speaker is not None and "Sudanese Armed Forces" in speaker


# --- the document's index of people and organisations (issue 12) ----------------------------
def test_a_name_the_tagger_glued_to_a_title_phrase_is_the_speaker() -> None:
    text = ("Answering questions from lawmakers, permanent representative to the EU Jonas Lind "
            "defended the sanctions package.\n"
            "“The measures are working, even if slowly,” he said.")
    assert quotes_of(text) == [("Jonas Lind", "The measures are working, even if slowly")]


def test_a_place_glued_before_a_persons_name_is_left_out() -> None:
    text = ("The envoy of the African Union to Sudan Mariam Okoro warned that talks had stalled.\n"
            "“Nobody at the table is ready to give up a single checkpoint,” she said.")
    assert quotes_of(text) == [
        ("Mariam Okoro", "Nobody at the table is ready to give up a single checkpoint")]


def test_an_acronym_speaker_keeps_the_organisation_it_stands_for() -> None:
    text = ("The Ministry of Foreign Affairs said in a statement that the border would stay shut.\n"
            "“The crossing points will not reopen this month,” the MFA said.\n"
            "The Sudanese Armed Forces rejected the plan. “This plan rewards the aggressor,” "
            "SAF said.")
    assert quotes_of(text) == [
        ("Ministry of Foreign Affairs (MFA)", "The crossing points will not reopen this month"),
        ("Sudanese Armed Forces (SAF)", "This plan rewards the aggressor")]


def test_the_ministry_is_the_ministry_named_before() -> None:
    text = ("The Ministry of Energy in Baku said a pipeline had been hit overnight.\n"
            "“Two pumping stations were damaged and one is on fire,” the ministry said.")
    assert quotes_of(text) == [
        ("Ministry of Energy", "Two pumping stations were damaged and one is on fire")]


def test_the_front_and_the_monitor_are_the_organisations_named_before() -> None:
    text = ("The Ogaden National Liberation Front accused troops of burning villages. The front "
            "said the raids were “a campaign to empty the region”.\n"
            "The Observatory for Civilian Harm, a Geneva-based monitor, counted nine dead. "
            "“Most of them were farmers working in the fields,” the monitor said.")
    assert quotes_of(text) == [
        ("Ogaden National Liberation Front", "a campaign to empty the region"),
        ("Observatory for Civilian Harm", "Most of them were farmers working in the fields")]


def test_a_spelling_variant_tagged_as_a_common_noun_is_the_person_named_before() -> None:
    text = ("Ukraine's President Volodymyr Zelenskiy spoke by video to the summit.\n"
            '"We need air defence now, not next year," Zelenskyy said.')
    assert quotes_of(text) == [("Volodymyr Zelenskiy", "We need air defence now, not next year")]


def test_according_to_names_the_source_of_a_quoted_phrase() -> None:
    text = ("Mayor Olena Hrytsenko said the shelling had stopped by noon.\n"
            "According to Colonel Idris Bello, “the militants fled towards the forest before "
            "dawn”.")
    assert quotes_of(text)[-1] == ("Idris Bello",
                                   "the militants fled towards the forest before dawn")


def test_a_capital_used_as_its_government_reads_as_its_country() -> None:
    text = ("“The attackers were pushed back after two hours of fighting,” the Bamako junta "
            "said on Thursday.")
    assert quotes_of(text) == [("Mali junta",
                                "The attackers were pushed back after two hours of fighting")]


def test_an_unnamed_spokesperson_with_a_name_in_apposition_is_that_person() -> None:
    text = ("An army spokesperson, Lt. Col. Nadav Shoshani, said: “We take every measure to "
            "limit harm to civilians.”")
    assert quotes_of(text) == [("Nadav Shoshani",
                                "We take every measure to limit harm to civilians.")]


def test_he_after_an_aside_is_the_person_who_spoke_not_an_earlier_subject() -> None:
    text = ("Sudan's acting premier Osman Taha condemned the raid on the camp.\n\n"
            "Speaking by phone from Kassala, resident Hassan Fadel, 54, said he had lost his "
            'brother. "We heard the planes, then everything went black," he told AFP.')
    assert quotes_of(text) == [("Hassan Fadel", "We heard the planes, then everything went black")]


def test_he_is_not_a_person_named_inside_a_reported_clause_of_his_sentence() -> None:
    text = ("Defence Secretary Grant Holloway visited the base on Monday.\n"
            "Asked about reports that President Emmanuel Macron had proposed sending troops, he "
            "said: “That is a matter for France to decide.”")
    assert quotes_of(text) == [("Grant Holloway", "That is a matter for France to decide.")]


def test_quote_spans_skip_a_possessive_whose_noun_the_page_lost() -> None:
    text = "The capital welcomed the offer. ‘s prime minister said it was ‘a generous first step’."
    assert spans(text) == ["a generous first step"]


def test_words_an_agency_passes_on_citing_someone_are_that_ones() -> None:
    text = ("“Damage was limited to two hangars and a fuel truck,” the agency reported, citing "
            "the Hungarian air force.")
    assert quotes_of(text) == [("Hungarian air force",
                                "Damage was limited to two hangars and a fuel truck")]


def test_quoted_as_saying_gives_the_one_quoted() -> None:
    text = ("Defence Minister Andrei Belov was quoted by the state news agency as saying that "
            "“the special operation will continue until all its goals are met”.")
    assert quotes_of(text) == [
        ("Andrei Belov", "the special operation will continue until all its goals are met")]


def test_a_paragraph_of_quoted_words_below_a_sentence_about_a_person_is_theirs() -> None:
    text = ("President Ilham Karimov addressed the nation on Sunday evening.\n\n"
            "“Our army has restored control over every village in the district.”")
    assert quotes_of(text) == [
        ("Ilham Karimov", "Our army has restored control over every village in the district.")]


def test_the_minister_is_the_person_described_as_minister_beside_the_name() -> None:
    text = ("Ali Hassan, Sudan's foreign minister, arrived in Jeddah on Sunday for the talks.\n"
            "“We came to listen, not to make promises,” the minister told reporters.")
    assert quotes_of(text) == [("Ali Hassan", "We came to listen, not to make promises")]


def test_the_spokeswoman_is_the_person_named_as_spokeswoman_before() -> None:
    text = ("The spokeswoman for the UN refugee agency, Olga Sarrado, said thousands were "
            "crossing the border daily. “Most of them are women and children,” the spokeswoman "
            "said.")
    assert quotes_of(text) == [("Olga Sarrado", "Most of them are women and children")]


def test_a_quote_below_it_pointed_out_belongs_to_the_organisation() -> None:
    text = ("The Norwegian Refugee Council published its winter assessment on Friday.\n"
            "Families in the camps were burning plastic to keep warm, it pointed out.\n"
            "“Without fuel deliveries, the coming weeks will cost lives.”")
    assert quotes_of(text) == [("Norwegian Refugee Council",
                                "Without fuel deliveries, the coming weeks will cost lives.")]


def test_a_quoted_phrase_in_a_headline_line_does_not_continue_the_speaker_above() -> None:
    text = ("Admiral Lars Holm said Russian warships and a submarine had shadowed the convoy "
            "“for three whole days” near the strait.\n"
            "Naval standoff: fleet ‘is shadowing tankers from the eastern ports every week’ amid "
            "fears of attacks on cables\n")
    assert quotes_of(text) == [("Lars Holm", "for three whole days")]


def test_they_after_unnamed_residents_spoke_gives_no_quote() -> None:
    text = ("The Russian Defence Ministry said its troops had taken the village of Orlivka.\n"
            "Residents who fled to the nearby city said the shelling had been relentless. "
            "“We have not seen a quiet night for weeks,” they said.")
    assert quotes_of(text) == []


def test_an_organisation_judging_in_quoted_words_is_their_speaker() -> None:
    text = ("The Polish foreign ministry denounced the “barbaric attack on a children's "
            "hospital” in the capital.")
    assert quotes_of(text) == [("Polish foreign ministry",
                                "barbaric attack on a children's hospital")]


def test_a_quoted_phrase_in_a_sentence_about_someone_else_is_not_the_last_speakers() -> None:
    text = ("Prime Minister Mark Rutte said the warning was “nothing but empty words from "
            "Moscow”. Wagner moved its convoy along “the old smuggling route to the north” on "
            "Friday.")
    assert quotes_of(text) == [("Mark Rutte", "nothing but empty words from Moscow")]


# --- "the ministry said" with no fuller name before it ---------------------------------------
BARE_MINISTRY = """Clashes in the north

Azerbaijani and Armenian troops exchanged fire near the village of Sotk overnight, and Armenia \
reported two of its soldiers wounded.

"Our positions came under mortar fire for more than an hour," the ministry said in a statement.
"""

NAMED_MINISTRY = """Clashes in the north

Armenia's defence ministry said Azerbaijani troops had opened fire near the village of Sotk.

"Our positions came under mortar fire for more than an hour," the ministry said in a statement.
"""


def test_a_bare_institution_is_the_article_sides() -> None:
    assert quotes_of(BARE_MINISTRY) == [
        ("Armenia's ministry", "Our positions came under mortar fire for more than an hour")]


def test_a_bare_institution_named_fuller_before_keeps_that_name() -> None:
    assert [s for s, _ in quotes_of(NAMED_MINISTRY)] == ["Armenia's defence ministry"]


def test_quotes_take_the_name_right_before_a_speech_verb_that_lost_its_subject() -> None:
    # a long title the parser reads as a phrase ("the mission in Ukraine Karl Lindqvist")
    text = ('Speaking to reporters in Geneva, the head of the OSCE mission in Ukraine Karl '
            'Lindqvist said: "The roads out of the city are closed to everyone."')
    assert quotes_of(text) == [("Karl Lindqvist", "The roads out of the city are closed to "
                                                  "everyone.")]


def test_two_speakers_in_one_sentence_each_keep_their_own_words() -> None:
    got = quotes_of('Fighting in Sudan. The army called the ceasefire "a trap for the people of '
                    'Darfur", while Hemedti described it as "the first step towards peace".')
    assert got == [("Sudan's army", "a trap for the people of Darfur"),
                   ("Hemedti", "the first step towards peace")]


def test_a_speech_verb_after_but_belongs_to_the_next_clause() -> None:
    got = quotes_of('War in Ukraine. Zelensky said the strike was "terror against sleeping '
                    'families", but Moscow insisted it had hit "only military logistics sites".')
    assert ("Zelensky", "terror against sleeping families") in got
    assert not any(s != "Zelensky" and t == "terror against sleeping families" for s, t in got)


def test_a_titles_appositive_name_speaks_not_a_name_inside_the_title() -> None:
    # the envoy speaks, not the president whose envoy he is
    text = ('Talks resumed on Monday. President Joe Biden\'s envoy, Amos Hochstein, said: "We '
            'are closer than ever to a deal."')
    assert quotes_of(text) == [("Amos Hochstein", "We are closer than ever to a deal.")]


def test_the_group_that_speaks_is_the_organisation_named_before() -> None:
    text = ('The Sudan Liberation Movement rejected the truce as "a gift to the militias". '
            'The movement said it "will keep defending the camps around Tawila".')
    assert [s for s, _ in quotes_of(text)] == ["Sudan Liberation Movement"] * 2


@pytest.mark.parametrize("text", [
    'The Sudanese army said the militia had been "driven out of the refinery area." The RSF '
    'said its fighters still held the northern gate.',
    'Hamas said the ceasefire talks had reached "a very sensitive stage in Doha." Israel '
    'said no delegation would travel before Sunday.',
])
def test_a_quotation_that_ends_its_sentence_is_not_the_next_sentence_s(text: str) -> None:
    # the full stop inside the marks ends the sentence: the next speaker says something else
    ((speaker, _),) = quotes_of(text)
    assert speaker in ("Sudanese army", "Hamas")


@pytest.mark.parametrize(("text", "speaker"), [
    ('"Hold the bridge until dawn," Colonel Yaroslav Dudka shouted over the radio.',
     "Yaroslav Dudka"),
    ('"Send us the ambulances now," Hanna Melnyk pleaded in a video from the basement.',
     "Hanna Melnyk"),
    ('"Who will rebuild these schools?" asked Ihor Terekhov, the mayor of the city.',
     "Ihor Terekhov"),
])
def test_words_shouted_pleaded_or_asked_are_quoted(text: str, speaker: str) -> None:
    assert [s for s, _ in quotes_of(text)] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Oleksandr Syrskyi: "The enemy has lost the initiative on the southern flank."',
     "Oleksandr Syrskyi"),
    ('Night of strikes. Army spokesman Nabil Abdallah: “Our units repelled every assault on '
     'the base.”', "Nabil Abdallah"),
])
def test_a_name_and_a_colon_before_a_quotation_speak_it(text: str, speaker: str) -> None:
    assert [s for s, _ in quotes_of(text)] == [speaker]


def test_quote_spans_pair_guillemets() -> None:
    assert spans("«Nous tiendrons la ligne», dit-il, puis «jusqu'au bout».") == [
        "Nous tiendrons la ligne", "jusqu'au bout"]


@pytest.mark.parametrize(("text", "speaker"), [
    ('The Kachin Independence Army overran a junta camp near Bhamo on Sunday. "We will hold '
     'every hill we have taken," the group said in a statement.', "Kachin Independence Army"),
    ('Fano militias attacked a garrison near Gondar overnight. "Our forces now hold the whole '
     'ridge above the town," the militia said.', "Fano"),
])
def test_the_group_or_the_militia_is_the_armed_group_named_before(text: str,
                                                                  speaker: str) -> None:
    assert [s for s, _ in quotes_of(text)] == [speaker]


def test_a_monitor_described_by_where_it_is_based_speaks_by_its_name() -> None:
    text = ('The Sudan Conflict Observatory mapped new fires in Nyala. "The burning has spread to '
            'three more districts," the US-based monitor said.')
    assert [s for s, _ in quotes_of(text)] == ["Sudan Conflict Observatory"]


def test_the_army_speaking_after_a_rebel_army_attacked_is_not_the_rebels() -> None:
    text = ('The Kachin Independence Army shelled a garrison near Myitkyina. "The attackers were '
            'driven back with heavy losses," the army said.')
    assert [s for s, _ in quotes_of(text)] != ["Kachin Independence Army"]
