import json
from pathlib import Path

import pytest

from partyfacts.corpus import open_db

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"


@pytest.fixture
def db(tmp_path):
    d = open_db(str(tmp_path / "t.db"))
    yield d
    d.dispose()


@pytest.fixture
def gold_txt(tmp_path):
    """The development gold articles written out as .txt files (as a researcher would ingest them)."""
    out = []
    folder = tmp_path / "txt"
    folder.mkdir()
    for f in sorted(GOLD.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        p = folder / f"{d['id']}.txt"
        p.write_text(d["text"], encoding="utf-8")
        out.append(p)
    return out
