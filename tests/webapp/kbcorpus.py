"""A small knowledge base for the person, organisation and post pages built the way researchers build one:
invented short stories ingested as .txt files from three sites and processed by the real pipeline
(extraction, body resolution, person resolution), one story republished on a national site.

The stories: two "Nguyễn Văn Thắng" (a Nghệ An district secretary, a Thanh Hóa commune chairman);
Trần Minh Hải elected Bí thư of the Nghệ An Tỉnh ủy in 2020, seen in office in 2022 (the generic
"Tỉnh ủy" on a Nghệ An story), "nguyên" Bí thư in 2024; Lê Quang Huy elected to the post in January
2024; colleagues named in two more stories."""
from __future__ import annotations

from pathlib import Path

from partyfacts.corpus import open_db
from partyfacts.corpus.jobs import ingest_files, link_syndicated_articles, process_articles

STORIES = {
    ("baonghean.vn", "na1.txt"): """Hội nghị Tỉnh ủy Nghệ An
12/03/2020
Ngày 10/3/2020, Tỉnh ủy tổ chức hội nghị. Đồng chí Nguyễn Văn Thắng, Ủy viên Ban Thường vụ Tỉnh ủy, Bí thư Huyện ủy Nam Đàn phát biểu tại hội nghị ở thành phố Vinh, tỉnh Nghệ An.
""",
    ("baonghean.vn", "na2.txt"): """Bầu Bí thư Tỉnh ủy Nghệ An
20/10/2020
Ngày 15/10/2020, Đại hội đại biểu Đảng bộ tỉnh Nghệ An bầu đồng chí Trần Minh Hải giữ chức Bí thư Tỉnh ủy Nghệ An nhiệm kỳ 2020-2025.
""",
    ("baonghean.vn", "na3.txt"): """Gặp mặt cán bộ hưu trí tỉnh Nghệ An
02/02/2024
Đồng chí Trần Minh Hải, nguyên Bí thư Tỉnh ủy Nghệ An, dự buổi gặp mặt cán bộ hưu trí tại thành phố Vinh.
""",
    ("baonghean.vn", "na4.txt"): """Tỉnh ủy Nghệ An kiểm tra công tác
15/05/2022
Đồng chí Trần Minh Hải, Bí thư Tỉnh ủy, làm việc với huyện Nam Đàn, tỉnh Nghệ An.
""",
    ("baonghean.vn", "na5.txt"): """Nghệ An có tân Bí thư Tỉnh ủy
10/01/2024
Ngày 8/1/2024, Ban Chấp hành Đảng bộ tỉnh Nghệ An bầu đồng chí Lê Quang Huy giữ chức Bí thư Tỉnh ủy Nghệ An.
""",
    ("baonghean.vn", "na6.txt"): """Hội nghị Ban Chấp hành Đảng bộ tỉnh Nghệ An
18/07/2023
Dự hội nghị có đồng chí Phạm Đức Long, Phó Bí thư Thường trực Tỉnh ủy; đồng chí Hoàng Thị Mai, Chủ tịch HĐND tỉnh; đồng chí Võ Văn Tùng, Chủ tịch UBND tỉnh Nghệ An và đồng chí Đặng Minh Quân, Trưởng Ban Tổ chức Tỉnh ủy.
""",
    ("baothanhhoa.vn", "th1.txt"): """Thanh Hóa khai mạc lớp bồi dưỡng
05/06/2021
Đồng chí Nguyễn Văn Thắng, Chủ tịch UBND xã Quảng Phú, huyện Quảng Xương, tỉnh Thanh Hóa dự lễ khai mạc lớp bồi dưỡng đảng viên mới.
""",
    ("baothanhhoa.vn", "th2.txt"): """Thanh Hóa tổng kết công tác xây dựng Đảng
22/12/2022
Dự hội nghị có đồng chí Lưu Văn Bình, Phó Bí thư Tỉnh ủy Thanh Hóa; đồng chí Cao Thị Hương, Chủ tịch HĐND tỉnh; đồng chí Mai Xuân Trường, Chủ tịch UBND tỉnh Thanh Hóa.
""",
    # the 2020 election story republished a day later by a national site
    ("dantri.com.vn", "na2-copy.txt"): """Bầu Bí thư Tỉnh ủy Nghệ An
21/10/2020
Ngày 15/10/2020, Đại hội đại biểu Đảng bộ tỉnh Nghệ An bầu đồng chí Trần Minh Hải giữ chức Bí thư Tỉnh ủy Nghệ An nhiệm kỳ 2020-2025.
""",
}


def build_kb(root: Path) -> Path:
    """The stories ingested per site into root/kb.db, copies linked, processed by the real pipeline."""
    db_file = root / "kb.db"
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
        res = ingest_files(db, paths, site=site)
        if res.errors:
            raise RuntimeError(res.errors)
        ids += res.added
    link_syndicated_articles(db, ids)
    res = process_articles(db, progress=False)
    if res.processed != len(STORIES) or res.failed:
        raise RuntimeError(res.errors)
    db.dispose()
    return db_file
