"""Property-based fuzzing of every route of /openapi.yaml with Schemathesis, in-process through the
Flask app's WSGI interface on the small web-test corpus: whatever the generated parameters and
bodies (valid and invalid), no answer is a 5xx, and every answer conforms to the schema (status
codes, content types, headers, response bodies)."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from werkzeug.security import generate_password_hash

from partyfacts.webapp.app import create_app
from partyfacts.webapp.settings import Settings
from partyfacts.webapp.views import OPENAPI
from webcorpus import ADMIN_PASSWORD

EXAMPLES = 12       # per operation and phase: the whole file runs in well under a minute


@pytest.fixture(scope="module")
def fuzz_app(corpus_file):
    # rate limits off (the settings' "no limit"): hundreds of generated requests from one address would
    # otherwise meet the limits; the 429 they answer is documented (TooManyRequests) and tested in
    # test_serving_limits.py
    no_limits = Settings.build().with_flags(rate_limit_extract="", rate_limit_search="", rate_limit_export="")
    app = create_app({"DATABASE": str(corpus_file), "TESTING": True, "SECRET_KEY": "test",
                      "ADMIN_PASSWORD_HASH": generate_password_hash(ADMIN_PASSWORD)}, settings=no_limits)
    yield app
    app.extensions["partyfacts_db"].dispose()


# the schema file the app serves at /openapi.yaml (loaded at import: Schemathesis' from_fixture does
# not run under pytest 9, so the app is handed to each call instead)
schema = schemathesis.openapi.from_path(str(OPENAPI))


def test_the_fuzzed_schema_is_the_one_the_app_serves(fuzz_app):
    assert fuzz_app.test_client().get("/openapi.yaml").data == OPENAPI.read_bytes()


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_every_route_answers_without_a_5xx_and_as_its_schema_says(case, fuzz_app):
    case.call_and_validate(app=fuzz_app)


def test_a_405_lists_the_methods_the_path_allows(fuzz_app):
    r = fuzz_app.test_client().get("/api/extract")
    assert r.status_code == 405
    assert set(r.headers["Allow"].split(", ")) == {"OPTIONS", "POST"}
    assert r.get_json()["status"] == 405


def test_an_api_path_that_names_no_table_is_a_404(fuzz_app):
    r = fuzz_app.test_client().get("/api/nosuchtable")
    assert r.status_code == 404 and r.get_json()["status"] == 404
