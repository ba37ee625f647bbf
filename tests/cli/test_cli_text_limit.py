"""Issue 13: `extract` refuses a text longer than the setting max_text_chars with one line naming the
limit and the setting, before any work; shorter texts go through."""
import json

from click.testing import CliRunner

from partyfacts.webapp.cli import main

TEXT = "Đồng chí Nguyễn Văn An, Bí thư Huyện ủy Tam Dương, phát biểu. " * 40   # 2,480 characters


def test_extract_refuses_a_file_over_max_text_chars_naming_the_limit_and_the_setting(tmp_path):
    f = tmp_path / "long.txt"
    f.write_text(TEXT, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", str(f)], env={"PARTYFACTS_MAX_TEXT_CHARS": "2000"})
    assert res.exit_code == 1
    assert res.output.strip() == (f"Error: {f}: the text has 2,480 characters, over the limit of 2,000 (setting "
                                  "max_text_chars, env PARTYFACTS_MAX_TEXT_CHARS: raise it to extract longer texts)")


def test_extract_refuses_standard_input_over_the_limit_and_takes_it_under_a_raised_one():
    res = CliRunner().invoke(main, ["extract", "-"], input=TEXT, env={"PARTYFACTS_MAX_TEXT_CHARS": "2000"})
    assert res.exit_code == 1 and res.output.startswith("Error: standard input: the text has 2,480 characters")
    ok = CliRunner().invoke(main, ["extract", "--format", "jsonl", "-"], input=TEXT,
                            env={"PARTYFACTS_MAX_TEXT_CHARS": "3000"})
    assert ok.exit_code == 0, ok.output
    assert "Nguyễn Văn An" in {p["name"] for p in json.loads(ok.output)["persons"]}
