"""How a figure is read, on sentences written for these tests: who states it (an acronym
speaker is the organisation it stands for; a figure inside the reported clause is never part of
the speaker's phrase; armed groups, officers and documents speak; a passive "is believed" names
no one) and what it counts (a running tally of lost troops counts the wounded with the dead;
what a force "has" is its size)."""

from __future__ import annotations

import pytest

from tests.extract.claim_helpers import claim_of, claims

ACRONYM = """Floods of refugees reach the border

Fighting spread along the river valley, the National Emergency Directorate said on Sunday.

The NED said 41 civilians were killed when shells hit a bus station in the town of Varos.
"""

APPOSITION = """The Turkish military says it has killed more than 2,000 militants in Iraq, a \
number it has not supported with evidence.
"""


def test_an_acronym_speaker_is_the_organisation_it_stands_for() -> None:
    claimant = claim_of(ACRONYM, 41).claimant
    assert claimant is not None and "National Emergency Directorate" in claimant


def test_an_apposition_after_the_figure_leaves_the_speaker_its_own() -> None:
    claimant = claim_of(APPOSITION, 2000).claimant
    assert claimant is not None and "Turkish military" in claimant


@pytest.mark.parametrize(("text", "low", "speaker"), [
    ("Shelling went on all week. The insurgents said 60 soldiers had surrendered at the dam.",
     60, "insurgents"),
    ("Shelling went on all week. A border officer said 17 villagers were wounded in the raid.",
     17, "border officer"),
    ("Shelling went on all week. About 4,000 recruits were sent to the front in May, according "
     "to leaked planning documents.", 4000, "planning documents"),
    ("Shelling went on all week. A rocket hit the depot, wounding 23 workers, the district head "
     "said.", 23, "district head"),
])
def test_armed_groups_officers_and_documents_speak(text: str, low: float, speaker: str) -> None:
    claimant = claim_of(text, low).claimant
    assert claimant is not None and speaker in claimant.lower()


def test_a_running_tally_of_lost_troops_counts_dead_and_wounded() -> None:
    tally = ("The coastal command said the invaders had lost 640 soldiers over the past day and "
             "about 91,000 in total since the landing.")
    assert [c.metric for c in claims(tally)] == ["killed_or_wounded", "killed_or_wounded"]


def test_one_engagement_s_lost_soldiers_are_its_dead() -> None:
    ambush = "The brigade lost six soldiers when its convoy drove onto a mine near the ford."
    assert [c.metric for c in claims(ambush)] == ["killed"]


def test_a_headline_figure_retold_as_a_tally_is_one_claim() -> None:
    text = ("Coastal command: invaders lose 91,000 soldiers\n\n"
            "The coastal command said on Sunday that the invaders had lost 91,000 soldiers since "
            "the landing in March.\n")
    found = [c for c in claims(text) if c.low == 91000]
    assert [c.metric for c in found] == ["killed_or_wounded"]


@pytest.mark.parametrize(("text", "low"), [
    ("Fighting raged near the dam as the army shelled rebel positions. The brotherhood has "
     "roughly 3,500 members in the valley.", 3500),
    ("Raids went on in the hills. The front, which officials say has some 8,000 fighters, was "
     "blamed for the killings at the market.", 8000),
])
def test_what_a_force_has_is_its_size(text: str, low: float) -> None:
    assert claim_of(text, low).metric == "troops"


def test_a_passive_estimate_names_no_speaker() -> None:
    text = ("Fighting raged near the dam as the army shelled rebel positions. The militia is "
            "believed to have 3,500 fighters in the valley.")
    assert claim_of(text, 3500).claimant is None


def test_the_agency_is_the_long_name_spoken_before() -> None:
    text = ("Fighting raged near the dam as the army shelled rebel positions.\n\n"
            "Northern Ruritania's State Border Guard Service told reporters on Monday that the "
            "rebels had shelled three villages. The agency also said 45 civilians were killed.")
    claimant = claim_of(text, 45).claimant
    assert claimant is not None and "State Border Guard Service" in claimant


def test_a_titled_speaker_keeps_the_whole_name() -> None:
    text = ("Fighting raged near the dam as the army shelled rebel positions.\n\n"
            "Artillery hit the ferry port overnight, killing four dockers, Governor Oleksandr "
            "Kostenko said on Telegram.")
    assert claim_of(text, 4).claimant == "Oleksandr Kostenko"


def test_a_council_s_few_members_are_no_force() -> None:
    text = ("Fighting raged near the dam as the army shelled rebel positions. The truce council "
            "has seven members, two of them from the rebel side.")
    assert [c.low for c in claims(text)] == []


@pytest.mark.parametrize(("text", "low", "metric"), [
    ("The army said the number of rebels killed in the offensive so far -- 3,400 -- was far "
     "higher than the militia admits.", 3400, "killed"),
    ("Police said the number of people wounded in the car bombing near the stadium had passed "
     "210 by the evening.", 210, "wounded"),
])
def test_a_figure_given_as_the_value_of_the_number_of_is_a_claim(text: str, low: float,
                                                                  metric: str) -> None:
    assert claim_of(text, low).metric == metric


def test_the_martyred_are_the_dead() -> None:
    verb = ("Clashes flared on the plateau. The militia said 14 of its fighters were martyred in "
            "the air raid on the depot.")
    noun = ("Clashes flared on the plateau. The relief agency said 27 martyrs and 60 injured had "
            "reached the clinic by night.")
    assert claim_of(verb, 14).metric == "killed"
    assert claim_of(noun, 27).metric == "killed"


def test_the_whole_a_part_is_counted_from_is_no_toll() -> None:
    text = ("Of the 3,000 soldiers sent to the front, 400 were wounded, the general staff said "
            "on Monday.")
    assert claim_of(text, 400).metric == "wounded"
    assert claim_of(text, 3000).metric == "troops"  # a force counted, not 3,000 wounded
    text = "Of the 120 people taken to hospital after the strike, 15 died, the doctors' union said."
    assert claim_of(text, 15).metric in ("killed", "civilians_killed")
    assert not [c for c in claims(text) if c.low == 120]


ATTRIBUTIVE = """Russian build-up seen from space as the war in Ukraine enters its third winter

Satellite pictures taken on Friday show dozens of troop tents, 35 drone launch sites and 60 \
armoured trucks at a quarry near the border, the imaging company said.
"""


def test_a_countable_noun_that_qualifies_another_noun_is_not_what_a_figure_counts() -> None:
    # "troop tents" and "drone launch sites" count neither troops nor drones; the trucks count
    assert [(c.low, c.metric) for c in claims(ATTRIBUTIVE)] == [(60, "other")]


def test_a_total_s_own_phrase_names_whose_dead_a_bare_figure_counts() -> None:
    text = ("Kenya's foreign minister said the number of Somalis killed in the clashes so far "
            "-- 340 -- would rise as fighting continued near the border with Ethiopia.")
    c = claim_of(text, 340)
    assert (c.metric, c.subject) == ("killed", "Somalia")


PARTS = ("Shelling of the market in Kherson killed 37 civilians, including 11 children and four "
         "women, and wounded 62 others, the regional governor said.")


def test_the_parts_a_toll_lists_share_its_verb_not_the_next_clause_s() -> None:
    assert [(c.low, c.metric) for c in claims(PARTS)] == [
        (37, "civilians_killed"), (11, "civilians_killed"), (4, "civilians_killed"),
        (62, "wounded")]


@pytest.mark.parametrize("text", [
    "War in Ukraine.\n\nIn its daily bulletin the ministry said Ukrainian forces had lost 640 "
    "servicemen along the front.",
    "War in Ukraine.\n\nThe General Staff said Russia had lost up to 1,120 troops in the "
    "Pokrovsk direction.",
])
def test_a_daily_bulletin_s_losses_count_the_wounded_with_the_dead(text: str) -> None:
    assert [c.metric for c in claims(text)] == ["killed_or_wounded"]


@pytest.mark.parametrize(("text", "metric"), [
    ("War in Sudan.\n\nMore than 18,000 people have fled Kadugli since Saturday, the UN said.",
     "displaced"),
    ("War in Myanmar.\n\nAbout 6,000 villagers fled earlier shelling near Lashio, aid groups said.",
     "displaced"),
    ("War in Sudan.\n\nAbout 3,500 people fled Kadugli in 200 vehicles on Monday, officials said.",
     "evacuated"),
])
def test_those_who_fled_a_place_or_a_war_are_displaced_those_driven_out_evacuated(
        text: str, metric: str) -> None:
    assert [c.metric for c in claims(text)] == [metric]
