"""Forms of a figure that news writes often, on sentences written for these tests: a bare
figure that was "hurt" or that died ("perished", "succumbed", "were executed"), a toll qualified
by how it is known ("confirmed deaths", "suspected rebels"), attackers and
protesters counted as people, a month opening a tally's line (a period, not a source), a part
counted "of its" whole, fighters "neutralised" or "eliminated" (killed), and the toll of an
article about a disaster (no war toll)."""

from __future__ import annotations

import pytest

from tests.extract.claim_helpers import claim_of, claims


def test_a_bare_figure_that_was_hurt_is_wounded() -> None:
    text = ("War in Sudan.\n\nThe mayor told a local radio station that nine guards died at the "
            "gate and 31 were hurt.")
    assert claim_of(text, 31).metric == "wounded"


def test_attackers_killed_are_a_toll() -> None:
    text = ("War in Sudan.\n\nThe police said on Friday that the convoy had fought back, and that "
            "16 attackers were killed.")
    assert claim_of(text, 16).metric == "killed"


def test_a_month_opening_a_tally_line_is_no_claimant() -> None:
    text = "War in Sudan.\n\nMonthly toll\n\nApril: 2,410 killed.\n\nMay: 1,870 killed.\n"
    assert claim_of(text, 2410).claimant != "April"
    assert claim_of(text, 1870).claimant != "May"


def test_a_part_of_its_whole_counts_the_whole_s_noun() -> None:
    text = ("War in Sudan.\n\nThe brigade lost 22 of its 60 armoured vehicles during the retreat "
            "from the ridge.")
    assert claim_of(text, 22).metric == "vehicles_lost"


@pytest.mark.parametrize("verb", ["later succumbed to their wounds", "perished in the fire",
                                  "had been executed", "were shot dead"])
def test_a_bare_figure_that_died_is_killed(verb: str) -> None:
    text = (f"War in Sudan.\n\nThe monitors said 27 prisoners were wounded at the camp and "
            f"11 {verb}, according to the report.")
    assert claim_of(text, 11).metric == "killed"


def test_protesters_shot_dead_are_a_toll() -> None:
    text = "War in Sudan.\n\nMedics said troops shot dead 19 protesters outside the barracks."
    assert claim_of(text, 19).metric in ("killed", "civilians_killed")


@pytest.mark.parametrize(("phrase", "low"), [
    ("recorded 640 confirmed deaths", 640), ("listed 95 verified deaths", 95),
    ("counted 212 documented killings", 212), ("found 38 suspected rebels killed", 38)])
def test_a_toll_qualified_by_how_it_is_known_is_a_toll(phrase: str, low: float) -> None:
    text = f"War in Sudan.\n\nThe observers {phrase} in the hill districts over the winter."
    assert claim_of(text, low).metric == "killed"


CYCLONE = """Cyclone batters the southern coast

A cyclone made landfall near the port on Tuesday night, flattening homes and cutting power
to much of the province.

At least 31 people are dead and 18 others are still missing, the provincial governor said.

Rescue teams reached cut-off villages on Wednesday as the storm weakened inland.
"""

WAR_WITH_FLOODS = """Shelling resumes along the front

Army artillery shelled the river town again on Tuesday, weeks after floods had emptied it.

At least 31 people are dead and 18 others are still missing after the attack, the governor
said.
"""


def test_the_toll_of_an_article_about_a_disaster_is_no_war_toll() -> None:
    assert [c.low for c in claims(CYCLONE)] == []


def test_a_war_article_that_names_a_flood_keeps_its_toll() -> None:
    assert {c.low for c in claims(WAR_WITH_FLOODS)} >= {31, 18}


@pytest.mark.parametrize("verb", ["neutralised", "neutralized", "eliminated"])
def test_fighters_neutralised_or_eliminated_are_killed(verb: str) -> None:
    text = f"War in Sudan.\n\nThe army said its patrols {verb} 64 insurgents in the forest."
    assert claim_of(text, 64).metric == "killed"


def test_operatives_are_fighters_a_figure_of_them_killed_is_a_toll() -> None:
    text = ("War in Syria.\n\nThe coalition said its aircraft had eliminated 25 Islamic State "
            "operatives hiding in caves near the river.")
    assert claim_of(text, 25).metric == "killed"


@pytest.mark.parametrize(("sentence", "low", "metric"), [
    ("The raids killed 23 cattle traders and two guards.", 23, "killed"),
    ("The raiders abducted 17 schoolgirls from a dormitory.", 17, "captured"),
    ("About 900 households had been displaced by the clashes, the council said.", 900,
     "displaced"),
    ("More than 600 families have fled the hill villages, the agency said.", 600, "evacuated"),
    ("Since March, 14 community organisers have been murdered in the province.", 14, "killed"),
])
def test_people_no_list_names_are_counted_when_a_verb_of_harm_befalls_them(
        sentence: str, low: float, metric: str) -> None:
    assert claim_of(f"War in Colombia.\n\n{sentence}", low).metric == metric


def test_things_a_verb_of_harm_does_not_befall_are_no_toll() -> None:
    text = "War in Colombia.\n\nGunmen killed five farmers in three raids on coffee estates."
    assert [c.low for c in claims(text)] == [5]


def test_a_bare_part_of_a_toll_after_including_counts_the_tolls_dead() -> None:
    text = ("War in Yemen.\n\nThe toll from the strikes on Hodeidah rose to 318, the health "
            "office said on Sunday, including 27 in the past day.")
    part = claim_of(text, 27)
    assert (part.metric, part.claimant) == ("killed", "health office")


@pytest.mark.parametrize("need", ["remain trapped in the old town", "are facing famine",
                                  "are still starving in the camps"])
def test_a_bare_figure_of_people_in_need_is_counted(need: str) -> None:
    text = (f"Siege of the city.\n\nThe aid agencies said on Monday that about 180,000 {need}, "
            f"as shelling went on.")
    assert claim_of(text, 180000).metric == "other"


def test_who_speaks_after_the_comma_is_not_more_of_the_dead() -> None:
    text = ("War in the hills.\n\nArmy airstrikes on a market town killed 23 people, villagers "
            "said on Sunday.")
    assert [(c.metric, c.low) for c in claims(text)] == [("killed", 23)]


def test_what_befell_captives_is_their_metric() -> None:
    text = ("War in the north.\n\nThe rebels said on Friday that four hostages had been killed "
            "in an air raid on their camp.")
    assert claim_of(text, 4).metric == "killed"
    held = "War in the north.\n\nThe rebels still hold 31 hostages, the government says."
    assert claim_of(held, 31).metric == "captured"


def test_a_verb_right_before_a_borrowed_figure_tells_its_metric() -> None:
    text = ("War in the north.\n\nThe militia seized 120 prisoners near the ford, killing dozens "
            "more, the governor said.")
    assert claim_of(text, 120).metric == "captured"
    assert claim_of(text, 24).metric == "killed"


@pytest.mark.parametrize(("text", "low", "metric"), [
    ("The Indian navy sent 9 patrol vessels to the Andaman Sea after the incident.", 9, "other"),
    ("Turkey dispatched 40 armoured vehicles to the Idlib front on Sunday.", 40, "other"),
    ("Norway sent 8 Leopard tanks to Ukraine in the spring.", 8, "weapons_supplied"),
    ("Tehran sent 300 drones to the Houthis last year, officials say.", 300, "weapons_supplied"),
])
def test_equipment_sent_to_ground_is_a_force_and_sent_to_a_side_a_supply(
        text: str, low: float, metric: str) -> None:
    assert claim_of(text, low).metric == metric


@pytest.mark.parametrize(("text", "low", "metric"), [
    ("Rescue officials said 14 of their firefighters had been killed since the summer.", 14,
     "civilians_killed"),
    ("Rebel shelling hit the market in the besieged town, killing 6 shepherds and 3 "
     "pilgrims, police said.", 3,
     "civilians_killed"),
    ("Nine contractors were wounded when the convoy hit a mine, the company said.", 9,
     "wounded"),
])
def test_people_by_their_trade_or_age_are_counted_when_harmed(
        text: str, low: float, metric: str) -> None:
    assert claim_of(text, low).metric == metric


def test_people_by_their_trade_with_nothing_befalling_them_are_no_claim() -> None:
    assert not claims("Some 300 nurses and 40 teachers joined the march in the capital.")


def test_a_running_tally_line_counts_what_its_label_names() -> None:
    text = ("The defence ministry's morning update on enemy losses: Personnel: around 61,200 "
            "(+310). Helicopters: 58 (+1). Tanks: 1,471 (+4).")
    got = {c.low: c for c in claims(text)}
    assert got[61200].metric == "killed_or_wounded"
    assert got[58].metric == "aircraft_lost" and got[1471].metric == "tanks_lost"
    assert all(c.claimant != "Tanks" and c.claimant != "Helicopters" for c in got.values())
    assert 310 not in got and 1 not in got and 4 not in got  # the day's rise is no total


def test_a_label_without_a_daily_rise_counts_a_force_not_a_loss() -> None:
    got = {c.low: c for c in claims("Rebel strength in the province, by the army's estimate. "
                                    "Fighters: 4,500. Trucks: 120.")}
    assert got[4500].metric == "troops"
    assert got[120].metric == "other"


@pytest.mark.parametrize(("text", "low", "metric"), [
    ("Analysts at the institute put Ethiopian army casualties at about 9,000 for the month.",
     9000, "killed_or_wounded"),
    ("A UN report put rebel losses at some 2,500 since January.", 2500, "killed"),
])
def test_a_count_of_losses_put_at_a_bare_figure_is_a_claim(
        text: str, low: float, metric: str) -> None:
    assert claim_of(text, low).metric == metric


@pytest.mark.parametrize(("text", "low", "metric"), [
    ("Some 14,000 villagers crossed into Niger to escape the fighting, the UN said.", 14000,
     "displaced"),
    ("Nearly 90,000 people fled their homes after the militia offensive, aid agencies said.",
     90000, "displaced"),
    ("About 3,100 soldiers remain in enemy captivity, the army's ombudsman said.", 3100,
     "captured"),
])
def test_people_who_escape_or_are_held_are_displaced_or_captured(
        text: str, low: float, metric: str) -> None:
    assert claim_of(text, low).metric == metric


def test_an_ombudsman_or_a_coroner_is_a_source() -> None:
    got = claim_of("Some 40 fighters were killed in the raid, the regional ombudsman said.", 40)
    assert got.claimant is not None and "ombudsman" in got.claimant


def test_years_ratios_and_other_things_are_no_toll() -> None:
    text = ("An inquiry found that some 9,000 people were killed between 1991 and 2002. Rebels "
            "now hold 1 in 4 districts, and the army lost 23 outposts in March.")
    got = {c.low for c in claims(text)}
    assert got == {9000}, got


def test_a_bare_toll_before_a_span_of_time_or_others_still_counts() -> None:
    got = {c.low: c.metric for c in claims(
        "Army shelling killed 14 over two days and wounded 30 others, medics said.")}
    assert got == {14: "killed", 30: "wounded"}, got


@pytest.mark.parametrize(("text", "low", "metric"), [
    ("Some 14 Algerian Su-30 fighters flew over the border zone on Monday, officials said.",
     14, "other"),
    ("Rebels advanced on the capital. At least 60 elements of the presidential guard were "
     "flown to the north overnight.", 60, "troops"),
    ("The navy moved four landing craft to the island before dawn, the ministry said.", 4,
     "other"),
    ("Fighting raged near the front. About 3,000 foreigners have registered to fight for the "
     "legion, the ministry said.", 3000, "volunteers"),
])
def test_forces_counted_by_their_kind(text: str, low: float, metric: str) -> None:
    assert claim_of(text, low).metric == metric


def test_troops_flown_out_on_flights_registered_at_an_airport_are_no_volunteers() -> None:
    text = ("French troops are leaving the country. Two special flights were registered at the "
            "airport for the departure of 85 elements of the special forces, the junta said.")
    assert claim_of(text, 85).metric == "troops"


def test_a_toll_that_passes_a_figure_and_the_gravely_wounded_are_counted() -> None:
    got = {c.low: c.metric for c in claims(
        "Sudan war toll tops 61,000, a study says. Army: 6 soldiers killed, 3 critically "
        "wounded near Babanusa.")}
    assert got.get(61000) == "killed" and got.get(3) == "wounded", got


@pytest.mark.parametrize(("text", "value"), [
    ("War in Sudan.\n\nShelling hit the market in Kadugli on Sunday; 23 people were hospitalised, "
     "a nurse at the town's clinic said.", 23),
    ("War in Sudan.\n\nA drone struck a bus near Kosti, and 11 passengers suffered burns, the "
     "state health office said.", 11),
    ("War in Sudan.\n\nAfter the strike on the depot, 19 were taken to hospital in Rabak, "
     "local officials said.", 19),
    ("War in Sudan.\n\nAt least 8 needed surgical treatment after the shelling of Babanusa, the "
     "charity said.", 8),
])
def test_people_hospitals_treat_after_an_attack_are_wounded(text: str, value: int) -> None:
    assert claim_of(text, value).metric == "wounded"


def test_a_bare_figure_that_went_missing_is_missing() -> None:
    text = ("War in Sudan.\n\nThe boat carrying recruits was hit on the Nile near Kosti, and 14 "
            "went missing, the army said.")
    assert claim_of(text, 14).metric == "missing"


@pytest.mark.parametrize(("noun", "value"), [("gendarmes", 300), ("police", 450),
                                            ("guerrillas", 1200), ("airmen", 60)])
def test_people_of_a_force_by_their_corps_are_counted_as_a_force(noun: str, value: int) -> None:
    text = (f"War in Mali.\n\nThe junta moved {value} {noun} to Menaka over the weekend to "
            "hold the road, a security source said.")
    assert claim_of(text, value).metric == "troops"


@pytest.mark.parametrize(("text", "value"), [
    ("War in Myanmar.\n\nAbout 45,000 people fled the fighting around Lashio last month, aid "
     "groups said.", 45_000),
    ("War in Sudan.\n\nThe offensive has forced 120,000 people to flee Sennar state, the IOM "
     "said.", 120_000),
    ("War in Gaza.\n\nThe assault drove 90,000 people from their homes in Jabalia, the UN "
     "agency estimated.", 90_000),
    ("War in Sudan.\n\nSome 30,000 people have sought refuge in Tawila since May, the agency "
     "said.", 30_000),
])
def test_people_who_flee_a_war_are_displaced(text: str, value: int) -> None:
    assert claim_of(text, value).metric == "displaced"


def test_people_who_flee_in_buses_are_evacuated() -> None:
    text = ("War in Ukraine.\n\nSome 1,800 residents managed to flee in 90 buses on Tuesday, the "
            "city council said.")
    assert claim_of(text, 1800).metric == "evacuated"


@pytest.mark.parametrize(("text", "value", "metric"), [
    ("War in Ukraine.\n\nThe air force admitted it had lost four MiG-29s since the spring.", 4,
     "aircraft_lost"),
    ("War in Ukraine.\n\nKyiv said Russia had lost 27 T-80s near Vuhledar in a week.", 27,
     "tanks_lost"),
])
def test_machines_counted_by_their_model_are_equipment(text: str, value: int,
                                                       metric: str) -> None:
    assert claim_of(text, value).metric == metric


@pytest.mark.parametrize(("text", "part", "whole"), [
    ("War in Ukraine.\n\nThe brigade lost 45 of its 160 armoured vehicles in the assault, the "
     "general staff said.", 45, 160),
    ("War in Ukraine.\n\nThe air force said 23 of 31 drones were shot down overnight.", 23, 31),
])
def test_the_whole_a_loss_is_counted_from_is_no_loss(text: str, part: int, whole: int) -> None:
    lows = [c.low for c in claims(text)]
    assert part in lows and whole not in lows


def test_the_toll_a_part_is_counted_from_stays_a_toll() -> None:
    assert claim_of("War in Sudan.\n\nFour of the 17 dead were children, the ministry said.",
                    17).metric == "killed"


@pytest.mark.parametrize(("text", "value", "metric"), [
    ("War in Sudan.\n\nThe drone strike killed a local commander and at least 16 others near "
     "Kadugli, the army said.", 16, "killed"),
    ("War in Ukraine.\n\nThe missile wounded the deputy mayor and 23 others in Zaporizhzhia, "
     "the governor said.", 23, "wounded"),
])
def test_a_toll_named_by_its_remainder_counts(text: str, value: int, metric: str) -> None:
    assert claim_of(text, value).metric == metric


def test_a_death_toll_label_counts_the_dead() -> None:
    text = "Strikes on Kharkiv\n\nDeath toll: 23. Wounded: 61. Source: regional police.\n"
    assert claim_of(text, 23).metric == "killed"


def test_the_members_of_a_parliament_are_no_force() -> None:
    text = ("War in Ukraine.\n\nUkraine's parliament has 450 members, and 301 voted for the "
            "defence budget on Thursday.")
    assert 450 not in [c.low for c in claims(text)]


@pytest.mark.parametrize("text", [
    "War in Sudan.\n\nAid groups say 640,000 internally displaced people now shelter in schools "
    "around Kassala.",
    "War in Myanmar.\n\nThere are now 2.3 million internally displaced people across the "
    "country, the UN said.",
])
def test_internally_displaced_people_are_a_displacement_figure(text: str) -> None:
    found = claims(text)
    assert [c.metric for c in found] == ["displaced"]


@pytest.mark.parametrize("text", [
    "War in South Sudan\n\n8,000 flee fighting in Jonglei, aid agencies say\n\nThe clashes "
    "began on Friday.",
    "War in Sudan\n\nThousands fleeing the siege of Kadugli reach the border\n\nAid workers "
    "described long queues.",
])
def test_people_who_flee_in_a_headline_are_displaced(text: str) -> None:
    assert [c.metric for c in claims(text)] == ["displaced"]
