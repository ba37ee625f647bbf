"""Highlight markup from stored fact spans: the text cut at every span boundary, each piece escaped,
pieces inside spans wrapped in <a>/<span> with one class per fact type (toggled by CSS classes)."""
from __future__ import annotations

from markupsafe import Markup, escape

from partyfacts.corpus import facts

TYPES = facts.HIGHLIGHT_TYPES          # person, role, place, organization, figure (corpus.facts order)
CSS = {ft.name: ft.css for ft in facts.FACT_TYPES if ft.css}
# a piece covered by several types links to the page of an entity first (its own page), then the rest
_LINK_PRIORITY = tuple(sorted(TYPES, key=lambda name: facts.by_name(name).mention is None))

def spans_from_extraction(ex) -> list[dict]:
    """Spans of an nlp.Extraction (the Try-it page), in the shape corpus.pages.article_detail gives
    (resolved by webapp.urls): the entities' mentions first, then the other facts' spans."""
    spans = []
    for name in _LINK_PRIORITY:
        ft = facts.by_name(name)
        label = ft.span_label
        for item in getattr(ex, ft.attribute):
            where = item.mentions if ft.mention else (item.span,)
            spans += [{"type": name, "start": a, "end": b, "label": label(item), "href": "", "anchor": ""}
                      for a, b in where]
    return spans


def highlight(text: str, spans: list[dict]) -> Markup:
    """``text`` as HTML with every span marked; spans outside the text are ignored, overlaps nest as
    pieces carrying every covering type."""
    n = len(text)
    spans = [s for s in spans if s.get("type") in TYPES and 0 <= s["start"] < s["end"] <= n]
    cuts = sorted({0, n, *[s["start"] for s in spans], *[s["end"] for s in spans]})
    starts: dict[int, list[dict]] = {}
    for s in spans:
        starts.setdefault(s["start"], []).append(s)
    active: list[dict] = []
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        active = [s for s in active if s["end"] > a] + starts.get(a, [])
        piece = escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        types = sorted({s["type"] for s in active}, key=TYPES.index)
        classes = " ".join(CSS[t] for t in types)
        title = "; ".join(dict.fromkeys(f"{s['type']}: {s['label']}" for s in active))
        anchors = [s["anchor"] for s in starts.get(a, []) if s.get("anchor")]
        ids = Markup(" ").join(Markup('<span class="anchor" id="{}"></span>').format(x) for x in anchors)
        link = next((s["href"] for t in _LINK_PRIORITY for s in active if s["type"] == t and s.get("href")), "")
        if link:
            out.append(Markup('{}<a class="hl {}" href="{}" title="{}">{}</a>').format(ids, classes, link, title, piece))
        else:
            out.append(Markup('{}<span class="hl {}" title="{}">{}</span>').format(ids, classes, title, piece))
    return Markup("").join(out)
