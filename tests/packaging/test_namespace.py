"""The installed distribution exposes one import name, ``partyfacts``; the four folders are its
subpackages (nlp/ → partyfacts.nlp, …) and nothing of the project is importable under a bare name."""
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("nlp", "scraper", "corpus", "webapp")


def test_distribution_declares_partyfacts_as_its_only_top_level_name():
    top = metadata.distribution("partyfacts").read_text("top_level.txt")
    assert top is not None and top.split() == ["partyfacts"]


@pytest.mark.parametrize("part", PARTS)
def test_each_folder_is_installed_as_a_partyfacts_subpackage(part):
    import importlib
    mod = importlib.import_module(f"partyfacts.{part}")
    assert Path(mod.__file__).resolve().parent == ROOT / part


def test_no_project_module_imports_a_bare_package_name():
    import ast
    offenders = []
    for part in PARTS:
        for path in (ROOT / part).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in PARTS]
    assert offenders == []
