#!/usr/bin/env python3
"""Sanity check for held-out set 3 (not a pytest module): every file parses, has the expected keys,
every person / place / role string occurs in the text (modulo NFC, case and tone-mark placement),
and every figure's number occurs in some written form. Usage: python3 check_gold.py"""
import glob, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OLD_NEW = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
           "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}


def fold(s):
    s = unicodedata.normalize("NFC", s).lower()
    for a, b in OLD_NEW.items():
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s)


def number_forms(v):
    forms = set()
    if isinstance(v, float) and not v.is_integer():
        ip, fp = repr(v).split(".")
        forms.add(f"{int(ip):,}".replace(",", ".") + "," + fp)
    else:
        v = int(v)
        forms |= {str(v), f"{v:,}".replace(",", ".")}
        for scale in (10**9, 10**6, 10**3):
            if v % (scale // 100) == 0 and v >= scale // 100:
                q = v / scale
                if q >= 1 or scale == 10**3:
                    s = ("%g" % q).replace(".", ",")
                    forms.add(s)
                    if "," in s:
                        a, b = s.split(",")
                        forms.add(f"{int(a):,}".replace(",", ".") + "," + b)
                    else:
                        forms.add(f"{int(s):,}".replace(",", "."))
        words = {1: "một", 2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín", 10: "mười"}
        if v in words:
            forms.add(words[v])
    return forms


def main():
    bad = 0
    files = sorted(glob.glob(os.path.join(HERE, "h3_*.json")))
    for path in files:
        d = json.load(open(path, encoding="utf-8"))
        for k in ("id", "url", "site", "title", "published", "text", "gold"):
            assert k in d, (path, k)
        assert d["id"] == os.path.basename(path)[:-5]
        g = d["gold"]
        text = fold(d["text"])
        def need(s, what):
            nonlocal bad
            if fold(s) not in text:
                print(f"{d['id']}: {what} not in text: {s!r}")
                bad += 1
        for p in g["persons"]:
            need(p, "person")
            assert unicodedata.normalize("NFC", p) == p
        for p in g["places"]:
            need(p, "place")
        persons = set(g["persons"])
        for r in g["roles"]:
            assert r["person"] in persons, (d["id"], r)
            need(r["title"], "title")
            for w in r["organization"].split():
                need(w, "organization word")
        seen = set()
        for f in g["figures"]:
            key = (f["value"], f["unit"])
            if key in seen:
                print(f"{d['id']}: duplicate figure {key}"); bad += 1
            seen.add(key)
            if not any(re.search(r"(?<![\w.,])" + re.escape(fold(n)) + r"(?![\w])", text) for n in number_forms(f["value"])):
                print(f"{d['id']}: number not in text: {f}"); bad += 1
            if f["unit"] != f["unit"].lower():
                print(f"{d['id']}: unit not lowercase: {f}"); bad += 1
        print(f"{d['id']}: {len(g['persons'])} persons, {len(g['roles'])} roles, {len(g['places'])} places, {len(g['figures'])} figures")
    print("files:", len(files), "problems:", bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
