"""The scraper is a library: its settings come from its callers (FetchConfig, profile_dirs), never from
the environment. Pinned on the source, so a new `os.environ` read anywhere under scraper/ fails here."""
import ast
from pathlib import Path

import partyfacts.scraper

SCRAPER = Path(partyfacts.scraper.__file__).resolve().parent


def environment_reads(source: str) -> list[str]:
    """`os.environ`, `os.getenv`, `os.putenv`, `os.unsetenv` (attribute or imported name) in Python source."""
    names = {"environ", "environb", "getenv", "getenvb", "putenv", "unsetenv"}
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in names and isinstance(node.value, ast.Name) \
                and node.value.id == "os":
            found.append(f"line {node.lineno}: os.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            found += [f"line {node.lineno}: from os import {a.name}" for a in node.names if a.name in names]
    return found


def test_no_scraper_module_reads_the_environment():
    modules = sorted(SCRAPER.rglob("*.py"))
    assert len(modules) > 15  # the whole package, extract/ and profiles/ included
    offenders = {str(p.relative_to(SCRAPER)): hits for p in modules
                 if (hits := environment_reads(p.read_text(encoding="utf-8")))}
    assert offenders == {}


def test_environment_read_detector_finds_each_spelling():
    src = "import os\nfrom os import getenv\na = os.environ['X']\nb = os.getenv('Y')\nc = os.environ.get('Z')\n"
    assert environment_reads(src) == ["line 2: from os import getenv", "line 3: os.environ", "line 4: os.getenv",
                                      "line 5: os.environ"]
    assert environment_reads("import os\npath = os.path.join('a', 'b')\n") == []
