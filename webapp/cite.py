"""Citations to copy: an article (site, title, date, source URL, this site's page, accessed date) and
a fact in it (its sentence first, then the article and the fact's own link). The text is made on the
server, so the page shows it without JS (templates/_cite.html); static/cite.js adds the copy button."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from partyfacts.corpus.kb.context import sentence_of

from . import urls
from .i18n import t
from .views import bp

VIETNAM = timezone(timedelta(hours=7))
MAX_SENTENCE = 600


def accessed_today() -> str:
    """Today in Vietnam (the corpus' time zone), ISO: the "accessed" date of a citation."""
    return datetime.now(VIETNAM).date().isoformat()


def article_citation(a: dict, accessed: str) -> str:
    """``Site. “Title”. 2024-02-20. https://source/…. partyfacts: https://…/articles/5. Accessed 2026-12-07.``
    (``a``: the article page's read model with hrefs.) The source URL only when it is a web address."""
    parts = [a.get("site") or "", f"“{a.get('title') or a.get('url')}”", (a.get("published") or "")[:10] or t("undated")]
    src = a.get("url") or ""
    if src.lower().startswith(("http://", "https://")):
        parts.append(src)
    parts.append(f"partyfacts: {urls.absolute(a['href'])}")
    parts.append(t("cite_accessed", date=accessed))
    return ". ".join(p.rstrip(".") for p in parts if p) + "."


def fact_sentence(text: str, start: int, end: int) -> str:
    """The sentence of the fact at [start, end) of the article text, whitespace collapsed."""
    if not (0 <= start < end <= len(text)):
        return ""
    a, b = sentence_of(text, start, end)
    return " ".join(text[a:b].split())[:MAX_SENTENCE]


def fact_citation(a: dict, fact: dict, accessed: str) -> str:
    """``“<the sentence>” — <the article's citation>`` with the link to the fact's place in the article."""
    sentence = fact_sentence(a.get("text") or "", fact.get("start", -1), fact.get("end", -1))
    head = f"“{sentence}” — " if sentence else ""
    link = urls.absolute(urls.article(a["id"], fact.get("anchor", "")))
    return head + article_citation(a, accessed)[:-1] + f". {t('cite_fact_at')}: {link}."


@bp.app_context_processor
def _cite_helpers():
    accessed = accessed_today()
    return {"cite_article": lambda a: article_citation(a, accessed),
            "cite_fact": lambda a, fact: fact_citation(a, fact, accessed)}
