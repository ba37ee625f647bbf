"""The knowledge base as FollowTheMoney entities (the data model of Aleph and OpenSanctions), one
JSON object a line: Person, Organization, Position (a post: title × body), Occupancy (a tenure, with
start and end dates) and Address (the places bodies belong to). Entities are built and cleaned with
the ``followthemoney`` package, and each is validated against its schema before it is written.

Ids are stable and namespaced: "partyfacts-person-12", "partyfacts-org-3", "partyfacts-post-<digest>",
"partyfacts-occupancy-<digest>", "partyfacts-place-<digest>"."""
from __future__ import annotations

import hashlib
import json
from typing import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from partyfacts.nlp.text import key

from .. import models as m
from .bodies import _expand, _tokens
from .posts import tenures
from .roles import role_evidence

PREFIX = "partyfacts"


class FtmError(ValueError):
    """An entity the followthemoney schema refuses; the message names the entity and the problem."""


def _digest(*parts) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _entity(schema: str, eid: str, props: dict[str, list | str | None]) -> dict:
    """One entity, validated: every value must survive the property type's cleaning (a date that is
    not a date is refused, not dropped), the schema's required properties must be there and the
    schema's own validation must pass; FtmError names the entity and the problem otherwise."""
    from followthemoney import model
    from followthemoney.exc import InvalidData
    proxy = model.make_entity(schema)
    proxy.id = eid
    for prop, values in props.items():
        prop_ = proxy.schema.get(prop)
        if prop_ is None:
            raise FtmError(f"{schema} {eid}: {schema} has no property {prop!r}")
        for v in values if isinstance(values, list) else [values]:
            if v in (None, ""):
                continue
            if prop_.type.clean(v, proxy=proxy) is None:
                raise FtmError(f"{schema} {eid}: {prop} {v!r} is not a valid {prop_.type.name}")
            proxy.add(prop, v)
    missing = [p for p in proxy.schema.required if not proxy.get(p)]
    if missing:
        raise FtmError(f"{schema} {eid}: required {', '.join(missing)} missing")
    data = proxy.to_dict()
    try:
        proxy.schema.validate(data)
    except InvalidData as exc:
        raise FtmError(f"{schema} {eid}: {exc} {getattr(exc, 'errors', '')}".strip()) from None
    return data


def post_name(title: str, organization: str) -> str:
    """A post's name: the title and its body, without saying the body twice when the canonical title
    already ends with it ("Phó Chủ tịch Ủy ban nhân dân" + "UBND huyện Nam Đàn" → "Phó Chủ tịch UBND
    huyện Nam Đàn")."""
    words = title.split()
    body = _expand(_tokens(organization)).split() if organization else []
    for k in range(min(len(words) - 1, len(body)), 0, -1):
        if key(" ".join(words[-k:])) == key(" ".join(body[:k])):
            words = words[:-k]
            break
    return " ".join(words + organization.split())


def iter_entities(session: Session, *, base_url: str = "") -> Iterator[dict]:
    """Every entity of the knowledge base, places and bodies before the posts that refer to them."""
    places_done: set[str] = set()
    for org in session.execute(select(m.Organization).order_by(m.Organization.id)).scalars():
        address_id = None
        if org.place_name or org.province:
            address_id = f"{PREFIX}-place-{_digest(org.level, org.place_name, org.province)}"
            if address_id not in places_done:
                places_done.add(address_id)
                full = ", ".join(x for x in (org.place_name, org.province if org.province != org.place_name else "",
                                             "Việt Nam") if x)
                yield _entity("Address", address_id, {"full": full, "region": org.province, "country": "vn"})
        yield _entity("Organization", f"{PREFIX}-org-{org.id}", {
            "name": org.name, "country": "vn", "jurisdiction": "vn", "addressEntity": address_id,
            "sourceUrl": f"{base_url}/organizations/{org.id}" if base_url else None})
    for person in session.execute(select(m.Person).order_by(m.Person.id)).scalars():
        yield _entity("Person", f"{PREFIX}-person-{person.id}", {
            "name": person.name, "alias": json.loads(person.variants or "[]"), "country": "vn", "topics": "role.pep",
            "sourceUrl": f"{base_url}/persons/{person.id}" if base_url else None})
    posts_done: set[str] = set()
    for t in tenures(role_evidence(session)):
        post_id = f"{PREFIX}-post-{_digest(t.title_key, t.organization_id)}"
        if post_id not in posts_done:
            posts_done.add(post_id)
            org = session.get(m.Organization, t.organization_id) if t.organization_id else None
            yield _entity("Position", post_id, {
                "name": post_name(t.title, org.name if org else t.organization), "country": "vn",
                "organization": f"{PREFIX}-org-{org.id}" if org else None,
                "subnationalArea": org.province if org else None})
        status = "ended" if t.end else "current"
        yield _entity("Occupancy", f"{PREFIX}-occupancy-{_digest(t.person_id, t.title_key, t.organization_id)}", {
            "holder": f"{PREFIX}-person-{t.person_id}", "post": post_id, "startDate": t.start or None,
            "endDate": t.end or None, "status": status,
            "description": f"last seen in office {t.last_seen}" if t.last_seen else None})


def write_jsonl(session: Session, out, *, base_url: str = "") -> int:
    """Write the entities to a text stream, one JSON object a line; returns how many."""
    n = 0
    for ent in iter_entities(session, base_url=base_url):
        out.write(json.dumps(ent, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n
