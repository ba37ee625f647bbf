"""Write nlp/data/people/admin_names.txt: province and district names (without unit words) from the
vietnamadminunits package (legacy 63-province data and the 2025 34-province data).

The people extractor uses the list to tell a capitalised place name ("Hà Giang", "Mai Châu") from
a personal name when no other cue decides. Deterministic: sorted output.
usage: .venv/bin/python scripts/build_people_admin_names.py
"""
import json
from pathlib import Path

import vietnamadminunits

PKG = Path(vietnamadminunits.__file__).parent / "data"
OUT = Path(__file__).resolve().parents[1] / "nlp" / "data" / "people" / "admin_names.txt"


def names() -> set[str]:
    out: set[str] = set()
    legacy = json.loads((PKG / "parser_legacy.json").read_text(encoding="utf-8"))
    for p in legacy["DICT_PROVINCE"].values():
        out.add(p["provinceShort"])
    for districts in legacy["DICT_PROVINCE_DISTRICT"].values():
        for d in districts.values():
            if not d["districtShort"][:1].isdigit():
                out.add(d["districtShort"])
    new = json.loads((PKG / "parser_from_2025.json").read_text(encoding="utf-8"))
    for p in new["DICT_PROVINCE"].values():
        out.add(p["provinceShort"])
    return {n for n in out if len(n.split()) >= 2}


def main() -> None:
    rows = sorted(names())
    header = ("# Province and district names of Vietnam (legacy and 2025), without unit words.\n"
              f"# Source: vietnamadminunits {getattr(vietnamadminunits, '__version__', '1.0.4')} data files "
              "(parser_legacy.json, parser_from_2025.json); built by scripts/build_people_admin_names.py\n")
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
