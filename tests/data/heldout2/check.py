"""Sanity check for the held-out set 2 gold files (standalone; does not use the extractor).

Every file parses; every person, place and role title occurs in its text modulo NFC, case and
tone-mark placement; every figure's value can be read off a number written in the text.
Run: python3 tests/data/heldout2/check.py
"""
import glob, json, os, re, sys, unicodedata

TONES = {0x300, 0x301, 0x303, 0x309, 0x323}
WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
SCALE = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}


def fold(s):
    s = unicodedata.normalize("NFD", s).replace("\r\n", "\n")
    s = "".join(c for c in s if ord(c) not in TONES)
    return unicodedata.normalize("NFC", s).lower()


def numbers(text):
    t = unicodedata.normalize("NFC", text)
    vals = set()
    for m in re.finditer(r"\d[\d.]*(?:,\d+)?", t):
        raw = m.group().rstrip(".")
        try:
            v = float(raw.replace(".", "").replace(",", "."))
        except ValueError:
            continue
        vals.add(v)
        rest = t[m.end():m.end() + 30].split()
        # "153 tỷ 900 triệu", "1,27 tỷ", ranges "từ 120 đến 150 tỷ", "4 - 5%"
        for i in range(min(4, len(rest))):
            mult, j = 1.0, i
            while j < len(rest) and rest[j].strip(",.;:()").lower() in SCALE:
                mult *= SCALE[rest[j].strip(",.;:()").lower()]
                vals.add(v * mult)
                j += 1
    for w, v in WORDS.items():
        if re.search(r"(?<!\w)" + w + r"(?!\w)", t, re.I):
            vals.add(float(v))
    return vals


def main(d):
    bad = 0
    files = sorted(glob.glob(os.path.join(d, "h2_*.json")))
    for f in files:
        a = json.load(open(f, encoding="utf-8"))
        for k in ("id", "url", "site", "title", "published", "text", "gold"):
            assert k in a, (f, k)
        assert a["id"] == os.path.basename(f)[:-5]
        g, text = a["gold"], fold(a["text"])
        nums = numbers(a["text"])
        def need(kind, s):
            nonlocal bad
            if fold(s) not in text:
                bad += 1
                print(f"{a['id']}: {kind} not in text: {s!r}")
        for p in g["persons"]:
            need("person", p)
        for p in g["places"]:
            need("place", p)
        persons = set(g["persons"])
        for r in g["roles"]:
            assert r["person"] in persons, (a["id"], r)
            need("title", r["title"])
        seen = set()
        for x in g["figures"]:
            key = (x["value"], x["unit"])
            if key in seen:
                bad += 1; print(f"{a['id']}: duplicate figure {key}")
            seen.add(key)
            if not any(abs(n - x["value"]) <= 1e-6 * max(1, abs(n)) for n in nums):
                bad += 1; print(f"{a['id']}: figure value not found: {key}")
        for kind in ("persons", "places"):
            if len(set(map(fold, g[kind]))) != len(g[kind]):
                bad += 1; print(f"{a['id']}: duplicate {kind}")
    print(f"{len(files)} files, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(os.path.dirname(os.path.abspath(__file__))))
