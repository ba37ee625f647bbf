"""The title and date of an ingested .txt file: a dateline first is the date, not the title."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from partyfacts.corpus.jobs.ingest import is_dateline, text_article_fields


@pytest.mark.parametrize("first_line, published", [
    ("08/01/2024", date(2024, 1, 8)),
    ("Thứ Hai, 08/01/2024 10:30 (GMT+7)", date(2024, 1, 8)),
    ("2024-01-08", date(2024, 1, 8)),
    ("Cập nhật: 08/01/2024 - 10:30", date(2024, 1, 8)),
    ("Ngày 8 tháng 1 năm 2024", date(2024, 1, 8)),
    ("Chủ nhật, 7-1-2024", date(2024, 1, 7)),
])
def test_a_dateline_first_gives_the_date_and_the_next_line_is_the_title(first_line, published):
    fields = text_article_fields(Path("story.txt"), f"{first_line}\n\nBầu Bí thư Tỉnh ủy Nghệ An\nNội dung bài viết.")
    assert fields["title"] == "Bầu Bí thư Tỉnh ủy Nghệ An"
    assert fields["published"] == published


def test_a_headline_with_a_date_in_it_stays_the_title():
    fields = text_article_fields(Path("s.txt"), "Hội nghị ngày 10/01/2024 của Tỉnh ủy\nNgày 10/01/2024, …")
    assert fields["title"] == "Hội nghị ngày 10/01/2024 của Tỉnh ủy"
    assert fields["published"] == date(2024, 1, 10)
    assert not is_dateline("Hội nghị ngày 10/01/2024 của Tỉnh ủy")


def test_a_file_of_datelines_only_is_titled_by_its_name():
    assert text_article_fields(Path("ban-tin.txt"), "08/01/2024\n09/01/2024")["title"] == "ban-tin"


def test_an_impossible_date_is_no_publication_date():
    fields = text_article_fields(Path("s.txt"), "45/13/2024\nTiêu đề")
    assert fields["published"] is None
