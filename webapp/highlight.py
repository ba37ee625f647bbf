"""Highlight markup from stored fact spans: the text cut at every span boundary, each piece escaped,
pieces inside spans wrapped in <a>/<span> with one class per fact type (toggled by CSS classes)."""
from __future__ import annotations

from markupsafe import Markup, escape

TYPES = ("person", "role", "place", "organization", "figure")
_LINK_PRIORITY = ("person", "place", "organization", "role", "figure")


def spans_from_extraction(ex) -> list[dict]:
    """Spans of an nlp.Extraction (the Try-it page), in the shape corpus.pages.article_detail gives."""
    spans = []
    for p in ex.persons:
        spans += [{"type": "person", "start": a, "end": b, "label": p.name, "href": "", "anchor": ""} for a, b in p.mentions]
    for p in ex.places:
        spans += [{"type": "place", "start": a, "end": b, "label": f"{p.type} {p.name}".strip(), "href": "",
                   "anchor": ""} for a, b in p.mentions]
    for o in ex.organizations:
        spans += [{"type": "organization", "start": a, "end": b, "label": o.name, "href": "", "anchor": ""}
                  for a, b in o.mentions]
    for r in ex.roles:
        spans.append({"type": "role", "start": r.span[0], "end": r.span[1],
                      "label": f"{r.person}: {r.title} {r.organization}".strip(), "href": "", "anchor": ""})
    for f in ex.figures:
        spans.append({"type": "figure", "start": f.span[0], "end": f.span[1], "label": f"{f.value:g} {f.unit}",
                      "href": "", "anchor": ""})
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
        classes = " ".join(f"hl-{t}" for t in types)
        title = "; ".join(dict.fromkeys(f"{s['type']}: {s['label']}" for s in active))
        anchors = [s["anchor"] for s in starts.get(a, []) if s.get("anchor")]
        ids = Markup(" ").join(Markup('<span class="anchor" id="{}"></span>').format(x) for x in anchors)
        link = next((s["href"] for t in _LINK_PRIORITY for s in active if s["type"] == t and s.get("href")), "")
        if link:
            out.append(Markup('{}<a class="hl {}" href="{}" title="{}">{}</a>').format(ids, classes, link, title, piece))
        else:
            out.append(Markup('{}<span class="hl {}" title="{}">{}</span>').format(ids, classes, title, piece))
    return Markup("").join(out)
