from pathlib import Path

import pytest

from partyfacts.scraper.parse import Rejection, parse_article
from partyfacts.scraper.profiles import BUILTIN_DIR, ProfileError, load_profiles, profile_dirs

CUSTOM = """
name = "so_noi_vu"
description = "a department site with its own layout"
[detect]
selectors = [".tin-chi-tiet"]
[urls]
article = ['/tin/\\d+$']
[article]
title = [".tin-chi-tiet .tieu-de"]
date = [".tin-chi-tiet .ngay"]
body = [".tin-chi-tiet .noi-dung"]
drop = [".noi-dung .quang-cao"]
date_formats = ["%d-%m-%Y"]
"""

PAGE = """<html><body><div class="tin-chi-tiet"><div class="tieu-de">Sở Nội vụ triển khai sắp xếp đơn vị hành chính cấp xã</div>
<div class="ngay">07-08-2024</div><div class="noi-dung"><p>Sở Nội vụ đã hướng dẫn các huyện xây dựng phương án sắp xếp
đơn vị hành chính cấp xã giai đoạn 2023 - 2025, bảo đảm đúng tiêu chuẩn về diện tích và quy mô dân số.</p>
<div class="quang-cao">Mời quảng cáo</div><p>Phương án phải được lấy ý kiến cử tri trước ngày 30/9.</p></div></div></body></html>"""


def test_user_profile_directory_adds_a_profile_without_code(tmp_path):
    (tmp_path / "so_noi_vu.toml").write_text(CUSTOM, "utf-8")
    assert "so_noi_vu" in {p.name for p in load_profiles([tmp_path])}
    art = parse_article("http://snv.example.gov.vn/tin/123", PAGE.encode(), {}, profile_dirs=[tmp_path])
    assert not isinstance(art, Rejection), str(art)
    assert art.profile == "so_noi_vu" and art.title.startswith("Sở Nội vụ triển khai")
    assert art.published.isoformat() == "2024-08-07" and "Mời quảng cáo" not in art.text


def test_user_profile_with_a_builtin_name_overrides_it(tmp_path):
    (tmp_path / "x.toml").write_text('name = "wordpress"\ndescription = "mine"\n', "utf-8")
    profiles = {p.name: p for p in load_profiles([tmp_path])}
    assert profiles["wordpress"].description == "mine"


def test_broken_profile_file_is_named_in_the_error(tmp_path):
    (tmp_path / "bad.toml").write_text('name = "bad"\n[urls]\narticle = ["(unclosed"]\n', "utf-8")
    with pytest.raises(ProfileError, match="bad.toml"):
        load_profiles([tmp_path])


def test_every_builtin_profile_names_all_article_parts():
    for p in load_profiles():
        assert p.title and p.body and p.detect_selectors, p.name


def test_profiles_environment_variable_is_ignored_by_the_library(tmp_path, monkeypatch):
    (tmp_path / "so_noi_vu.toml").write_text(CUSTOM, "utf-8")
    monkeypatch.setenv("PARTYFACTS_PROFILES", str(tmp_path))
    assert "so_noi_vu" not in {p.name for p in load_profiles()}
    assert profile_dirs() == (BUILTIN_DIR,)
    assert profile_dirs([tmp_path, "b"]) == (BUILTIN_DIR, tmp_path, Path("b"))


def test_later_profile_directory_overrides_an_earlier_one(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    (first / "a.toml").write_text('name = "mine"\ndescription = "first"\n', "utf-8")
    (second / "b.toml").write_text('name = "mine"\ndescription = "second"\n', "utf-8")
    assert {p.name: p for p in load_profiles([first, second])}["mine"].description == "second"
    assert {p.name: p for p in load_profiles([second, first])}["mine"].description == "first"
