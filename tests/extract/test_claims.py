"""War-toll claims, one behaviour per sentence written for the project."""

from __future__ import annotations

from sitrep.extract.claims import find_claims
from sitrep.records import Claim
from tests.extract.parsed import parsed_doc


def claims_of(text: str, published: str | None = None) -> list[Claim]:
    return find_claims(parsed_doc(text, published))


def figures(claims: list[Claim]) -> list[tuple[str, float | None, float | None]]:
    return [(c.metric, c.low, c.high) for c in claims]


def test_claims_read_a_loss_with_its_claimant_and_subject() -> None:
    [c] = claims_of("Analysts at Oryx estimated on Friday that Belarus had lost 310 trucks.")
    assert (c.claimant, c.subject, c.metric, c.low, c.high) == ("Oryx", "Belarus",
                                                                "vehicles_lost", 310, 310)


def test_claims_read_up_to_as_upper_bound() -> None:
    [c] = claims_of("Western officials say up to 4,000 Russian soldiers have died near the river.")
    assert (c.metric, c.low, c.high, c.subject) == ("killed", None, 4000, "Russia")


def test_claims_read_at_least_as_lower_bound() -> None:
    [c] = claims_of("At least 35 Ukrainian marines were wounded, the navy said.")
    assert (c.metric, c.low, c.high, c.subject, c.claimant) == ("wounded", 35, None, "Ukraine",
                                                                 "navy")


def test_claims_split_a_sentence_with_several_figures() -> None:
    found = claims_of("The Pentagon believes 900 Russian troops were killed last week, while "
                      "another 1,800 to 2,700 were wounded.")
    assert figures(found) == [("killed", 900, 900), ("wounded", 1800, 2700)]
    assert {c.claimant for c in found} == {"Pentagon"}
    assert {c.subject for c in found} == {"Russia"}


def test_claims_give_each_coordinated_noun_the_vague_figure() -> None:
    found = claims_of("Hundreds of helicopters and tanks have been destroyed, Kyiv says.")
    assert figures(found) == [("aircraft_lost", 200, 999), ("tanks_lost", 200, 999)]


def test_claims_read_an_elided_noun_from_the_figure_before() -> None:
    found = claims_of("Oryx says 410 Russian tanks were captured, 52 damaged and 17 abandoned.")
    assert figures(found) == [("tanks_lost", 410, 410), ("tanks_lost", 52, 52),
                              ("tanks_lost", 17, 17)]


def test_claims_read_a_bare_figure_after_a_loss_verb_as_the_last_noun() -> None:
    found = claims_of("Oryx counted 800 lost Russian vehicles. Ukraine has lost 220, it added.")
    assert found[-1].metric == "vehicles_lost" and found[-1].subject == "Ukraine"


def test_claims_take_the_recipient_as_subject_of_supplies() -> None:
    [c] = claims_of("Germany has delivered 18 Leopard 2 tanks to Ukraine.")
    assert (c.metric, c.subject, c.low) == ("weapons_supplied", "Ukraine", 18)


def test_claims_take_the_victims_not_the_attackers_as_subject() -> None:
    [c] = claims_of("Israeli strikes killed 40 Syrian soldiers near Damascus, a monitor said.")
    assert c.subject == "Syria"


def test_claims_read_according_to_as_claimant() -> None:
    [c] = claims_of("Some 9,000 conscripts have been killed, according to the Institute for Study.")
    assert c.claimant == "Institute for Study"


def test_claims_leave_the_claimant_empty_for_the_outlet_own_figures() -> None:
    [c] = claims_of("Thousands of drones have been lost, according to recent counts.")
    assert c.claimant is None and c.metric == "other"


def test_claims_resolve_a_pronoun_claimant_to_the_person_named_before() -> None:
    text = ("The figure is disputed, said Maria Kovacs, an analyst at a think tank. "
            "She estimated that 1,100 armoured vehicles had been destroyed.")
    assert claims_of(text)[0].claimant == "Maria Kovacs"


def test_claims_read_a_capital_as_its_country() -> None:
    [c] = claims_of("Kyiv has admitted that 95 of its pilots have been killed.")
    assert c.claimant == "Ukraine"


def test_claims_read_force_sizes_as_troops() -> None:
    [c] = claims_of("An estimated 60,000 North Korean soldiers have been deployed to the front.")
    assert (c.metric, c.subject, c.low) == ("troops", "North Korea", 60000)


def test_claims_read_reservists_and_volunteers() -> None:
    assert claims_of("Serbia has mobilised 45,000 reservists.")[0].metric == "reservists"
    assert claims_of("Georgia says 3,000 people have signed up as volunteers.")[0].metric \
        == "volunteers"


def test_claims_read_civilians_fleeing_in_buses_as_evacuated() -> None:
    # fled a town with no ride named is displaced (test_claims_readings.py)
    [c] = claims_of("About 4,000 residents fled the town of Kupiansk in buses on Sunday.")
    assert (c.metric, c.low) == ("evacuated", 4000)


def test_claims_read_civilian_deaths_and_the_part_they_include() -> None:
    found = claims_of("The strike killed 14 civilians, including three children, officials said.")
    assert figures(found) == [("civilians_killed", 14, 14), ("civilians_killed", 3, 3)]


def test_claims_skip_figures_that_count_nothing_of_the_war() -> None:
    text = ("The 45-year-old colonel spoke for two hours in a hall 30 miles from the border on "
            "June 4, 2023. He has five children and earns $2,000 a month. Prices rose 12%. "
            "Dozens of diplomats left the room. Some 300,000 people live in the city.")
    assert claims_of(text) == []


def test_claims_skip_the_vehicles_used_to_flee() -> None:
    found = claims_of("Some 1,200 people managed to flee in 300 cars and 40 buses on Monday.")
    assert figures(found) == [("evacuated", 1200, 1200)]


def test_claims_keep_a_restated_figure_once() -> None:
    text = ("Poland lost 12 helicopters, including 4 gunships. Poland lost 12 helicopters in "
            "March, a report said.")
    assert figures(claims_of(text)).count(("aircraft_lost", 12, 12)) == 1


def test_claims_date_a_figure_from_the_publication_date() -> None:
    [c] = claims_of("Romania said on Monday that 70 of its troops were injured.", "2024-05-08")
    assert c.date == "2024-05-06"


def test_claims_evidence_points_back_at_the_raw_text() -> None:
    text = "Officials said 16 Chinese warships were seen near the island."
    [c] = claims_of(text)
    assert text[c.evidence.start:c.evidence.end] == c.evidence.text
    assert "16 Chinese warships" in c.evidence.text and c.rule


def test_first_person_claimant_inside_a_quote_is_the_speaker() -> None:
    import sitrep

    doc = sitrep.process("Marta Kovalenko, a farmer who lives by the road, said: 'I counted at "
                         "least forty tanks on the road to Sumy, and more came later.'")
    figures = [c for c in doc.claims if c.low == 40]
    assert figures, doc.claims
    assert all(c.claimant and "Kovalenko" in c.claimant for c in figures)


# --- written for the unseen-news issue: sources as live blogs write them, forces counted ------
def test_a_source_and_a_colon_opening_a_line_state_the_figure() -> None:
    [c] = claims_of("Interior ministry: 23 police officers wounded in the border clashes "
                    "overnight.")
    assert (c.claimant, c.metric, c.low) == ("Interior ministry", "wounded", 23)


def test_per_names_the_source_like_according_to() -> None:
    [c] = claims_of("Rebel fighters lost at least 60 men near the dam, per the Kivu monitoring "
                    "group.")
    assert c.claimant == "Kivu monitoring group"
    assert c.low == 60


def test_an_armed_force_speaks_as_itself_not_as_its_country() -> None:
    [c] = claims_of("The IDF said 14 soldiers were wounded in the raid on the camp.")
    assert c.claimant == "IDF"


def test_witnesses_and_diplomats_are_sources() -> None:
    # passengers are civilians: the strike killed no soldiers
    [c] = claims_of("A drone strike on the ferry killed 19 passengers, witnesses said.")
    assert (c.claimant, c.metric, c.low) == ("witnesses", "civilians_killed", 19)


def test_units_and_singular_ships_are_counted() -> None:
    got = figures(claims_of("The navy lost one submarine and two destroyers, and 45 enemy units "
                            "were destroyed in the same week, the ministry said."))
    assert ("ships_lost", 1, 1) in got and ("other", 45, 45) in got


def test_figures_in_scare_quotes_count_what_follows() -> None:
    got = figures(claims_of("The army said 'dozens of terrorists' were killed near the pass, "
                            "and \"a dozen\" rebels surrendered."))
    assert [m for m, _, _ in got] == ["killed", "captured"]
    assert got[1][1:] == (12, 12)


def test_drones_bombs_and_rifles_are_equipment() -> None:
    got = figures(claims_of("Overnight the enemy lost 40 UAVs, the General Staff said."))
    assert got == [("other", 40, 40)]


def test_a_share_of_the_dead_without_its_own_noun_is_read_not_a_crash() -> None:
    # "20 of them children": the figure borrows its kind from the dead before it, with no noun
    got = figures(claims_of("Hospital staff said 35 people were killed, 20 of them children."))
    assert ("killed", 35, 35) in got and ("killed", 20, 20) in got


def test_claims_resolve_it_to_the_subject_before_not_the_last_name() -> None:
    # "it" goes on with the subject of the sentence before, not a name its object or a phrase
    # of it ended on ("the Arakan Army", "Eritrea")
    text = ("Chad has filed a protest with Sudan over shelling near the Adre crossing held by "
            "the Rapid Support Forces. It said 14 civilians had been killed since March.")
    assert claims_of(text)[0].claimant == "Chad"
    text = ("Ethiopia accused Eritrea of moving artillery to the border opposite Zalambessa. "
            "It says nine soldiers died in the exchange.")
    assert claims_of(text)[0].claimant == "Ethiopia"
    text = ("The Malian government complained to ECOWAS about raids by fighters near Menaka. "
            "It said 22 villagers were killed last week.")
    assert claims_of(text)[0].claimant == "Malian government"


def test_a_speaker_in_a_clause_of_time_after_the_comma_is_no_claimant() -> None:
    # "…, days after X announced…": X speaks in its own clause, not for the figure before it
    [c] = claims_of("Forty soldiers were wounded near the dam, days after Nairobi announced a "
                    "ceasefire.")
    assert c.claimant is None
    [c] = claims_of("Forty soldiers were wounded near the dam, a Kenyan army spokesman said.")
    assert c.claimant is not None and "spokesman" in c.claimant


def test_a_trailing_it_said_is_not_the_side_its_clause_names() -> None:
    # "…, it said" after "Ethiopia lost 300": it is the command that briefed, not Ethiopia
    text = ("Tigray's regional command held a briefing on Monday. Ethiopia lost 300 soldiers "
            "in the valley, it said. It also reported nine tanks destroyed.")
    found = claims_of(text)
    assert [c.claimant for c in found] == ["Tigray's regional command"] * len(found)
    assert [c.low for c in found] == [300, 9]


def test_a_source_is_named_without_the_article_that_opens_it() -> None:
    [c] = claims_of("Russia lost 40 tanks near the reservoir, according to an open-source "
                    "analyst.")
    assert c.claimant == "open-source analyst"
    [c] = claims_of("A local monitoring group said 26 fighters were killed near the pass.")
    assert c.claimant == "local monitoring group"
