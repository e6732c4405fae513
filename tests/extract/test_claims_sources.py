"""Who a figure is credited to when its own sentence names no one: the source the article's lead
cites, the organisation a described speaker works at, the one a sentence says reported the figures
("was reported by X"), the office that released the figures cited, and no one for a passive "is
believed"."""

from __future__ import annotations

import pytest

from tests.extract.claim_helpers import claim_of, claims

IDLIB = """Clashes flare in northwest Syria

The Syrian Observatory for Human Rights said on Friday that fighting had flared again on the \
edges of Idlib province after a week of relative calm.

Government artillery pounded villages south of the city overnight. At least 23 fighters were \
killed in the clashes and 9 civilians died in air raids on a market.
"""

BORDER = """Shelling resumes on the border

Shelling resumed along the northern border overnight, Armenia's defence ministry reported.

Four Armenian soldiers were wounded near the village of Sotk, and a house was set on fire.
"""

UNSOURCED = """Shelling resumes on the border

Shelling resumed along the northern border overnight after two quiet weeks.

Four soldiers were wounded near the village, and a house was set on fire.
"""

SEOUL = """Seoul's spy agency told lawmakers on Thursday that Pyongyang is believed to have \
shipped about 2,000 more soldiers to Russia.
"""

ARTILLERY = """A team of researchers at the Conflict Armament Lab said Russia had lost more than \
400 artillery pieces since the spring.
"""


def test_unattributed_figures_are_the_lead_sources() -> None:
    assert claim_of(IDLIB, 23).claimant == "Syrian Observatory for Human Rights"
    assert claim_of(IDLIB, 9).claimant == "Syrian Observatory for Human Rights"


def test_a_lead_that_cites_its_source_at_the_end_credits_it() -> None:
    c = claim_of(BORDER, 4)
    assert (c.metric, c.claimant) == ("wounded", "Armenia's defence ministry")


def test_a_lead_without_a_source_leaves_figures_to_the_outlet() -> None:
    assert claim_of(UNSOURCED, 4).claimant is None


def test_a_passive_believed_is_no_speaker_the_teller_is() -> None:
    c = claim_of(SEOUL, 2000)
    assert c.claimant is not None and "spy agency" in c.claimant


def test_researchers_at_an_organisation_speak_for_it() -> None:
    assert claim_of(ARTILLERY, 400).claimant == "Conflict Armament Lab"


BUNKER = """Two guards were killed and three others wounded when a drone hit the checkpoint, the \
district police said. Nine villagers died and 21 were wounded in a second strike.
"""

ACCUSED = """Tajikistan accused Kyrgyzstan of killing three of its border guards near the disputed \
enclave.
"""

INQUIRY = """A Human Rights Watch report found that at least 140 civilians had been killed in the \
raids on the northern villages.
"""


def test_a_cue_across_and_belongs_to_the_other_figure() -> None:
    assert claim_of(BUNKER, 2).metric == "killed"
    assert claim_of(BUNKER, 3).metric == "wounded"
    assert claim_of(BUNKER, 9).metric == "civilians_killed"
    assert claim_of(BUNKER, 21).metric == "wounded"


def test_the_accuser_states_the_figure() -> None:
    c = claim_of(ACCUSED, 3)
    assert (c.metric, c.claimant) == ("killed", "Tajikistan")


def test_a_report_that_found_a_figure_is_its_organisations() -> None:
    c = claim_of(INQUIRY, 140)
    assert c.metric == "civilians_killed"
    assert c.claimant == "Human Rights Watch"


MONSOON = """Floods and a landslide hit the valley

Flash floods swept through three districts on Sunday, killing at least 64 people, the disaster \
agency said. Shelling killed 4 soldiers near the ceasefire line on the same day, the army said.
"""


def test_a_toll_of_floods_is_no_war_claim_a_toll_of_shelling_is() -> None:
    assert [c.low for c in claims(MONSOON)] == [4]


DEPOT = """A glide bomb hit a depot in the port, killing 6 workers and injuring 31, the regional \
governor said."""

HEADLINE = """Rebel drones kill 12 at army base, officials say"""


def test_a_figure_after_a_gerund_of_harm_is_counted() -> None:
    assert claim_of(DEPOT, 6).metric == "killed"
    assert claim_of(DEPOT, 31).metric == "wounded"


def test_a_headline_figure_after_kill_is_counted() -> None:
    assert claim_of(HEADLINE, 12).metric == "killed"


CASUALTIES = """Kyiv says Russian forces suffered 1,340 casualties near Pokrovsk in a single day, \
while a monitoring group counted 210 civilian casualties in the region last month."""

FRACTION = """The UN refugee agency said half a million people had fled the fighting in the east, \
and a quarter of a million more had been displaced inside the country."""


def test_casualties_count_the_killed_and_the_wounded() -> None:
    assert claim_of(CASUALTIES, 1340).metric == "killed_or_wounded"
    assert claim_of(CASUALTIES, 210).metric == "killed_or_wounded"


def test_a_fraction_of_a_million_is_that_fraction() -> None:
    assert claim_of(FRACTION, 500000).metric in ("evacuated", "displaced")
    assert claim_of(FRACTION, 250000).metric == "displaced"


STRUCK = """A Russian glide-bomb attack on a clinic in Zaporizhzhia killed 5 people on Monday, the \
regional governor said."""

STRUCK_BACK = """A Ukrainian drone attack on the Kursk region wounded 4 people, the region's \
acting governor said."""


def test_the_side_that_attacked_is_not_the_one_whose_dead_are_counted() -> None:
    assert claim_of(STRUCK, 5).subject == "Ukraine"
    assert claim_of(STRUCK_BACK, 4).subject == "Russia"


def test_the_enemy_of_a_side_is_never_a_peacekeeping_bloc() -> None:
    from collections import Counter

    from sitrep.extract.claims.subject import SubjectContext

    ctx = SubjectContext("", "Russia", {}, ["Russia", "UN", "Ukraine"], None,
                         Counter({"Russia": 3, "UN": 2, "Ukraine": 2}))
    assert ctx.opponent("Russia", 0) == "Ukraine"
    assert ctx.opponent("Ukraine", 0) == "Russia"


DATELINED = """MOGADISHU (Wire) - Somalia's army said on Thursday its troops had killed 27 \
al-Shabaab fighters in an assault on a camp near Jilib."""

STAMPED = """09:15 GMT: Lebanon's health ministry says 14 people were killed in strikes on \
villages east of Tyre."""


def test_a_dateline_the_parser_takes_for_a_subject_is_not_the_claimant() -> None:
    assert claim_of(DATELINED, 27).claimant == "Somalia's army"
    assert claim_of(STAMPED, 14).claimant == "Lebanon's health ministry"


RIGHTS_GROUPS = """Local rights groups said at least 31 civilians were killed when the militia \
raided the market in Bunia."""

VILLAGE = """Gunmen on motorbikes killed 14 farmers near Mopti, a village leader said."""

ANONYMOUS_SOURCE = """Four soldiers died when their patrol hit a mine near Gao, a military source \
said, speaking on condition of anonymity."""


def test_a_speaker_by_role_counts_in_the_plural_and_the_singular() -> None:
    assert claim_of(RIGHTS_GROUPS, 31).claimant == "Local rights groups"
    assert claim_of(VILLAGE, 14).claimant == "village leader"


def test_a_trailing_speaker_with_a_clause_after_it_is_the_claimant() -> None:
    assert claim_of(ANONYMOUS_SOURCE, 4).claimant == "military source"


SPLIT_AT_COMMA = """Strikes on Gaza

Israeli air strikes killed at least 43 Palestinians across the Gaza Strip on Tuesday, the \
territory's civil defence agency said."""


def test_a_sentence_the_parser_cut_before_its_trailing_speaker_keeps_it() -> None:
    assert claim_of(SPLIT_AT_COMMA, 43).claimant == "territory's civil defence agency"


SHOW_OF_FORCE = """Drills off the coast

Beijing sent 21 fighter jets and 7 warships toward the Penghu islands on Friday, Taiwan's \
defence ministry said.
"""

GIFT = """Aid for Kyiv

Norway has sent 14 self-propelled howitzers to Ukraine, its defence ministry said."""


def test_aircraft_and_ships_sent_toward_a_place_are_no_weapons_supplied() -> None:
    assert claim_of(SHOW_OF_FORCE, 21).metric == "other"
    assert claim_of(SHOW_OF_FORCE, 7).metric == "other"
    assert claim_of(GIFT, 14).metric == "weapons_supplied"


CUT_NAME = """Tally

Sudan Doctors Network said 1,230 people were killed in El Fasher in September, bringing the \
total since the siege began to 4,800."""


def test_a_name_the_parser_cut_apart_is_the_whole_claimant() -> None:
    assert claim_of(CUT_NAME, 1230).claimant == "Sudan Doctors Network"


def test_a_claim_verb_joined_to_the_reported_clause_keeps_the_reporting_speaker() -> None:
    # the parser hangs "and claimed" on "had repelled", inside what the army said
    text = ("The Sudanese army said its forces had repelled an attack on El Obeid and claimed "
            "that 60 RSF fighters were killed.")
    assert claim_of(text, 60).claimant == "Sudanese army"


def test_a_participle_of_speech_shares_the_reporting_verbs_speaker() -> None:
    text = ("The governor's office said 4 police officers had been killed by the second strike, "
            "adding that 17 more were wounded.")
    assert claim_of(text, 17).claimant == claim_of(text, 4).claimant
    assert "governor" in (claim_of(text, 17).claimant or "")


def test_figures_or_data_that_show_a_toll_speak_for_who_compiled_them() -> None:
    shown = claim_of("Figures from the provincial health office show 58 people were killed in "
                     "the riots.", 58)
    compiled = claim_of("Data compiled by the Uppsala Conflict Data Program shows 2,400 deaths "
                        "in the region last year.", 2400)
    assert "health office" in (shown.claimant or "")
    assert "Uppsala" in (compiled.claimant or "")


def test_a_headlines_kicker_before_its_colon_is_no_source() -> None:
    shouted = claims("CARNAGE AT THE CROSSING: 14 soldiers killed as convoy is ambushed")
    clause = claims("Militia routs garrison: 30 troops captured near the pass")
    assert [c.claimant for c in shouted] == [None]
    assert [c.claimant for c in clause] == [None]
    named = claim_of("Border police: 6 officers wounded in overnight attack", 6)
    assert named.claimant is not None and "police" in named.claimant.lower()


def test_the_source_in_a_figures_own_clause_comes_before_one_in_the_sentence() -> None:
    text = ("Serbia lost 40 soldiers near the bridge, according to Croatia, while Belgrade "
            "said it had killed 90 Croatian troops.")
    assert claim_of(text, 40).claimant == "Croatia"
    assert claim_of(text, 90).claimant == "Serbia"


def test_a_dateline_glued_before_the_speaker_is_not_part_of_its_name() -> None:
    drones = "KYIV - Ukraine's air force said on Tuesday it had shot down 40 drones overnight."
    ambush = "BAMAKO - Mali's army said 20 soldiers were killed in an ambush."
    assert claim_of(drones, 40).claimant == "Ukraine's air force"
    assert claim_of(ambush, 20).claimant == "Mali's army"


def test_a_noun_claims_after_a_verb_names_no_speaker() -> None:
    text = ("Fighting went on along the river. The ministry rejected claims that 50 soldiers "
            "died in the ambush near the dam.")
    claimant = claim_of(text, 50).claimant or ""
    assert "rejected" not in claimant


def test_an_organisation_named_x_of_y_keeps_its_whole_name() -> None:
    text = ("Shelling hit the market again. At least 19 civilians were killed, according to the "
            "Ministry of Health.")
    assert claim_of(text, 19).claimant == "Ministry of Health"


def test_a_source_closing_the_figures_own_clause_is_its_claimant() -> None:
    ambush = ("Fighting flared in the north. The ambush at Ansongo killed 21 soldiers, the "
              "defence ministry said; Islamic State claimed 60.")
    raid = ("Fighting flared in the north. The raid on Tillaberi killed 12 gendarmes, the "
            "interior ministry said; JNIM claimed 30.")
    assert claim_of(ambush, 21).claimant == "defence ministry"
    assert claim_of(raid, 12).claimant == "interior ministry"


REPORTED_BEFORE = """War in Sudan.

The weekly figures were released by the National Relief Office on Thursday.

In the eastern districts, 85 villagers were killed and 140 were wounded over the week.
"""

REPORTED_AFTER = """War in Sudan.

At least 63 soldiers died in the battle for the river crossing. This was reported by the \
Southern Command on its channel.
"""


def test_a_sentence_saying_who_released_the_figures_names_the_claimant_after_it() -> None:
    for low in (85, 140):
        claimant = claim_of(REPORTED_BEFORE, low).claimant
        assert claimant is not None and "National Relief Office" in claimant


def test_this_was_reported_by_names_the_claimant_of_the_sentence_before() -> None:
    claimant = claim_of(REPORTED_AFTER, 63).claimant
    assert claimant is not None and "Southern Command" in claimant


@pytest.mark.parametrize("verb", ["released", "published", "issued"])
def test_figures_released_by_an_office_are_the_office_s(verb: str) -> None:
    text = (f"War in Sudan.\n\nAt least 52 villagers were killed in the raids, according to "
            f"figures {verb} by the district relief office.")
    assert claim_of(text, 52).claimant == "district relief office"


def test_an_institution_s_own_figures_are_credited_to_it() -> None:
    text = "War in Sudan.\n\nHealth ministry figures show 12 medics died in the night raids."
    assert claim_of(text, 12).claimant == "Health ministry"


@pytest.mark.parametrize("headline", [
    "Army said to have lost 600 men near Bara as fighting spreads",
    "Rebels said to have lost 600 fighters in the assault on Bara",
])
def test_a_headlines_said_to_names_no_source(headline: str) -> None:
    # "X said to have…" is "X is said to have…" with "is" dropped: X is who the figure is about
    assert claim_of(headline + "\n\nThe fighting went on into the night.\n", 600).claimant is None
    spoken = claim_of("Army says it lost 600 men near Bara\n\nThe fighting went on.\n", 600)
    assert spoken.claimant == "Army"


@pytest.mark.parametrize(("text", "value", "name"), [
    ("War in Ukraine.\n\nThe Institute for the Study of War said on Sunday that Russian forces "
     "had lost about 1,400 soldiers near Kupiansk in a week.", 1400,
     "Institute for the Study of War"),
    ("War in Sudan.\n\nDoctors Without Borders said 64 patients were wounded when shells hit the "
     "hospital in Omdurman.", 64, "Doctors Without Borders"),
    ("War in Sudan.\n\nThe UN Office for the Coordination of Humanitarian Affairs said 52 "
     "civilians were killed in El Fasher over the weekend.", 52,
     "UN Office for the Coordination of Humanitarian Affairs"),
])
def test_an_organisation_s_name_runs_on_past_its_first_words(text: str, value: int,
                                                             name: str) -> None:
    # "for", "without" and "to" inside an organisation's name do not end it
    assert claim_of(text, value).claimant == name


@pytest.mark.parametrize("text,low,source", [
    ("War in Colombia. The governor said 6 farmers were hurt. The army says it recorded 120 "
     "drone attacks in May, which killed 7 soldiers.", 7, "army"),
    ("War in Mali. The mayor said 5 traders were hurt. The military says it counted 14 ambushes "
     "in June, which killed 9 soldiers.", 9, "military"),
])
def test_it_that_a_source_says_recorded_a_toll_is_that_source(text: str, low: float,
                                                               source: str) -> None:
    # "The army says it recorded…": "it" is the army, not the last source the article quoted
    assert claim_of(text, low).claimant == source


@pytest.mark.parametrize("text,low,source", [
    # the parser hangs the dateline's date on the story's first subject
    ("ODESA, June 2 - Ukraine's navy said on Monday that Russia had lost 3 landing craft near "
     "Crimea over the weekend. It put total Russian naval losses since 2022 at about 30 vessels.",
     30, "Ukraine's navy"),
    # and takes the dateline's town for the subject, the army for its apposition
    ("KHARTOUM, Aug 4 - Sudan's army said on Sunday it had destroyed 12 RSF vehicles near "
     "Omdurman. It put the paramilitary's losses this month at 140 vehicles.", 12, "Sudan's army"),
])
def test_a_dateline_is_no_part_of_the_source_it_opens(text: str, low: float, source: str) -> None:
    assert claim_of(text, low).claimant == source


@pytest.mark.parametrize("text,low,source", [
    ("War in Ukraine. Ukraine's General Staff said Russia had lost 1,200 soldiers in a day. It "
     "also listed 14 tanks and 31 artillery systems as destroyed.", 14, "Ukraine's General Staff"),
    ("War in Myanmar. The resistance group said 23 junta soldiers were killed near Lashio. "
     "Another 40 were captured, with their weapons.", 40, "resistance group"),
])
def test_a_sentence_that_goes_on_with_a_report_keeps_its_source(text: str, low: float,
                                                                source: str) -> None:
    assert claim_of(text, low).claimant == source


@pytest.mark.parametrize(("text", "claimant"), [
    ("War in Syria.\n\nThe Syrian Observatory's weekly bulletin listed 22 civilians killed in "
     "shelling around Idlib.", "Syrian Observatory"),
    ("War in Sudan.\n\nThe Sudan Doctors Network registered 37 deaths in El Fasher on Monday "
     "after the shelling.", "Sudan Doctors Network"),
    ("War in Ukraine.\n\nThe General Staff also listed 11 tanks and 19 armoured vehicles "
     "destroyed overnight.", "General Staff"),
])
def test_a_tally_that_lists_or_registers_figures_is_their_claimant(text: str,
                                                                   claimant: str) -> None:
    found = claims(text)
    assert found and all(c.claimant == claimant for c in found)


@pytest.mark.parametrize(("text", "claimant"), [
    ("War in Ukraine.\n\nAccording to figures from the regional administration, 14 civilians "
     "were killed in the shelling of Kupiansk.", "regional administration"),
    ("War in Sudan.\n\nAccording to the Sudan Doctors Network's latest tally, 63 people died in "
     "the bombardment of Kadugli.", "Sudan Doctors Network"),
])
def test_according_to_figures_credits_their_author(text: str, claimant: str) -> None:
    found = claims(text)
    assert found and all(c.claimant == claimant for c in found)


@pytest.mark.parametrize(("text", "claimant"), [
    ("War in Sudan.\n\nThe hospital's director said 31 people were killed in the shelling of "
     "Omdurman.", "hospital's director"),
    ("War in Yemen.\n\nThe tanker's operator said 19 sailors were missing after the missile "
     "strike.", "tanker's operator"),
])
def test_a_speaker_named_by_role_is_the_claimant(text: str, claimant: str) -> None:
    found = claims(text)
    assert found and all(c.claimant == claimant for c in found)


@pytest.mark.parametrize(("text", "low", "claimant"), [
    ("Border war.\n\nEritrea's army said Ethiopian drones had struck two depots. Its spokesman "
     "said 12 soldiers had been wounded.", 12, "Eritrea's army"),
    ("War in Sudan.\n\nThe RSF said it had taken the garrison at Babanusa. Its statement put the "
     "army's losses at 140 soldiers.", 140, "RSF"),
])
def test_its_spokesman_or_statement_speaks_for_the_body_named_before(text: str, low: float,
                                                                     claimant: str) -> None:
    assert claim_of(text, low).claimant == claimant


def test_a_bulletin_titled_with_its_issuer_tells_its_unattributed_figures() -> None:
    text = ("Briefing by the Ministry of Defence of Armenia on the situation at the border\n\n"
            "Over the past day, enemy shelling near Jermuk wounded four servicemen. Two enemy "
            "drones were shot down over Sotk.")
    found = claims(text)
    assert found and {c.claimant for c in found} == {"Ministry of Defence of Armenia"}


@pytest.mark.parametrize(("text", "low", "claimant", "subject"), [
    ("War in Somalia.\n\nAl-Shabaab is estimated by Kenyan intelligence to have between 5,000 "
     "and 9,000 fighters.", 5000, "Kenyan intelligence", "Al-Shabaab"),
    ("War in Mali.\n\nJNIM is believed by French officers to field some 4,000 gunmen across the "
     "north.", 4000, "French officers", "JNIM"),
])
def test_the_doer_of_a_passive_estimate_is_the_claimant_and_the_holder_the_subject(
        text: str, low: float, claimant: str, subject: str) -> None:
    c = claim_of(text, low)
    assert (c.claimant, c.subject) == (claimant, subject)


def test_the_group_a_relative_clause_says_has_fighters_owns_them() -> None:
    text = ("War in Colombia.\n\nThe ELN, which is thought to have some 5,800 combatants, "
            "attacked a base near the border.")
    assert claim_of(text, 5800).subject == "ELN"


# who tells a figure, read the same way for claims and quotes; each case is a mechanism
CLAIMANTS = [
    # who gives or publishes a toll
    pytest.param("War in Sudan.\n\nShelling hit a camp near Tawila on Sunday. The Darfur Medical "
                 "Union, a group of doctors, gave a higher toll of 52 dead.", 52,
                 "Darfur Medical Union", id="gave-a-toll"),
    pytest.param("War in Gaza.\n\nAn air strike hit a school in Khan Younis. The civil defence "
                 "agency later published a toll of 31 killed.", 31, "civil defence agency",
                 id="published-a-toll"),
    # giving something else tells no figure
    pytest.param("War in Sudan.\n\nThe army gave shelter to 300 families near Kosti on Monday. "
                 "Shelling killed 12 civilians in the town, the governor said.", 12, "governor",
                 id="gave-shelter"),
    # "the group", "the militia": the armed group named before
    pytest.param("War in Ethiopia.\n\nFano militias attacked a garrison near Gondar. The militia "
                 "said it had killed 60 federal soldiers.", 60, "Fano", id="the-militia"),
    pytest.param("War in Myanmar.\n\nThe Arakan Army seized a junta outpost in Rakhine state on "
                 "Friday. The rebel group said 45 soldiers had surrendered.", 45, "Arakan Army",
                 id="the-rebel-group"),
    # a body described by where it is based: the one named before
    pytest.param("War in Syria.\n\nThe Syrian Network for Human Rights documented clashes near "
                 "Daraa. The Britain-based monitor said 38 fighters had been killed.", 38,
                 "Syrian Network for Human Rights", id="britain-based-monitor"),
    pytest.param("War in Gaza.\n\nAmnesty International has tracked the deaths of reporters "
                 "since October. The London-based watchdog said 11 journalists were killed in the "
                 "past month.", 11, "Amnesty International", id="london-based-watchdog"),
    # "the army" after a rebel army is named: not the rebels
    pytest.param("War in Colombia.\n\nNational Liberation Army rebels attacked a base in Arauca. "
                 "The army said 9 soldiers were wounded.", 9, "army", id="the-army-not-rebels"),
    # a speaker set aside in the middle of the sentence
    pytest.param("War in Niger.\n\nGunmen ambushed a convoy near Ayorou on Friday. Nine soldiers "
                 "were wounded, the defence ministry said, and two trucks were burned.", 9,
                 "defence ministry", id="aside-then-and"),
    pytest.param("War in Sudan.\n\nDrones struck a fuel depot in Port Sudan. Three guards died, "
                 "the state governor said, while the fire burned for a day.", 3, "state governor",
                 id="aside-then-while"),
]


BRIEFING = """Army reports gains in the north

Briefing reporters at the garrison in Gao, the army's chief of staff said troops had killed 31 \
insurgents in a week of raids.
"""

STATES = """Raids in the northwest

Police said officers had freed 23 hostages held in camps in Kaduna, Niger and Kebbi states.
"""

ASIDE_BEFORE = """Fighting in the south

Governor Musa Danladi said gunmen had attacked three villages overnight. In the east, he said, \
soldiers had repelled them and killed 12 of the attackers.
"""


LEAD = "Aid agencies said on Monday that the fighting had forced thousands from their homes.\n\n"

RELATIVE = LEAD + ("The Ruzizi Civic Committee, a network of volunteers that documents abuses, "
                   "said the dead included 22 miners.")

ARTICLE = LEAD + ("An estimated 5,000 people have fled the district since March, based on "
                  "figures gathered by local officials.")

DATED = LEAD + ("The Kenya Red Cross has been publishing a daily bulletin on the floods and the "
                "fighting. Thursday's bulletin listed 14 people wounded in the shelling of a "
                "market.")

TITLED = LEAD + ("The rebels' chief spokesman said in a video in Tigrinya, posted on Telegram, "
                 "that the offensive had begun. He said 40 soldiers had been captured.")


DESCRIBED = """Fighting resumes near Goma

Fighting resumed on Sunday near Goma, the Kivu Monitoring Centre for Human Rights said.

The Goma-based monitor told Jean Bosco that the dead included 40 villagers, among them 25 \
children."""


GROUP_GOES_ON = """Attacks in the north

Fighters of the Islamic State attacked two army posts near Menaka last week, and ISWAP claimed \
a third. Amnesty International has accused both the militants and the army of abuses. In a \
report published on Monday, the group said soldiers had executed at least 31 villagers in two \
villages."""


# who tells a figure where the parse or the tagger misleads, and across sentences
ACROSS = [
    # "Briefing reporters at the garrison in Gao, the army's chief of staff said": the parse
    # makes "reporters" the subject and the chief of staff an apposition of the town
    pytest.param(BRIEFING, 31, "army's chief", id="opening-participle"),
    pytest.param(STATES, 23, "Police", id="states-is-a-noun"),
    pytest.param(ASIDE_BEFORE, 12, "Musa Danladi", id="aside-before-the-figure"),
    # the parse reads "documents" as a noun and "abuses" as the subject of "said"
    pytest.param(RELATIVE, 22, "Ruzizi Civic Committee", id="relative-clause-run-in"),
    pytest.param(ARTICLE, 5000, None, id="an-article-is-no-one"),
    pytest.param(DATED, 14, "Kenya Red Cross", id="dated-bulletin"),
    pytest.param(TITLED, 40, "rebels' chief spokesman", id="he-after-a-title"),
    # the description stands for the centre; neither the town (tagged as a person) nor a name
    # written after the description is the source
    pytest.param(DESCRIBED, 40, "Kivu Monitoring Centre for Human Rights", id="described-40"),
    pytest.param(DESCRIBED, 25, "Kivu Monitoring Centre for Human Rights", id="described-25"),
    # not the armed group named last: the rights group the last sentence was about
    pytest.param(GROUP_GOES_ON, 31, "Amnesty International", id="the-group-goes-on"),
]


@pytest.mark.parametrize(("text", "low", "claimant"), CLAIMANTS + ACROSS)
def test_the_claimant_is_who_tells_the_figure(text: str, low: float, claimant: str | None
                                              ) -> None:
    assert claim_of(text, low).claimant == claimant
