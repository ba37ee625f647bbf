"""Server-side SVG pictures (no JS, no CDN): a career timeline and a figures-over-time dot chart.
Every label is escaped; colours come from CSS classes (the CSP forbids inline style)."""
from __future__ import annotations

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
    import math
    mag = 10 ** math.floor(math.log10(v))
    for k in (1, 2, 2.5, 5, 10):
        if v <= k * mag:
            return k * mag
    return 10 * mag


def _fmt(v: float) -> str:
    if abs(v) >= 1e9:
        return f"{v / 1e9:g}B"
    if abs(v) >= 1e6:
        return f"{v / 1e6:g}M"
    if abs(v) >= 1e4:
        return f"{v / 1e3:g}k"
    return f"{v:g}"


def series_svg(points: list[dict], unit: str) -> Markup:
    """Dots of (date, value) for one unit, each linked to the sentence it came from."""
    if not points:
        return Markup("")
    W, H, left, right, top, bottom = 900, 320, 60, 20, 14, 30
    dates = [_d(p["date"]) for p in points]
    fx, lo, hi = _x_scale(dates, left, W - right)
    vmax = _nice_max(max(p["value"] for p in points))
    vmin = min(0.0, min(p["value"] for p in points))

    def fy(v: float) -> float:
        return top + (1 - (v - vmin) / ((vmax - vmin) or 1)) * (H - top - bottom)

    parts = [f'<svg class="chart series" viewBox="0 0 {W} {H}" width="100%" role="group" '
             f'aria-label="{escape(unit)}" xmlns="http://www.w3.org/2000/svg">']
    parts += _year_ticks(lo, hi, fx, top, H - bottom)
    for k in range(5):
        v = vmin + (vmax - vmin) * k / 4
        y = fy(v)
        parts.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{W - right}" y2="{y:.1f}"/>'
                     f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(_fmt(v))}</text>')
    for p, d in zip(points, dates):
        tip = f"{p['date']} · {p['text']}" + (f" · {p['place']}" if p.get("place") else "")
        parts.append(f'<a href="{escape(p["href"])}"><circle class="dot" cx="{fx(d):.1f}" cy="{fy(p["value"]):.1f}" r="4">'
                     f"<title>{escape(tip)}</title></circle></a>")
    parts.append("</svg>")
    return Markup("".join(parts))


def series_multiples(series: list[dict], max_series: int = 12) -> list[dict]:
    """Small multiples: one chart per figure series (like with like: one counted thing in one place),
    the series with most points first, at most ``max_series``. Each: the series' key, label, unit,
    place, point count and its SVG (every label escaped by series_svg and the template)."""
    out = []
    for s in series[:max_series]:
        svg = series_svg(s["points"], f"{s['label']} ({s['unit']})")
        if svg:
            out.append({"key": s["key"], "label": s["label"], "unit": s["unit"], "place": s.get("place", ""),
                        "points": len(s["points"]), "svg": svg})
    return out
