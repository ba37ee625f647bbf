"""Localization of the pages: every page of the web corpus read in Vietnamese shows no English interface
string and no raw type code. The English strings looked for come from the message catalogue itself (an
English message that differs from its Vietnamese one), not from a hand list of what the pages say."""
from __future__ import annotations

import html as htmlmod
import re
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from kbcorpus import build_kb

from partyfacts.webapp.app import create_app
from partyfacts.webapp.i18n import messages

RAW_CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")      # party_committee, not_modified, in_office
URL = re.compile(r"(?:https?|file)://\S+|\S+\.(?:txt|html|csv|xlsx|json)\b")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


class _Visible(HTMLParser):
    """The text a reader sees or hears: text nodes outside script/style, plus the attributes that are read
    out (placeholder, aria-label, title, alt, an input's button value)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        a = dict(attrs)
        for name in ("placeholder", "aria-label", "title", "alt"):
            if a.get(name):
                self.parts.append(a[name])
        if tag == "input" and a.get("type") in ("submit", "button") and a.get("value"):
            self.parts.append(a["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(page_html: str) -> str:
    p = _Visible()
    p.feed(page_html)
    return " ".join(" ".join(p.parts).split())


def english_only_fragments() -> list[str]:
    """The literal pieces (between {placeholders}) of English messages that are not also Vietnamese text:
    at least two words or eight letters, absent from every Vietnamese message."""
    cat = messages()
    vi_all = "\n".join(e.get("vi", "") for e in cat.values())
    out = set()
    for entry in cat.values():
        en, vi = entry.get("en", ""), entry.get("vi", "")
        if not en or en == vi:
            continue
        for piece in PLACEHOLDER.split(en):
            piece = " ".join(piece.split()).strip(" .,:;·()–—-“”\"'#=")
            if (len(piece) >= 8 or " " in piece) and re.search(r"[A-Za-z]{3}", piece) and piece not in vi_all:
                out.add(piece)
    return sorted(out, key=len, reverse=True)


def pages_of(client) -> dict[str, str]:
    """Every kind of page of the corpus, found through the API (first row of each list), plus the error
    pages a reader can reach (404, a too-long query, a bad filter)."""
    def first(table):
        items = client.get(f"/api/{table}").get_json()["items"]
        return items[0] if items else None

    pages = {"home": "/", "try": "/try", "crawls": "/crawls", "login": "/login", "not_found": "/nope",
             "too_long": "/search?q=" + "x" * 300, "bad_date": "/roles?from=2024-13-45",
             "bad_id": "/roles?person=abc", "bad_page": "/articles?page=zz"}
    for table in ("articles", "persons", "places", "organizations", "roles", "figures"):
        pages[f"list_{table}"] = f"/{table}"
        if table in ("articles", "persons", "places", "organizations"):   # every detail page, up to 20
            for i, row in enumerate(client.get(f"/api/{table}?per_page=20").get_json()["items"]):
                pages[table[:-1] + ("" if i == 0 else f"_{i}")] = row["href"]
    art = first("articles")
    words = art["title"].split()[:2] if art and art.get("title") else ["a"]
    pages["search"] = "/search?q=" + "+".join(words)
    for tb in ("persons", "roles", "places", "organizations", "figures"):
        pages[f"search_{tb}"] = pages["search"] + "&type=" + tb
    fig = first("figures")
    if fig:
        pages["figures_unit"] = "/figures?unit=" + fig["unit"]
    org = first("organizations")
    if org:
        detail = client.get("/api" + org["href"]).get_json()
        posts = [p for p in detail.get("posts", []) if p.get("post", {}).get("href")]
        if posts:
            pages["post"] = posts[0]["post"]["href"]
    return pages


def _walk(client, lang: str) -> dict[str, str]:
    out = {}
    for name, path in pages_of(client).items():
        resp = client.get(path + ("&" if "?" in path else "?") + "lang=" + lang)
        assert resp.status_code in (200, 400, 404), (name, path, resp.status_code)
        out[name] = resp.get_data(as_text=True)
    return out


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    """The knowledge-base corpus (organisations with kinds and levels, posts, successors)."""
    app = create_app({"DATABASE": str(build_kb(tmp_path_factory.mktemp("i18n-kb"))), "TESTING": True,
                      "SECRET_KEY": "test"})
    yield app.test_client()
    app.extensions["partyfacts_db"].dispose()


@pytest.fixture(params=["web", "kb"])
def any_client(request, client, kb):
    return client if request.param == "web" else kb


def test_the_catalogue_gives_english_fragments_to_look_for():
    frags = english_only_fragments()
    assert "Skip to main content" in frags and "Party committee" in frags
    assert len(frags) > 100


def test_no_page_in_vietnamese_shows_an_english_interface_string_or_a_raw_code(any_client):
    frags = english_only_fragments()
    walked = _walk(any_client, "vi")
    assert {"person", "place", "organization", "article", "search", "too_long", "bad_date"} <= set(walked)
    problems = []
    for name, page_html in walked.items():
        text = URL.sub(" ", visible_text(page_html))
        problems += [(name, "english", f) for f in frags if f in text]
        problems += [(name, "code", c) for c in RAW_CODE.findall(text)]
    assert problems == []


def test_pages_in_english_show_no_raw_code_either(any_client):
    problems = []
    for name, page_html in _walk(any_client, "en").items():
        text = URL.sub(" ", visible_text(page_html))
        problems += [(name, c) for c in RAW_CODE.findall(text)]
    assert problems == []


def test_the_page_language_is_the_interface_language(client):
    for lang in ("vi", "en"):
        page_html = client.get(f"/persons?lang={lang}").get_data(as_text=True)
        assert f'<html lang="{lang}">' in page_html


@pytest.mark.parametrize("path, vi_words, en_words", [
    ("/search?q=" + "x" * 300, "Câu tìm dài 300 ký tự; giới hạn là 200", "The query is 300 characters long"),
    ("/roles?from=2024-13-45", "không phải là ngày", "is not a date"),
    ("/roles?person=abc", "phải là một mã số", "must be a numeric id"),
])
def test_refused_queries_answer_in_the_interface_language(client, path, vi_words, en_words):
    vi = client.get(path + "&lang=vi")
    en = client.get(path + "&lang=en")
    assert vi.status_code == en.status_code == 400
    assert vi_words in visible_text(vi.get_data(as_text=True))
    assert en_words in visible_text(en.get_data(as_text=True))


def test_a_too_long_query_keeps_the_box_filled(client):
    q = "bí thư tỉnh ủy " * 20
    page_html = client.get("/search", query_string={"q": q, "lang": "vi"}).get_data(as_text=True)
    box = re.search(r'<input id="top-q"[^>]*>', page_html).group(0)
    assert f'value="{htmlmod.escape(q, quote=True)}"' in box


def test_the_skip_link_is_the_first_focusable_element_and_main_is_its_target(client):
    for path in ("/", "/persons", "/try", "/nope"):
        page_html = client.get(path + "?lang=vi").get_data(as_text=True)
        body = page_html[page_html.index("<body>"):]
        first = re.search(r"<(a|input|button|select|textarea|summary)\b[^>]*>", body).group(0)
        assert 'class="skip"' in first, (path, first)
        target = re.search(r'href="#([^"]+)"', first).group(1)
        assert f'id="{target}"' in page_html
    assert "Bỏ qua đến nội dung chính" in client.get("/?lang=vi").get_data(as_text=True)
    assert "Skip to main content" in client.get("/?lang=en").get_data(as_text=True)


def test_every_form_control_has_a_label(any_client):
    unlabeled = []
    for name, page_html in _walk(any_client, "vi").items():
        labels_for = set(re.findall(r'<label[^>]*\bfor="([^"]+)"', page_html))
        wrapped = re.sub(r"<label\b.*?</label>", "", page_html, flags=re.S)   # controls inside a <label>
        for ctl in re.findall(r"<(?:input|select|textarea)\b[^>]*>", wrapped):
            if 'type="hidden"' in ctl:
                continue
            ident = re.search(r'\bid="([^"]+)"', ctl)
            if "aria-label=" in ctl or (ident and ident.group(1) in labels_for):
                continue
            unlabeled.append((name, ctl))
    assert unlabeled == []


def test_the_2025_successor_links_to_its_own_page_or_to_the_places_of_its_name(kb, client):
    places = kb.get("/api/places").get_json()["items"]
    merged = next(p for p in places if p["name"] == "Nam Đàn")          # a district merged into its province
    province = next(p for p in places if p["name"] == merged["successor_name"] and p["type"] == "tỉnh")
    page_html = kb.get(merged["href"] + "?lang=vi").get_data(as_text=True)
    assert f'<a href="{province["href"]}">tỉnh Nghệ An</a>' in page_html
    itself = kb.get(province["href"] + "?lang=vi").get_data(as_text=True)   # a province that stays itself
    assert "(không đổi)" in itself and f'<a href="{province["href"]}">' not in itself
    pl = next(i for i in client.get("/api/places", query_string={"q": "vinh yen"}).get_json()["items"]
              if i["name"] == "Vĩnh Yên")                                   # successor not in this corpus
    page_html = client.get(pl["href"]).get_data(as_text=True)
    assert f'<a href="/places?q={quote("Vĩnh Phúc")}">phường Vĩnh Phúc</a>' in page_html
