"""The words movements are read by: trigger verbs and nouns with the status each tells, the
verbs that make a trigger no fact, force words and their equipment, the prepositions that lead
to places. Kept as data in one place so that the rules stay short."""

from __future__ import annotations

import re

from sitrep.extract import attribution as at

# trigger lemma -> status
TRIGGERS = {
    # relocating, airlifting, fleeing, regrouping, circling, landing troops, falling back
    "shift": "en_route", "airlift": "arrived", "flee": "withdrawing", "regroup": "massing",
    "circle": "deployed", "disembark": "arrived", "fall": "withdrawing",
    "head": "en_route", "move": "en_route", "advance": "en_route", "redirect": "en_route",
    "relocate": "en_route", "transfer": "en_route", "march": "en_route", "roll": "en_route",
    "push": "en_route", "approach": "en_route", "converge": "en_route", "bear": "en_route",
    "travel": "en_route", "draw": "en_route", "make": "en_route", "close": "en_route",
    "withdraw": "withdrawing", "retreat": "withdrawing", "pull": "withdrawing",
    "mass": "massing", "amass": "massing", "assemble": "massing", "gather": "massing",
    "concentrate": "massing", "build": "massing", "muster": "massing", "reinforce": "massing",
    "reposition": "massing",
    "deploy": "deployed", "redeploy": "deployed", "station": "deployed", "send": "deployed",
    "dispatch": "deployed", "commit": "deployed", "position": "deployed", "establish": "deployed",
    "spot": "deployed", "see": "deployed", "observe": "deployed", "photograph": "deployed",
    "show": "deployed", "stage": "deployed", "hold": "deployed", "conduct": "deployed",
    "launch": "deployed", "start": "deployed", "begin": "deployed",
    "arrive": "arrived", "reach": "arrived", "enter": "arrived", "penetrate": "arrived",
    "land": "arrived",
    "pass": "transiting", "transit": "transiting", "sail": "transiting", "cross": "transiting",
    "carry": "transiting",
    # frames beyond the first articles: leaving, returning, removing, linking up, being detected
    # or operating somewhere, flying through, docking, consolidating
    "leave": "withdrawing", "depart": "withdrawing", "remove": "withdrawing",
    "return": "arrived", "link": "arrived", "dock": "arrived",
    "detect": "deployed", "sight": "deployed", "notice": "deployed", "operate": "deployed",
    "patrol": "deployed", "rotate": "deployed",
    "consolidate": "massing", "accumulate": "massing",
    "traverse": "transiting", "fly": "transiting",
    # vehicles driven, ships steaming, a force storming in, taking up positions, touching down
    "drive": "en_route", "steam": "transiting", "storm": "arrived", "take": "deployed",
    "touch": "arrived",
    "rush": "deployed",  # "reinforcements were rushed to X"
    # slipping in, giving ground up, carrying a force, lying at anchor
    "infiltrate": "arrived", "vacate": "withdrawing", "abandon": "withdrawing",
    "evacuate": "withdrawing", "anchor": "deployed",
}
# nouns that tell a movement ("the withdrawal of troops from X", "an incursion by Y into Z")
NOUN_TRIGGERS = {
    "withdrawal": "withdrawing", "pullout": "withdrawing", "pullback": "withdrawing",
    "departure": "withdrawing", "retreat": "withdrawing",
    "deployment": "deployed", "redeployment": "deployed", "dispatch": "deployed",
    "incursion": "deployed", "arrival": "arrived", "buildup": "massing", "build-up": "massing",
    "concentration": "massing", "transit": "transiting", "passage": "transiting",
}
# verbs above a trigger that make it no fact: plans, demands, talks, refusals, denials
NOT_FACT = frozenset({
    "plan", "intend", "propose", "consider", "call", "demand", "urge", "want", "seek", "ask",
    "threaten", "prepare", "negotiate", "discuss", "agree", "approve", "deny", "reject",
    "refuse", "order", "vow", "pledge", "promise", "offer", "aim", "hope", "decide", "authorize",
    "authorise", "mull", "weigh", "rule", "oppose", "avoid", "prevent", "stop", "block",
})
# words before a movement noun that make it one not made ("a possible incursion", "a potential
# deployment"); "planned" and "promised" do not: "the planned withdrawal began on Friday"
NOT_YET = frozenset({"possible", "potential", "future", "eventual", "hypothetical",
                     "prospective", "envisaged", "contemplated", "mooted", "rumoured",
                     "rumored", "alleged"})
# verbs that keep a force where it is: a sentence about forces that watch, wait or stay
# ("our units are watching every road") tells no movement, whatever the model reads in it
STAYING = frozenset({"watch", "monitor", "wait", "await", "remain", "stay", "guard", "rest",
                     "maintain", "retain"})  # "maintained positions near X"
# triggers that need something more to be a movement
NEEDS_PREP = {"head": ("to", "towards", "toward", "for", "into"), "pass": ("through", "via"),
              "carry": ("through", "via", "to", "towards", "toward", "into", "across"),
              "close": ("on",), "bear": ("on", "to", "towards"),
              "rush": ("to", "into", "towards", "toward"),
              "drive": ("through", "into", "to", "towards", "toward", "across", "along"),
              "steam": ("through", "into", "to", "towards", "toward", "past", "across"),
              "storm": ("into",), "touch": ("down",)}
OPERATIONS = frozenset({"drill", "drills", "exercise", "exercises", "raid", "raids", "patrol",
                        "patrols", "manoeuvres", "maneuvers"})
# what "landing" names a class of ("tank landing ships", "a landing craft"), not a landing
LANDING_CRAFT = frozenset(("ship", "craft", "vessel", "boat", "barge", "party", "force"))
OBSERVED = frozenset({"spot", "see", "observe", "photograph"})
TRANSITIVE = frozenset({"send", "dispatch", "commit", "deploy", "redeploy", "station", "position",
                        "move", "mass", "amass", "assemble", "gather", "concentrate", "build",
                        "muster", "reinforce", "reposition", "redirect", "relocate", "transfer",
                        "withdraw", "pull", "draw", "establish", "remove", "rotate",
                        "consolidate", "accumulate", "rush", "evacuate",
                         # who sees a force names it as the object: "radar detected six ships"
                        "detect", "spot", "see", "observe", "sight", "notice", "photograph"})
# verbs that put a force somewhere else; done, with "to", the force stands deployed there
RELOCATE = frozenset({"move", "transfer", "relocate", "shift"})
SIDE_VERBS = frozenset({"withdraw", "retreat", "pull"})  # "Moscow withdrew": a side as the force
# verbs of ground taken whose subject may be a whole side when they take it to a place
# ("Azerbaijan pushed into the corridor", "Israel entered Rafah")
SIDE_ADVANCE_VERBS = frozenset({"advance", "push", "enter", "cross", "march", "roll", "storm",
                                "penetrate", "infiltrate"})
# heads that stand for a whole side ("the Russian side withdrew")
SIDE_HEADS = frozenset({"side", "government", "army", "military", "regime", "junta", "leadership",
                        "command", "state", "country", "forces", "force", "troops"})
# modifiers that make an ambiguous force a civilian one ("a container ship", "an aid convoy")
CIVILIAN_MODS = frozenset({"container", "cargo", "merchant", "aid", "humanitarian", "civilian",
                           "fishing", "passenger", "commercial", "relief", "food", "grain",
                           "tourist", "cruise"})
# words that keep a force armed whatever else it carries ("military cargo planes")
ARMED_MODS = frozenset({"military", "army", "navy", "naval", "air-force", "warship"})
# verbs that may govern an infinitive trigger and keep it a fact ("began moving", "poised to enter")
ASPECT = frozenset({"begin", "start", "continue", "poise", "appear", "seem", "keep", "resume",
                    "send", "deploy", "dispatch", "move", "respond", "believe", "estimate",
                    "think", "report", "say", "know", "understand", "see", "spot", "observe",
                    "expect", "confirm", "complete", "finish", "detect", "claim", "allege",
                    "suspect", "assess", "happen"})
MODALS = frozenset({"could", "would", "might", "may", "should", "will", "can", "must", "'ll",
                    "shall", "wo", "ca"})
NEGATORS = frozenset({"no", "never", "not", "n't", "none"})

# force words -> equipment of records.EQUIPMENT
EQUIPMENT = {
    # irregular and police forces move like troops ("insurgents pulled out of the town")
    "insurgent": "troops", "gunman": "troops", "jihadist": "troops", "militia": "troops",
    "militiaman": "troops", "guerrilla": "troops", "police": "troops", "detachment": "troops",
    "flotilla": "warships", "garrison": "troops", "element": "troops",
    "troop": "troops", "troops": "troops", "force": "troops", "forces": "troops",
    "soldier": "troops", "infantry": "troops", "personnel": "troops", "man": "troops",
    "men": "troops", "fighter": "troops", "mercenary": "troops", "reservist": "troops",
    "reinforcement": "troops", "unit": "troops", "battalion": "troops", "brigade": "troops",
    "division": "troops", "regiment": "troops", "army": "troops", "paratrooper": "troops",
    "paratroops": "troops", "commando": "troops", "marine": "troops", "officer": "troops",
    "conscript": "troops", "rebel": "troops", "militant": "troops", "contingent": "troops",
    "staff": "troops", "combatant": "troops", "guard": "troops", "peacekeeper": "troops",
    "gendarme": "troops", "instructor": "troops", "tank": "tanks",
    "vehicle": "armored_vehicles", "apc": "armored_vehicles", "carrier": "warships",
    "bulldozer": "armored_vehicles",  # armoured bulldozers clear the way for tanks
    "train": "logistics",
    "artillery": "artillery", "howitzer": "artillery", "launcher": "artillery",
    "truck": "trucks", "lorry": "trucks", "logistics": "logistics", "logistical": "logistics",
    "supply": "logistics", "supplies": "logistics", "fuel": "logistics",
    "warship": "warships", "ship": "warships", "vessel": "warships", "destroyer": "warships",
    "frigate": "warships", "submarine": "warships", "navy": "warships", "corvette": "warships",
    "cruiser": "warships", "fleet": "warships", "boat": "warships", "gunboat": "warships",
    "minesweeper": "warships",
    "aircraft": "aircraft", "jet": "aircraft", "plane": "aircraft", "bomber": "aircraft",
    "drone": "aircraft", "helicopter": "helicopters", "missile": "missiles",
    "s-400": "air_defense", "s-300": "air_defense", "patriot": "air_defense",
    # formations and kinds of fighters that news names by their unit word
    "squadron": "aircraft", "warplane": "aircraft", "battery": "artillery",
    "platoon": "troops", "squad": "troops", "paramilitary": "troops", "faction": "troops",
    "dissident": "troops", "echelon": "logistics", "cutter": "warships",
    # the people of a force by their trade, and the bodies they form
    "serviceman": "troops", "servicemen": "troops", "servicemember": "troops", "sailor": "troops",
    "airman": "troops", "airmen": "troops", "pilot": "aircraft", "recruit": "troops",
    "sapper": "troops", "sniper": "troops", "guardsman": "troops", "guardsmen": "troops",
    "trooper": "troops", "rifleman": "troops", "riflemen": "troops", "gunner": "troops",
    "legionnaire": "troops", "spetsnaz": "troops", "crew": "troops", "corps": "troops",
    "formation": "troops", "grouping": "troops", "battlegroup": "troops", "company": "troops",
    "technicals": "armored_vehicles", "interceptor": "aircraft", "gunship": "helicopters",
    "craft": "warships",
}
# designations of aircraft, helicopters, drones, tanks, armour and guns ("F-16s", "Su-34",
# "Ka-52", "T-72", "BMP-2s", "M777"): a force by its model, whatever the words around it
_DESIGNATIONS = (
    ("aircraft", r"(?:F|F/A|B|A|C|KC|P|E|Su|MiG|Tu|Yak|Il|An|J|Y|KJ)-\d{1,3}[A-Z]{0,3}\d?"),
    ("helicopters", r"(?:Ka|Mi|AH|UH|CH|MH|NH)-\d{1,2}[A-Z]{0,3}"),
    ("aircraft", r"(?:MQ|RQ|TB|Shahed|Orlan|Geran)-?\d{1,3}[A-Z]?"),
    ("tanks", r"T-(?:55|62|64|72|80|90|14)[A-Z0-9]{0,4}"),
    ("armored_vehicles", r"(?:BMP|BTR|BMD|BRDM)-?\d{1,2}[A-Z0-9]{0,3}|MT-LB|M113|M2A\d"),
    ("artillery", r"M777|M109[A-Z0-9]{0,3}|2S\d{1,2}[A-Z0-9]{0,2}|BM-\d{2}|TOS-1[A-Z]?|M142|M270"),
)
_DESIGNATION = re.compile("|".join(f"(?P<k{i}>{rx})" for i, (_, rx) in enumerate(_DESIGNATIONS)))


def designated(text: str) -> str | None:
    """The equipment a model designation names ("F-16s" -> aircraft), else None."""
    m = _DESIGNATION.fullmatch(text) or (
        _DESIGNATION.fullmatch(text[:-1]) if text.endswith("s") else None)  # "Su-34s"
    if m is None or m.lastgroup is None:
        return None
    return _DESIGNATIONS[int(m.lastgroup[1:])][0]
# force words that can be the moving thing itself (a "convoy" moves; "supplies" alone do not)
FORCE_HEADS = frozenset(set(EQUIPMENT) - {"supply", "supplies", "fuel", "logistical", "man",
                                          "staff", "guard", "missile"}
                        | {"convoy", "column", "group", "military", "men", "staff", "armour",
                           "armor", "battalions", "system", "systems",
                           # what a force moves, of no one kind ("troops and equipment")
                           "equipment", "hardware", "weapon", "weapons", "weaponry"})
AMBIGUOUS = frozenset({"carrier", "aircraft", "plane", "jet", "ship", "vessel", "boat", "vehicle",
                       "truck", "lorry", "helicopter", "group", "unit", "tank", "man", "men",
                       "column", "convoy", "fighter", "staff", "officer", "system", "force",
                       "forces", "element", "bulldozer", "train", "battery", "squad",
                       "faction", "dissident", "echelon", "cutter", "squadron", "pilot",
                       "crew", "company", "formation", "grouping", "craft", "equipment",
                       "hardware", "weapon", "weaponry", "recruit"})
# machines that are military only when their own words say so ("Israeli armoured bulldozers");
# the war around them does not make a bulldozer that clears rubble a force
OWN_WORDS_ONLY = frozenset({"bulldozer", "train"})  # "a military train", not a train
MILITARY_CUES = frozenset({
    "military", "army", "navy", "naval", "troop", "soldier", "defence", "defense", "war",
    "warship", "armoured", "armored", "missile", "artillery", "invasion", "offensive", "combat",
    "frontline", "battle", "brigade", "battalion", "regiment", "division", "militant", "rebel",
    "drill", "exercise", "deployment", "fighter", "tank", "infantry", "mercenary", "ministry",
    "pentagon", "kremlin", "airstrike", "strike", "attack", "assault", "ceasefire", "insurgency",
    "mechanised", "mechanized", "insurgent", "jihadist", "militia", "gunman", "firefight",
    "garrison", "frigate", "destroyer", "corvette", "paratrooper", "marine", "peacekeeper",
    "siege", "shelling", "front",
})
# owners that make an ambiguous force ("forces", "units", "convoy") an armed one
ARMED_OWNERS = frozenset({"government", "security", "federal", "allied", "coalition", "rebel",
                          "opposition", "enemy", "paramilitary", "junta", "regime", "armed",
                          "special", "national", "state", "border", "militia", "insurgent"})
AIR_DEFENSE = re.compile(r"\b(?:S-[34]00|air[- ]defen[cs]e|anti-aircraft|Patriot)\b", re.I)
# particles of phrasal movement verbs, which the parser lets hold the place phrase
PARTICLES = frozenset(("back", "away", "out", "off", "forward", "closer", "further", "deeper",
                       "onward", "onwards"))
ROLE_OF_PREP = {
    "to": "destination", "towards": "destination", "toward": "destination", "into": "destination",
    "for": "destination", "onto": "destination", "on": "destination",
    "from": "origin",
    "in": "location", "at": "location", "near": "location", "around": "location",
    "through": "location", "via": "location", "across": "location", "along": "location",
    "outside": "location", "off": "location", "inside": "location", "within": "location",
    "over": "location", "by": "location", "north": "location", "south": "location",
    "east": "location", "west": "location", "into_": "destination",
}
POSTS = frozenset({"base", "position", "post", "camp", "garrison", "barracks", "country",
                   "city", "town", "village", "area", "region", "port", "harbour", "harbor",
                   "airfield", "airport", "territory", "bank", "sea", "zone", "front"})
BORDER = frozenset({"border", "borders", "frontier", "boundary", "frontline", "frontlines"})
# verbs whose object is the place a force reaches or passes ("entered the town", "crossed the
# river"), or leaves ("left Tartus", "vacated the island"); any of them, or storming, takes a
# force to a place
REACHES_OBJECT = frozenset(("reach", "enter", "penetrate", "approach", "surround", "cross",
                            "transit", "pass"))
LEAVES_OBJECT = frozenset(("leave", "depart", "exit", "quit", "abandon", "vacate"))
PLACE_OBJECT_VERBS = REACHES_OBJECT | LEAVES_OBJECT | {"storm"}
# what a force may pass as a place ("passed the strait", "passing the checkpoint")
PASSABLE = POSTS | BORDER | {"strait", "channel", "island", "islands", "coast", "cape",
                             "checkpoint", "station", "bridge", "crossing"}
VAGUE_PLACE = frozenset({"city", "town", "capital", "village", "port", "strait",
                         "airfield", "base", "airbase"})
# where an organisation-tagged name is the one acting or owning, not a place
NOT_A_PLACE_SLOT = frozenset(("nsubj", "nsubjpass", "poss", "compound", "agent"))

_LEMMA_FIX = {"staged": "stage", "stages": "stage", "staging": "stage", "poised": "poise"}


def lemma_of(tok: at.SpacyToken) -> str:
    """The lemma, mended where the model slips ("staged" -> "stag")."""
    return mended_lemma(tok.lower_, tok.lemma_)


def mended_lemma(lower: str, lemma: str) -> str:
    """`lemma_of` from a token's lower-case text and its lemma; a verb done again is the verb
    ("re-entered", "re-deployed" -> "enter", "deploy")."""
    lemma = _LEMMA_FIX.get(lower, lemma.lower())
    return lemma[3:] if lemma.startswith("re-") else lemma


def head_word(tok: at.SpacyToken) -> str:
    """The word a force noun is known by: its lemma, else its own text, else that text less a
    plural "s" (headline and name case hide the lemma: "Marines", "RSF Fighters")."""
    lemma = tok.lemma_.lower()
    if lemma in FORCE_HEADS:
        return lemma
    word = tok.lower_
    if word not in FORCE_HEADS and word.endswith("s") and word[:-1] in FORCE_HEADS:
        return word[:-1]
    return word


def is_force_word(tok: at.SpacyToken) -> bool:
    """A noun that may name a force: a force word, a model designation, or a guard of a state
    ("border guards", "the National Guard"), not a security guard."""
    return head_word(tok) in FORCE_HEADS or designated(tok.text) is not None or (
        tok.lemma_.lower() in ("guard", "guards") and any(
            c.dep_ in ("compound", "amod") and c.lower_ in GUARDS_OF_A_STATE
            for c in tok.children))


# the guards that are armed forces of a state
GUARDS_OF_A_STATE = frozenset(("border", "frontier", "national", "coast", "republican",
                               "presidential", "revolutionary"))


def is_noun_trigger(tok: at.SpacyToken) -> bool:
    return tok.pos_ == "NOUN" and lemma_of(tok) in NOUN_TRIGGERS


# nouns of evidence: "no sign of troops crossing", "reports that troops landed are false"
EVIDENCE_NOUNS = frozenset({"sign", "evidence", "indication", "trace", "report", "rumour",
                            "rumor", "claim", "allegation"})
DISPROVED = frozenset({"false", "untrue", "baseless", "unfounded", "fake", "fabricated"})

# prepositions that name where a force that sets out is going ("departed X for Y")
BOUND_FOR = frozenset(("for", "to", "toward", "towards"))
