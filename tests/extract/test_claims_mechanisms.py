"""Claims: kinds of figure and attribution from issue 12, each on sentences written for it."""

from __future__ import annotations

import sitrep
from sitrep.extract.claims import find_claims
from sitrep.records import Claim
from tests.extract.parsed import parsed_doc


def claims_of(text: str) -> list[Claim]:
    return find_claims(parsed_doc(text))


def figures(claims: list[Claim]) -> list[tuple[str, float | None, float | None]]:
    return [(c.metric, c.low, c.high) for c in claims]


def test_number_as_a_verb_gives_the_size_of_a_force() -> None:
    found = claims_of("The militia's brigades now number some 9,500, the regional governor said.")
    assert figures(found) == [("troops", 9500, 9500)]


def test_number_as_a_label_is_still_no_claim() -> None:
    assert claims_of("The convoy left on route number 12 with aid for the region.") == []


def test_a_figure_listed_after_a_force_shares_its_noun() -> None:
    found = claims_of("About 2,600 Belgian soldiers were deployed in the region, including "
                      "around 1,900 in the capital and 700 at three outposts in the north.")
    assert figures(found) == [("troops", 2600, 2600), ("troops", 1900, 1900),
                              ("troops", 700, 700)]


def test_the_other_side_of_a_comparison_shares_the_noun() -> None:
    found = claims_of("Officials said 7,200 troops were stationed along the river, up from "
                      "about 4,100 a year earlier.")
    assert figures(found) == [("troops", 7200, 7200), ("troops", 4100, 4100)]


def test_a_figure_of_whom_counts_the_figure_before() -> None:
    found = claims_of("The regiment lost 340 men in the spring, 120 of whom were killed near "
                      "the dam, its commander said.")
    assert figures(found) == [("killed", 340, 340), ("killed", 120, 120)]


def test_a_borrowed_casualty_noun_takes_the_metric_of_its_own_verb() -> None:
    found = claims_of("The observatory counted 1,150 deaths in the province in May. It said "
                      "another 630 were wounded.")
    assert figures(found) == [("killed", 1150, 1150), ("wounded", 630, 630)]


def test_a_part_of_our_soldiers_is_a_toll_of_the_speakers_side() -> None:
    [c] = claims_of("Estonia's defence ministry said 14 of our soldiers were wounded by the blast.")
    assert (c.metric, c.low, c.subject) == ("wounded", 14, "Estonia")


def test_one_of_the_countrys_soldiers_killed_is_a_toll_of_one() -> None:
    [c] = claims_of("Chile's army said one of the country's soldiers was killed in the clash.")
    assert (c.metric, c.low, c.subject) == ("killed", 1, "Chile")


def test_one_of_several_units_is_still_no_toll() -> None:
    assert claims_of("One of the brigades crossed the river at dawn, the army said.") == []


def test_the_report_states_for_the_organisation_that_published_it() -> None:
    found = claims_of("Human Rights Watch released its findings on Monday. The report says "
                      "310 prisoners of war died in the camps.")
    assert [c.claimant for c in found] == ["Human Rights Watch"]


def test_a_report_by_an_organisation_is_that_organisation_speaking() -> None:
    [c] = claims_of("A study by the Centre for Armed Violence Research found that 2,700 "
                    "fighters were killed in the war last year.")
    assert c.claimant == "Centre for Armed Violence Research"


def test_people_who_fled_to_a_country_are_not_its_displaced() -> None:
    [c] = sitrep.process("Aid groups said 45,000 people have fled the fighting in Sudan into "
                         "neighbouring Chad.").claims
    assert c.subject == "Sudan"


def test_the_side_after_from_is_the_name_right_after_it() -> None:
    [c] = sitrep.process("Aid groups said 62,000 people from Darfur have fled the war to "
                         "Chad.").claims
    assert c.subject == "Sudan"


def test_a_title_stands_for_the_person_named_with_it_before() -> None:
    found = claims_of("Major Selim Vartanov, who leads the garrison, met journalists on Friday. "
                      "\"We have lost 70 soldiers since the siege began,\" the major said.")
    assert [c.claimant for c in found] == ["Selim Vartanov"]


def test_a_junta_or_a_regime_speaks_as_an_institution() -> None:
    [c] = claims_of("About 90 soldiers were killed in the ambush, the junta said, without "
                    "naming the group behind it.")
    assert c.claimant == "junta"


def test_according_to_a_tally_by_a_source_is_that_source() -> None:
    [c] = claims_of("The fighting has killed 430 people since May, according to a tally by "
                    "the Armed Violence Monitor.")
    assert c.claimant == "Armed Violence Monitor"


def test_a_side_claiming_its_own_kills_reports_its_enemys_losses() -> None:
    found = claims_of("Fighting between Eritrea and Ethiopia flared again on the border. "
                      "Eritrea's army said on Monday it had killed 85 soldiers near the river.")
    [c] = [c for c in found if c.low == 85]
    assert c.subject == "Ethiopia"


def test_a_running_total_is_a_claim_of_what_it_totals() -> None:
    found = claims_of("The monitor counted 870 civilian deaths in June, taking the total since "
                      "the offensive began to 6,350.")
    assert figures(found) == [("civilians_killed", 870, 870), ("civilians_killed", 6350, 6350)]


def test_a_number_word_with_thousands_in_digits_is_read_whole() -> None:
    [c] = claims_of("The army said two,000 to three,000 reservists had been called up.")
    assert (c.metric, c.low, c.high) == ("reservists", 2000, 3000)


def test_figures_that_count_the_informants_are_no_claims() -> None:
    found = claims_of("At least 52 soldiers died in the ambush during the war, three security "
                      "sources told the agency, citing two army officers.")
    assert figures(found) == [("killed", 52, None)]


def test_according_to_a_country_names_no_recipient_of_weapons() -> None:
    [c] = claims_of("Belarus has delivered 140 artillery shells to the militia, according to "
                    "Polish officials.")
    assert c.subject != "Poland"


def test_he_is_the_person_who_is_the_subject_just_before() -> None:
    found = claims_of("Army spokesman Colonel Idris Kane told reporters the town was calm. "
                      "Interior Minister Sofia Lind toured the border on Friday. She said 230 "
                      "rebel fighters had been captured in the war.")
    assert [c.claimant for c in found] == ["Sofia Lind"]


def test_people_in_need_are_counted_as_other() -> None:
    found = claims_of("The blockade of the city during the war has left 180,000 residents "
                      "starving, the aid agency said.")
    assert figures(found) == [("other", 180000, 180000)]


def test_a_population_is_no_toll() -> None:
    found = claims_of("The war has uprooted 6 million of the country's 31 million people.")
    assert [c.low for c in found] == [6_000_000]


def test_a_gallery_counter_is_no_figure_but_the_caption_is_read() -> None:
    found = claims_of("4 of 9 | Somalis displaced by the war queue for water in a camp where "
                      "14 people were killed last week.")
    assert [c.low for c in found] == [14]


def test_a_wars_toll_falls_to_the_country_not_the_armed_group_named_most() -> None:
    found = claims_of("Al-Shabaab fighters attacked two towns on Friday. Al-Shabaab said the "
                      "raids were revenge. Al-Shabaab has waged an insurgency in Somalia for "
                      "years. The insurgency has killed tens of thousands of people.")
    assert [c.subject for c in found] == ["Somalia"]


def test_a_side_named_with_its_allies_as_the_killers_is_not_the_victim() -> None:
    found = claims_of("Investigators said the RSF and allied militias killed up to 9,000 people "
                      "in the Sudanese town over two weeks.")
    assert [c.subject for c in found] == ["Sudan"]


def test_the_side_named_after_of_owns_the_counted_people() -> None:
    by_neighbour = claims_of("Burkinabe officials said 26 soldiers of the Malian army were killed "
                             "in an ambush near the border.")
    by_enemy = claims_of("Israel's military said 14 fighters of Hamas were killed in the raid "
                         "on the camp.")
    assert [(c.low, c.subject) for c in by_neighbour] == [(26, "Mali")]
    assert [(c.low, c.subject) for c in by_enemy] == [(14, "Hamas")]


def test_those_a_claimant_says_it_killed_are_never_its_own_side() -> None:
    found = claims_of("The Tanzanian army said it had killed 64 insurgents in an offensive "
                      "against rebel camps.")
    assert [c.low for c in found] == [64]
    assert found[0].subject != "Tanzania"


def test_delivered_arms_count_for_who_receives_them_not_who_made_them() -> None:
    received = claims_of("Tensions rose along the frontier. Chad received 8 Turkish armed drones "
                         "last year, according to a research group.")
    sent = claims_of("Tensions rose along the frontier. Germany will deliver 14 French-made "
                     "howitzers to Ukraine by spring, the ministry said.")
    assert [(c.low, c.metric, c.subject) for c in received] == [(8, "weapons_supplied", "Chad")]
    assert [(c.low, c.subject) for c in sent] == [(14, "Ukraine")]


def test_a_named_force_that_has_or_numbers_men_is_their_owner() -> None:
    has = claims_of("Clashes spread across the valley. Kenya's army estimates the Northern "
                    "Liberation Front has about 4,000 fighters.")
    numbers = claims_of("Clashes spread across the valley. The Coastal Defence Units number some "
                        "12,500 members, according to the finance ministry.")
    assert [(c.low, c.subject) for c in has] == [(4000, "Northern Liberation Front")]
    assert [(c.low, c.subject) for c in numbers] == [(12500, "Coastal Defence Units")]


def test_the_parts_of_a_listed_figure_belong_to_the_whole_s_side() -> None:
    found = claims_of("About 2,000 Chadian troops were deployed alongside the Sudanese, including "
                      "some 1,500 in Darfur and 500 at a base near Abeche.")
    assert [(c.low, c.subject) for c in found] == [(2000, "Chad"), (1500, "Chad"), (500, "Chad")]


def test_a_part_that_names_its_own_side_keeps_it() -> None:
    found = claims_of("Air strikes killed 30 people in the camp, including 11 Egyptian aid "
                      "workers, medics said.")
    assert [(c.low, c.subject) for c in found if c.low == 11] == [(11, "Egypt")]


def test_a_force_counted_in_a_movement_is_the_movements_owners() -> None:
    doc = sitrep.process(
        "Ukraine war. Ukraine's commanders in Kharkiv said Ukraine would hold, and Ukraine's "
        "allies promised more shells.\n\nRussian troops massed near Belgorod last week. On "
        "Monday they moved more than 40 tanks to the border, Ukraine's army said.")
    assert [m.actor for m in doc.movements if "40 tanks" in m.evidence.text] == ["Russia"]
    assert [(c.low, c.subject) for c in doc.claims] == [(40, "Russia")]
