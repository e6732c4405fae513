"""Whose losses a figure counts when the sentence also names the side that struck, on sentences
written for these tests: a part "of its" soldiers is the speaker's, a side named as a place
("in X") strikes no one, the wounded of an attack share the side of the dead counted in the
same clause, a speaker is not the side whose rockets it reports, the soldiers a state reports
killed are its own, and "the enemy" a side's speaker counts is the side it fights."""

from __future__ import annotations

import pytest

from tests.extract.claim_helpers import claim_of

OF_ITS = ("Border war.\n\nEthiopia's army said Eritrean drones killed four of its soldiers near "
          "the border town on Friday.")
IN_PLACE = ("Border war.\n\nAn Ethiopian drone strike on a bus depot in Eritrea killed 14 people "
            "and wounded 30 on Friday.")
REPELLED = ("Border war.\n\nEthiopian troops beat back an Eritrean attack near the border, killing "
            "60 Eritrean soldiers and wounding 90.")
SPEAKER = ("Border war.\n\nEthiopia said Eritrean rockets struck a checkpoint overnight, and "
           "that eight soldiers were wounded.")


def test_a_part_of_its_soldiers_is_the_speaker_s() -> None:
    assert claim_of(OF_ITS, 4).subject == "Ethiopia"


@pytest.mark.parametrize("low", [14, 30])
def test_a_side_named_as_a_place_is_the_struck_side(low: float) -> None:
    assert claim_of(IN_PLACE, low).subject == "Eritrea"


def test_the_wounded_share_the_side_of_the_dead_in_their_clause() -> None:
    assert claim_of(REPELLED, 90).subject == "Eritrea"


def test_the_speaker_is_not_the_side_whose_rockets_it_reports() -> None:
    assert claim_of(SPEAKER, 8).subject == "Ethiopia"


OWN_FORCES = ("Border war.\n\nEritrea's health office said 40 Eritreans were killed in the "
              "shelling of the market. The Ethiopian army said four soldiers were killed in the "
              "clash that followed.")


def test_a_state_s_soldiers_it_reports_killed_are_its_own() -> None:
    assert claim_of(OWN_FORCES, 4).subject == "Ethiopia"


ENEMY = ("Border war.\n\nEthiopia's foreign ministry protested on Monday. The Eritrean army said "
         "the enemy lost 75 soldiers near the dam, a figure Ethiopia rejected.")


def test_the_enemy_a_side_s_speaker_counts_is_the_other_side() -> None:
    assert claim_of(ENEMY, 75).subject == "Ethiopia"


# a side's fighters or rebels who killed are the attackers, whatever the speaker says
REBELS = ("Border war.\n\nThe Ethiopian army said Eritrean fighters killed three soldiers near "
          "the crossing, and that rebels shot two more.")


def test_fighters_who_killed_are_not_the_side_of_the_dead() -> None:
    assert claim_of(REBELS, 3).subject == "Ethiopia"


# the side a loss was suffered against ("clashes with X", "accused X of") is not its owner
CLASHES = ("Border war.\n\nEthiopia said a firefight with Eritrea near the river killed seven "
           "soldiers and wounded 19.")
ACCUSED = ("Border war.\n\nEthiopia accuses Eritrea of an ambush on a convoy that left 13 "
           "border guards dead.")


@pytest.mark.parametrize("low", [7, 19])
def test_the_side_fought_with_is_not_the_side_of_the_dead(low: float) -> None:
    assert claim_of(CLASHES, low).subject == "Ethiopia"


def test_the_side_accused_of_an_attack_is_not_the_side_of_the_dead() -> None:
    assert claim_of(ACCUSED, 13).subject == "Ethiopia"


# "two of its soldiers" with a speaker of no side: "its" is the side the sentence is about
ITS_SUBJECT = ("Border war.\n\nEritrea denies any role, and Eritrean media are silent. Once "
               "Ethiopia shut its embassy, a spokesman said a mortar round hit a camp, killing "
               "six of its soldiers and wounding 15.")


@pytest.mark.parametrize("low", [6, 15])
def test_its_soldiers_are_the_sentence_s_side_when_the_speaker_has_none(low: float) -> None:
    assert claim_of(ITS_SUBJECT, low).subject == "Ethiopia"


# a possessor whose weapons did the killing owns the attack, not the dead
POSSESSOR_STRUCK = ("Border war.\n\nEritrea and Ethiopia clashed again on Thursday. Eritrea's "
                    "gunboats sank a ferry and Ethiopia's artillery killed 26 soldiers overnight.")


def test_a_possessor_whose_weapons_killed_is_not_the_side_of_the_dead() -> None:
    assert claim_of(POSSESSOR_STRUCK, 26).subject == "Eritrea"


# a side named right after the counted noun owns it: "among X", "belonging to X", "on the X side"
AFTER_NOUN = ("Border war.\n\nEritrea and Ethiopia clashed again. Ethiopia reported 35 dead among "
              "Eritrean units, Ethiopian gunners wrecked 9 tanks belonging to Eritrea, and "
              "Ethiopia said 120 soldiers on the Eritrean side were wounded.")


@pytest.mark.parametrize("low", [35, 9, 120])
def test_a_side_named_after_the_counted_noun_owns_the_figure(low: float) -> None:
    assert claim_of(AFTER_NOUN, low).subject == "Eritrea"


def test_machines_a_speaker_says_it_shot_down_are_its_enemys() -> None:
    text = ("Border war.\n\nEritrea sent a swarm of drones over the frontier on Sunday night. "
            "Ethiopia said it had shot down 17 drones and two cruise missiles.")
    assert claim_of(text, 17).subject == "Eritrea"
    # counted without striking them, a side's forces are its own
    own = ("Border war.\n\nEritrea sent a swarm of drones over the frontier on Sunday night. "
           "Ethiopia said it had moved 17 battalions to the frontier.")
    assert claim_of(own, 17).subject == "Ethiopia"


def test_a_state_speaking_as_it_counts_its_own_people() -> None:
    # the article names Mali most; "it" is Niger, and the dead it counts are Niger's
    text = ("Malian drones have hit the frontier for weeks, and Mali's army says Mali will go "
            "on. Niger accuses Mali of shelling villages along the frontier. It has said at "
            "least 40 people have been killed there since March.")
    assert claim_of(text, 40).subject == "Niger"


@pytest.mark.parametrize(("text", "value", "subject"), [
    ("Attacks on Kharkiv.\n\nA Russian glide bomb killed six people in Kharkiv on Sunday, the "
     "regional governor said.", 6, "Ukraine"),
    ("Shelling on the border.\n\nAn Azerbaijani shell killed two shepherds near the border, "
     "Armenian officials said.", 2, "Armenia"),
])
def test_the_side_whose_bomb_or_shell_kills_is_not_the_one_that_loses(text: str, value: int,
                                                                     subject: str) -> None:
    assert claim_of(text, value).subject == subject


def test_the_un_counts_a_toll_it_does_not_suffer() -> None:
    text = ("Attack on a camp.\n\nAt least 41 civilians were killed when shells hit the camp, "
            "the UN said.")
    assert claim_of(text, 41).subject != "UN"


def test_a_force_we_have_is_the_speaker_s_side() -> None:
    text = ('War in Sudan.\n\n"We have 40,000 fighters in Darfur alone," the RSF commander Abdel '
            'Rahim Dagalo told the rally.')
    assert claim_of(text, 40_000).subject != "We"


def test_a_side_named_once_after_the_figure_is_no_one_s_enemy() -> None:
    # the closing paragraph's "former Tanzanian diplomat" is no party to the fighting
    text = ("War in Mozambique. Mozambique's army said on Monday it had killed 45 insurgents in "
            "Cabo Delgado province over the weekend. The insurgency began in 2017. A former "
            "Tanzanian diplomat, Joseph Mwita, said the region needed investment.")
    assert claim_of(text, 45).subject != "Tanzania"


def test_the_dead_an_army_says_it_killed_are_not_its_own_country_s() -> None:
    # "X's army said": the source's words hold its country, though its head word is "army"
    text = ("Fighting in northern Burkina Faso. Burkina Faso's army said on Tuesday its soldiers "
            "had killed 60 jihadists near Djibo. Residents described heavy gunfire.")
    c = claim_of(text, 60)
    assert c.claimant == "Burkina Faso" and c.subject != "Burkina Faso"


@pytest.mark.parametrize("text,low,attacker", [
    ("War in Ukraine. The death toll from an overnight Russian missile attack on Odesa has "
     "risen to nine, the regional governor said.", 9, "Russia"),
    ("War in Yemen. At least 120 civilians have been killed in U.S. strikes since March, a "
     "monitoring group estimated.", 120, "United States"),
    ("War in Yemen. The group has recorded more than 9,000 civilian casualties from Saudi-led "
     "coalition air raids since 2015.", 9000, "Saudi Arabia"),
])
def test_the_side_an_attack_is_named_for_is_not_whose_dead(text: str, low: float,
                                                           attacker: str) -> None:
    assert claim_of(text, low).subject != attacker


def test_an_attacker_in_a_later_clause_leaves_the_figure_s_subject() -> None:
    text = ("Israel at war. Gunmen attacked two border towns, killing at least 300 people, and "
            "after days of Israeli strikes on Gaza the front is quiet.")
    assert claim_of(text, 300).subject == "Israel"


@pytest.mark.parametrize(("text", "low", "subject"), [
    ("Insurgency in Amhara.\n\nEthiopian officials said soldiers had killed 64 members of the "
     "Fano militia near Debre Markos.", 64, "Fano"),
    ("War in Colombia.\n\nThe army said troops had captured 19 ELN guerrillas in Arauca over the "
     "weekend.", 19, "ELN"),
    ("Conflict in Nigeria.\n\nThe military said it had killed 33 Boko Haram fighters near "
     "Bama.", 33, "Boko Haram"),
])
def test_an_armed_group_named_in_the_counted_noun_owns_the_figure(text: str, low: float,
                                                                 subject: str) -> None:
    # the group, not the state whose army reports killing them
    assert claim_of(text, low).subject == subject


@pytest.mark.parametrize("teller", ["Eritrea's information ministry", "a hospital director"])
@pytest.mark.parametrize("low", [17, 52])
def test_a_side_after_coordinated_directions_is_where_the_strikes_fell(teller: str,
                                                                       low: float) -> None:
    # "on northern and western Eritrea": a place struck, not a side that killed
    text = ("Border war.\n\nEthiopian drone strikes on northern and western Eritrea killed 17 "
            f"people and wounded 52 on Tuesday, {teller} said.")
    assert claim_of(text, low).subject == "Eritrea"


def test_a_un_agency_named_most_does_not_make_the_toll_the_un_s() -> None:
    text = ("Violence in Ituri.\n\nThe United Nations said on Friday that the UN mission had "
            "recorded attacks on three villages this month. Fighting around Djugu killed 220 "
            "people, the UN refugee agency said, and UN staff described the camps as full. A "
            "Congolese official said the army had sent reinforcements.")
    assert claim_of(text, 220).subject == "DR Congo"


def test_civilians_a_state_counts_with_no_place_in_the_sentence_are_its_own() -> None:
    # the town of the sentence before belongs to the other side
    text = ("Border war.\n\nArtillery duels went on near Lachin overnight. Armenian officials "
            "said 5,200 civilians had been evacuated from border villages.")
    assert claim_of(text, 5200).subject == "Armenia"


@pytest.mark.parametrize(("text", "low", "subject"), [
    ("Conflict in Nigeria.\n\nBoko Haram fighters stormed a military base near Monguno, "
     "killing 17 soldiers, security sources said.", 17, "Nigeria"),
    ("Fighting in Somalia.\n\nAl-Shabaab gunmen overran the base at El Baraf overnight, "
     "killing 11 soldiers, officials said.", 11, "Somalia"),
])
def test_the_side_whose_raid_kills_is_not_the_side_of_the_dead(text: str, low: float,
                                                               subject: str) -> None:
    # the side that opens the clause did the killing its ", killing N" tells
    assert claim_of(text, low).subject == subject


def test_people_killed_after_a_group_s_claim_are_not_the_group_s() -> None:
    text = ("Conflict in Congo.\n\nThe M23 said its fighters had lost 40 men near Sake on "
            "Sunday. Another 60 people died in the shelling of the camps outside Goma.")
    assert claim_of(text, 60).subject == "DR Congo"
