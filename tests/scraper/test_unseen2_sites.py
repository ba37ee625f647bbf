"""Quality targets on the second set of unseen fixture sites (tests/data/sites_unseen2/, written by
make_unseen2.py from how real portals of each CMS family look, by an engineer who had not read the
parser): each site crawled from its start URL must reach the product targets — articles found >= 98 %,
non-articles stored <= 5 %, titles and dates exact >= 95 %, body token F1 >= 0.95, no boilerplate, no
duplicates."""
from pathlib import Path

import pytest
from unseen_quality import TARGETS, families, measure

ROOT2 = Path(__file__).resolve().parents[1] / "data" / "sites_unseen2"
FAMILIES2 = families(ROOT2)


def test_every_cms_family_has_a_second_unseen_site():
    assert {"tandan", "sharepoint", "liferay", "party_newspaper", "wordpress"} <= set(FAMILIES2)


@pytest.mark.parametrize("family", FAMILIES2)
def test_crawl_of_a_second_unseen_site_meets_the_quality_targets(family):
    q = measure(family, root=ROOT2)
    assert q.expected >= 12
    assert not q.misses(), q.row() + "\n" + "\n".join(q.problems[:15])
    assert q.boilerplate == TARGETS["boilerplate"] and q.duplicates == TARGETS["duplicates"]
