"""Quality targets on the unseen fixture sites (tests/data/sites_unseen/, written from how real portals of
each CMS family look, not from the parser): every site crawled from its start URL must reach the
product targets — articles found >= 98 %, non-articles stored <= 5 %, titles and dates exact >= 95 %,
body token F1 >= 0.95, no boilerplate, no duplicates."""
import pytest
from unseen_quality import FAMILIES, TARGETS, measure, token_f1


def test_token_f1_counts_shared_words_once_per_occurrence():
    assert token_f1("a b c", "a b c") == 1.0
    assert token_f1("", "a") == 0.0
    assert round(token_f1("a a b", "a b c"), 3) == round(2 * (2 / 3) * (2 / 3) / (4 / 3), 3)


def test_every_cms_family_has_an_unseen_site_with_enough_pages():
    assert set(FAMILIES) == {"tandan", "sharepoint", "liferay", "party_newspaper", "wordpress"}


@pytest.mark.parametrize("family", FAMILIES)
def test_crawl_of_an_unseen_site_meets_the_quality_targets(family):
    q = measure(family)
    assert q.expected >= 12
    assert not q.misses(), q.row() + "\n" + "\n".join(q.problems[:15])
    assert q.boilerplate == TARGETS["boilerplate"] and q.duplicates == TARGETS["duplicates"]
