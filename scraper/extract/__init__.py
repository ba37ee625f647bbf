"""Extraction stages, one module each, in the order `scraper.parse.parse_article` runs them:

    detect     the CMS profile whose markers the page carries (profiles/*.toml)
    classify   article or not, and why: home / listing / tag / search URLs, listing pages, schedules,
               document records, stubs (the reasons become `Rejection`s)
    profiled   title, date, lead, body, author, source from the profile's selectors
    generic    trafilatura for layouts no profile knows
    consensus  title and date by agreement of signals (selector, og/twitter, JSON-LD, <h1>s, <title>, URL
               slug, trafilatura), not inside related-news blocks; the choice logged with its reasons
    headline   the title (and the lead under it) the page's <title> repeats
    pubdate    the publication date: selectors, <meta>, the date line after the title, the URL
    blocks     body text as blocks, boilerplate (data/boilerplate.toml) out, author / source lines out
    regions    banner, footer and teaser regions the finders skip
    common     result types, thresholds, text keys shared by the stages

Stages import only stages listed below them (common, regions, pubdate, blocks, headline, consensus,
classify, then profiled and generic), never the orchestrator.
"""
