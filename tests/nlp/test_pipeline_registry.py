"""The pipeline registry: named components in dependency order, ``disable``, and the pipeline
version as a digest of the enabled components and their data files."""
from __future__ import annotations

import ast
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from partyfacts import nlp
from partyfacts.nlp import pipeline
from partyfacts.nlp.lexicon import DATA_DIR

NLP_DIR = Path(nlp.__file__).resolve().parent
TEXT = ("Đồng chí Nguyễn Văn Thành, Bí thư Tỉnh ủy Vĩnh Phúc, thăm xã Vũ Lễ ngày 5/3/2024; "
        "xã có 120 hộ nghèo.")


def test_registry_lists_the_stages_in_a_stable_dependency_order():
    assert nlp.component_names() == ("places", "dates", "figures", "people.tokens", "people.model",
                                     "people.names", "people.roles", "places.not_persons", "folded")
    assigned: set[str] = set()
    for c in nlp.components():
        assert set(c.requires) <= assigned, c.name
        assigned.update(c.assigns)


def test_every_component_declares_a_version_and_existing_data_files():
    for c in nlp.components():
        assert c.version
        for _, p in c.data_files():
            assert p.is_file()
    data = {c.name: {name for name, _ in c.data_files()} for c in nlp.components()}
    assert "places/admin_units.tsv" in data["places"]
    assert data["people.model"] == {"people/person_model.json"}


def test_extract_records_the_components_that_ran_and_the_pipeline_version():
    ex = nlp.extract(TEXT)
    assert list(ex.meta["components"]) == list(nlp.component_names())
    assert ex.meta["pipeline_version"] == nlp.PIPELINE_VERSION == nlp.pipeline_version()
    assert re.fullmatch(r"rules-[0-9a-f]{12}", nlp.PIPELINE_VERSION)


def test_disabling_a_component_that_nothing_requires_empties_its_facts_only():
    full = nlp.extract(TEXT)
    ex = nlp.extract(TEXT, disable=["figures"])
    assert full.figures and ex.figures == ()
    assert ex.persons == full.persons and ex.places == full.places and ex.dates == full.dates
    assert "figures" not in ex.meta["components"]
    assert ex.meta["pipeline_version"] == nlp.pipeline_version(disable=["figures"])


def test_disabling_a_required_component_is_a_value_error_naming_it():
    with pytest.raises(ValueError, match=r"cannot disable dates: component 'figures' requires doc.dates"):
        nlp.extract(TEXT, disable=["dates"])
    with pytest.raises(ValueError, match=r"cannot disable people.tokens"):
        nlp.extract(TEXT, disable=["people.tokens"])
    # with its dependants it may go
    ex = nlp.extract(TEXT, disable=["dates", "figures"])
    assert ex.dates == () and ex.figures == ()


def test_unknown_component_name_is_a_value_error():
    with pytest.raises(ValueError, match=r"unknown pipeline component\(s\): people\.modle"):
        nlp.extract(TEXT, disable=["people.modle"])
    with pytest.raises(ValueError, match="unknown"):
        nlp.pipeline_version(disable=["nope"])


def test_disabling_a_component_changes_the_pipeline_version():
    versions = {nlp.pipeline_version()} | {nlp.pipeline_version(disable=[n])
                                          for n in ("people.model", "figures", "places.not_persons")}
    assert len(versions) == 4
    assert nlp.pipeline_version(disable=["people.model"]) == nlp.pipeline_version(disable=("people.model",))


def test_pipeline_version_is_a_digest_of_the_data_files_bytes(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    comps = pipeline.enabled()
    assert pipeline.digest(comps, copy) == pipeline.digest(comps) == nlp.PIPELINE_VERSION
    f = copy / "people" / "honorifics.txt"
    f.write_bytes(f.read_bytes() + "\nbà cụ\n".encode())
    changed = pipeline.digest(comps, copy)
    assert changed != nlp.PIPELINE_VERSION and changed.startswith("rules-")


def test_pipeline_version_changes_with_a_component_version_or_config():
    comps = list(pipeline.enabled())
    base = pipeline.digest(comps)
    i = [c.name for c in comps].index("figures")
    bumped = comps[:i] + [replace(comps[i], version=comps[i].version + ".1")] + comps[i + 1:]
    configured = comps[:i] + [replace(comps[i], config={"x": 1})] + comps[i + 1:]
    assert len({base, pipeline.digest(bumped), pipeline.digest(configured)}) == 3


def test_registering_a_component_with_an_unmet_requirement_is_refused(monkeypatch):
    monkeypatch.setattr(pipeline, "_REGISTRY", {})
    with pytest.raises(ValueError, match="requires doc.dates, which no earlier component assigns"):
        pipeline.component("figures.alone", version="1", requires=("dates",), assigns=("figures",))(lambda doc: None)
    with pytest.raises(ValueError, match="Document has no field 'nope'"):
        pipeline.component("bad", version="1", assigns=("nope",))(lambda doc: None)


def test_registering_a_name_twice_is_refused():
    nlp.components()
    with pytest.raises(ValueError, match="already registered"):
        pipeline.component("places", version="9", assigns=("places",))(lambda doc: None)


def _environment_reads(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "environb", "putenv"):
            found.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            found += [f"line {node.lineno}: from os import {a.name}" for a in node.names
                      if a.name in ("environ", "getenv", "environb", "putenv")]
    return found


def test_no_nlp_module_reads_the_environment():
    offenders = {}
    for path in sorted(NLP_DIR.rglob("*.py")):
        found = _environment_reads(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            offenders[str(path.relative_to(NLP_DIR))] = found
    assert offenders == {}


def test_environment_check_finds_a_read():
    src = "import os\nfrom os import getenv\nx = os.environ.get('A')\n"
    assert _environment_reads(ast.parse(src)) == ["line 2: from os import getenv", "line 3: .environ"]
