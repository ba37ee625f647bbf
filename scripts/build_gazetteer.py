#!/usr/bin/env python3
"""Build nlp/data/places/admin_units.tsv from the ``vietnamadminunits`` package (MIT licence).

The package ships the GSO administrative units before the 1 July 2025 reform (63 provinces,
districts, communes) and after it (34 provinces, communes), and a converter table from old communes
to new ones. This script flattens what the extractor needs into one small tab-separated file:

    era  level  code  type  name  province_code  district_code  successor_code  aliases

era      "legacy" (to 30 June 2025) or "2025" (from 1 July 2025)
level    P (province), D (district, legacy only), C (commune/ward/town/special zone)
code     GSO code (province codes differ between eras: look them up within the era)
successor_code  for legacy rows: the 2025 unit the row became part of (a commune for communes, the
         province for districts and provinces); empty for 2025 rows and when unknown
aliases  "|"-separated accent-less keys of former names the package lists (merged units), may be empty

Usage: .venv/bin/python scripts/build_gazetteer.py [OUT_PATH]
"""
from __future__ import annotations

import json
import re
import sqlite3
import sys
from importlib import metadata
from pathlib import Path

import vietnamadminunits

PKG_DATA = Path(vietnamadminunits.__file__).parent / "data"
OUT_DEFAULT = Path(__file__).resolve().parent.parent / "nlp" / "data" / "places" / "admin_units.tsv"


_DISAMBIG = re.compile(r"\s*\((?:Huyện|Thị xã|Thành phố|Thị trấn|Xã|Phường)\)$")


def _short(name: str) -> str:
    """The source marks same-named units of one parent ("Kỳ Anh (Huyện)", "Yên Viên (Xã)"); the
    type column already says which is which, so the name is kept as written in texts."""
    return _DISAMBIG.sub("", name)


def _aliases(raw: str | None) -> list[str]:
    return sorted(set(json.loads(raw))) if raw else []


def build(out_path: Path) -> int:
    db = sqlite3.connect(PKG_DATA / "dataset.db")
    db.row_factory = sqlite3.Row
    conv = json.loads((PKG_DATA / "converter_2025.json").read_text(encoding="utf-8"))

    rows: list[tuple[str, ...]] = []
    # ---- 2025 units
    new_prov_code: dict[str, str] = {}        # new province key → code
    new_ward_code: dict[tuple[str, str], str] = {}  # (new province key, ward key) → code
    seen = set()
    for r in db.execute("SELECT * FROM admin_units ORDER BY provinceCode, wardCode"):
        pk = r["provinceKey"]
        if pk not in new_prov_code:
            new_prov_code[pk] = r["provinceCode"]
            ptype = r["province"][: -len(r["provinceShort"])].strip()
            rows.append(("2025", "P", r["provinceCode"], ptype, r["provinceShort"], "", "", "",
                         "|".join(_aliases(r["provinceAlias"]))))
        new_ward_code[(pk, r["wardKey"])] = r["wardCode"]
        if r["wardCode"] in seen:
            continue
        seen.add(r["wardCode"])
        rows.append(("2025", "C", r["wardCode"], r["wardType"], _short(r["wardShort"]), r["provinceCode"], "", "",
                     "|".join(_aliases(r["wardAlias"]))))

    # ---- legacy → 2025 successors
    old_prov_to_new = {old: new for new, olds in conv["DICT_PROVINCE"].items() for old in olds}
    old_ward_to_new: dict[str, str] = {}
    for new_pk, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wk, olds in wards.items():
            for old in olds:
                old_ward_to_new[old] = new_ward_code.get((new_pk, new_wk), "")
    for new_pk, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, options in olds.items():
            default = next((o["newWardKey"] for o in options if o["isDefaultNewWard"]), None)
            if default and old not in old_ward_to_new:
                old_ward_to_new[old] = new_ward_code.get((new_pk, default), "")

    # ---- legacy units
    seen_p: set[str] = set()
    seen_d: set[str] = set()
    seen_c: set[str] = set()
    for r in db.execute("SELECT * FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode"):
        pk, pcode = r["provinceKey"], r["provinceCode"]
        new_pk = old_prov_to_new.get(pk, "")
        new_pcode = new_prov_code.get(new_pk, "")
        if pcode not in seen_p:
            seen_p.add(pcode)
            ptype = r["province"][: -len(r["provinceShort"])].strip()
            rows.append(("legacy", "P", pcode, ptype, r["provinceShort"], "", "", new_pcode,
                         "|".join(_aliases(r["provinceAlias"]))))
        dcode = r["districtCode"]
        if dcode not in seen_d:
            seen_d.add(dcode)
            rows.append(("legacy", "D", dcode, r["districtType"], _short(r["districtShort"]), pcode, "", new_pcode,
                         "|".join(_aliases(r["districtAlias"]))))
        if r["ward"] is None:
            # island districts without communes became special zones (đặc khu) of the same name
            succ = new_ward_code.get((new_pk, "dackhu" + r["districtShortKey"]), "")
            if succ:
                rows[-1] = rows[-1][:7] + (succ,) + rows[-1][8:] if rows[-1][2] == dcode else rows[-1]
            continue
        wcode = r["wardCode"]
        if wcode in seen_c:
            continue
        seen_c.add(wcode)
        old_key = f"{pk}_{r['districtKey']}_{r['wardKey']}"
        rows.append(("legacy", "C", wcode, r["wardType"], _short(r["wardShort"]), pcode, dcode,
                     old_ward_to_new.get(old_key, ""), "|".join(_aliases(r["wardAlias"]))))

    version = metadata.version("vietnamadminunits")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Vietnamese administrative units before (legacy, 63 provinces) and after (2025, 34 provinces) "
                 "the 1 July 2025 reform, with GSO codes and old→new successors.\n")
        fh.write(f"# Source: vietnamadminunits {version} (MIT licence, https://github.com/tranngocminhhieu/"
                 f"vietnamadminunits): data/dataset.db and data/converter_2025.json.\n")
        fh.write("# Generated by scripts/build_gazetteer.py; do not edit by hand.\n")
        fh.write("era\tlevel\tcode\ttype\tname\tprovince_code\tdistrict_code\tsuccessor_code\taliases\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    return len(rows)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT_DEFAULT
    n = build(out)
    print(f"wrote {n} units to {out}")
