"""Server-side SVG pictures (no JS, no CDN): a career timeline and a figures-over-time dot chart.
Every label is escaped; colours come from CSS classes (the CSP forbids inline style)."""
from __future__ import annotations

import math
from datetime import date

from markupsafe import Markup, escape


def _d(s: str) -> date:
    return date.fromisoformat(s[:10])


def _x_scale(dates: list[date], x0: float, x1: float):
    lo, hi = min(dates), max(dates)
    lo = date(lo.year, 1, 1)
    hi = date(hi.year + 1, 1, 1)
    span = (hi - lo).days or 1
    return (lambda d: x0 + (d - lo).days / span * (x1 - x0)), lo, hi


def _year_ticks(lo: date, hi: date, fx, y0: float, y1: float) -> list[str]:
    years = list(range(lo.year, hi.year + 1))
    step = max(1, len(years) // 10)
    out = []
    for y in years[::step]:
        x = fx(date(y, 1, 1))
        out.append(f'<line class="grid" x1="{x:.1f}" y1="{y0}" x2="{x:.1f}" y2="{y1}"/>'
                   f'<text class="tick" x="{x:.1f}" y="{y1 + 14}" text-anchor="middle">{y}</text>')
    return out


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _wrap(s: str, width: int, max_lines: int) -> list[str]:
    """``s`` broken at spaces into lines of at most ``width`` characters; past ``max_lines`` the last
    line ends in "…" (the whole text stays in the element's <title>)."""
    lines: list[str] = []
    for word in s.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > max_lines:
        lines = lines[:max_lines - 1] + [_clip(" ".join(lines[max_lines - 1:]), width)]
    return [_clip(line, width) for line in lines]


def timeline_svg(lanes: list[dict], title: str = "", max_lanes: int = 30) -> Markup:
    """One lane per (title, organization): a bar from first to last sighting, one dot per month with a
    sighting. At most ``max_lanes`` lanes (those seen on most dates), in chronological order."""
    dated = [ln for ln in lanes if ln["dates"]]
    if not dated:
        return Markup("")
    if len(dated) > max_lanes:
        keep = {id(ln) for ln in sorted(dated, key=lambda ln: -len(ln["dates"]))[:max_lanes]}
        dated = [ln for ln in dated if id(ln) in keep]
    W, left, right, lane_h, top = 900, 330, 20, 26, 10
    H = top + lane_h * len(dated) + 30
    all_dates = [_d(ln["dates"][0]) for ln in dated] + [_d(ln["dates"][-1]) for ln in dated]
    fx, lo, hi = _x_scale(all_dates, left, W - right)
    parts = [f'<svg class="chart timeline" viewBox="0 0 {W} {H}" width="100%" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">']
    parts += _year_ticks(lo, hi, fx, top, H - 30)
    for i, ln in enumerate(dated):
        y = top + i * lane_h + lane_h / 2
        first, last = _d(ln["dates"][0]), _d(ln["dates"][-1])
        label = ln.get("label") or f"{ln['title']} {ln['organization']}".strip()
        lines = _wrap(label, 46, 2)  # two lines rather than a cut label
        ys = [y + 4] if len(lines) == 1 else [y - 2, y + 10]
        parts.append(f'<text class="lane-label" x="{left - 8}" y="{ys[0]:.1f}" text-anchor="end"><title>{escape(label)}</title>'
                     + "".join(f'<tspan x="{left - 8}" y="{yy:.1f}">{escape(s)}</tspan>' for s, yy in zip(lines, ys))
                     + '</text>')
        cls = "lane former" if ln["former"] else "lane"
        parts.append(f'<line class="{cls}" x1="{fx(first):.1f}" y1="{y:.1f}" x2="{max(fx(last), fx(first) + 2):.1f}" y2="{y:.1f}"/>')
        months: dict[str, int] = {}
        for d in ln["dates"]:
            months[d[:7]] = months.get(d[:7], 0) + 1
        for mth, n in months.items():
            x = fx(_d(mth + "-15"))
            parts.append(f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="4"><title>{escape(label)} · {mth} ({n})</title></circle>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _nice_max(v: float) -> float:
    if v <= 0:
        return 1.0
    mag = 10 ** math.floor(math.log10(v))
    for k in (1, 2, 2.5, 5, 10):
        if v <= k * mag:
            return k * mag
    return 10 * mag


# the scale words of Vietnamese and English numbers: 1,5 tỷ đồng; 1.5 billion đồng
SCALES = {"vi": ((1e9, "tỷ"), (1e6, "triệu"), (1e3, "nghìn")),
          "en": ((1e9, "billion"), (1e6, "million"), (1e3, "thousand"))}
PERCENT_UNITS = ("%",)


def number(v: float, lang: str = "vi", digits: int = 3) -> str:
    """``v`` with at most ``digits`` significant digits as the language writes it: 1.234,5 (vi),
    1,234.5 (en); never an exponent."""
    if v == 0:
        return "0"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(v))))
    s = f"{v:,.{decimals}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if lang == "vi":
        s = s.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return s


def scale_of(v: float, lang: str = "vi", unit: str = "") -> tuple[float, str]:
    """The scale (factor, word) to write ``v`` in: 2.5e9 → (1e9, "tỷ"); none for a percentage or
    under ten thousand (5.000 người reads better than 5 nghìn người)."""
    if unit in PERCENT_UNITS or abs(v) < 1e4:
        return 1.0, ""
    for factor, word in SCALES.get(lang, SCALES["vi"]):
        if abs(v) >= factor:
            return factor, word
    return 1.0, ""


def format_value(v: float, unit: str, lang: str = "vi") -> str:
    """A figure as a reader writes it: "1,5 tỷ đồng", "145.000 đảng viên" → "145 nghìn đảng viên",
    "95%", "1.5 billion đồng" (en); the unit is the corpus's own word, never "100000B"."""
    factor, word = scale_of(v, lang, unit)
    n = number(v / factor, lang)
    if unit in PERCENT_UNITS:
        return f"{n}{unit}"
    return " ".join(x for x in (n, word, unit) if x)


def _tick(v: float, factor: float, word: str, unit: str, lang: str, per_tick: bool) -> str:
    """A tick label: on a linear axis the number in the axis' scale ("150" for 150 tỷ); on a log
    axis each tick with its own scale word ("10 triệu")."""
    if per_tick:
        f, w = scale_of(v, lang, unit)
        return " ".join(x for x in (number(v / f, lang), w) if x) + ("%" if unit in PERCENT_UNITS else "")
    return number(v / factor, lang) + ("%" if unit in PERCENT_UNITS else "")


def wants_log(values: list[float], scale: str = "") -> bool:
    """Log axis: asked for (``scale="log"``), or by default when every value is positive and the
    largest is at least 1000 times the smallest (a linear axis would flatten the small ones)."""
    if scale == "linear":
        return False
    positive = all(v > 0 for v in values)
    if scale == "log":
        return positive
    return positive and bool(values) and max(values) >= 1000 * min(values)


def series_svg(points: list[dict], unit: str, label: str = "", lang: str = "vi", scale: str = "") -> Markup:
    """Dots of (date, value) for one series of one unit, each linked to the sentence it came from; a
    linear axis in the unit's scale ("tỷ đồng") or a log axis (see ``wants_log``). The axis title
    names the unit and scale. Every label is escaped."""
    if not points:
        return Markup("")
    # drawn for a small multiple (about 450 px wide): a narrow view box keeps the labels readable
    W, H, left, right, top, bottom = 600, 300, 80, 16, 30, 30
    dates = [_d(p["date"]) for p in points]
    values = [float(p["value"]) for p in points]
    fx, lo, hi = _x_scale(dates, left, W - right)
    log = wants_log(values, scale)
    if log:
        lo_e = math.floor(math.log10(min(values)))
        hi_e = max(lo_e + 1, math.ceil(math.log10(max(values))))
        ticks = [10.0 ** e for e in range(lo_e, hi_e + 1)]
        step = max(1, len(ticks) // 6)
        ticks = ticks[::step]

        def fy(v: float) -> float:
            return top + (1 - (math.log10(v) - lo_e) / (hi_e - lo_e)) * (H - top - bottom)
        factor, word = 1.0, ""
    else:
        vmax = _nice_max(max(values))
        vmin = min(0.0, min(values))
        if vmin < 0:
            vmin = -_nice_max(-vmin)
        ticks = [vmin + (vmax - vmin) * k / 4 for k in range(5)]

        def fy(v: float) -> float:
            return top + (1 - (v - vmin) / ((vmax - vmin) or 1)) * (H - top - bottom)
        factor, word = scale_of(max(abs(vmax), abs(vmin)), lang, unit)
    axis_title = " ".join(x for x in (word, "" if unit in PERCENT_UNITS else unit) if x) or unit
    axis_title += " (log)" if log else ""
    aria = f"{label} ({axis_title})" if label else axis_title
    parts = [f'<svg class="chart series{" log" if log else ""}" viewBox="0 0 {W} {H}" width="100%" role="group" '
             f'aria-label="{escape(aria)}" xmlns="http://www.w3.org/2000/svg">',
             f'<text class="axis-title" x="{left - 6}" y="{top - 14}" text-anchor="start">{escape(axis_title)}</text>']
    parts += _year_ticks(lo, hi, fx, top, H - bottom)
    for v in ticks:
        y = fy(v)
        parts.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{W - right}" y2="{y:.1f}"/>'
                     f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">'
                     f'{escape(_tick(v, factor, word, unit, lang, log))}</text>')
    for p, d, v in zip(points, dates, values):
        tip = f"{p['date']} · {format_value(v, unit, lang)} · {p['text']}" + (f" · {p['place']}" if p.get("place") else "")
        parts.append(f'<a href="{escape(p["href"])}"><circle class="dot" cx="{fx(d):.1f}" cy="{fy(v):.1f}" r="4">'
                     f"<title>{escape(tip)}</title></circle></a>")
    parts.append("</svg>")
    return Markup("".join(parts))


def series_multiples(series: list[dict], max_series: int = 12, lang: str = "vi", scale: str = "") -> list[dict]:
    """Small multiples: one chart per figure series (like with like: one counted thing in one place),
    the series with most points first, at most ``max_series``. Each: the series' key, label, unit,
    place, point count, undated count (figures not drawn), the latest value written for a reader and
    its SVG (every label escaped by series_svg and the template)."""
    out = []
    for s in series[:max_series]:
        svg = series_svg(s["points"], s["unit"], s["label"], lang, scale)
        if svg:
            last = s["points"][-1]
            out.append({"key": s["key"], "label": s["label"], "unit": s["unit"], "place": s.get("place", ""),
                        "points": len(s["points"]), "undated": s.get("undated", 0), "svg": svg,
                        "latest": {"date": last["date"], "value": format_value(float(last["value"]), s["unit"], lang)}})
    return out


def undated_total(series: list[dict], undated: dict[str, int] | None = None) -> int:
    """Figures the charts do not draw for want of a date: those of the drawn series plus those of
    series with no dated figure at all (``undated``: per series key, corpus.pages.undated_figures)."""
    if undated is not None:
        return sum(undated.values())
    return sum(s.get("undated", 0) for s in series)


def network_svg(net: dict, title: str = "") -> Markup:
    """A co-mention network (corpus.network.co_mentions with hrefs) on a circle: the centre person
    (a place's network has none) at the top, the others heaviest first clockwise, labels outside the
    circle; an edge's width grows with its stories and links to its row of
    the edge table (``#edge-<source>-<target>``), a node to its person. Every label is escaped."""
    nodes = net["nodes"]
    if not nodes:
        return Markup("")
    W = H = 760
    cx, cy, radius = W / 2, H / 2, 230
    # every node on the circle (the centre person first, at the top): a chord never crosses a node
    ring = sorted(nodes, key=lambda n: not n["center"])
    pos: dict[int, tuple[float, float, float]] = {}
    for i, n in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, len(ring))
        pos[n["id"]] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle)
    wmax = max((e["weight"] for e in net["edges"]), default=1)
    nmax = max((n["weight"] for n in nodes), default=1)
    names = {n["id"]: n["name"] for n in nodes}
    parts = [f'<svg class="chart network" viewBox="0 0 {W} {H}" width="{W}" role="group" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">']
    for e in sorted(net["edges"], key=lambda e: e["weight"]):      # heaviest drawn last, on top
        if e["source"] not in pos or e["target"] not in pos:
            continue
        (x1, y1, _), (x2, y2, _) = pos[e["source"]], pos[e["target"]]
        width = 1 + 7 * (e["weight"] - 1) / max(1, wmax - 1)
        tip = f"{names[e['source']]} – {names[e['target']]}: {e['weight']}"
        parts.append(f'<a href="#edge-{e["source"]}-{e["target"]}"><line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" '
                     f'x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{width:.1f}"><title>{escape(tip)}</title></line></a>')
    for n in nodes:
        x, y, angle = pos[n["id"]]
        r = 6 + 10 * n["weight"] / nmax
        cls = "node ego" if n["center"] else "node"
        lx, ly = x + (r + 6) * math.cos(angle), y + (r + 6) * math.sin(angle) + 4
        anchor = "start" if math.cos(angle) > 0.2 else ("end" if math.cos(angle) < -0.2 else "middle")
        if anchor == "middle":
            ly += 10 if math.sin(angle) > 0 else -6
        label = _clip(n["name"], 28)
        parts.append(f'<a href="{escape(n["href"])}"><circle class="{cls}" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}">'
                     f'<title>{escape(n["name"])} ({n["weight"]})</title></circle>'
                     f'<text class="label{" ego" if n["center"] else ""}" x="{lx:.1f}" y="{ly:.1f}" '
                     f'text-anchor="{anchor}">{escape(label)}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))
