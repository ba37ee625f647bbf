"""Co-mention networks: who is named with whom around a person or a place, over a period.

Around a person: the people named in the person's stories (ranked by how many stories they share with
the person), and between them the stories that name both, among those stories. Around a place: the
people named in the stories that name the place, ranked by stories, and the stories naming each pair.
A story is counted once (a republished copy is its original's story) and dated by its original.
Plain dicts out, links as ``facts.Link``s."""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from itertools import combinations

from sqlalchemy import desc, func, or_, select
from sqlalchemy.orm import Session

from . import models as m
from .facts import Link

A, P, PL, MN = m.Article, m.Person, m.Place, m.Mention

MAX_TOP = 50
MAX_STORIES = 2000          # the newest stories of the period are read (bounded work for the most covered)
ARTICLES_PER_EDGE = 5


class NetworkError(ValueError):
    """A network that cannot be asked for (unknown centre type, bad period, bad size)."""


def _story():
    return func.coalesce(A.syndicated_of_id, A.id)


def co_mentions(session: Session, center_type: str, center_id: int, date_from: date | None = None,
                date_to: date | None = None, top: int = 15) -> dict | None:
    """The co-mention network around a person or a place: {center {type, id, name, link}, from, to,
    stories (the centre's stories in the period, at most MAX_STORIES, newest first), stories_capped,
    nodes [{id, name, weight (stories), link, center}], edges [{source, target, weight, articles (the
    newest ARTICLES_PER_EDGE stories naming both: id, title, published, link)}]}; the ``top`` people
    by weight (ties by name). None for an unknown centre."""
    if center_type not in ("person", "place"):
        raise NetworkError(f"a network is drawn around a person or a place, not {center_type!r}")
    if not 1 <= top <= MAX_TOP:
        raise NetworkError(f"top={top} is out of range; choose 1 to {MAX_TOP}")
    if date_from and date_to and date_from > date_to:
        raise NetworkError(f"from {date_from.isoformat()} is after to {date_to.isoformat()}; swap them")
    center = session.get(P if center_type == "person" else PL, center_id)
    if center is None:
        return None
    orig = m.Article.__table__.alias("story_original")
    # a story is dated by its original: a copy published later does not move it into another period
    story_date = func.coalesce(select(orig.c.published_date).where(orig.c.id == A.syndicated_of_id)
                               .scalar_subquery(), A.published_date)
    st = (select(_story().label("sid"), func.max(story_date).label("d"))
          .join(MN, MN.article_id == A.id).where(MN.entity_type == center_type, MN.entity_id == center_id))
    if date_from:
        st = st.where(story_date >= date_from)
    if date_to:
        st = st.where(story_date <= date_to)
    stories = session.execute(st.group_by(_story()).order_by(desc("d").nulls_last(), desc("sid"))
                              .limit(MAX_STORIES + 1)).all()
    capped = len(stories) > MAX_STORIES
    story_ids = [r.sid for r in stories[:MAX_STORIES]]
    people: dict[int, set[int]] = defaultdict(set)       # story -> persons named in it (or its copies)
    for sid, pid in session.execute(
            select(_story().label("sid"), MN.entity_id).join(MN, MN.article_id == A.id)
            # the stories' originals and their copies, each through its index (not coalesce(...) IN)
            .where(MN.entity_type == "person", or_(A.id.in_(story_ids), A.syndicated_of_id.in_(story_ids)))
            .distinct()):
        people[sid].add(pid)
    ego = center_id if center_type == "person" else None
    weight = Counter(pid for sid in story_ids for pid in people.get(sid, ()) if pid != ego)
    names = dict(session.execute(select(P.id, P.name).where(P.id.in_(list(weight)))).all()) if weight else {}
    ranked = sorted(weight, key=lambda pid: (-weight[pid], names.get(pid, ""), pid))[:top]
    chosen = set(ranked)
    pair_stories: dict[tuple[int, int], list[int]] = defaultdict(list)
    for sid in story_ids:       # newest story first
        here = sorted(people.get(sid, set()) & chosen)
        if ego is not None:
            for pid in here:
                pair_stories[(ego, pid)].append(sid)
        for a, b in combinations(here, 2):
            pair_stories[(a, b)].append(sid)
    shown = {sid for sids in pair_stories.values() for sid in sids[:ARTICLES_PER_EDGE]}
    refs = {r.id: {"id": r.id, "title": r.title, "published": r.published or "", "link": Link("article", r.id)}
            for r in session.execute(select(A.id, A.title, A.published).where(A.id.in_(sorted(shown))))}
    nodes = []
    if ego is not None:
        nodes.append({"id": ego, "name": center.name, "weight": len(story_ids), "link": Link("person", ego),
                      "center": True})
    nodes += [{"id": pid, "name": names.get(pid, ""), "weight": weight[pid], "link": Link("person", pid),
               "center": False} for pid in ranked]
    edges = [{"source": a, "target": b, "weight": len(sids),
              "articles": [refs[s] for s in sids[:ARTICLES_PER_EDGE] if s in refs]}
             for (a, b), sids in pair_stories.items()]
    edges.sort(key=lambda e: (-e["weight"], e["source"], e["target"]))
    name = center.name if center_type == "person" else f"{center.type} {center.name}".strip()
    return {"center": {"type": center_type, "id": center_id, "name": name, "link": Link(center_type, center_id)},
            "from": date_from.isoformat() if date_from else None, "to": date_to.isoformat() if date_to else None,
            "top": top, "stories": len(story_ids), "stories_capped": capped, "nodes": nodes, "edges": edges}
