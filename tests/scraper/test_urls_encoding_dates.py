import unicodedata
from datetime import date, datetime

import pytest

from partyfacts.scraper.dates import VN_TZ, parse_iso, parse_vn_date
from partyfacts.scraper.encoding import decode_html, normalize_text
from partyfacts.scraper.urls import canonical_url
import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "make_sites", Path(__file__).resolve().parents[1] / "data" / "sites" / "make_sites.py")
_make_sites = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_make_sites)
cp1258 = _make_sites.cp1258


def test_canonical_url_drops_fragment_tracking_and_session_params_and_sorts_query():
    u = "HTTP://WWW.Example.gov.vn:80/tin/;jsessionid=AB12?b=2&utm_source=fb&a=1&fbclid=x&gclid=y&ASP.NET_SessionId=z#top"
    assert canonical_url(u) == "http://www.example.gov.vn/tin/?a=1&b=2"


def test_canonical_url_drops_liferay_navigation_params_but_keeps_pagination():
    u = ("https://x.gov.vn/web/guest/tin?p_p_id=101_INSTANCE_ab&p_p_lifecycle=0&_101_INSTANCE_ab_cur=2"
         "&_101_INSTANCE_ab_redirect=%2Fhome&p_p_auth=Zx9&redirect=%2F")
    assert canonical_url(u) == "https://x.gov.vn/web/guest/tin?_101_INSTANCE_ab_cur=2&p_p_id=101_INSTANCE_ab"


def test_canonical_url_same_for_percent_encoded_and_raw_vietnamese_path():
    assert canonical_url("https://a.vn/t%E1%BB%89nh") == canonical_url("https://a.vn/tỉnh")


def test_canonical_url_rejects_non_http():
    with pytest.raises(ValueError, match="not an http"):
        canonical_url("mailto:a@b.vn")


VI = "Tỉnh ủy Hà Giang tổ chức hội nghị Đảng bộ; Thành uỷ khen thưởng"


def test_windows_1258_page_decodes_to_nfc_from_meta_charset():
    raw = b'<html><head><meta charset="windows-1258"></head><body>' + cp1258(VI) + b"</body></html>"
    text, codec = decode_html(raw, "text/html")
    assert codec == "cp1258"
    assert VI in text and unicodedata.is_normalized("NFC", text)


def test_nfd_utf8_page_with_wrong_latin1_header_decodes_to_nfc():
    raw = unicodedata.normalize("NFD", f"<p>{VI}</p>").encode("utf-8")
    text, codec = decode_html(raw, "text/html; charset=ISO-8859-1")
    assert codec == "utf-8" and VI in text


def test_undeclared_windows_1258_is_detected():
    raw = b"<html><body><p>" + cp1258(VI * 10) + b"</p></body></html>"
    text, _ = decode_html(raw, None)
    assert VI in text


def test_leftover_entities_are_decoded():
    assert normalize_text("H&agrave; Giang &#7913;ng") == "Hà Giang ứng"


@pytest.mark.parametrize("text,want", [
    ("Đăng ngày 03/06/2019", date(2019, 6, 3)),
    ("03/06/2019 | 07:15 PM", datetime(2019, 6, 3, 19, 15, tzinfo=VN_TZ)),
    ("Thứ Hai, 03/06/2019 07:15", datetime(2019, 6, 3, 7, 15, tzinfo=VN_TZ)),
    ("Ngày đăng: 3/6/2019 7:15:00 CH", datetime(2019, 6, 3, 19, 15, tzinfo=VN_TZ)),
    ("15:30 - 3/6/2019", datetime(2019, 6, 3, 15, 30, tzinfo=VN_TZ)),
    ("ngày 3 tháng 6 năm 2019", date(2019, 6, 3)),
    ("12/11/2020 | 12:05 AM Lượt xem: 120", datetime(2020, 11, 12, 0, 5, tzinfo=VN_TZ)),
    ("Cập nhật: 05/06/2019 | Ngày đăng 03/06/2019", date(2019, 6, 3)),
    ("Lượt xem: 1.234", None),
])
def test_vietnamese_date_lines_parse_day_first_in_ho_chi_minh_time(text, want):
    assert parse_vn_date(text) == want


def test_iso_dates_are_converted_to_ho_chi_minh():
    assert parse_iso("2019-06-03T00:15:00Z") == datetime(2019, 6, 3, 7, 15, tzinfo=VN_TZ)


def test_utf8_page_misdeclared_as_windows_1258_reads_as_utf8():
    raw = b'<meta charset="windows-1258"><p>' + VI.encode("utf-8") + b"</p>"
    text, codec = decode_html(raw, "text/html; charset=windows-1258")
    assert codec == "utf-8" and VI in text


def test_utf8_page_cut_inside_a_character_still_reads_as_utf8():
    raw = ("<p>" + VI).encode("utf-8") + "ệ".encode("utf-8")[:2]
    text, codec = decode_html(raw, None)
    assert codec == "utf-8" and VI in text
