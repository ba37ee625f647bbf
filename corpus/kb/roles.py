"""Role rows as tenure evidence: each role of a story counted once (a republished copy adds no
evidence), dated by the date its sentence gives, else by its article's publication date."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import models as m
from .posts import Evidence


def role_evidence(session: Session, *, person_id: int | None = None, title_key: str | None = None,
                  organization_id: int | None = None) -> list[Evidence]:
    q = (select(m.Role.id, m.Role.person_id, m.Role.title_key, m.Role.title_canonical, m.Role.title,
                m.Role.organization_id, m.Role.organization, m.Role.event, m.Role.event_date, m.Role.former,
                m.Role.article_id, m.Article.published_date, m.Organization.name)
         .join(m.Article, m.Article.id == m.Role.article_id)
         .outerjoin(m.Organization, m.Organization.id == m.Role.organization_id)
         .where(m.Article.syndicated_of_id.is_(None)))
    if person_id is not None:
        q = q.where(m.Role.person_id == person_id)
    if title_key is not None:
        q = q.where(m.Role.title_key == title_key)
    if organization_id is not None:
        q = q.where(m.Role.organization_id == organization_id)
    out = []
    for (rid, pid, tkey, tcanon, title, oid, org, event, edate, former, aid, published, org_name) in session.execute(
            q.order_by(m.Role.id)):
        kind = "former" if former else (event or "in_office")
        date = edate or (published.isoformat() if published else "")
        out.append(Evidence(pid, tkey or title.lower(), tcanon or title, oid, org_name or org, date, kind, aid, rid))
    return out
