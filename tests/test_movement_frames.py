"""Movement frames, modality, force kinds and non-war senses, on short invented articles.

Every article is a headline line and a short body, written for this file. The cases say what a
careful analyst would read in them, not what the extractor happens to produce.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

import sitrep
from sitrep.records import Document, Movement


@lru_cache(maxsize=256)
def run(text: str) -> Document:
    return sitrep.process(text)


def places(m: Movement) -> list[str]:
    return [p.mention for p in (m.origin, m.destination, m.location) if p is not None]


def summary(doc: Document) -> list[tuple[object, ...]]:
    return [(m.actor, m.status, m.equipment, places(m), m.evidence.text) for m in doc.movements]


# fmt: off
# 1. Frames: (article, expected status, main place named in the movement)
FRAMES = [
    # an undated article that dates a movement by its day is news, year and all
    ("Border report\n\nOn 14 March 2024, Eritrean troops crossed into Tigray near Zalambessa, "
     "residents said.\n", "transiting", "Tigray"),
    # depart / leave
    ("Chinese destroyers leave Djibouti\n\nTwo Chinese destroyers departed Djibouti on Monday "
     "after a resupply stop, port officials said.\n", "withdrawing", "Djibouti"),
    ("Port call ends\n\nThe Russian frigate Admiral Gorshkov left Havana on Monday after a "
     "five-day visit, Cuban state media said.\n", "withdrawing", "Havana"),
    ("Exercise over\n\nBelarusian troops departed the Brest region on Thursday after the drills "
     "ended, Minsk said.\n", "withdrawing", "Brest"),
    # arrive / reach / enter / return to
    ("Turkish troops in Libya\n\nTurkish troops arrived in Tripoli on Tuesday to train government "
     "forces, Ankara's defence ministry said.\n", "arrived", "Tripoli"),
    ("West Bank raid\n\nIsraeli tanks entered the town of Jenin before dawn on Thursday, "
     "Palestinian witnesses said.\n", "arrived", "Jenin"),
    ("Carrier home\n\nThe aircraft carrier USS Gerald R. Ford returned to Norfolk on Sunday after "
     "eight months at sea, the US Navy said.\n", "arrived", "Norfolk"),
    # transit through a strait or channel
    ("Gulf patrol\n\nTwo Iranian frigates sailed through the Strait of Hormuz on Saturday, the US "
     "Fifth Fleet said.\n", "transiting", "Strait of Hormuz"),
    ("Taiwan watch\n\nA Chinese destroyer transited the Bashi Channel on Tuesday, Taiwan's "
     "defence ministry said.\n", "transiting", "Bashi Channel"),
    # withdraw / pull back / the withdrawal of X from Y
    ("Dnipro front\n\nRussian forces withdrew from the village of Krynky on Saturday, the "
     "Ukrainian navy said.\n", "withdrawing", "Krynky"),
    ("Sahel\n\nGerman soldiers pulled out of Gao on Tuesday, the Bundeswehr said.\n",
     "withdrawing", "Gao"),
    ("Border easing\n\nArmenian forces pulled back from positions near Jermuk on Monday, the "
     "defence ministry in Yerevan said.\n", "withdrawing", "Jermuk"),
    ("Southern front\n\nThe army announced the withdrawal of its troops from Kherson on "
     "Wednesday.\n", "withdrawing", "Kherson"),
    # deploy / send / dispatch / a deployment to
    ("NATO flank\n\nBritain has deployed 200 soldiers to Estonia, the Ministry of Defence said on "
     "Monday.\n", "deployed", "Estonia"),
    ("Himalayan tension\n\nIndia sent additional troops to Ladakh on Wednesday, army sources "
     "said.\n", "deployed", "Ladakh"),
    ("Horn of Africa\n\nEgypt dispatched a contingent of soldiers to Somalia on Thursday, "
     "officials in Mogadishu said.\n", "deployed", "Somalia"),
    ("Jets to Romania\n\nThe US Air Force began a deployment of F-35 jets to Romania on Monday, "
     "NATO said.\n", "deployed", "Romania"),
    # advance / head towards / move towards
    ("Sudan war\n\nSudanese army troops advanced towards Wad Madani on Sunday, military sources "
     "said.\n", "en_route", "Wad Madani"),
    ("Donbas front\n\nA column of Russian tanks was heading towards Pokrovsk on Tuesday, Ukraine's "
     "army said.\n", "en_route", "Pokrovsk"),
    ("Gaza operation\n\nIsraeli troops moved towards Rafah on Tuesday, Palestinian residents "
     "said.\n", "en_route", "Rafah"),
    # mass / amass / concentrate / build up
    ("Kharkiv warning\n\nRussia is massing troops near Kupiansk, Ukraine's General Staff said on "
     "Friday.\n", "massing", "Kupiansk"),
    ("Strait tension\n\nChina has built up forces in Fujian province, Taiwanese officials said on "
     "Monday.\n", "massing", "Fujian"),
    # spotted / detected / operating in
    ("Spy ship\n\nA Russian spy ship was spotted in the Irish Sea on Thursday, the Royal Navy "
     "said.\n", "deployed", "Irish Sea"),
    ("North Sea\n\nTwo Russian warships were spotted off the coast of Norway on Tuesday, the "
     "Norwegian military said.\n", "deployed", "Norway"),
    ("Sighting\n\nA Chinese survey ship was detected in the South China Sea off Palawan on "
     "Sunday, the Philippine navy said.\n", "deployed", "South China Sea"),
    ("Syria\n\nIranian drones are operating in eastern Syria, US officials said on Wednesday.\n",
     "deployed", "Syria"),
    # a place the tagger calls an organisation, where only a place can stand
    ("Niger\n\nFrench troops withdrew from Niamey on Friday, officials in Niger said.\n",
     "withdrawing", "Niamey"),
    # the parser loses the object of "amassed": the force a few words on is still the force
    ("Kharkiv front\n\nRussia has amassed some 40,000 troops near Kupiansk, Ukraine's army said "
     "on Friday.\n", "massing", "Kupiansk"),
]

# 2. Modality: nothing in these articles has moved.
NO_MOVEMENT = [
    # unseen or disproved
    "Quiet border\n\nKazakh officials said they had seen no sign of foreign troops crossing "
    "the frontier near Aktobe.\n",
    "Denial\n\nThe ministry said it had not detected any Belarusian units moving toward the "
    "Volyn region this week.\n",
    "Rumours\n\nReports that Turkish commandos landed at Kyrenia on Sunday are false, the "
    "Cypriot government said.\n",
    # plans
    "Baltic plans\n\nGermany plans to send a brigade to Lithuania by 2027, the defence minister "
    "said on Tuesday.\n",
    "Island defence\n\nJapan intends to deploy missile batteries to Yonaguni next year, officials "
    "said.\n",
    # hypothetical / conditional
    "Analysis\n\nAnalysts said China could deploy warships to the Gulf of Aden within weeks.\n",
    "NATO warning\n\nIf Russian troops crossed into Moldova, NATO would respond, the alliance "
    "warned on Monday.\n",
    # denied
    "Congo accusations\n\nRwanda denied sending troops into eastern Congo on Monday.\n",
    "Naval incident\n\nMoscow denied that its warships had entered Norwegian waters on Friday.\n",
    # negated
    "Border calm\n\nNo Russian troops crossed the border into Kazakhstan, officials in Astana said "
    "on Sunday.\n",
    "Shoal standoff\n\nThe Philippine coast guard said no Chinese warships entered Scarborough "
    "Shoal on Friday.\n",
    # background history with an old year
    "Georgia remembers\n\nTBILISI, Aug 7, 2024 - Georgians gathered in Gori on Wednesday to "
    "remember the war. In 2008, Russian troops withdrew from the town after five days of "
    "fighting.\n",
    "Afghan anniversary\n\nKABUL, Feb 15, 2024 - Veterans met in Kabul on Thursday. In 1989, "
    "Soviet troops left Afghanistan after a decade of war.\n",
    "Baltic anniversary\n\nThirty years ago, Russian troops pulled out of Lithuania, ending half "
    "a century of occupation.\n",
    # a year that dates the verb a movement begins or goes on with dates the movement
    "Black Sea war\n\nThroughout 2023, as Ukrainian sea drones struck ships in Sevastopol "
    "harbour, Russia began moving its submarines to Novorossiysk.\n",
    # last year's movement is history
    "Front report\n\nUkraine's 93rd Brigade was moved to the Siversk sector in March last year "
    "after heavy losses near Bakhmut, its commander said.\n",
    # habits, not events
    "Sahel patrols\n\nThe militants typically travel in columns of 30 motorbikes through the "
    "Liptako region, officials said.\n",
    "Red Sea traffic\n\nIranian supply ships often sail to Hodeidah with their transponders "
    "switched off, analysts said.\n",
    "Cat and mouse\n\nWhenever the army pushes into the forest near Beni, the rebels withdraw "
    "across the river, residents said.\n",
    # an undated article that dates a movement by its year alone: history, not the day's news
    "Tigray talks\n\nEnvoys met in Mekelle on Tuesday. In 2021, Eritrean troops crossed into "
    "Tigray to fight beside federal forces.\n",
    "Haiti mission\n\nThe mission's mandate ends next month. Kenya first sent police officers to "
    "Port-au-Prince in June 2024.\n",
    # stationed for years
    "Gulf bases\n\nBritish warships have been based in Bahrain for years, the ministry said.\n",
    "Moldova talks\n\nRussian soldiers have been based in Transnistria since 1992, officials "
    "said.\n",
    # demands
    "Mali\n\nMali's junta called for the withdrawal of UN peacekeepers from the country.\n",
    "Iraq protests\n\nProtesters in Baghdad demanded the withdrawal of American troops from "
    "Iraq.\n",
    "Korea\n\nAmerican troops have been stationed in South Korea for decades, the minister "
    "noted.\n",
]

# 3. Force kinds: (article, equipment value the movement must carry)
FORCES = [
    # numbered units
    ("Donetsk front\n\nThe 47th Mechanised Brigade has moved to Pokrovsk, Ukraine's army said on "
     "Friday.\n", "troops"),
    ("Kursk\n\nRussia's 76th Guards Air Assault Division arrived in the Kursk region on Tuesday, "
     "Ukrainian intelligence said.\n", "troops"),
    # warships and ship classes
    ("Japan watch\n\nTwo Chinese Type 052D destroyers sailed through the Miyako Strait on Monday, "
     "Japan's Joint Staff said.\n", "warships"),
    ("Royal Navy\n\nThe British frigate HMS Lancaster arrived in Bahrain on Saturday, the Royal "
     "Navy said.\n", "warships"),
    ("Manila visit\n\nThe Russian cruiser Varyag entered the port of Manila on Monday, the "
     "Philippine navy said.\n", "warships"),
    # aircraft
    ("Gulf reinforcement\n\nThe United States deployed F-16 fighter jets to Saudi Arabia on "
     "Thursday, the Pentagon said.\n", "aircraft"),
    ("Arctic flights\n\nRussia sent four Tu-95 bombers to the Chukotka region on Wednesday, its "
     "defence ministry said.\n", "aircraft"),
    # convoys of trucks or tanks
    ("Border crossing\n\nA convoy of Russian military trucks crossed into the Kharkiv region on "
     "Sunday, Ukrainian border guards said.\n", "trucks"),
    ("Gaza\n\nA column of Israeli tanks entered Khan Younis on Monday, residents said.\n", "tanks"),
    # foreign contingents and peacekeepers
    ("Mozambique\n\nA contingent of 300 Rwandan soldiers arrived in Cabo Delgado province on "
     "Friday, Mozambican officials said.\n", "troops"),
    ("Cyprus\n\nA Spanish contingent of UN peacekeepers arrived in Nicosia on Friday, the "
     "mission said.\n", "troops"),
    # armed groups
    ("Syria offensive\n\nHayat Tahrir al-Sham fighters entered Aleppo on Friday, witnesses "
     "said.\n", "troops"),
    ("Kivu\n\nM23 rebels entered the town of Bukavu on Sunday, residents said.\n", "troops"),
    ("Lebanon\n\nHezbollah fighters moved towards the Israeli border on Monday, the Israeli "
     "army said.\n", "troops"),
    ("Somalia\n\nAl-Shabaab militants advanced towards the town of Beledweyne on Tuesday, local "
     "elders said.\n", "troops"),
    # peacekeepers of a country GeoNames knows, not only those the hand table names
    ("South Sudan\n\nBangladeshi peacekeepers arrived in Juba on Monday, the UN mission "
     "said.\n", "troops"),
]

# 4. War words in sport and business.
NON_WAR = [
    "Markets\n\nShares of a Polish arms maker retreated 3% in Warsaw after the contract was "
    "delayed by the war ministry.\n",
    "Clean-up\n\nAn army of volunteers moved through Kharkiv's Saltivka district on Saturday, "
    "clearing rubble after the shelling.\n",
    "Shipping\n\nA Greek container ship sailed through the Bosphorus on Tuesday despite the "
    "war, port officials said.\n",
    "Relief\n\nA UN aid convoy reached Sumy under military escort on Monday, officials said.\n",
    "Derby report\n\nLiverpool's forwards massed in the penalty area and Chelsea's defence "
    "retreated as the visitors advanced towards the final whistle with a 2-1 lead.\n",
    "Late drama\n\nThe home side's defence held firm as their forwards advanced towards goal in "
    "the final minutes.\n",
    "Tech merger\n\nThe company deployed new software to its servers in Frankfurt and withdrew "
    "its bid for a rival firm on Tuesday.\n",
    "Markets\n\nInvestors retreated from bank shares as a price war between the two airlines "
    "advanced into its third week.\n",
]
# fmt: on


@pytest.mark.parametrize(("text", "status", "place"), FRAMES)
def test_frame_gives_status_and_place(text: str, status: str, place: str) -> None:
    doc = run(text)
    found = [m for m in doc.movements if m.status == status and any(place in p for p in places(m))]
    assert found, summary(doc)


@pytest.mark.parametrize("text", NO_MOVEMENT)
def test_modality_gives_no_movement(text: str) -> None:
    doc = run(text)
    assert doc.movements == [], summary(doc)


@pytest.mark.parametrize(("text", "kind"), FORCES)
def test_force_kind_is_found_with_its_equipment(text: str, kind: str) -> None:
    doc = run(text)
    assert any(kind in m.equipment for m in doc.movements), summary(doc)


@pytest.mark.parametrize("text", NON_WAR)
def test_war_words_outside_war_give_no_movement(text: str) -> None:
    doc = run(text)
    assert doc.movements == [], summary(doc)


ALL_TEXTS = [c[0] for c in FRAMES] + NO_MOVEMENT + [c[0] for c in FORCES] + NON_WAR


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_evidence_text_is_the_raw_text_at_its_offsets(text: str) -> None:
    doc = run(text)
    for m in doc.movements:
        assert doc.raw_text[m.evidence.start : m.evidence.end] == m.evidence.text


# 5b. Relocation done, airlifts, falling back, fleeing forces (and fleeing people who are none)
MORE_FRAMES = [
    ("Redeployment\n\nSerbia moved two mechanised battalions to Raska last week, the defence "
     "ministry said.\n", "deployed", "Raska"),
    ("Airlift\n\nFrench paratroopers were airlifted to Abeche on Friday, the army said.\n",
     "arrived", "Abeche"),
    ("Pullback\n\nGovernment troops fell back to Gao after two days of fighting, residents "
     "said.\n", "withdrawing", "Gao"),
    ("Rout\n\nThe garrison fled toward Tessalit overnight as the rebels closed in, officials "
     "said.\n", "withdrawing", "Tessalit"),
    ("Armour\n\nSyrian army tanks rolled into Saraqib on Sunday, state media said.\n",
     "arrived", "Saraqib"),
    # an assault that pushed or advanced into a place is still going in
    ("Assault\n\nGovernment infantry pushed into the northern suburbs of Kadugli on Friday, "
     "the army said.\n", "en_route", "Kadugli"),
    ("Offensive\n\nRebel fighters have advanced into the town of Uvira, a local official "
     "told reporters on Tuesday.\n", "en_route", "Uvira"),
]


@pytest.mark.parametrize(("text", "status", "place"), MORE_FRAMES)
def test_more_frames_give_status_and_place(text: str, status: str, place: str) -> None:
    doc = run(text)
    found = [m for m in doc.movements if m.status == status and any(place in p for p in places(m))]
    assert found, summary(doc)


def test_people_fleeing_in_vehicles_are_no_force() -> None:
    doc = run("Exodus\n\nSome 3,000 residents fled in 200 cars on Monday as shelling of the town "
              "went on, officials said.\n")
    assert doc.movements == [], summary(doc)


# 6. Where the movement is: particles, datelines, appositions, relative clauses and borders
# (main place = destination, else location, else origin)
WHERE = [
    ("Pullback\n\nTBILISI, Georgia — Russian paratroopers have pulled back from the town of "
     "Akhalgori, Georgian officials said on Friday.\n", "withdrawing", "Akhalgori"),
    ("Pullout\n\nBAMAKO — Malian army units moved away from Gao overnight, a local official "
     "said.\n",
     "withdrawing", "Gao"),
    ("Convoy arrives\n\nThe army said a supply convoy had arrived in Mali’s capital, Bamako, "
     "on Sunday after a week on the road.\n", "arrived", "Bamako"),
    ("Handover\n\nOfficials said a French column that left Gao last week has reached Niamey "
     "under escort.\n", "arrived", "Niamey"),
    ("Tension\n\nIsraeli armour is massing on the Gaza border, the military said on Sunday.\n",
     "massing", "Gaza"),
]


@pytest.mark.parametrize(("text", "status", "place"), WHERE)
def test_main_place_comes_from_the_movements_own_phrases(text: str, status: str,
                                                         place: str) -> None:
    doc = run(text)
    assert [(m.status, (m.destination or m.location or m.origin).mention)
            for m in doc.movements
            if m.destination or m.location or m.origin] == [(status, place)], summary(doc)


def test_a_country_border_is_no_place_in_that_country() -> None:
    doc = run("Buildup\n\nMore than 40,000 Azerbaijani troops have massed near the Armenian "
              "border, Yerevan said on Monday.\n")
    assert [m.status for m in doc.movements] == ["massing"], summary(doc)
    assert not any(places(m) for m in doc.movements), summary(doc)


# 7. Forces beyond regular armies: irregulars, police, government forces, named ships
FORCES = [
    ("Retreat\n\nThe insurgents pulled out of Mosul on Wednesday after two days of clashes, "
     "residents said.\n", "withdrawing", "Mosul", None),
    ("Night move\n\nGovernment forces pulled back from Ed Damer overnight, witnesses said.\n",
     "withdrawing", "Ed Damer", None),
    ("Arrival\n\nHMS Iron Duke has arrived in the Gulf of Oman, the Royal Navy said on Sunday.\n",
     "arrived", "Gulf of Oman", "United Kingdom"),
    ("Back in port\n\nThe frigate Admiral Kasatonov returned to Baltiysk after a month at sea, "
     "the fleet said.\n", "arrived", "Baltiysk", None),
]


@pytest.mark.parametrize(("text", "status", "place", "actor"), FORCES)
def test_irregular_police_and_named_ship_forces_move(text: str, status: str, place: str,
                                                     actor: str | None) -> None:
    doc = run(text)
    found = [m for m in doc.movements if m.status == status and any(place in p for p in places(m))]
    assert found, summary(doc)
    if actor:
        assert found[0].actor == actor, summary(doc)
