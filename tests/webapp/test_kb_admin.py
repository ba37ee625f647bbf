"""Admin merge and split of persons (login, CSRF): a redirect to the resulting person page with a
message, JSON on request (also across two spellings, which the model never joins), and bad input refused with a reason (400/404), never a server error."""
from __future__ import annotations

import re
import shutil

import pytest
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.corpus.jobs import ingest_files, process_articles
from partyfacts.webapp.app import create_app

PASSWORD = "kb admin password"
JSON = {"Accept": "application/json"}
EN = {"Accept-Language": "en"}
FILES = {
    "Báo Nghệ An": {
        "na1.txt": "Hội nghị Huyện ủy Nam Đàn\n12/03/2021\nĐồng chí Nguyễn Văn Thắng, Bí thư Huyện ủy Nam Đàn chủ trì "
                   "hội nghị.\n",
        "na2.txt": "Nam Đàn triển khai nhiệm vụ\n05/01/2022\nĐồng chí Nguyễn Văn Thắng, Bí thư Huyện ủy Nam Đàn, phát "
                   "biểu chỉ đạo hội nghị.\n",
    },
    "Báo Hà Giang": {
        "hg.txt": "Sở Y tế Hà Giang sơ kết\n15/07/2015\nÔng Trần Văn Thắng, Giám đốc Sở Y tế tỉnh Hà Giang chủ trì "
                  "hội nghị sơ kết.\n",
    },
}


@pytest.fixture(scope="module")
def template_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kbadmin")
    db = open_db(str(folder / "kb.db"))
    for site, files in FILES.items():
        paths = []
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
            paths.append(folder / name)
        assert not ingest_files(db, paths, site=site).errors
    assert process_articles(db, version="v1").processed == 3
    db.dispose()
    return folder


@pytest.fixture
def env(template_db, tmp_path):
    path = tmp_path / "kb.db"
    shutil.copy(template_db / "kb.db", path)
    app = create_app({"DATABASE": str(path), "TESTING": True, "SECRET_KEY": "test",
                      "ADMIN_PASSWORD_HASH": generate_password_hash(PASSWORD)})
    db = open_db(str(path))
    yield app.test_client(), db, template_db
    db.dispose()
    app.extensions["partyfacts_db"].dispose()


def _token(client) -> str:
    html = client.get("/login").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def _login(client) -> str:
    token = _token(client)
    assert client.post("/login", data={"password": PASSWORD, "csrf_token": token}).status_code == 302
    return _token(client)


def _key(folder, name):
    person = "trần văn thắng" if name == "hg.txt" else "nguyễn văn thắng"
    return f"{(folder / name).resolve().as_uri()}#{person}"


def _person(db, mention_key) -> int:
    with db.session() as s:
        return s.execute(select(m.PersonOccurrence.person_id).where(
            m.PersonOccurrence.mention_key == mention_key)).scalar_one()


def test_merge_and_split_need_an_admin_login_and_a_csrf_token(env):
    client, db, folder = env
    pid = _person(db, _key(folder, "na1.txt"))
    r = client.post(f"/persons/{pid}/merge", data={"other": "1", "csrf_token": _token(client)})
    assert r.status_code == 403
    assert client.post(f"/persons/{pid}/split", data={"occurrence": "x"}, headers=JSON).status_code in (400, 403)
    _login(client)
    r = client.post(f"/persons/{pid}/merge", data={"other": "1"})
    assert r.status_code == 400
    with db.session() as s:
        assert s.execute(select(m.ResolutionDecision)).first() is None


def test_admin_merges_two_persons_and_lands_on_the_merged_person_page(env):
    client, db, folder = env
    token = _login(client)
    na, hg = _person(db, _key(folder, "na1.txt")), _person(db, _key(folder, "hg.txt"))
    assert na != hg
    r = client.post(f"/persons/{na}/merge", data={"other": str(hg), "csrf_token": token}, headers=EN)
    assert r.status_code == 302
    merged = _person(db, _key(folder, "hg.txt"))
    assert merged == _person(db, _key(folder, "na1.txt")) == _person(db, _key(folder, "na2.txt"))
    assert r.headers["Location"].endswith(f"/persons/{merged}")
    page = client.get(r.headers["Location"], headers=EN).get_data(as_text=True)
    assert "are one person now" in page


def test_admin_splits_occurrences_off_and_gets_json_when_asking_for_it(env):
    client, db, folder = env
    token = _login(client)
    na1, na2 = _key(folder, "na1.txt"), _key(folder, "na2.txt")
    pid = _person(db, na1)
    assert _person(db, na2) == pid
    r = client.post(f"/persons/{pid}/split", data={"occurrence": [na2], "csrf_token": token}, headers=JSON)
    assert r.status_code == 200, r.get_data(as_text=True)
    d = r.get_json()
    assert d["person_id"] == _person(db, na1) and d["new_person_id"] == _person(db, na2) != d["person_id"]
    assert d["moved"] == [na2] and d["href"].endswith(f"/persons/{d['person_id']}")
    r = client.post(f"/persons/{d['new_person_id']}/merge", data={"other": str(pid), "csrf_token": token})
    assert r.status_code == 302 and _person(db, na1) == _person(db, na2)


@pytest.mark.parametrize("case", ["self", "unknown_other", "unknown_person", "not_a_number", "foreign_key",
                                  "no_keys", "every_key"])
def test_bad_merge_or_split_is_refused_with_a_reason_not_a_server_error(env, case):
    client, db, folder = env
    token = _login(client)
    na, hg = _person(db, _key(folder, "na1.txt")), _person(db, _key(folder, "hg.txt"))
    url, data, status, reason = {
        "self": (f"/persons/{na}/merge", {"other": str(na)}, 400, "itself"),
        "unknown_other": (f"/persons/{na}/merge", {"other": "987654"}, 404, "987654 does not exist"),
        "unknown_person": ("/persons/987654/split", {"occurrence": "x"}, 404, "987654 does not exist"),
        "not_a_number": (f"/persons/{na}/merge", {"other": "abc"}, 400, "whole number"),
        "foreign_key": (f"/persons/{na}/split", {"occurrence": _key(folder, "hg.txt")}, 400, "not one of person"),
        "no_keys": (f"/persons/{na}/split", {}, 400, "at least one"),
        "every_key": (f"/persons/{na}/split", {"occurrence": [_key(folder, "na1.txt"), _key(folder, "na2.txt")]},
                      400, "leave at least one"),
    }[case]
    r = client.post(url, data={**data, "csrf_token": token}, headers=JSON)
    assert r.status_code == status and reason in r.get_json()["error"]
    html = client.post(url, data={**data, "csrf_token": token})
    assert html.status_code == status and reason in html.get_data(as_text=True)
    with db.session() as s:
        assert s.execute(select(m.ResolutionDecision)).first() is None
    assert _person(db, _key(folder, "hg.txt")) == hg
