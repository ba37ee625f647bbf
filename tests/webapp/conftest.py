"""Fixtures for the web tests: the corpus of webcorpus.py, a Flask app + test client on it."""
from __future__ import annotations

from pathlib import Path

import pytest
from werkzeug.security import generate_password_hash

from partyfacts.corpus import open_db
from partyfacts.webapp.app import create_app
from webcorpus import ADMIN_PASSWORD, build_corpus


@pytest.fixture(scope="session")
def corpus_file(tmp_path_factory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("webcorpus"))


@pytest.fixture
def app(corpus_file):
    app = create_app({"DATABASE": str(corpus_file), "TESTING": True, "SECRET_KEY": "test",
                      "ADMIN_PASSWORD_HASH": generate_password_hash(ADMIN_PASSWORD)})
    yield app
    app.extensions["partyfacts_db"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(corpus_file):
    d = open_db(str(corpus_file))
    yield d
    d.dispose()
