"""Posts and tenures: a post is (canonical title, resolved organisation); its holders over time come
from the roles that attribute it, each with its evidence date (the article's date, or the date the
text gives for an election or appointment) and its kind (in office, elected, appointed, former).

A tenure starts at its earliest election or appointment, else at its first sighting; it is last seen
in office at its latest sighting; a "former" (nguyên …) sighting after that closes it at the latest
by that date. ``holders_on`` answers "who held post X on date D"."""
from __future__ import annotations

from dataclasses import dataclass, field

IN_OFFICE, ELECTED, APPOINTED, FORMER = "in_office", "elected", "appointed", "former"


@dataclass(frozen=True)
class Evidence:
    person_id: int
    title_key: str
    title: str                     # canonical title for display
    organization_id: int | None
    organization: str
    date: str                      # ISO date ("" unknown)
    kind: str                      # in_office | elected | appointed | former
    article_id: int
    role_id: int | None = None


@dataclass
class Tenure:
    person_id: int
    title_key: str
    title: str
    organization_id: int | None
    organization: str
    start: str = ""                # election/appointment date, else first sighting
    start_kind: str = ""           # elected | appointed | first_seen
    first_seen: str = ""
    last_seen: str = ""            # last sighting in office
    end: str = ""                  # closed at the latest by this date ("former" sighting)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def post(self) -> tuple[str, int | None]:
        return (self.title_key, self.organization_id)

    def to_dict(self) -> dict:
        return {"person_id": self.person_id, "title": self.title, "title_key": self.title_key,
                "organization_id": self.organization_id, "organization": self.organization, "start": self.start or None,
                "start_kind": self.start_kind or None, "first_seen": self.first_seen or None,
                "last_seen": self.last_seen or None, "end": self.end or None,
                "evidence": [{"article_id": e.article_id, "date": e.date or None, "kind": e.kind} for e in self.evidence]}


def tenures(evidence: list[Evidence]) -> list[Tenure]:
    """Group evidence into one tenure per (person, post), ordered by start."""
    groups: dict[tuple, list[Evidence]] = {}
    for e in evidence:
        groups.setdefault((e.person_id, e.title_key, e.organization_id), []).append(e)
    out = []
    for (pid, tk, oid), evs in groups.items():
        evs = sorted(evs, key=lambda e: (e.date or "9999", e.article_id))
        t = Tenure(pid, tk, evs[0].title, oid, _best_org(evs), evidence=evs)
        in_office = [e.date for e in evs if e.kind != FORMER and e.date]
        starts = [e for e in evs if e.kind in (ELECTED, APPOINTED) and e.date]
        t.first_seen = min(in_office, default="")
        t.last_seen = max(in_office, default="")
        if starts:
            t.start, t.start_kind = starts[0].date, starts[0].kind
        elif t.first_seen:
            t.start, t.start_kind = t.first_seen, "first_seen"
        closing = [e.date for e in evs if e.kind == FORMER and e.date and e.date >= t.last_seen]
        t.end = min(closing, default="")
        out.append(t)
    return sorted(out, key=lambda t: (t.start or t.end or "9999", t.title_key, t.person_id))


def _best_org(evs: list[Evidence]) -> str:
    names = [e.organization for e in evs if e.organization]
    return max(names, key=lambda n: (names.count(n), len(n))) if names else ""


def holders_on(post_tenures: list[Tenure], date: str) -> list[Tenure]:
    """Tenures of one post that held on ``date`` (ISO): started by then and seen in office on or after
    it; or started by then, not closed by then, and no other holder started between its last
    sighting and the date."""
    out = []
    for t in post_tenures:
        if not t.start or t.start > date:
            continue
        if t.end and t.end <= date:
            continue
        if t.last_seen and t.last_seen >= date:
            out.append(t)
            continue
        later = [u for u in post_tenures if u is not t and u.start and t.last_seen < u.start <= date]
        if not later:
            out.append(t)
    return out
