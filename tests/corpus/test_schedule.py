from datetime import datetime

import pytest

from partyfacts.corpus import models as m
from partyfacts.corpus.schedule import ScheduleError, add_site, due_sites, load_sites_file, parse_schedule

T0 = datetime(2026, 1, 1, 0, 0)


def test_every_interval_schedules_add_the_interval():
    assert parse_schedule("every 6h")(T0) == datetime(2026, 1, 1, 6, 0)
    assert parse_schedule("every 30m")(T0) == datetime(2026, 1, 1, 0, 30)
    assert parse_schedule("every 1d")(T0) == datetime(2026, 1, 2, 0, 0)


def test_cron_schedule_gives_the_next_matching_time():
    assert parse_schedule("0 */6 * * *")(datetime(2026, 1, 1, 1, 0)) == datetime(2026, 1, 1, 6, 0)


@pytest.mark.parametrize("bad", ["sometimes", "every 0m", "61 * * * *", ""])
def test_invalid_schedule_is_rejected_with_the_value_named(bad):
    with pytest.raises(ScheduleError, match="schedule"):
        parse_schedule(bad)


def test_sites_file_reads_every_and_cron_entries(tmp_path):
    f = tmp_path / "sites.toml"
    f.write_text('[[site]]\nurl = "https://a.gov.vn/"\nevery = "2h"\n\n[[site]]\nurl = "https://b.vn/"\n'
                 'cron = "0 3 * * *"\ndelay = 2.0\n', encoding="utf-8")
    sites = load_sites_file(f)
    assert [s.schedule for s in sites] == ["every 2h", "0 3 * * *"] and sites[1].delay == 2.0


def test_sites_file_errors_name_the_file(tmp_path):
    f = tmp_path / "sites.toml"
    f.write_text("[[site]\nurl=", encoding="utf-8")
    with pytest.raises(ScheduleError, match="sites.toml is not valid TOML"):
        load_sites_file(f)
    with pytest.raises(ScheduleError, match="does not exist"):
        load_sites_file(tmp_path / "missing.toml")


def test_a_new_site_is_due_and_a_just_crawled_one_is_not(db):
    add_site(db, "https://www.vinhphuc.gov.vn/", "every 6h")
    assert [s.name for s in due_sites(db, T0)] == ["vinhphuc.gov.vn"]
    with db.session() as s:
        s.query(m.Site).one().last_crawl_at = T0
    assert due_sites(db, datetime(2026, 1, 1, 5, 59)) == []
    assert len(due_sites(db, datetime(2026, 1, 1, 6, 0))) == 1
