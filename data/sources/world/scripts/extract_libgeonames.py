#!/usr/bin/env python3
"""Extract the localized GeoNames names shipped in Debian's libgeonames-common into flat TSV files.

Input: the unpacked package libgeonames-common 0.3.0-1 (Debian; GeoNames data, CC BY 4.0), fetched
with apt's ordinary client:
    apt-get download libgeonames-common=0.3.0-1      # sha256 6446f39d...38131930
    dpkg-deb -x libgeonames-common_0.3.0-1_all.deb x
    python3 extract_libgeonames.py x/usr/share/locale OUTDIR
Each usr/share/locale/<locale>/LC_MESSAGES/geonames.mo is a gettext catalogue whose keys are GeoNames
keys and whose values are the name in that locale: a city's geonameid (the cities15000 list of about
2022), a first-level division's code (UA.05) or a country code (UA).

Outputs (sorted, deterministic gzip: rebuilt files are byte-identical):
  geonames-names-by-locale.tsv.gz   geonameid, locale, name   (cities; sorted by id, then locale)
  libgeonames-admin1-names.tsv.gz   admin1_code, locale, name (first-level divisions; sorted)
Country names are not extracted (the gazetteer takes them from CLDR).
Standard library only.
"""

import gettext
import gzip
import io
import os
import re
import sys

ADMIN1 = re.compile(r"[A-Z]{2}\.[0-9A-Z]+")


def gz_write(path):
    """Deterministic gzip text writer (mtime 0, no file name); closing it closes the file."""
    raw = gzip.GzipFile(filename="", mode="wb", fileobj=open(path, "wb"), mtime=0, compresslevel=9)  # noqa: SIM115
    raw.myfileobj = raw.fileobj  # GzipFile closes only a file it opened itself
    return io.TextIOWrapper(raw, encoding="utf-8", newline="")


def catalogues(locale_dir):
    for locale in sorted(os.listdir(locale_dir)):
        path = os.path.join(locale_dir, locale, "LC_MESSAGES", "geonames.mo")
        if os.path.isfile(path):
            with open(path, "rb") as f:
                yield locale, gettext.GNUTranslations(f)._catalog


def main(locale_dir, out):
    cities, admin1 = [], []
    for locale, catalog in catalogues(locale_dir):
        for key, name in catalog.items():
            if not key:  # the catalogue's own header
                continue
            if key.isdigit():
                cities.append((int(key), locale, name))
            elif ADMIN1.fullmatch(key):
                admin1.append((key, locale, name))
    cities.sort()
    admin1.sort()
    with gz_write(os.path.join(out, "geonames-names-by-locale.tsv.gz")) as f:
        f.write("geonameid\tlocale\tname\n")
        f.writelines(f"{g}\t{loc}\t{name}\n" for g, loc, name in cities)
    with gz_write(os.path.join(out, "libgeonames-admin1-names.tsv.gz")) as f:
        f.write("admin1_code\tlocale\tname\n")
        f.writelines(f"{code}\t{loc}\t{name}\n" for code, loc, name in admin1)
    print(f"{len(cities)} city names, {len(admin1)} first-level division names")


if __name__ == "__main__":
    main(*sys.argv[1:3])
