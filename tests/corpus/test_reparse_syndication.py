from datetime import date

from sqlalchemy import select

from partyfacts.corpus import models as m
from partyfacts.corpus.jobs import CrawlConfig, crawl_urls, process_articles, reparse_articles
from partyfacts.corpus.demo import serve_portal
from partyfacts.corpus.pipeline import site_row
from partyfacts.corpus.syndication import link_syndicated

LOCAL = CrawlConfig(allow_private_targets=True)   # the sample portal is on 127.0.0.1

STORY = ("Sáng 12/5, Huyện ủy Tam Nông tổ chức hội nghị sơ kết công tác xây dựng Đảng. Đồng chí Hà Văn Long, "
         "Bí thư Huyện ủy chủ trì hội nghị. Trong 6 tháng đầu năm, toàn huyện kết nạp 86 đảng viên mới, đạt 57% "
         "kế hoạch năm; 98% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ. Hội nghị đề ra nhiệm vụ trọng tâm "
         "6 tháng cuối năm, trong đó chú trọng công tác phát triển đảng viên ở khu dân cư và doanh nghiệp.")


def _article(s, site, url, text, pub=date(2024, 5, 12)):
    srow = site_row(s, site)
    a = m.Article(site_id=srow.id, url=url, canonical_url=url, title="Sơ kết", text=text, content_hash=url,
                  published=pub.isoformat(), published_date=pub)
    s.add(a)
    s.flush()
    return a.id


def test_near_copy_on_another_site_is_linked_to_the_first_not_deleted(db):
    with db.session() as s:
        first = _article(s, "a.gov.vn", "http://a.gov.vn/1", STORY)
        copy = _article(s, "b.vn", "http://b.vn/9", "Nguồn: Cổng TTĐT huyện. " + STORY.replace("Sáng 12/5", "Ngày 12/5"))
        other = _article(s, "c.vn", "http://c.vn/2", "UBND tỉnh họp bàn về giải ngân vốn đầu tư công năm 2024, "
                         "đạt 45% kế hoạch; yêu cầu các sở ngành đẩy nhanh tiến độ các dự án trọng điểm.")
    assert link_syndicated(db, [copy, other]) == 1
    with db.session() as s:
        c = s.get(m.Article, copy)
        assert c.syndicated_of_id == first and c.similarity >= 0.8
        assert s.get(m.Article, other).syndicated_of_id is None
        assert len(s.execute(select(m.Article)).all()) == 3


def test_same_site_copies_are_not_linked_as_syndication(db):
    with db.session() as s:
        _article(s, "a.gov.vn", "http://a.gov.vn/1", STORY)
        dup = _article(s, "a.gov.vn", "http://a.gov.vn/2", STORY)
    assert link_syndicated(db, [dup]) == 0


def test_reparse_rebuilds_articles_from_archived_pages_without_fetching(db):
    portal = serve_portal()
    try:
        crawl_urls(db, [portal.url], config=LOCAL, delay=0.0, max_pages=50)
    finally:
        portal.close()  # the server is gone: reparse must not need it
    process_articles(db)
    with db.session() as s:
        art = s.execute(select(m.Article).order_by(m.Article.id)).scalars().first()
        good_text, aid = art.text, art.id
        art.text = "hỏng"  # as if an older scraper had extracted it badly
    res = reparse_articles(db)
    assert res.updated == 1 and res.failed == 0 and res.unchanged >= 1
    with db.session() as s:
        assert s.get(m.Article, aid).text == good_text
        assert s.execute(select(m.Processing).where(m.Processing.article_id == aid)).first() is None
        assert s.execute(select(m.Mention).where(m.Mention.article_id == aid)).first() is None
    assert process_articles(db).processed == 1


def test_reparse_reports_an_unreadable_archive_and_keeps_the_article(db):
    portal = serve_portal()
    try:
        crawl_urls(db, [portal.url], config=LOCAL, delay=0.0, max_pages=50)
    finally:
        portal.close()
    with db.session() as s:
        art = s.execute(select(m.Article).order_by(m.Article.id)).scalars().first()
        s.get(m.RawPage, art.raw_page_id).html_gz = b"not gzip"
        text = art.text
    res = reparse_articles(db)
    assert res.failed == 1 and "unreadable" in res.errors[0]
    with db.session() as s:
        assert s.get(m.Article, art.id).text == text


PARAGRAPHS = [
    "Hội nghị đã nghe báo cáo tình hình thực hiện nhiệm vụ chính trị của các chi bộ trực thuộc, trong đó nhiều "
    "chi bộ nông thôn đã chủ động xây dựng mô hình kinh tế trang trại, hỗ trợ đảng viên trẻ lập nghiệp tại quê hương.",
    "Về công tác kiểm tra, giám sát, Ủy ban Kiểm tra Huyện ủy đã tiến hành kiểm tra dấu hiệu vi phạm đối với một "
    "số tổ chức đảng, đồng thời giám sát chuyên đề việc kê khai tài sản, thu nhập của cán bộ diện quản lý.",
    "Phát biểu kết luận, đồng chí Bí thư Huyện ủy đề nghị cấp ủy các cấp quan tâm đến công tác chuyển đổi số trong "
    "sinh hoạt đảng, ứng dụng sổ tay đảng viên điện tử và cập nhật đầy đủ dữ liệu đảng viên lên hệ thống.",
    "Dịp này, Ban Thường vụ Huyện ủy trao Huy hiệu Đảng cho các đảng viên lão thành và khen thưởng những tập thể, "
    "cá nhân có thành tích xuất sắc trong phong trào thi đua yêu nước giai đoạn vừa qua của địa phương.",
]
LONG_STORY = "\n\n".join([STORY] + PARAGRAPHS)


def test_shortened_copy_with_a_new_lead_is_linked_by_containment(db):
    """A republished copy that cuts paragraphs and adds its own lead falls under the cosine threshold;
    most of its word 5-grams still stand in the original."""
    shortened = "\n\n".join(["(Báo Phú Thọ) - Hội nghị sơ kết công tác xây dựng Đảng sáu tháng đầu năm.", STORY,
                              PARAGRAPHS[0]])
    with db.session() as s:
        first = _article(s, "a.gov.vn", "http://a.gov.vn/1", LONG_STORY)
        copy = _article(s, "b.vn", "http://b.vn/9", shortened)
    assert link_syndicated(db, [copy]) == 1
    with db.session() as s:
        c = s.get(m.Article, copy)
        assert c.syndicated_of_id == first and c.similarity >= 0.8
