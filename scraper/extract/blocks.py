"""Body blocks and boilerplate: the visible text of the body as blocks, then widgets, captions, date
lines and boilerplate (data/boilerplate.toml) out, and the author / "Nguồn:" lines out of the tail."""
from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from bs4 import NavigableString, Tag

from .common import DATA_DIR, SKIP_NODES, clean, key
from .pubdate import is_date_line

log = logging.getLogger(__name__)

_BLOCK = {"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "dl", "dt", "dd", "table", "tbody", "thead", "tr", "blockquote", "figure", "figcaption", "pre", "center",
          "address", "hr", "caption"}


@dataclass(frozen=True)
class Boilerplate:
    drop_selectors: str
    stop_headings: frozenset[str]
    drop_lines: tuple[re.Pattern, ...]
    caption_credit: re.Pattern
    author_lines: tuple[re.Pattern, ...]
    source_lines: tuple[re.Pattern, ...]
    author_source: re.Pattern
    author_then_source: re.Pattern
    inline_credit: re.Pattern
    account_authors: frozenset[str]
    production_credits: tuple[re.Pattern, ...]
    author_affiliation: re.Pattern


@lru_cache(maxsize=1)
def boilerplate() -> Boilerplate:
    """The boilerplate rules of data/boilerplate.toml (read once)."""
    with open(DATA_DIR / "boilerplate.toml", "rb") as fh:
        d = tomllib.load(fh)
    rx = lambda xs: tuple(re.compile(x, re.I) for x in xs)  # noqa: E731
    return Boilerplate(", ".join(d["drop_selectors"]), frozenset(d["stop_headings"]), rx(d["drop_lines"]),
                       re.compile(d["caption_credit"], re.I), rx(d["author_lines"]), rx(d["source_lines"]),
                       re.compile(d["author_source_line"], re.I), re.compile(d["author_then_source_line"], re.I),
                       re.compile(d["inline_credit"], re.I), frozenset(d["account_authors"]),
                       rx(d["production_credit_lines"]), re.compile(d["author_affiliation_line"], re.I))


@dataclass
class Block:
    text: str
    link_chars: int
    heading: bool = False

    @property
    def link_ratio(self) -> float:
        return self.link_chars / max(1, len(self.text))


def blocks_of(el: Tag) -> list[Block]:
    """The visible text of `el` as blocks: block elements and <br> end a block."""
    out: list[Block] = []
    buf: list[str] = []
    link = [0]
    heading = [False]

    def flush():
        t = clean("".join(buf))
        if t:
            out.append(Block(t, min(link[0], len(t)), heading[0]))
        buf.clear()
        link[0] = 0
        heading[0] = False

    def walk(node: Tag, in_link: bool, in_heading: bool):
        for child in node.children:
            if isinstance(child, NavigableString):
                if isinstance(child, SKIP_NODES):
                    continue
                s = str(child)
                buf.append(s)
                if in_link:
                    link[0] += len(s.strip())
                if in_heading and s.strip():
                    heading[0] = True
            elif isinstance(child, Tag):
                name = child.name
                if name == "br":
                    flush()
                elif name in _BLOCK:
                    flush()
                    walk(child, in_link, in_heading or name in ("h1", "h2", "h3", "h4", "h5", "h6"))
                    flush()
                elif name in ("td", "th"):
                    buf.append(" ")
                    walk(child, in_link, in_heading)
                    buf.append(" ")
                elif name == "img":
                    continue
                else:
                    walk(child, in_link or name == "a", in_heading)

    walk(el, False, False)
    flush()
    return out


def _strip_label(t: str, rx_list) -> str | None:
    for rx in rx_list:
        m = rx.fullmatch(t)
        if m:
            return clean(m.group("name")).strip(" .()")
    return None


def _looks_like_byline(t: str) -> bool:
    """A short line of capitalised words, no sentence punctuation: how portals sign an article."""
    words = t.replace(",", " ").split()
    if not (1 <= len(words) <= 6) or len(t) > 60 or t[-1] in ".!?:;…\"”":
        return False
    return all(w[0].isupper() or w in ("-", "–", "&", "và") for w in words) and any(len(w) > 1 for w in words)


def _running_text_follows(blocks: list[Block], j: int, bp: Boilerplate) -> bool:
    """After a widget's link list, article paragraphs go on (a long block of plain text before any other
    widget heading): the widget was an inline box, not the end of the article."""
    for b in blocks[j:j + 3]:
        if len(b.text) <= 60 and key(b.text) in bp.stop_headings:
            return False
        if len(b.text) >= 80 and b.link_ratio < 0.2 and not is_date_line(b.text):
            return True
    return False


@dataclass
class Aside:
    """What `clean_blocks` takes out of the body but an article keeps in its own fields: photo captions,
    the date line, the signature and source lines, as printed."""
    captions: list[str] = field(default_factory=list)
    datelines: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    source_line: str = ""


def clean_blocks(blocks: list[Block], title: str, *, find_byline: bool = True,
                 aside: Aside | None = None) -> tuple[list[str], str, str]:
    """Boilerplate out, then author / source lines out of the tail. → (paragraphs, author, source).
    Captions, date lines, signature and source lines taken out go to `aside` when given."""
    bp = boilerplate()
    aside = aside if aside is not None else Aside()
    total = sum(len(b.text) for b in blocks)
    kept: list[Block] = []
    seen_chars = 0
    i = 0
    while i < len(blocks):
        b = blocks[i]
        i += 1
        k = key(b.text)
        if len(b.text) <= 60 and k in bp.stop_headings:
            j = i
            while j < len(blocks) and blocks[j].link_ratio > 0.5:
                j += 1  # the widget's link list
            if (seen_chars >= 100 or seen_chars >= 0.3 * total) and not _running_text_follows(blocks, j, bp):
                if log.isEnabledFor(logging.DEBUG):
                    log.debug("dropped after the widget heading %r: %s", b.text, [x.text[:60] for x in blocks[i:]])
                break  # a widget after the article: the rest is not the article
            i = j  # a widget before or inside the article (an inline "Tin liên quan" box): skip its links
            continue
        seen_chars += len(b.text)
        if b.link_ratio > 0.9 and len(b.text) < 200:
            log.debug("dropped as a link: %r", b.text)
            continue
        if any(rx.fullmatch(b.text) for rx in bp.drop_lines):
            if bp.caption_credit.match(b.text):
                aside.captions.append(b.text)  # a photo credit alone ("Ảnh: Tuấn Minh") names a person
                continue
            log.debug("dropped as a boilerplate line: %r", b.text)
            continue
        if title and key(b.text) == key(title):
            continue
        if is_date_line(b.text):
            aside.datelines.append(b.text)
            continue
        if len(b.text) < 300 and bp.caption_credit.search(b.text) and \
                not any(rx.fullmatch(b.text) for rx in bp.author_lines):
            aside.captions.append(b.text)
            continue  # an image caption with its credit ("Tin, ảnh: …" is a signature, kept for the tail)
        kept.append(b)
    paras = [t for t in (bp.inline_credit.sub("", b.text).strip() for b in kept) if t]
    # consecutive duplicates (a lead repeated in the body, a caption echoed)
    paras = [p for j, p in enumerate(paras) if j == 0 or p != paras[j - 1]]
    # a pull quote repeats words of a paragraph of the text
    keys = [key(p) for p in paras]
    paras = [p for j, p in enumerate(paras)
             if not (len(p) < 300 and len(q := keys[j].strip(" “”\"'«»")) >= 20
                     and any(q in keys[m] and len(keys[m]) > len(q) + 10 for m in range(len(paras)) if m != j))]
    author = source = ""
    for _ in range(8):
        if not paras:
            break
        last = paras[-1]
        if len(last) <= 100 and any(rx.fullmatch(last) for rx in bp.production_credits):
            aside.bylines.insert(0, paras.pop())  # "Trình bày: …" closing an eMagazine story
            continue
        s = _strip_label(last, bp.source_lines) if len(last) <= 170 and "," not in last[:60] or \
            last.lower().startswith("nguồn") else None
        if s and not source:
            source = s
            aside.source_line = paras.pop()
            continue
        m = bp.author_source.fullmatch(last) if len(last) <= 200 and not author and not source else None
        if not (m and _looks_like_byline(clean(m.group("author")))) and len(last) <= 200 and not author and not source:
            m = bp.author_then_source.fullmatch(last)
        if m and _looks_like_byline(clean(m.group("author"))):
            author, source = clean(m.group("author")), clean(m.group("source")).strip(" .")
            aside.bylines.insert(0, paras.pop())
            continue
        m = bp.author_affiliation.fullmatch(last) if len(last) <= 140 and not author else None
        if m and _looks_like_byline(clean(m.group("author"))):
            author = clean(m.group("author"))   # "Hải Yến - Trung tâm Truyền thông tỉnh": the newsroom is no source
            aside.bylines.insert(0, paras.pop())
            continue
        a = _strip_label(last, bp.author_lines) if len(last) <= 90 else None
        if a and not author:
            author = a
            aside.bylines.insert(0, paras.pop())
            continue
        if find_byline and not author and _looks_like_byline(last) and len(paras) > 1:
            author = last
            aside.bylines.insert(0, paras.pop())
            continue
        break
    return paras, author, source


_NOT_CAPTION_BOX = re.compile(r"related|lien-?quan|tinlienquan|other|tin-?khac|tinkhac|sidebar|widget|teaser", re.I)


def captions_in(root: Tag) -> list[str]:
    """Photo captions printed in `root` (<figcaption>, *caption* elements), as printed with their credit;
    not those of a related-news box or a sidebar, not links."""
    out: list[str] = []
    for el in root.select("figcaption, [class*='caption'], [class*='Caption']"):
        if el.find_parent(["figcaption"]) is not None or el.find_parent(class_=re.compile("caption", re.I)) is not None:
            continue  # a caption inside a caption is read with its parent
        if el.name == "a" or el.find_parent("a") is not None or el.find_parent("aside") is not None:
            continue
        if any(_NOT_CAPTION_BOX.search(" ".join([*(a.get("class") or []), a.get("id") or ""]))
               for a in el.parents if isinstance(a, Tag) and a is not root):
            continue
        t = clean(el.get_text(" "))
        link_chars = sum(len(clean(a.get_text(" "))) for a in el.find_all("a"))
        if len(t) >= 8 and link_chars < 0.5 * len(t) and t not in out:
            out.append(t)
    return out


def drop_elements(root: Tag, selectors: str) -> None:
    if not selectors:
        return
    for el in root.select(selectors):
        if not el.decomposed:
            el.decompose()


_PREFIX = re.compile(r"^(tác giả|người viết|bài|tin|nguồn|nguồn tin|theo)\s*:?\s*", re.I)


def strip_prefix(s: str) -> str:
    """The name a signature or source line gives ("Bài, ảnh: Vân Anh" → "Vân Anh", "Nguồn: Báo X" → "Báo X")."""
    if not s:
        return ""
    name = _strip_label(clean(s), boilerplate().author_lines)
    if name:
        return name
    m = boilerplate().author_affiliation.fullmatch(clean(s))
    if m and _looks_like_byline(clean(m.group("author"))):
        return clean(m.group("author"))   # "Mai Chi (Ban Tuyên giáo Tỉnh ủy)": the name, not the newsroom
    return _PREFIX.sub("", s).strip(" .()")


_ONE_CELL = re.compile(r"\|\s*([^|]*?)\s*\|")


def unwrap_cell(line: str) -> str:
    """The text of a one-cell table row as the generic extractor writes it ("| text |"): a layout table."""
    m = _ONE_CELL.fullmatch(line)
    return m.group(1) if m else line


_DATELINE = re.compile(r"^\s*(\([^()]{2,30}\)\s*[-–—]|(?:[^\W\d_]+\.?\s){0,3}[^\W\d_]+\s*[-–—])\s+")


def split_dateline(text: str) -> tuple[str, str]:
    """A lead's opening dateline ("(Cổng TTĐT) -", "(BGT) –", "HÀ DƯƠNG -") apart from its text →
    (dateline, rest); ("", text) when it has none. Upper-case words count only when all in capitals."""
    m = _DATELINE.match(text or "")
    if not m or len(text) - m.end() < 40:
        return "", text
    tag = m.group(1).strip()
    if not tag.startswith("(") and not tag.rstrip("-–— ").isupper():
        return "", text
    return tag, text[m.end():]


def lead_first(lead: str, paragraphs: list[str]) -> list[str]:
    """The body paragraphs with the lead (sapo) first, once (the body may repeat it anywhere)."""
    if lead and (not paragraphs or key(paragraphs[0]) != key(lead)):
        return [lead] + [p for p in paragraphs if key(p) != key(lead)]
    return paragraphs


_BYLINE_CLASS = re.compile(r"author|byline|tac-?gia|signature|but-?danh", re.I)


def printed_byline(scope: Tag, skip=None) -> tuple[str, str]:
    """(the line as printed, the name) of the article's signature, for a page whose body left it out (a
    byline above the lead, a theme's author paragraph): the first short element in ``scope`` that reads
    "Tác giả: …" / "Bài, ảnh: …", or carries an author-like class and a name; ("", "") when none.
    ``skip`` rejects elements (a related-news block's signatures)."""
    bp = boilerplate()
    for el in scope.find_all(True):
        if el.name in SKIP_NODES or el.name == "a" or el.find(["p", "div", "li", "table", "br"]) is not None:
            continue
        t = clean(el.get_text(" "))
        if not t or len(t) > 90 or el.find_parent("a") is not None or (skip is not None and skip(el)):
            continue
        name = _strip_label(t, bp.author_lines)
        if name:
            return t, name
        m = bp.author_affiliation.fullmatch(t) if _BYLINE_CLASS.search(" ".join(el.get("class") or ())) else None
        if m and _looks_like_byline(clean(m.group("author"))):
            return t, clean(m.group("author"))
        if _BYLINE_CLASS.search(" ".join(el.get("class") or ())) and _looks_like_byline(t):
            return t, t
    return "", ""


def printed_source(scope: Tag, skip=None) -> tuple[str, str]:
    """(the line as printed, the source it names) of a "Nguồn: …" line the body left out (a paragraph
    after the body's container); ("", "") when none. ``skip`` rejects elements (a related-news block)."""
    bp = boilerplate()
    for el in scope.find_all(["p", "div", "span", "em", "strong", "i"]):
        if el.find(["p", "div", "li", "table", "br"]) is not None:
            continue
        t = clean(el.get_text(" "))
        if not t or len(t) > 170 or not t.lower().startswith("nguồn") or (skip is not None and skip(el)):
            continue
        name = _strip_label(t, bp.source_lines)
        if name:
            return t, name
    return "", ""
