#!/usr/bin/env python3
"""Extract CLDR subdivision display names (all locales) into flat TSV files.

Input: an unpacked CLDR `common/` directory. We used Debian's package
`unicode-cldr-core` 48.2-2 (Debian sid; CLDR 48.2; Unicode License v3). Fetched with apt's
ordinary client, using a private apt state dir so the machine's apt config is untouched:
    echo 'deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main' > /tmp/apt-alt/sources.list
    O="-o Dir::Etc::SourceList=/tmp/apt-alt/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=/tmp/apt-alt/lists -o Dir::Cache=/tmp/apt-alt/cache"
    apt-get $O update && apt-get $O download unicode-cldr-core=48.2-2
    dpkg-deb -x unicode-cldr-core_48.2-2_all.deb x
    python3 extract_cldr_subdivisions.py x/usr/share/unicode/cldr/common OUTDIR "CLDR 48.2 (Debian unicode-cldr-core 48.2-2)"
(Debian bookworm's unicode-cldr-core 41-0.1 works the same way but is CLDR 41, 2022, with
pre-2023 ISO codes, e.g. IR-07 for Tehran, IN-TG for Telangana.)
(The same files are in github.com/unicode-org/cldr under common/, newer releases;
the cldr-json `cldr-subdivisions-full` package is NOT a substitute: it only carries
gbeng/gbsct/gbwls outside English.)

Outputs:
  cldr-subdivision-codes.tsv : cldr_code, iso3166_2, parent (ISO country or parent subdivision), level, status
  cldr-subdivisions.tsv.gz   : cldr_code, iso3166_2, locale, name, draft
  cldr-subdivision-aliases.tsv : old cldr_code, old iso, replacement code(s), reason
                                 (supplemental/supplementalMetadata.xml subdivisionAlias)
"""
import gzip, os, re, sys

def gz_write(path):
    """Deterministic gzip text writer (mtime 0, no file name), so rebuilt files are byte-identical."""
    import io
    return io.TextIOWrapper(gzip.GzipFile(filename="", mode="wb", fileobj=open(path, "wb"), mtime=0, compresslevel=9),
                            encoding="utf-8", newline="")

import xml.etree.ElementTree as ET

common, out = sys.argv[1], sys.argv[2]
SRC = sys.argv[3] if len(sys.argv) > 3 else "CLDR (unknown version)"
os.makedirs(out, exist_ok=True)

def iso(code):
    return code[:2].upper() + "-" + code[2:].upper()

# hierarchy: subdivisionContainment
sup = ET.parse(os.path.join(common, "supplemental", "subdivisions.xml")).getroot()
parent = {}
for sg in sup.iter("subgroup"):
    for c in sg.get("contains").split():
        parent[c] = sg.get("type")

# validity status (regular/deprecated/unknown ...)
status = {}
val = ET.parse(os.path.join(common, "validity", "subdivision.xml")).getroot()
for idn in val.iter("id"):
    st = idn.get("idStatus")
    for tok in idn.text.split():
        if "~" in tok:                      # range like ad02~8, afbal~m
            a, b = tok.split("~")
            pre, last = a[:-len(b)], a[-len(b):]
            # ranges iterate on the last character(s)
            if last.isdigit():
                for i in range(int(last), int(b) + 1):
                    status[pre + str(i).zfill(len(b))] = st
            else:
                for ch in range(ord(last), ord(b) + 1):
                    status[pre + chr(ch)] = st
        else:
            status[tok] = st

def level(c):
    p, n = parent.get(c), 1
    while p and len(p) > 2:
        p, n = parent.get(p), n + 1
    return n if c in parent else ""

codes = sorted(set(status) | set(parent))
with open(os.path.join(out, "cldr-subdivision-codes.tsv"), "w", encoding="utf-8") as f:
    f.write(f"# {SRC}: subdivision codes from common/validity/subdivision.xml + common/supplemental/subdivisions.xml.\n")
    f.write("# Licence: Unicode License v3 (Copyright Unicode, Inc.); see cldr-subdivisions.md.\n")
    f.write("cldr_code\tiso3166_2\tparent\tlevel\tstatus\n")
    for c in codes:
        p = parent.get(c, "")
        f.write(f"{c}\t{iso(c)}\t{p if len(p) <= 2 else iso(p)}\t{level(c)}\t{status.get(c, '')}\n")

n = 0
locs = set()
sd = os.path.join(common, "subdivisions")
with gz_write(os.path.join(out, "cldr-subdivisions.tsv.gz")) as f:
    f.write(f"# {SRC}: common/subdivisions/*.xml. Licence: Unicode License v3 (Copyright Unicode, Inc.).\n")
    f.write("cldr_code\tiso3166_2\tlocale\tname\tdraft\n")
    for fn in sorted(os.listdir(sd)):
        if not fn.endswith(".xml"):
            continue
        root = ET.parse(os.path.join(sd, fn)).getroot()
        loc = fn[:-4]
        for e in root.iter("subdivision"):
            name = (e.text or "").strip()
            if not name:
                continue
            c = e.get("type")
            f.write(f"{c}\t{iso(c)}\t{loc}\t{name}\t{e.get('draft', '')}\n")
            n += 1
            locs.add(loc)
meta = ET.parse(os.path.join(common, "supplemental", "supplementalMetadata.xml")).getroot()
na = 0
with open(os.path.join(out, "cldr-subdivision-aliases.tsv"), "w", encoding="utf-8") as f:
    f.write(f"# {SRC}: subdivisionAlias from common/supplemental/supplementalMetadata.xml. Licence: Unicode License v3.\n")
    f.write("cldr_code\tiso3166_2\treplacement\treplacement_iso\treason\n")
    for e in meta.iter("subdivisionAlias"):
        old, rep = e.get("type"), e.get("replacement")
        reps = " ".join(iso(r) if len(r) > 2 else r for r in rep.split())
        f.write(f"{old}\t{iso(old)}\t{rep}\t{reps}\t{e.get('reason')}\n")
        na += 1
print("codes", len(codes), "names", n, "locales", len(locs), "aliases", na)
