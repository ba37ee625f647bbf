"""FollowTheMoney entities of the knowledge base: stable ids, each validated, references resolved,
researchers' merges reflected (one Person holding both posts), and a refused entity named."""
from __future__ import annotations

import io
import json

import pytest
from sqlalchemy import select

from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.corpus.kb import ftm
from partyfacts.corpus.kb.decisions import merge_persons
from test_decisions import build, key, person_of


@pytest.fixture
def corpus(tmp_path):
    db = open_db(str(tmp_path / "kb.db"))
    build(db, tmp_path / "files")
    yield db, tmp_path / "files"
    db.dispose()


def _entities(db, **kw) -> list[dict]:
    out = io.StringIO()
    with db.session() as s:
        n = ftm.write_jsonl(s, out, **kw)
    lines = out.getvalue().splitlines()
    assert len(lines) == n
    return [json.loads(line) for line in lines]


def test_entities_are_valid_stable_and_every_reference_is_emitted_before_use(corpus):
    from followthemoney import model
    db, _ = corpus
    first = _entities(db, base_url="https://kb.example")
    assert first == _entities(db, base_url="https://kb.example")
    seen: set[str] = set()
    for e in first:
        proxy = model.get_proxy(e)
        assert not proxy.schema.validate(e)
        for prop in ("holder", "post", "organization", "addressEntity"):
            for ref in proxy.get(prop, quiet=True):
                assert ref in seen, (e["id"], prop, ref)
        seen.add(e["id"])
    persons = [e for e in first if e["schema"] == "Person"]
    assert all(e["properties"]["sourceUrl"][0].startswith("https://kb.example/persons/") for e in persons)


def test_a_researchers_merge_gives_one_person_holding_both_posts(corpus):
    db, folder = corpus
    a1, a4 = key(folder, "a1.txt"), key(folder, "a4.txt")
    with db.session() as s:
        merged = merge_persons(s, person_of(db, a1), person_of(db, a4))
    ents = _entities(db)
    holder = f"partyfacts-person-{merged.person_id}"
    posts = {e["properties"]["post"][0] for e in ents if e["schema"] == "Occupancy"
             and e["properties"]["holder"] == [holder]}
    names = {e["properties"]["name"][0] for e in ents if e["id"] in posts}
    assert any("Huyện ủy Nam Đàn" in n for n in names) and any("Sở Y tế" in n for n in names)
    with db.session() as s:
        ids = set(s.execute(select(m.Person.id)).scalars())
    assert {int(e["id"].rsplit("-", 1)[1]) for e in ents if e["schema"] == "Person"} == ids


def test_an_entity_the_schema_refuses_is_named_in_the_error():
    with pytest.raises(ftm.FtmError, match="Occupancy partyfacts-occupancy-x: required holder, post missing"):
        ftm._entity("Occupancy", "partyfacts-occupancy-x", {"startDate": "2020-01-01"})


def test_a_value_the_property_type_refuses_is_an_error_not_dropped():
    with pytest.raises(ftm.FtmError, match="startDate 'last spring' is not a valid date"):
        ftm._entity("Occupancy", "partyfacts-occupancy-y", {"holder": "p", "post": "q", "startDate": "last spring"})


@pytest.mark.parametrize("title, body, name", [
    ("Phó Chủ tịch Ủy ban nhân dân", "UBND huyện Nam Đàn", "Phó Chủ tịch UBND huyện Nam Đàn"),
    ("Chủ tịch Hội đồng nhân dân", "HĐND tỉnh Nghệ An", "Chủ tịch HĐND tỉnh Nghệ An"),
    ("Bí thư", "Huyện ủy Nam Đàn", "Bí thư Huyện ủy Nam Đàn"),
    ("Bí thư", "", "Bí thư"),
])
def test_a_post_name_says_its_body_once(title, body, name):
    assert ftm.post_name(title, body) == name
