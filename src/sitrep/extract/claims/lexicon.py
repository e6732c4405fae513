"""Word lists for war-toll claims: what a figure counts, which words say what happened to it.

Kept as data in one place so that the rules in `assemble.py` stay short and the vocabulary can grow
without touching them. Words are lower case; plural and singular forms are both listed where
news uses both.
"""

from __future__ import annotations

import re


def _words(block: str) -> frozenset[str]:
    """A word list written as a block of text."""
    return frozenset(block.split())


# --- what a figure counts --------------------------------------------------------------------
# people in arms: a figure of them is a force size when nothing else happens to them
MILITARY = _words("""
troops troop soldiers soldier servicemen serviceman servicemembers personnel fighters officers
generals commanders mercenaries marines paratroopers militants combatants recruits conscripts
reservists volunteers sailors pilots guards insurgents rebels militiamen peacekeepers
infantrymen gunmen commandos jihadists gunmen sappers snipers special-forces legionnaires
terrorists jihadis attackers assailants raiders policemen police gendarmes guerrillas partisans
operatives
cadets troopers airmen servicewomen guardsmen riflemen gunners
""")
# people no army counts as its own: rescuers, the young, people at work, prayer or travel
_CIVILIAN_TRADES = """
paramedics nurses rescuers firefighters teachers students pupils farmers fishermen shepherds
passengers pilgrims worshippers patients boys girls babies infants toddlers teenagers minors
tourists
"""
# people who only count when something happens to them ("five young children" is no claim)
PEOPLE = _words("""
members people persons men women children civilians residents inhabitants individuals citizens
villagers lives bodies refugees migrants evacuees prisoners pows hostages captives detainees
journalists protesters demonstrators
medics doctors workers
employees staffers contractors engineers miners relatives nationals foreigners crewmen seafarers
""" + _CIVILIAN_TRADES)
CIVILIANS = _words("""
civilians residents inhabitants villagers children women citizens refugees evacuees
""" + _CIVILIAN_TRADES)
# nouns that carry their own metric ("500 casualties", "2,000 dead")
CASUALTY_NOUNS = {
    "casualties": "killed_or_wounded", "casualty": "killed_or_wounded", "deaths": "killed",
    "dead": "killed", "martyrs": "killed",
    "fatalities": "killed", "killed": "killed", "killings": "killed", "lives": "killed",
    "bodies": "killed",
    "wounded": "wounded", "injured": "wounded", "injuries": "wounded",
    "prisoners": "captured", "pows": "captured", "captives": "captured", "hostages": "captured",
    "missing": "missing", "refugees": "displaced", "evacuees": "evacuated",
    "losses": "killed", "loss": "killed",
}
# equipment, and the metric when it is lost
EQUIPMENT = {
    "tanks": "tanks", "tank": "tanks",
    "vehicles": "vehicles", "vehicle": "vehicles", "apcs": "vehicles", "ifvs": "vehicles",
    "trucks": "vehicles", "truck": "vehicles", "lorries": "vehicles", "carriers": "vehicles",
    "armour": "vehicles", "armor": "vehicles", "humvees": "vehicles", "bmps": "vehicles",
    "aircraft": "aircraft", "planes": "aircraft", "plane": "aircraft", "jets": "aircraft",
    "warplanes": "aircraft", "helicopters": "aircraft", "helicopter": "aircraft",
    "choppers": "aircraft", "fighter-jets": "aircraft", "bombers": "aircraft",
    "ships": "ships", "ship": "ships", "warships": "ships", "warship": "ships",
    "vessels": "ships", "vessel": "ships", "boats": "ships", "submarines": "ships",
    "destroyers": "ships", "frigates": "ships", "corvettes": "ships", "cruisers": "ships",
    "missiles": "weapons", "missile": "weapons", "rockets": "weapons", "shells": "weapons",
    "weapons": "weapons", "weapon": "weapons", "guns": "weapons", "howitzers": "weapons",
    "artillery": "weapons", "launchers": "weapons", "munitions": "weapons", "rounds": "weapons",
    "drones": "weapons", "mortars": "weapons", "javelins": "weapons", "systems": "weapons",
    "battalions": "units", "battalion": "units", "regiments": "units",
    # singulars and spellings news uses for the same kinds ("one submarine", "370 airplanes")
    "airplanes": "aircraft", "airplane": "aircraft", "aeroplanes": "aircraft",
    "submarine": "ships", "destroyer": "ships", "frigate": "ships", "corvette": "ships",
    "cruiser": "ships", "drone": "weapons", "technicals": "vehicles", "uavs": "weapons",
    "craft": "ships",  # "five landing craft": one form for one and many
    "bombs": "weapons", "rifles": "weapons",
    "units": "units",
}
LOST_METRIC = {"tanks": "tanks_lost", "vehicles": "vehicles_lost", "aircraft": "aircraft_lost",
               "ships": "ships_lost", "weapons": "other", "units": "other"}

# words that may stand between a figure and what it counts ("7,000 Russian troops")
MODIFIERS = _words("""
lost destroyed damaged abandoned downed sunk more other additional extra new further distinct
operational young military armed armoured
armored combat infantry fighting battle main heavy light enemy foreign regular elite active
mechanised mechanized tank motorised motorized airborne naval air ground front-line frontline
russian-made western-made modern old older soviet-era soviet usable serviceable working battle-
ready trained untrained experienced fresh reserve civilian innocent unarmed wounded injured dead
killed captured separate total estimated newly recently attack transport landing amphibious
fighter assault cargo logistics logistical supply support personnel self-propelled anti-tank
anti-aircraft anti-ship surface-to-air air-defence air-defense ballistic cruise hypersonic
guided loitering suicide kamikaze long-range short-range medium-range
confirmed reported verified documented recorded registered suspected alleged presumed
internally displaced
""")

# --- what happened to it (cues), read in the figure's clause ----------------------------------
# the hurt as hospitals count them: "15 were hospitalised", "needed hospital treatment"
_HOSPITAL = (r"hospitali[sz]\w*|(?:required|needed|received|receiving|underwent)\s+(?:\w+\s+)?"
             r"treatment|taken\s+to\s+(?:\w+\s+)?hospitals?")
PERSON_CUES: tuple[tuple[str, str], ...] = (
    ("killed_or_wounded", r"(?:killed|dead|died)\s+(?:or|and)\s+(?:wounded|injured)"
                          r"|casualties\s+\(killed\s+and\s+wounded\)"),
    ("out_of_action", r"out\s+of\s+action|incapacitated|out\s+of\s+the\s+fight"),
    ("displaced", r"displac\w*|forc\w*\s+(?:[\w,.]+\s+){0,5}?to\s+(?:flee|leave)|"
                  # people who flee a war, not a town in buses: "fled the fighting in Sittwe",
                  # "fled to Burundi", "drove 250,000 people from their homes", "sought refuge"
                  r"\bfle(?:d|e|es|eing)\s+(?:from\s+)?(?:the\s+)?(?:[a-z]+\s+)?(?:fighting|"
                  r"violence|clashes|war|bombing|bombardment|shelling|offensive|attacks?|"
                  r"hostilities|siege)\b|"
                  # "fled El Fasher since Saturday", "fled villages near the frontier": a place
                  # left behind, not a ride out in buses ("fled in 160 vehicles")
                  r"\bfled\s+(?:from\s+)?(?:their\s+|the\s+)?(?:villages?|towns?|cities|city|"
                  r"camps?|(?-i:[A-Z][a-z]+))\b(?![^.;]{0,40}\b(?:in|aboard|on)\s+(?:\S+\s+)?"
                  r"(?:buses|vehicles|cars|trucks|convoys?)\b)|"
                  r"\bfle(?:d|e|es|eing)\s+(?:across\s+the\s+border\s+)?(?:in)?to\s+"
                  r"(?:neighbou?ring\s+)?(?-i:[A-Z])|"
                  r"\b(?:drove|driven|drive|forced|chased|pushed)\s+(?:[\w,.]+\s+){0,4}?"
                  r"(?:from|out\s+of)\s+(?:their|his|her)\s+homes?\b|"
                  r"\b(?:sought|seeking|seek|taken|took|taking)\s+refuge\b|"
                  r"(?:left|made|rendered)\s+homeless|"
                  r"driven\s+(?:from|out)|uprooted|"
                  # who leave home or cross a border to get away: "fled their homes", "crossed
                  # into Chad to escape the fighting"
                  r"\bfled\s+(?:from\s+)?(?:their|his|her)\s+homes?\b|"
                  r"\bto\s+escape\s+(?:the\s+)?(?:fighting|bombing|bombardment|violence|war|"
                  r"shelling|clashes|attacks?)\b"),
    ("evacuated", r"evacuat\w*|\bfled\b|\bflee(?:s|ing)?\b|escaped|rescued"),
    ("wounded", rf"wound\w*|injur\w*|\bhurt\b|\bburns\b|{_HOSPITAL}"),
    ("captured", r"captured|taken\s+(?:prisoner|hostage|captive)|held\s+hostage|hostages?|"
                 r"abduct\w*|kidnapp?\w*|prisoners?\s+of\s+war|surrender\w*|captive|"
                 r"\bin\s+(?:\w+\s+)?captivity"),
    ("missing", r"\bmissing\b|unaccounted"),
    ("killed", r"\bkill\w*|\bdie[ds]?\b|\bdying\b|\bdead\b|\bdeaths?\b|\blost\b|"
               r"\blos(?:e|es|ing)\b|"
               r"\blosses\b|\bslain\b|perish\w*|fatalit\w*|\btoll\b|casualt\w*|massacr\w*|"
               r"executed|martyr\w*|succumb\w*|neutrali[sz]\w*|eliminat\w*|murder\w*"),
    # "volunteers", "volunteered"; not "volunteer drivers" (a word before another noun)
    # people who register to fight, not flights registered at an airport
    ("volunteers", r"volunteer(?:s|ed|ing)\b|sign(?:ed|ing)?\s+up|enlist\w*|"
                   r"register\w*\s+(?:as\s+volunteers|to\s+(?:fight|join|serve|volunteer))|"
                   r"foreign\s+legion"),
    ("reservists", r"reservists?|\breserves?\b|call(?:ed|ing)?[\s-]up|mobili[sz]\w*|draft\w*"),
    # people in need, as humanitarian counts give them: "trapped", "facing hunger", "starving"
    ("other", r"conscript\w*|induct\w*|\btrapped\b|\bstarv\w*|famine|\bhunger\b|"
              r"food\s+insecur\w*|in\s+need\s+of\s+(?:\w+\s+)?(?:aid|assistance|help)"),
    ("troops", r"deploy\w*|amass\w*|\bmass(?:ed|ing)\b|station\w*|\bsen[dt]\b|sending|"
               r"arriv\w*|gather\w*|\btrain\w*|\bstrong\b|consist\w*|\barmy\b|\bforces?\b|"
               r"brigades?|battalions?|\bunits?\b|contingent|build-?up|committed|numbering"),
)
# where ships and aircraft sent go when they are deployed, not handed over
SENT_TOWARDS = re.compile(r"[^.;]{0,60}?\b(?:toward|towards|near|around|across|off|over|into|"
                          r"through|along)\b", re.I)
EQUIPMENT_CUES: tuple[tuple[str, str], ...] = (
    # "supplied", "supplies to"; not "a supply ship" sailing with the warships
    ("weapons_supplied", r"suppli(?:ed|es|ing)\b|\bsupply\s+(?:of|to)\b|deliver\w*|donat\w*|"
                         r"provid\w*|\bsen[dt]\b|sending|pledg\w*|"
                         r"\bgiv(?:e|en|ing)\b|\bgave\b|shipp\w*|transferr?\w*|\baid\b|receiv\w*"),
    ("lost", r"\blost\b|\blos(?:e|es|ing)\b|\blosses\b|destroy(?:ed|ing|s)?\b|damag\w*|"
             r"captur\w*|abandon\w*|"
             r"shot\s+down|\bdowned\b|\bsunk\b|\bsank\b|knocked\s+out|seiz\w*|wiped\s+out|"
             r"\btoll\b|taken\s+out|\bhit\b|eliminat\w*|neutrali[sz]\w*|trophies"),
)
PERSON_CUE_RES = tuple((m, re.compile(p, re.I)) for m, p in PERSON_CUES)
EQUIPMENT_CUE_RES = tuple((m, re.compile(p, re.I)) for m, p in EQUIPMENT_CUES)

# a bare figure ("Ukraine has lost 343", "another 14,000 have been wounded") is a claim only
# next to one of these
BARE_BEFORE = re.compile(
    r"(?:\b(?:lost|lose|losing|killed|killing|kills?|destroyed|destroying|captured|capturing|"
    r"wounded|wounding|wounds|injured|injuring|injures|evacuated|mobili[sz]ed|deployed|amassed|suffered|displaced|displacing|"
    r"uprooted|left|leaving|numbers?|numbered|numbering|including)"
    r"|\b(?:figure|toll|tally|total|number|estimate|count|casualt(?:y|ies)|losses|deaths)\b"
    r"[^.;]{0,80}?(?:\b(?:at|to|of|"
    r"reached|reaches|hit|hits|exceeded|exceeds|surpassed|surpasses|passed|passes|tops|"
    r"topped|nears|neared|is|was|stands\s+at|"
    r"stood\s+at)|\s(?:—|–|--)))"
    r"\s+(?:about|around|some|just|roughly|only|up\s+to|at\s+least|more\s+than|nearly|almost|"
    r"a\s+further|another)?\s*$", re.I)
BARE_AFTER = re.compile(
    r"^\s*(?:more\s+|others?\s+|of\s+them\s+|people\s+)?(?:have\s+|had\s+|has\s+|were\s+|was\s+|"
    r"are\s+|is\s+|being\s+|been\s+|now\s+|also\s+|reportedly\s+|later\s+|still\s+|"
    r"remain\s+|remained\s+|remaining\s+|seriously\s+|critically\s+|severely\s+|"
    r"lightly\s+|slightly\s+|moderately\s+|gravely\s+)*"
    r"(?:killed|died|dead|wounded|injured|captured|missing|damaged|abandoned|destroyed|"
    # a headline's present tense: "10,000 flee clashes"
    r"flee|flees|fleeing|"
    r"lost|fled|evacuated|displaced|hurt|perished|succumbed|slain|executed|shot\s+dead|managed\s+to\s+(?:flee|escape|leave)|out\s+of\s+action|"
    r"went\s+missing|(?:suffered|sustained)\s+(?:\w+\s+)?(?:wounds|injuries|burns)|"
    rf"{_HOSPITAL}|"
    r"taken\s+(?:prisoner|hostage|captive)|abducted|kidnapped|shot\s+down|"
    # people in need, told without a noun: "tens of thousands remain trapped", "another 26
    # million are facing hunger"
    r"trapped|starving|fac(?:e|es|ing)\s+(?:hunger|famine|starvation))\b", re.I)

# --- context that makes a figure something else -------------------------------------------------
# a figure that is the means, not the toll: "fled in 160 vehicles"
MEANS_BEFORE = re.compile(r"\b(?:in|aboard|by)\s+$", re.I)
FORCE_CONTEXT = re.compile(
    r"\b(?:army|armies|forces?|military|brigades?|battalions?|units?|troops|soldiers|"
    r"divisions?|amass\w*|deploy\w*|regiments?|garrison|contingent)\b", re.I)
# a toll whose cause is nature or an accident is no war toll ("the earthquake killed 2,000")
DISASTER = re.compile(
    r"\b(?:earthquakes?|quakes?|floods?|flooding|flash\s+floods|storms?|cyclones?|hurricanes?|"
    r"typhoons?|landslides?|mudslides?|wildfires?|tsunamis?|avalanches?|heatwaves?|"
    r"heat\s+waves?)\b", re.I)
WAR_CAUSE = re.compile(
    r"\b(?:attack\w*|strikes?|airstrikes?|shell\w*|bomb\w*|missiles?|drones?|rockets?|"
    r"fighting|clash\w*|war|offensive|raids?|gunmen|militants?|troops|soldiers|forces|army|"
    r"military|rebels?|insurgents?|combat|battle\w*|siege)\b", re.I)
# an "including" figure is part of the one before it, never the antecedent of a bare figure
# a side that names an attack right after it ("a Russian missile attack", "U.S. strikes",
# "Saudi-led coalition air raids", "Ukrainian shelling"): the attacker, whose victims are
# someone else's
ATTACK_NAMED = re.compile(
    r"(?:['’]s)?(?:-(?:led|backed))?\s+(?:(?!(?:soldiers|troops|civilians|people|forces|"
    r"servicemen|fighters|killed|died|dead|in|by|from|of|and|said|says|say)\b)[\w-]+\s+){0,2}?"
    r"(?:strikes?|air\s?strikes?|attacks?|shelling|barrage|bombardment|bombing|raids?|"
    r"air\s+raids?|missiles?|drones?|rockets?|offensive|assault|artillery|bombs?|shells?|"
    r"mortars?|fire)\b", re.I)
PART_BEFORE = re.compile(r"\b(?:including|of\s+which|among\s+them|among\s+which)\s+$", re.I)

# --- who states a figure -------------------------------------------------------------
SPEECH_LEMMAS = _words("""
say tell add estimate claim report acknowledge admit announce state put point believe confirm
verify count record assess write tweet insist warn reveal note suggest calculate tally show cite
disclose concede document accuse allege find list register log give publish release issue provide
update
""")
# an "according to" phrase or a subject is a claimant only with a name or one of these
INSTITUTION_WORDS = _words("""
ministry military army intelligence official officials authorities government spokesman
spokeswoman spokesperson group monitor observatory agency police service services forces command
office council department administration commander minister president general analyst analysts
source sources experts expert staff headquarters navy blog website institute organisation
organization committee mission envoy ambassador governor mayor coalition alliance force
witnesses diplomats researchers residents leaders volunteers activists medics monitors union
rescuers investigators prosecutors prosecutor investigation tallies junta regime militia
cabinet commissioner commission officer officers documents head
ombudsman ombudswoman coroner hospital court tribunal rapporteur watchdog charity network
municipality inquiry director directors manager chief doctor doctors administrator operator owner
chairman secretary lawmaker deputy elder elders survivors
rebels insurgents militants jihadists
""")
TITLES = re.compile(
    r"^(?:(?:the|ukrainian|russian|us|u\.s\.|american|british|israeli|former|retired|then|"
    r"acting|deputy|chief|senior|top|press|defen[cs]e|foreign|prime|vice|national|security|"
    r"council|president|minister|secretary|spokesman|spokeswoman|spokesperson|general|gen\.|"
    r"lt\.|col\.|colonel|major|maj\.|brig\.|mr\.?|mrs\.?|ms\.?|dr\.?|sir|commander|chief|"
    r"chairman|head|adviser|advisor|analyst|military|army|navy)\s+)+", re.I)
