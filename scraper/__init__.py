"""partyfacts.scraper: portal URL → Article. A pure library (no database, no web app).

    from partyfacts.scraper import fetch_article, crawl, MemoryState
    art = fetch_article("https://example.gov.vn/portal/Pages/2024-5-2/Hoi-nghi.aspx")
    stats = crawl(["https://example.gov.vn/"], MemoryState(), delay=1.0, max_pages=200)
"""
from .crawl import CrawlStats, crawl
from .fetch import FetchConfig, FetchError, Fetcher, LocalPoliteness, PolitenessStore, RobotsDisallowed
from .parse import ArticleRejected, Rejection, parse_article, parse_html_file
from .state import CrawlState, FrontierItem, MemoryState
from .types import Article
from .urls import canonical_url

__all__ = ["Article", "ArticleRejected", "CrawlState", "CrawlStats", "FetchConfig", "FetchError", "Fetcher",
           "FrontierItem", "LocalPoliteness", "MemoryState", "PolitenessStore", "Rejection", "RobotsDisallowed",
           "canonical_url", "crawl", "fetch_article", "parse_article", "parse_html_file"]


def fetch_article(url: str, *, delay: float = 1.0, contact: str | None = None, profile_dirs=()) -> Article:
    """Fetch one page politely (robots.txt obeyed) and parse it. Raises FetchError when it cannot be
    fetched and ArticleRejected (with the reason) when the page is not an article."""
    fetcher = Fetcher(FetchConfig(delay=delay, contact=contact))
    page = fetcher.fetch(url)
    res = parse_article(page.final_url, page.content, page.headers, profile_dirs=profile_dirs,
                        fetched_at=page.fetched_at)
    if isinstance(res, Rejection):
        raise ArticleRejected(res)
    return res
