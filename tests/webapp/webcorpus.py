"""The web tests' corpus: the development gold texts ingested as .txt files, facts stored through
the real pipeline from the gold annotations (spans found in the text), one hostile article with an
archived raw page, and one failed crawl run. Shared by tests/webapp and tests/e2e."""
from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

from partyfacts import nlp
from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.corpus.jobs import ingest_files, process_articles

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
ADMIN_PASSWORD = "correct horse battery staple"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> Bí thư "><b>bold</b>'


def _all(text: str, s: str) -> tuple[tuple[int, int], ...]:
    return tuple((mt.start(), mt.end()) for mt in re.finditer(re.escape(s), text)) if s else ()


def _number_forms(v) -> list[str]:
    if float(v).is_integer():
        n = int(v)
        return [f"{n:,}".replace(",", "."), str(n)]
    return [str(v).replace(".", ","), str(v)]


def gold_extractor(gold_by_text: dict[str, dict]):
    """An extract() stand-in that answers the gold annotations of a text, spans located in it."""
    def extract(text, site=None, url=None):
        g = gold_by_text.get(text)
        if g is None:
            return nlp.Extraction()
        persons = tuple(nlp.Person(name=p, mentions=_all(text, p)) for p in g.get("persons", []) if _all(text, p))
        places = tuple(nlp.Place(name=p, type="thành phố" if p == "Vĩnh Yên" else "", province="Vĩnh Phúc",
                                 mentions=_all(text, p), code="243" if p == "Vĩnh Yên" else "",
                                 successor=nlp.AdminUnitRef("Vĩnh Phúc", "phường", "Phú Thọ", "8970")
                                 if p == "Vĩnh Yên" else None, era="legacy" if p == "Vĩnh Yên" else "")
                       for p in g.get("places", []) if _all(text, p))
        orgs, roles = {}, []
        for r in g.get("roles", []):
            spans = _all(text, r["title"])
            if not spans:
                continue
            if r.get("organization") and _all(text, r["organization"]):
                orgs[r["organization"]] = nlp.Organization(r["organization"], _all(text, r["organization"]))
            roles.append(nlp.Role(person=r["person"], title=r["title"], organization=r.get("organization", ""),
                                  span=spans[0]))
        figures = []
        for f in g.get("figures", []):
            for form in _number_forms(f["value"]):
                # the number followed by its unit, so the "6" of a date is not taken for "6 đảng viên"
                mt = re.search(r"(?<![\d.,])" + re.escape(form) + r"\s?" + re.escape(f["unit"]), text)
                if mt:
                    a = text.rfind(".", 0, mt.start()) + 1
                    b = text.find(".", mt.end())
                    figures.append(nlp.Figure(value=f["value"], unit=f["unit"], text=mt.group(0),
                                              span=(mt.start(), mt.end()),
                                              sentence=text[a:b if b > 0 else None].strip()))
                    break
        return nlp.Extraction(persons=persons, roles=tuple(roles), places=places,
                              organizations=tuple(orgs.values()), figures=tuple(figures))
    return extract


def build_corpus(path: Path, db_url: str | None = None) -> Path | str:
    """A corpus of the gold articles (with a publication date each) plus one hostile article: a SQLite
    file under ``path`` (returned), or the database at ``db_url`` (returned)."""
    db_file = db_url or path / "web.db"
    txt = path / "txt"
    txt.mkdir()
    gold_by_text, files = {}, []
    for i, f in enumerate(sorted(GOLD.glob("*.json"))):
        d = json.loads(f.read_text(encoding="utf-8"))
        day = d.get("published") or f"2024-{(i % 12) + 1:02d}-15"
        y, mo, da = day[:10].split("-")
        body = f"{int(da)}/{int(mo)}/{y}\n{d['text']}"
        p = txt / f"{d['id']}.txt"
        p.write_text(body, encoding="utf-8")
        gold_by_text[body] = d["gold"]
        files.append(p)
    db = open_db(str(db_file))
    ingest_files(db, files, site="gold-portal")
    hostile = txt / "hostile.txt"
    hostile.write_text(f"{HOSTILE}\n1/2/2023\nĐảng bộ xã An Bình có 120 đảng viên. {HOSTILE}", encoding="utf-8")
    ingest_files(db, [hostile], site="evil.example")
    process_articles(db, extract=gold_extractor(gold_by_text), progress=False)
    raw = b"<html><head><script>alert(1)</script><style>body{}</style></head><body onload=alert(2)>" \
          b"<h1>Tin g\xe1\xbb\x91c</h1><p>Vi\xe1\xbb\x87t Nam</p><iframe src=//evil></iframe></body></html>"
    with db.session() as s:
        a = s.query(m.Article).filter(m.Article.url.like("%hostile.txt")).one()
        rp = m.RawPage(site_id=a.site_id, url=a.url, canonical_url=a.url, sha256=hashlib.sha256(raw).hexdigest(),
                       html_gz=gzip.compress(raw), size=len(raw), encoding="utf-8", content_type="text/html")
        s.add(rp)
        s.flush()
        a.raw_page_id = rp.id
        a.url = "javascript:alert(document.domain)//hostile.txt"  # a scraped link must never become one
        site = s.query(m.Site).filter_by(name="gold-portal").one()
        site.base_url, site.schedule = "http://127.0.0.1:9/", "every 6h"
        s.add(m.CrawlRun(site_id=site.id, status="failed", pages_fetched=3, errors=1,
                         error_log="http://127.0.0.1:9/x: connection refused <b>", rejected='{"not an article": 2}'))
    db.dispose()
    return db_file
