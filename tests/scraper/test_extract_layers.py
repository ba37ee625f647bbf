"""The extraction stages (scraper/extract/) form layers: each imports only stages below it and never the
orchestrator (scraper/parse.py), so there is no import circle inside the package."""
import ast
from pathlib import Path

import partyfacts.scraper.extract as extract

EXTRACT = Path(extract.__file__).resolve().parent
# lowest first; stages of one rank do not import each other
RANK = {"common": 0, "regions": 1, "pubdate": 2, "blocks": 3, "headline": 4, "consensus": 5, "classify": 6,
        "detect": 6, "profiled": 7, "generic": 7}


def relative_imports(path: Path) -> list[tuple[int, str]]:
    """(level, module) of each relative `from … import` in a file: (1, "blocks") for `from .blocks import`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(n.level, n.module or "") for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level]


def test_every_stage_module_has_a_rank():
    assert {p.stem for p in EXTRACT.glob("*.py")} - {"__init__"} == set(RANK)


def test_stages_import_only_lower_stages_and_never_the_orchestrator():
    wrong = []
    for name, rank in RANK.items():
        for level, module in relative_imports(EXTRACT / f"{name}.py"):
            if level == 1 and RANK.get(module.split(".")[0], rank) >= rank:
                wrong.append(f"{name} imports .{module}")
            if level == 2 and module.split(".")[0] in ("parse", "crawl", "state", "extract"):
                wrong.append(f"{name} imports ..{module}")
    assert wrong == []


def test_import_reader_sees_relative_imports():
    p = EXTRACT / "profiled.py"
    found = relative_imports(p)
    assert (1, "classify") in found and (2, "profiles") in found
