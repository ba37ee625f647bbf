"""The corpus of the charts, feeds, network and citation tests (tests/webapp and tests/e2e): invented
.txt stories of one province ingested and processed by the real pipeline — budget figures in đồng over
three years plus one undated story, officials named together in several stories (one story
republished on a second site), and a story whose title and sentence carry markup and XML-hostile
characters."""
from __future__ import annotations

from pathlib import Path

from partyfacts.corpus import open_db
from partyfacts.corpus.jobs import ingest_files, link_syndicated_articles, process_articles

HOSTILE_TITLE = 'Hội nghị <script>alert("x")</script> & ]]> tổng kết\x0b'

MEETING = ("Ngày {day}, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị. Dự hội nghị có đồng chí Nguyễn Đức Trung, "
           "Bí thư Tỉnh ủy Nghệ An; đồng chí Lê Hồng Vinh, Chủ tịch UBND tỉnh Nghệ An{third}. ")
BUDGET = "Năm {year}, tỉnh Nghệ An thu ngân sách nhà nước đạt {amount} tỷ đồng.\n"

STORIES = {
    ("baonghean.vn", "ns2021.txt"): "Nghệ An tổng kết thu ngân sách năm 2020\n15/01/2021\n"
        + MEETING.format(day="12/1/2021", third="") + BUDGET.format(year=2020, amount="15.200"),
    ("baonghean.vn", "ns2022.txt"): "Nghệ An tổng kết thu ngân sách năm 2021\n14/01/2022\n"
        + MEETING.format(day="12/1/2022", third="; đồng chí Thái Thanh Quý, Phó Bí thư Tỉnh ủy") + BUDGET.format(year=2021, amount="18.600"),
    ("baonghean.vn", "ns2023.txt"): "Nghệ An tổng kết thu ngân sách năm 2022\n16/01/2023\n"
        + MEETING.format(day="13/1/2023", third="; đồng chí Thái Thanh Quý, Phó Bí thư Tỉnh ủy") + BUDGET.format(year=2022, amount="21.500"),
    # the 2023 story republished by a national site: one story, counted once
    ("dantri.com.vn", "ns2023-copy.txt"): "Nghệ An tổng kết thu ngân sách năm 2022\n17/01/2023\n"
        + MEETING.format(day="13/1/2023", third="; đồng chí Thái Thanh Quý, Phó Bí thư Tỉnh ủy") + BUDGET.format(year=2022, amount="21.500"),
    # no date line: the article has no date, its figure is not drawn
    ("baonghean.vn", "undated.txt"): "Nghệ An thu ngân sách\n"
        "Tỉnh Nghệ An thu ngân sách nhà nước đạt 9.800 tỷ đồng trong sáu tháng.\n",
    ("baonghean.vn", "hostile.txt"): HOSTILE_TITLE + "\n20/02/2024\n"
        "Ngày 19/2/2024, đồng chí Nguyễn Đức Trung, Bí thư Tỉnh ủy Nghệ An <b>chủ trì</b> hội nghị & phát biểu \"]]>\".\n",
}


def build_chart_corpus(root: Path, url: str | None = None) -> Path | str:
    """The stories ingested per site into root/charts.db (or the database at ``url``), copies linked,
    processed by the real pipeline; returns the database file (or ``url``)."""
    db_file = url or root / "charts.db"
    db = open_db(str(db_file))
    ids = []
    for site in dict.fromkeys(site for site, _ in STORIES):
        folder = root / site
        folder.mkdir()
        paths = []
        for (s, name), text in STORIES.items():
            if s == site:
                (folder / name).write_text(text, encoding="utf-8")
                paths.append(folder / name)
        res = ingest_files(db, paths, site=site, province="Nghệ An")
        if res.errors:
            raise RuntimeError(res.errors)
        ids += res.added
    link_syndicated_articles(db, ids)
    res = process_articles(db, progress=False)
    if res.processed != len(STORIES) or res.failed:
        raise RuntimeError(res.errors)
    db.dispose()
    return db_file
