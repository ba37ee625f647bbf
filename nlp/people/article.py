"""Persons, roles and organizations of one article.

``find_names(doc)`` finds personal-name mentions (``names``) and groups short forms ("đồng chí
Thuận", "Khổng Thuận") under the fullest name; ``find_roles(doc)`` attaches positions (``roles``)
with their organization completed from the article's own places (``orgs``) and lists every named
organization. Spans are in ``doc.norm`` coordinates. ``find_people`` runs both on their own.
"""
from __future__ import annotations

import bisect

from functools import lru_cache
from typing import Callable

from ..lexicon import words as word_set
from ..doc import Document
from .lexicon import lexicons
from .names import caps_text_mentions, find_bylines, find_mentions, find_photo_credits
from .orgs import (COMMITTEE_UNIT, COMMUNE_UNITS, EarlierOrgs, OrgSpan, article_places, caps_only_head_ok, complete_org, match_unit,
                   parse_org, place_run_end)
from .roles import TitleItem, chain_before, later_trigger_chains, parse_chain, parse_title, trigger_chain
from .records import Mention, Token
from .tokens import tokenize
from ..text import key as text_key
from ..types import Organization, Person, Place, Role

_SEPS = {",", "–", "-", "—", "(", "|", "\t"}   # "|" and a tab: cells of a table flattened into lines

def find_people(doc: Document, places: list[Place], *, scorer: Callable | None = None
                ) -> tuple[list[Person], list[Role], list[Organization]]:
    """Persons (fullest name, every mention), their roles and the named organizations of ``doc``:
    the "people.names" then "people.roles" stages on their own (the pipeline runs them as
    components). ``scorer`` is the person-name model (``model.person_scorer()``); ``None``: the
    rules decide alone."""
    doc.places = list(places)
    tokenize(doc)
    doc.person_scorer = scorer
    find_names(doc)
    find_roles(doc)
    return doc.persons, doc.roles, doc.organizations


def find_names(doc: Document) -> None:
    """The "people.names" stage: personal-name mentions grouped under the fullest name.

    Reads ``doc.places`` (only to tell which capitalised names are places), ``doc.people_tokens``
    and, when the model component ran, ``doc.person_scorer``; assigns ``doc.persons``,
    ``doc.person_mentions`` and ``doc.person_of``."""
    places = doc.places
    toks = doc.people_tokens
    keys = [t.key for t in toks]
    known = _known_places(toks, keys, places)
    global_places = {text_key(p.name) for p in places if 1 <= len(p.name.split()) <= 3}
    # countries found in the text, and every country of the lexicon but those that are also name
    # syllables ("Anh", "Đức"): after a title, "Tổng thống Mỹ Joe Biden" names the country first
    countries = frozenset(text_key(p.name) for p in places if p.type == "quốc gia") | _title_countries()
    mentions = find_mentions(toks, keys, known, doc.person_scorer, global_places, countries)
    starts = {m.start for m in mentions}
    # indexes instead of a scan of every mention per byline (linear in the text's length)
    first_at: dict[tuple[int, int], Mention] = {}
    covered: set[int] = set()
    for m in mentions:
        first_at.setdefault((m.start, m.end), m)
        covered.update(range(m.start, m.end))
    for b in find_bylines(toks, keys) + find_photo_credits(toks, keys):
        same = first_at.get((b.start, b.end))
        if same is not None:
            same.cue = "byline"
        elif b.start not in starts and b.start not in covered:
            mentions.append(b)
            starts.add(b.start)
            first_at.setdefault((b.start, b.end), b)
            covered.update(range(b.start, b.end))
    mentions.sort(key=lambda m: m.start)
    if doc.all_capitals:   # set by tokenize() before it re-cases common words
        mentions = caps_text_mentions(toks, keys, mentions)
    clusters = _cluster(toks, keys, mentions)
    person_of: dict[int, str] = {}
    persons: list[Person] = []
    for c in clusters:
        name = c["name"]
        for m in c["mentions"]:
            person_of[m.start] = name
        spans = tuple(sorted({(toks[m.start].start, toks[m.end - 1].end) for m in c["mentions"]}))
        variants = tuple(sorted({_surface(doc, toks, m) for m in c["mentions"]} - {name}))
        persons.append(Person(name=name, mentions=spans, variants=variants))
    doc.person_mentions = sorted((m for c in clusters for m in c["mentions"]), key=lambda m: m.start)
    doc.person_of = person_of
    doc.persons = persons


def find_roles(doc: Document) -> None:
    """The "people.roles" stage: the positions of the persons ``find_names`` found, with their
    organization completed from the article's own places (never from ``doc.site``/``doc.url``), and
    every named organization. Assigns ``doc.roles`` and ``doc.organizations``."""
    places = doc.places
    toks = doc.people_tokens
    keys = [t.key for t in toks]
    mentions = doc.person_mentions
    stops = frozenset(m.start for m in mentions)
    main = article_places(toks, keys, stops)
    resolved = {p.name: p for p in places if p.type == "tỉnh"}
    if main.get("tỉnh") in resolved and not resolved[main["tỉnh"]].province:
        del main["tỉnh"]     # "tỉnh Hà Bắc" in a biography: a former province completes no committee today
    if "tỉnh" not in main:
        # the province the text names without its unit word ("Sóc Trăng: Trao tặng …"): only one
        named = {p.name for p in places if p.type == "tỉnh" and p.province}
        if len(named) == 1:
            main["tỉnh"] = named.pop()
    main["_orgs"] = _written_orgs(doc, toks, keys, stops, main)
    main["_ctx"] = (doc, toks, keys, stops)
    main["_earlier"] = EarlierOrgs(main["_orgs"])
    main["_session_council"] = _session_council(keys, main["_orgs"])
    doc.roles = _roles(doc, toks, keys, mentions, doc.person_of, stops, main)
    doc.organizations = _organizations(doc, toks, keys, stops, main)


@lru_cache(maxsize=1)
def _title_countries() -> frozenset[str]:
    """Country names of the places lexicon that cannot be a Vietnamese name syllable (a weak one,
    "Mỹ", counts: it stands after a title here, which is its cue)."""
    from ..lexicon import rows
    lx = lexicons()
    out = set()
    for r in rows("places", "countries.tsv"):
        k = text_key(r[0])
        if r[1:2] == ["1"] and (k in lx.surnames or k in lx.middle or k in _NAME_SYLLABLE_COUNTRIES):
            continue
        out.add(k)
    return frozenset(out)


_NAME_SYLLABLE_COUNTRIES = frozenset({"anh", "đức", "ý", "nga", "áo", "bỉ", "séc"})


def _surface(doc: Document, toks: list[Token], m: Mention) -> str:
    return doc.norm[toks[m.start].start:toks[m.end - 1].end]


def _known_places(toks: list[Token], keys: list[str], places: list[Place]) -> set[str]:
    """Place names written in this article after a unit word or a committee ("xã Vũ Lễ",
    "Huyện ủy Tam Dương"), plus those the places component found."""
    lx = lexicons()
    known: set[str] = set()
    for p in places:
        if 1 <= len(p.name.split()) <= 3:
            known.add(text_key(p.name))
    n = len(toks)
    for i in range(n):
        u = match_unit(toks, keys, i)
        end = None
        if u:
            end = u[0]
        else:
            m = lx.org_heads.match(keys, i)
            if m and toks[i].cap and " ".join(keys[i:m[0]]) in COMMITTEE_UNIT and caps_only_head_ok(toks, i, m[0]):
                end = m[0]
        if end is not None and end < n:
            pend = place_run_end(toks, end, frozenset(), maxlen=4)
            run = keys[end:pend]
            if not run:
                continue
            strong = run[0] in lx.surnames
            if len(run) <= 2 or not strong:
                known.add(" ".join(run))
            if not strong:
                for k in range(2, len(run)):
                    known.add(" ".join(run[:k]))
    return known


def _is_sub_form(short: list[str], full: list[str]) -> bool:
    if len(short) >= len(full):
        return False
    if len(short) == 1:
        return short[0] == full[-1]
    if short == full[-len(short):]:
        return True
    if short[0] in ("y", "a") or short[0].startswith(("h'", "k'")):
        # Ê Đê/Jrai names put the clan name last: "Y Mim" is "Y Mim Ayun"
        return short == full[:len(short)]
    return short[0] == full[0] and short[-1] == full[-1]


def _cluster(toks, keys, mentions: list[Mention]) -> list[dict]:
    """Group mentions of one person; the fullest form names the group."""
    fulls = [m for m in mentions if not m.single]
    order = sorted(range(len(fulls)), key=lambda i: (-(fulls[i].end - fulls[i].start), fulls[i].start))
    clusters: list[dict] = []
    # clusters by their last and first word: a short form shares the last word with its full name
    # (or, for Ê Đê/Jrai names, the first), so only those are compared (linear in a long text)
    by_last: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    for i in order:
        m = fulls[i]
        mk = [keys[x] for x in range(m.start, m.end)]
        target = None
        for ci in sorted(set(by_last.get(mk[-1], ())) | set(by_first.get(mk[0], ()))):
            c = clusters[ci]
            if mk == c["keys"] or (_is_sub_form(mk, c["keys"]) and m.cue != "byline"
                                   and c["head"].cue != "byline"):
                target = c   # an author's byline is never a short form of someone in the story
                break
        if target is None:
            by_last.setdefault(mk[-1], []).append(len(clusters))
            by_first.setdefault(mk[0], []).append(len(clusters))
            clusters.append({"keys": mk, "mentions": [m], "first": m.start, "head": m})
        else:
            target["mentions"].append(m)
            target["first"] = min(target["first"], m.start)
    for c in clusters:
        c["full_starts"] = sorted(x.start for x in c["mentions"])
        c["last_single"] = -1

    def last_before(c: dict, at: int) -> int:
        k = bisect.bisect_left(c["full_starts"], at)
        return max(c["full_starts"][k - 1] if k else -1, c["last_single"] if c["last_single"] < at else -1)

    for m in mentions:   # in text order
        if not m.single:
            continue
        cands = [clusters[ci] for ci in by_last.get(keys[m.start], ())]
        if not cands:
            continue
        before = [c for c in cands if c["first"] < m.start]
        c = max(before, key=lambda c: last_before(c, m.start)) if before else cands[0]
        c["mentions"].append(m)
        c["last_single"] = max(c["last_single"], m.start)
    clusters.sort(key=lambda c: c["first"])
    out = []
    for c in clusters:
        head = c["head"]
        name = " ".join(t.text for t in toks[head.start:head.end])
        out.append({"name": name, "mentions": c["mentions"]})
    return out


def _expand(title: str) -> str:
    abbr = lexicons().abbreviations
    words = title.split()
    out = [abbr.get(w, w) for w in words]
    return " ".join(out) if out != words else ""


def _roles(doc, toks, keys, mentions, person_of, stops, main) -> list[Role]:
    n = len(toks)
    found: list[tuple[str, Mention, TitleItem, list[TitleItem]]] = []
    by_start: dict[int, Mention] = {}
    full_by_end: dict[int, list[Mention]] = {}
    for m in mentions:
        by_start.setdefault(m.start, m)
        if not m.single:
            full_by_end.setdefault(m.end, []).append(m)
    last_lead: TitleItem | None = None
    for m in mentions:
        person = person_of.get(m.start)
        if person is None:
            continue
        after = m.end
        j = m.end
        if j + 4 < n and toks[j].text == "," and toks[j + 1].text.isdigit() and keys[j + 2] == "tuổi" \
                and toks[j + 3].text == ",":
            j += 3       # "đồng chí X, 96 tuổi, nguyên Trưởng Ty …": the age stands between name and post
        elif j < n and toks[j].text == "(":
            # "Ông X (Sinh năm 1972), Bí thư Đảng ủy, …": a bracket (birth year, other name) between
            # the name and the posts that follow it after a comma or a dash
            close = next((q for q in range(j + 1, min(n, j + 16)) if toks[q].text in (")", "\n", "(")), None)
            if close is not None and toks[close].text == ")" and close + 2 < n and toks[close + 1].text in (",", "-", "–") \
                    and parse_title(toks, keys, close + 2, stops) is not None:
                j = close + 1
        bracket = _bracket_posts(toks, keys, j, stops) if j == m.end and j < n and toks[j].text == "(" else None
        if bracket is not None:
            # "bầu ông A (51 tuổi, Giám đốc Sở X) giữ chức …": the posts in the bracket, then the sentence
            bchain, close = bracket
            for it in bchain:
                found.append((person, m, it, bchain))
            after = j = close + 1
        direct = j < n and toks[j].is_word and toks[j].cap and m.cue in ("comrade", "address", "rank", "list")
        if j < n and toks[j].text == "\n" and _alone_on_line(toks, keys, m):
            # a table flattened into lines: the name on its own line, its posts on the next one or two
            chain = parse_chain(toks, keys, j + 1, stops)
            if chain:
                e = chain[-1].end
                e += 1 if e < n and toks[e].text == "," else 0
                if e + 1 < n and toks[e].text == "\n":
                    more = parse_chain(toks, keys, e + 1, stops)
                    if more and more[-1].end < n and toks[more[-1].end].text in ("\n", ",", "."):
                        chain = chain + more
            for it in chain:
                found.append((person, m, it, chain))
        elif j < n and (toks[j].text in _SEPS or direct):
            k = j if direct else j + 1
            opener = _opener_end(keys, k)
            chain = parse_chain(toks, keys, opener[0] if opener else k, stops)
            if opener and opener[1]:
                for it in chain:
                    it.former = True   # "A, khi còn là Chủ tịch UBND huyện X, …": a post held then
            if chain and chain[-1].end in by_start and not by_start[chain[-1].end].single \
                    and toks[j].text == "," and chain[-1].org is not None:
                chain = []   # "A, Giám đốc Sở Y tế B": the post right before B's name is B's
            for it in chain:
                found.append((person, m, it, chain))
            if chain and toks[j].text == ",":
                # "các đồng chí A và B, Phó Chủ tịch UBND tỉnh": the post of every name of a plural list
                for g in _plural_list_before(keys, toks, m, full_by_end):
                    p2 = person_of.get(g.start)
                    if p2:
                        found.extend((p2, g, it, chain) for it in chain)
            if chain:
                after = chain[-1].end
                if after < n and toks[after].text == ")":
                    after += 1
                elif after < n and toks[after].text == "(":
                    # "…, nguyên Chủ tịch UBND huyện X (hiện là Phó Giám đốc Sở Y tỉnh)": the current post
                    opener = _opener_end(keys, after + 1)
                    if opener is not None:
                        more = _bracket_posts(toks, keys, after, stops, opener[0] - after - 1)
                        if more is not None:
                            for it in more[0]:
                                it.former = opener[1]
                                found.append((person, m, it, chain + more[0]))
                            after = more[1] + 1
        chain = chain_before(toks, keys, m.start, stops) or _counted_list_header(toks, keys, m.start, stops)
        for it in chain:
            found.append((person, m, it, chain))
        if chain and _plural_before(keys, chain[0].start):
            # "các đồng chí Phó Bí thư Tỉnh ủy A, B và C": the post heads every name of the list that
            # follows without a post of its own
            prev = m
            while prev.end + 1 < n and toks[prev.end].key in ("và", ",") and prev.end + 1 in by_start:
                nxt = by_start[prev.end + 1]
                p2 = person_of.get(nxt.start)
                if not p2 or nxt.single:
                    break
                found.extend((p2, nxt, it, chain) for it in chain)
                prev = nxt
        if chain and m.start > 0 and toks[m.start - 1].text == ":":
            # "… Phó Chủ tịch UBND tỉnh: A và B": the title heads the whole list
            prev = m
            while prev.end < n and toks[prev.end].key in ("và", ",") and prev.end + 1 in by_start:
                nxt = by_start[prev.end + 1]
                p2 = person_of.get(nxt.start)
                if p2:
                    found.extend((p2, nxt, it, chain) for it in chain)
                prev = nxt
            # "Ủy viên Bộ Chính trị: A, Bí thư …; B, Trưởng Ban …; các đồng chí Ủy viên T.Ư Đảng: C, …":
            # each entry after a semicolon opens with its person, up to the next header or sentence end
            k = m.end
            while k < n and k - m.end < 200 and toks[k].text not in (".", ":", "\n", "!", "?"):
                if toks[k].text == ";" and k + 1 in by_start and person_of.get(k + 1):
                    nxt = by_start[k + 1]
                    found.extend((person_of[k + 1], nxt, it, chain) for it in chain)
                k += 1
        tchain, tpos = trigger_chain(toks, keys, after, stops)
        respective = False
        if tchain:
            group = [m]
            # "các đồng chí A và B được bầu giữ chức …": every person joined to A by "và"/","
            prev = m
            while True:
                k = prev.start - 1
                h = lexicons().honorifics
                while k > 0 and prev.start - k <= 2 and not h.match(keys, k) and h.match(keys, k - 1):
                    k -= 1   # "đồng chí" is two tokens
                if k >= 0 and h.match(keys, k) and h.match(keys, k)[0] == prev.start:
                    k -= 1   # "A và ông B"
                if k > 0 and toks[k].key in ("và", ",") and toks[k - 1].text == ")":
                    o = next((q for q in range(k - 2, max(-1, k - 18), -1) if toks[q].text == "("), None)
                    if o is not None and full_by_end.get(o):
                        prev = full_by_end[o][0]   # "ông A (51 tuổi, …) và ông B"
                        group.append(prev)
                        continue
                if k >= 0 and toks[k].key in ("và", ","):
                    cand = full_by_end.get(k, [])
                    if cand:
                        prev = cand[0]
                        group.append(prev)
                        continue
                break
            if len(group) == len(tchain) > 1 and ("lần", "lượt") in zip(keys[after:tpos], keys[after + 1:tpos]):
                # "A, B lần lượt giữ chức Chủ tịch, Phó Chủ tịch UBND huyện X": one post each, in order;
                # a post written without its body shares the body of the last one
                for g, it in zip(sorted(group, key=lambda g: g.start), tchain):
                    if it.org is None and any(o.org is not None for o in tchain[tchain.index(it) + 1:]):
                        it.borrow_next = True
                    p = person_of.get(g.start)
                    if p:
                        found.append((p, g, it, tchain))
                group = []
                respective = True
            for g in group:
                p = person_of.get(g.start)
                if p:
                    for it in tchain:
                        found.append((p, g, it, tchain))
        lead = _team_lead(toks, keys, m, after, stops, last_lead)
        if lead is not None:
            found.append((person, m, lead, [lead]))
            last_lead = lead
        for lchain in ([] if respective else later_trigger_chains(toks, keys, after, stops)):
            found.extend((person, m, it, lchain) for it in lchain)
    found.extend(_posts_before_doi_voi(toks, keys, mentions, person_of, stops))
    found.extend(_fronted_posts(toks, keys, mentions, person_of, stops))
    found.extend(_career_posts(toks, keys, mentions, person_of, stops))
    roles: dict[tuple[str, str], Role] = {}
    for person, m, it, chain in found:
        title = doc.norm[toks[it.start].start:toks[it.title_end - 1].end]
        org_text, org_span, span_end = _org_for(doc, toks, keys, it, chain, main)
        span = (toks[it.start].start, span_end)
        role = Role(person=person, title=title, organization=org_text, span=span,
                    title_expanded=_expand(title), former=it.former,
                    person_span=(toks[m.start].start, toks[m.end - 1].end))
        rk = (person, text_key(title), "")
        old = roles.get(rk)
        if old is not None and not _same_body(old.organization, org_text):
            rk = (person, text_key(title), text_key(org_text))   # "Bí thư Huyện ủy X", later "Bí thư Tỉnh ủy Y"
            old = roles.get(rk)
        if old is None or len(org_text) > len(old.organization):
            roles[rk] = role
    return sorted(roles.values(), key=lambda r: (r.span, r.person_span or (0, 0)))


_TEAM_LEAD = (("trưởng", "đoàn"), ("phó", "trưởng", "đoàn"), ("tổ", "trưởng"), ("tổ", "phó"),
              ("trưởng", "ban"), ("phó", "trưởng", "ban"))


def _team_lead(toks, keys, m: Mention, after: int, stops, previous: TitleItem | None = None) -> TitleItem | None:
    """"Đoàn kiểm tra số 2 của Ban Thường vụ Tỉnh ủy do đồng chí A, <posts> làm trưởng đoàn": A leads the
    team the clause opened with (the post as written, the team as its organization); ", đồng chí B,
    <posts> làm phó trưởng đoàn" right after: B is in the same team (``previous``: A's post)."""
    n = len(toks)
    if after >= n or keys[after] != "làm":
        return None
    post = next((p for p in _TEAM_LEAD if tuple(keys[after + 1:after + 1 + len(p)]) == p), None)
    if post is None:
        return None
    lx = lexicons()
    if previous is not None and 0 < m.start - previous.end <= 3 \
            and (toks[previous.end].text in (",", ";") or keys[previous.end] == "và"):
        start = after + 1
        return TitleItem(start, start + len(post), start + len(post), "chief", False, previous.org)
    d = m.start - 1
    if d >= 0 and keys[d] != "do":
        # "do đồng chí A", "do ông A": only a form of address between "do" and the name
        h = next((k for k in range(max(1, m.start - 3), m.start) if keys[k - 1] == "do"
                  and (lx.honorifics.match(keys, k) or lx.ranks.match(keys, k) or (None,))[0] == m.start), None)
        d = h - 1 if h else -1
    if d < 1 or keys[d] != "do":
        return None
    team_word = "tổ" if "tổ" in post else post[-1]   # the team the post heads: "trưởng đoàn" → "Đoàn …"
    b = d - 1
    while b >= 0 and d - b <= 16 and toks[b].text not in (".", ";", ":", "\n", "!", "?"):
        if toks[b].cap and keys[b] == team_word:
            start = after + 1
            end = start + len(post)
            return TitleItem(start, end, end, "chief", False, OrgSpan(b, d, "committee", b + 1))
        b -= 1
    return None


def _bracket_posts(toks, keys, j: int, stops, skip: int = 0):
    """The posts in the bracket opening at ``j`` right after a name ("(51 tuổi, Giám đốc Sở X)",
    "(Giám đốc Sở X)"), after ``skip`` words ("hiện là"): (chain, index of the closing bracket), or None."""
    n = len(toks)
    close = next((q for q in range(j + 1, min(n, j + 30)) if toks[q].text in (")", "\n", "(")), None)
    if close is None or toks[close].text != ")":
        return None
    k = j + 1 + skip
    if k + 2 < close and toks[k].text.isdigit() and keys[k + 1] == "tuổi" and toks[k + 2].text == ",":
        k += 3
    chain = parse_chain(toks, keys, k, stops)
    if not chain or chain[-1].end != close:
        return None
    return chain, close


def _plural_list_before(keys, toks, m: Mention, full_by_end) -> list[Mention]:
    """The names joined to ``m`` by "và"/"," before it when a plural form of address opens the list
    ("các đồng chí A, B và C"); [] otherwise."""
    group = []
    prev = m
    while True:
        k = prev.start - 1
        if k >= 0 and toks[k].key in ("và", ",") and full_by_end.get(k):
            prev = full_by_end[k][0]
            group.append(prev)
            continue
        break
    return group if group and _plural_before(keys, prev.start) else []


# phrases that open an apposition with a post: (words, former)
_OPENERS = ((("khi", "còn", "là"), True), (("khi", "đó", "là"), True), (("lúc", "đó", "là"), True),
            (("từng", "là"), True), (("nguyên", "là"), True), (("trước", "đây", "là"), True),
            (("khi", "là"), True), (("hiện", "là"), False), (("hiện", "đang", "là"), False),
            (("nay", "là"), False), (("đương", "kim"), False))


def _opener_end(keys: list[str], k: int) -> tuple[int, bool] | None:
    """(end, former) of a phrase such as "khi còn là" opening an apposition at ``k``, or None."""
    for words, former in _OPENERS:
        if tuple(keys[k:k + len(words)]) == words:
            return k + len(words), former
    return None


_NUMBER_WORDS = frozenset({"hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"})


def _counted_list_header(toks, keys, start: int, stops) -> list[TitleItem]:
    """"UBND thành phố X hiện có 5 phó chủ tịch, gồm các ông: A, B, …": the post counted before the
    list heads its first name (the list code spreads it); the body is the subject before "có"."""
    k = start - 1
    if k < 4 or toks[k].text != ":":
        return []
    k -= 1
    if keys[k] in ("ông", "bà", "vị"):
        k -= 1
    elif keys[k - 1:k + 1] == ["đồng", "chí"]:
        k -= 2
    if keys[k] == "các":
        k -= 1
    if keys[k] != "gồm":
        return []
    k -= 1
    if toks[k].text == ",":
        k -= 1
    # the post: "phó chủ tịch", ending at k; its count before it, and "có" before that
    for b in range(k, max(0, k - 5), -1):
        if not (toks[b - 1].text.isdigit() or keys[b - 1] in _NUMBER_WORDS) or b < 3 or keys[b - 2] != "có":
            continue
        it = parse_title(toks, keys, b, stops)
        if it is None or it.end != k + 1:
            continue
        s = b - 2 - (1 if keys[b - 3] in ("hiện", "đang", "nay") else 0)   # "hiện có"
        for o_start in range(max(0, s - 8), s):
            if toks[o_start].cap:
                o = parse_org(toks, keys, o_start, stops)
                if o is not None and o.end == s and o.end > o.head_end:
                    inner = next((parse_org(toks, keys, q, stops) for q in range(o.start + 1, o.end)
                                  if toks[q].cap and (lexicons().org_heads.match(keys, q) or (0, ""))[1] == "party"), None)
                    it.org = inner if inner is not None and inner.end == o.end else o   # "Ban Thường vụ | Tỉnh ủy"
                    break
        return [it]
    return []


_PLURAL_NUMBERS = frozenset({"các", "hai", "ba", "bốn", "năm", "sáu", "những"})


def _plural_before(keys: list[str], k: int) -> bool:
    """A plural form of address right before token ``k`` ("các đồng chí", "hai ông", "các bà")."""
    if k >= 3 and keys[k - 2:k] == ["đồng", "chí"] and keys[k - 3] in _PLURAL_NUMBERS:
        return True
    return k >= 2 and keys[k - 1] in ("ông", "bà", "vị") and keys[k - 2] in _PLURAL_NUMBERS


def _alone_on_line(toks: list[Token], keys: list[str], m: Mention) -> bool:
    """The name fills its line, after at most a form of address, rank or degree ("PGS. X", "Ông X")."""
    lx = lexicons()
    k = m.start - 1
    while k >= 0 and m.start - k <= 4 and toks[k].text != "\n":
        if toks[k].text not in (".", ",") and not lx.honorifics.match(keys, k) and not lx.ranks.match(keys, k) \
                and not (toks[k].upper and len(toks[k].text) <= 4):
            return False
        k -= 1
    return k < 0 or toks[k].text == "\n"


def _same_body(a: str, b: str) -> bool:
    """One organization written fully and shortly ("Huyện ủy" / "Huyện ủy Tam Dương"), or empty."""
    wa, wb = set(text_key(a).split()), set(text_key(b).split())
    return not wa or not wb or wa <= wb or wb <= wa


def _posts_before_doi_voi(toks, keys, mentions, person_of, stops):
    """"miễn nhiệm chức vụ Phó Chủ tịch UBND tỉnh đối với ông X": the post comes before the person."""
    lx = lexicons()
    out = []
    start_of = {m.start: m for m in mentions}
    n = len(toks)
    for i in range(n):
        m = lx.triggers.match(keys, i)
        if not m or keys[i] in ("là", "làm", "kiêm"):
            continue
        j = m[0]
        if j + 1 < n and keys[j] == "chức" and keys[j + 1] == "vụ":
            j += 2
        chain = parse_chain(toks, keys, j, stops)
        if not chain:
            continue
        k = chain[-1].end
        while k < n and k - chain[-1].end < 8 and (keys[k] in ("nhiệm", "kỳ", "khóa", "-", "–", ",")
                                                   or toks[k].text.isdigit() or toks[k].upper):
            k += 1   # "… nhiệm kỳ 2021 - 2026 đối với ông X"
        if (k + 1 < n and keys[k] == "đối" and keys[k + 1] == "với") or (k < n and keys[k] == "cho"):
            k += 1 if keys[k] == "cho" else 2   # "… quyết định bổ nhiệm Phó Giám đốc Sở Y tế cho bà X"
            h = lx.honorifics.match(keys, k)
            if h:
                k = h[0]
            who = start_of.get(k)
            if who is not None and person_of.get(k):
                out.extend((person_of[k], who, it, chain) for it in chain)
    return out


_FRONTED = (("trong", "thời", "gian", "giữ", "chức", "vụ"), ("trong", "thời", "gian", "giữ", "chức"),
            ("trong", "thời", "gian", "làm"), ("trong", "thời", "gian", "là"), ("khi", "còn", "là"),
            ("khi", "giữ", "chức", "vụ"), ("khi", "giữ", "chức"), ("thời", "kỳ", "làm"))


def _fronted_posts(toks, keys, mentions, person_of, stops):
    """"Trong thời gian giữ chức vụ Phó Chủ tịch UBND huyện (…), sau đó là Chủ tịch UBND huyện X …, ông A
    đã …": posts held then, stated in a clause before the subject, which follows the clause's comma with a
    form of address; the posts of the clause are former ones (not those after "sau đó là")."""
    out = []
    n = len(toks)
    full_at = {m.start: m for m in mentions if not m.single and person_of.get(m.start)}
    lx = lexicons()
    for i in range(n):
        if keys[i] not in ("trong", "khi", "thời"):
            continue
        if i > 0 and toks[i - 1].text not in (".", "\n", ",", ";", ":", "!", "?") and not toks[i].cap:
            continue
        opener = next((o for o in _FRONTED if tuple(keys[i:i + len(o)]) == o), None)
        if opener is None:
            continue
        chain = parse_chain(toks, keys, i + len(opener), stops)
        if not chain:
            continue
        for it in chain:
            it.former = True
        k = chain[-1].end
        while k < n and k - chain[-1].end < 30 and toks[k].text not in (".", "\n", "!", "?", ";") and k not in stops:
            if keys[k:k + 3] == ["sau", "đó", "là"]:
                more = parse_chain(toks, keys, k + 3, stops)
                if more:
                    chain = chain + more
                    k = more[-1].end
                    continue
            if toks[k].text == "," and k + 1 < n:
                h = lx.honorifics.match(keys, k + 1)
                if h and h[0] in full_at:
                    who = full_at[h[0]]
                    out.extend((person_of[who.start], who, it, chain) for it in chain)
                    break
                if keys[k + 1] in ("sau", "từ", "đến", "năm", "giai", "nhiệm", "khóa", "khoá") \
                        or toks[k + 1].text.isdigit():
                    k += 1
                    continue   # "…, sau đó là …", "…, từ năm 2017 …": the clause goes on
                break
            k += 1
    return out


_CAREER_VERBS = (("kinh", "qua"), ("trải", "qua"), ("đảm", "nhiệm"), ("từng", "giữ"), ("giữ",))
_CAREER_NOUNS = (("cương", "vị"), ("chức", "vụ"), ("chức", "danh"), ("vị", "trí"), ("chức",))
_PRONOUNS = {"ông", "bà", "anh", "chị"}


def _career_posts(toks, keys, mentions, person_of, stops):
    """A biography names its subject, then "đồng chí đã kinh qua nhiều cương vị như Bí thư Huyện ủy X,
    Giám đốc Sở Y": posts held before, attributed to the person the pronoun refers back to (the last
    one named before, within the paragraph and the two sentences before)."""
    out = []
    n = len(toks)
    starts = sorted(m.start for m in mentions)
    # the persons named, by end (mentions do not overlap, so ends follow starts)
    named = sorted((m for m in mentions if person_of.get(m.start)), key=lambda m: m.end)
    named_ends = [m.end for m in named]
    for i in range(n - 3):
        verb = next((v for v in _CAREER_VERBS if tuple(keys[i:i + len(v)]) == v), None)
        if verb is None:
            continue
        k = i + len(verb)
        if k < n and keys[k] in ("nhiều", "các", "những"):
            k += 1
        noun = next((c for c in _CAREER_NOUNS if tuple(keys[k:k + len(c)]) == c), None)
        if noun is None:
            continue
        k += len(noun)
        while k < n and (keys[k] in ("quan", "trọng", "khác", "nhau", "lãnh", "đạo", "như", "là", "gồm")
                         or toks[k].text in (":", ",")):
            k += 1
        chain = parse_chain(toks, keys, k, stops)
        if not chain:
            continue
        # the subject: a pronoun ("đồng chí", "ông") opening the clause, no name of its own
        j = i - 1
        subject = None
        while j >= 0 and i - j <= 6 and toks[j].text not in (".", ";", "\n", ","):
            if keys[j] in _PRONOUNS or (keys[j] == "chí" and j > 0 and keys[j - 1] == "đồng"):
                subject = j
                break
            j -= 1
        if subject is None:
            continue
        at = bisect.bisect_right(starts, subject)
        if at < len(starts) and starts[at] < i:
            continue   # a name of its own between the pronoun and the verb
        k_who = bisect.bisect_right(named_ends, subject)
        if k_who == 0:
            continue
        who = named[k_who - 1]
        between = toks[who.end:subject]
        if sum(t.text in (".", "!", "?") for t in between) > 2 or any(t.text == "\n" for t in between):
            continue
        for it in chain:
            it.former = True      # posts one has "passed through" are earlier posts
            out.append((person_of[who.start], who, it, chain))
    return out


def _chain_place(chain: list[TitleItem]):
    """The place a chain names ("…, Chủ tịch HĐND xã Ia Púch"), else a bare unit it uses."""
    bare = None
    for it in chain:
        if it.org is not None and it.org.place is not None:
            if it.org.place[1]:
                return it.org.place
            bare = bare or it.org.place
    return bare


_PARTY_POST_WORDS = word_set("people", "party_post_words.txt")


_UNIT_POSTS = frozenset({("chỉ", "huy", "trưởng"), ("tham", "mưu", "trưởng"), ("chính", "ủy"), ("chính", "uỷ"),
                         ("chính", "trị", "viên"), ("tư", "lệnh"), ("đồn", "trưởng")})


def _unit_post(title_keys: list[str]) -> bool:
    """A command post of an armed unit ("Phó Chỉ huy trưởng", "Tham mưu trưởng", "Chính ủy")."""
    while title_keys and title_keys[0] in ("phó", "quyền"):
        title_keys = title_keys[1:]
    return tuple(title_keys) in _UNIT_POSTS


def _party_post(title_keys: list[str], kind: str) -> bool:
    """A post inside a party committee: every word is a party-post word ("Ủy viên Ban Thường vụ",
    "UVBTV", "Trưởng Ban Tổ chức"), so it may share the committee named later in its chain."""
    if kind in ("abbr", "member"):
        return True
    return bool(title_keys) and all(k in _PARTY_POST_WORDS for k in title_keys)


def _last_org_before(main, prefix: tuple[str, ...], pos: int) -> tuple[int, str] | None:
    """(token index, text) of the last organization of ``main["_orgs"]`` (in text order) whose keys
    begin with ``prefix`` and that is written before token ``pos``: one index per prefix and a
    bisection, so that a long text stays linear."""
    index = main.setdefault("_orgs_by_prefix", {})
    hit = index.get(prefix)
    if hit is None:
        sel = [(at, name) for okeys, name, at in main.get("_orgs", []) if okeys[:len(prefix)] == prefix]
        hit = index[prefix] = ([at for at, _ in sel], sel)
    k = bisect.bisect_left(hit[0], pos)
    return hit[1][k - 1] if k else None


def _org_for(doc, toks, keys, it: TitleItem, chain: list[TitleItem], main):
    """(organization text, OrgSpan, span end char) of one title, borrowing along the chain."""
    cp = _chain_place(chain)
    o = it.org
    if o is None and it.borrow_next:
        # "Bí thư Ban cán sự đảng, Bộ trưởng Bộ X": the body of the next post in the apposition
        idx = chain.index(it)
        for other in chain[idx + 1:]:
            if other.org is not None and other.org.kind != "party":
                oo = other.org
                text = doc.norm[toks[oo.start].start:toks[oo.end - 1].end]
                return complete_org(text, keys, oo, main, cp), None, toks[it.title_end - 1].end
        return "", None, toks[it.title_end - 1].end
    if o is not None:
        text = doc.norm[toks[o.start].start:toks[o.end - 1].end]
        if o.kind == "party" and " ".join(keys[o.start:o.end]) in ("đảng ủy", "đảng uỷ", "đảng ủy cơ quan", "đảng uỷ cơ quan"):
            # "Bí thư Đảng ủy, Cục trưởng Cục X", "Ủy viên Ban Thường vụ Đảng ủy, Chủ nhiệm Ủy ban Kiểm
            # tra Đảng ủy, Phó Hiệu trưởng Trường X": the party committee of the agency a later post names
            idx = chain.index(it)
            later = [c for c in chain[idx + 1:] if c.org is not None and c.org.kind != "party"]
            agencies = [c for c in later if c.org.kind == "agency" and toks[c.org.start].cap and c.org.start > o.end
                        and not any(toks[x].text == "\n" for x in range(o.end, c.org.start))]   # same line
            nxt = agencies[-1] if agencies else None
            if nxt is not None and nxt.org.kind == "agency" and nxt.org.start > o.end and toks[nxt.org.start].cap:
                agency = doc.norm[toks[nxt.org.start].start:toks[nxt.org.end - 1].end]
                agency = complete_org(agency, keys, nxt.org, main, cp)
                return f"{text} {agency}", o, toks[o.end - 1].end
            if nxt is None:
                # "nguyên Bí thư Đảng ủy, nguyên Phó Hiệu trưởng": the school the later post belongs to
                body = next((b for b in (_article_body(keys, c, main) for c in chain[idx + 1:] if c.org is None) if b), "")
                if body:
                    return f"{text} {body}", o, toks[o.end - 1].end
        if o.kind == "party" and o.end == o.head_end and " ".join(keys[o.start:o.end]) in ("đảng bộ", "chi bộ"):
            # "Ủy viên BCH Đảng bộ, Trưởng Phòng …, Bệnh viện X": the party organization of that body
            idx = chain.index(it)
            for other in chain[idx + 1:]:
                if other.org is not None and other.org.kind == "agency":
                    agency = doc.norm[toks[other.org.start].start:toks[other.org.end - 1].end]
                    return f"{text} {agency}", o, toks[o.end - 1].end
            return text, o, toks[o.end - 1].end
        return complete_org(text, keys, o, main, cp, main.get("_earlier")), o, toks[o.end - 1].end
    title_end_char = toks[it.title_end - 1].end
    if it.back_ref:
        # "Hiệu trưởng nhà trường": the last body of that kind written before, as written there
        ref_end = toks[it.end - 1].end
        last = _last_org_before(main, tuple(it.back_ref), it.start)
        return (last[1] if last else ""), None, ref_end
    if it.kind == "delegate" and main.get("_session_council"):
        # "đại biểu X" in the report of a council session: a delegate of that council
        return main["_session_council"], None, title_end_char
    if it.implied_org:
        implied_keys = it.implied_org.lower()
        fake = OrgSpan(0, 0, "party", 0)
        text = it.implied_org
        # complete like a bare committee written in the text
        from .orgs import _canon_committee
        committee = _canon_committee(text_key(implied_keys))
        if committee in COMMITTEE_UNIT:
            unit = COMMITTEE_UNIT[committee]
            if cp and cp[0] == unit and cp[1]:
                return f"{text} {cp[1]}", fake, title_end_char
            if unit in main:
                return f"{text} {main[unit]}", fake, title_end_char
            return text, fake, title_end_char
        if committee == "đảng ủy" and cp and cp[0] in ("xã", "phường", "thị trấn", "đặc khu"):
            return f"{text} {cp[0]} {cp[1]}", fake, title_end_char
        return text, fake, title_end_char
    if keys[it.title_end - 2:it.title_end] == ["quốc", "hội"]:
        # "Chủ tịch Quốc hội", "đại biểu Quốc hội": the National Assembly the title names
        return doc.norm[toks[it.title_end - 2].start:title_end_char], None, title_end_char
    name = _article_body(keys, it, main)
    if name:
        # "PGS.TS A, Hiệu trưởng, phát biểu": the school the article names (before, else after)
        return name, None, title_end_char
    if it.kind == "chief" and it.title_end - it.start <= 3:
        # "… nhận công tác tại Ban Tuyên giáo Trung ương, giữ chức Phó Trưởng Ban": a bare "Trưởng Ban"
        # heads the body of that kind the same sentence named before
        unit = keys[it.title_end - 1]
        for okeys, name, at in reversed(main.get("_orgs", [])):
            if at >= it.start:
                continue
            if it.start - at > 60 or any(toks[x].text in (".", "\n", ";", "!", "?") for x in range(at, it.start)):
                break
            if okeys[0] == unit:
                return name, None, title_end_char
    if keys[it.title_end - 1] == "đoàn":
        # "Đoàn đại biểu Quốc hội tỉnh X gồm các đại biểu: A, …, Trưởng đoàn": the delegation the
        # sentence named before
        last = _last_org_before(main, ("đoàn",), it.start)
        if last:   # the last one, unless a sentence ends between (then every earlier one is cut off too)
            at, name = last
            breaks = main.get("_breaks")
            if breaks is None:
                breaks = main["_breaks"] = [x for x, t in enumerate(toks) if t.text in (".", "\n")]
            k = bisect.bisect_left(breaks, at)
            if not (k < len(breaks) and breaks[k] < it.start):
                return name, None, title_end_char
    # "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Huyện ủy X": the committee named later in the chain
    # (only a party post borrows it: "Bí thư Chi bộ kiêm Trưởng ấp" keeps its own)
    if _unit_post(keys[it.start:it.title_end]):
        # "Phó Chỉ huy trưởng, Tham mưu trưởng BĐBP tỉnh X": command posts share the unit named after them
        idx = chain.index(it)
        for other in chain[idx + 1:]:
            if other.org is not None and other.org.kind == "agency" and _unit_post(keys[other.start:other.title_end]):
                text = doc.norm[toks[other.org.start].start:toks[other.org.end - 1].end]
                return complete_org(text, keys, other.org, main, cp), other.org, title_end_char
    if not _party_post(keys[it.start:it.title_end], it.kind):
        return "", None, title_end_char
    idx = chain.index(it)
    for other in chain[idx + 1:] + chain[:idx][::-1]:
        if other.org is not None and other.org.kind == "party":
            text = doc.norm[toks[other.org.start].start:toks[other.org.end - 1].end]
            return complete_org(text, keys, other.org, main, cp), other.org, title_end_char
    if it.kind != "member" and cp and cp[1] and cp[0] in _UNIT_COMMITTEE:
        # "Phó Bí thư, Chủ tịch UBND huyện Quỳ Châu": the party committee of the unit the apposition's
        # People's Committee or Council serves, when the article writes that committee's word
        word = _UNIT_COMMITTEE[cp[0]]
        if "_committee_words" not in main:
            main["_committee_words"] = _committee_words(keys)   # once per article
        if tuple(word.lower().split()) in main["_committee_words"]:
            return f"{word} {cp[1]}" if cp[0] not in COMMUNE_UNITS else f"{word} {cp[0]} {cp[1]}", None, title_end_char
    return "", None, title_end_char


_UNIT_COMMITTEE = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy", "huyện": "Huyện ủy", "quận": "Quận ủy",
                   "thị xã": "Thị ủy", "xã": "Đảng ủy", "phường": "Đảng ủy", "thị trấn": "Đảng ủy"}


def _committee_words(keys: list[str]) -> frozenset[tuple[str, ...]]:
    """The party committee words the article writes ("huyện ủy", "đảng ủy" …), tone marks folded."""
    out = set()
    for a, b in zip(keys, keys[1:]):
        if b in ("ủy", "uỷ") and a in ("tỉnh", "thành", "huyện", "quận", "thị", "đảng"):
            out.add((a, "ủy"))
    return frozenset(out)


@lru_cache(maxsize=1)
def _post_bodies():
    from ..lexicon import rows
    from ..tokens import phrase_keys
    return {phrase_keys(r[0]): phrase_keys(r[1]) for r in rows("people", "post_bodies.tsv")}


def _post_body(keys: list[str], it: TitleItem) -> tuple[str, ...]:
    """The head words of the only kind of body a post exists in ("Phó Hiệu trưởng" → "trường"), or ()."""
    title = keys[it.start:it.title_end]
    while title and title[0] in ("phó", "quyền"):
        title = title[1:]
    return _post_bodies().get(tuple(title), ())


def _article_body(keys: list[str], it: TitleItem, main) -> str:
    """For a post that exists in one kind of body only, written without it: the body of that kind the
    article names in full, the last one before the post, else the first one after it; else ""."""
    body = _post_body(keys, it)
    if not body:
        return ""
    by_head = main.get("_bodies")
    if by_head is None:
        # (positions, names) of the written bodies by their first words, for a binary search per post
        by_head = main["_bodies"] = {}
        for okeys, name, at in _nested_orgs(main):
            for h in range(1, min(len(okeys), 4)):
                pos, names = by_head.setdefault(okeys[:h], ([], []))
                pos.append(at)
                names.append(name)
    hit = by_head.get(body)
    if hit is None:
        return ""
    k = bisect.bisect_left(hit[0], it.start)
    if k > 0:
        return hit[1][k - 1]
    return hit[1][k] if k < len(hit[1]) else ""


def _nested_orgs(main) -> list[tuple[tuple[str, ...], str, int]]:
    """The written organizations with those named inside them ("Hội đồng Trường ĐH X" → also "Trường
    ĐH X"), in text order; computed once per article, when a post needs its body."""
    doc, toks, keys, stops = main["_ctx"]
    out = []
    for okeys, name, at in main.get("_orgs", []):
        out.append((okeys, name, at))
        for k in range(at + 1, at + len(okeys)):
            if toks[k].cap and lexicons().org_heads.match(keys, k):
                o = parse_org(toks, keys, k, stops)
                if o is not None and o.end > o.head_end and o.end <= at + len(okeys):
                    out.append((tuple(keys[o.start:o.end]), doc.norm[toks[o.start].start:toks[o.end - 1].end], o.start))
                    break
    return out


def _session_council(keys: list[str], orgs) -> str:
    """The People's Council whose session the article reports ("Kỳ họp thứ 22" + "HĐND tỉnh X"), or ""."""
    if not any(keys[i] == "kỳ" and keys[i + 1] == "họp" for i in range(len(keys) - 1)):
        return ""
    from collections import Counter
    councils = Counter(name for k, name, _ in orgs if k[0] in ("hđnd", "hội") and (k[0] == "hđnd" or k[1:3] == ("đồng", "nhân")))
    return councils.most_common(1)[0][0] if councils else ""


def _written_orgs(doc, toks, keys, stops, main) -> list[tuple[tuple[str, ...], str, int]]:
    """(keys, text, token index) of every organization written with more than its head."""
    out = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if t.is_word and (t.cap or t.upper):
            o = parse_org(toks, keys, i, stops)
            if o is not None:
                if o.end > o.head_end:
                    text = doc.norm[toks[o.start].start:toks[o.end - 1].end]
                    out.append((tuple(keys[o.start:o.end]), complete_org(text, keys, o, main), o.start))
                i = o.end
                continue
        i += 1
    return out


def _organizations(doc, toks, keys, stops, main) -> list[Organization]:
    groups: dict[str, dict] = {}
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if t.is_word and (t.cap or t.upper):
            o = parse_org(toks, keys, i, stops)
            if o is not None:
                text = doc.norm[toks[o.start].start:toks[o.end - 1].end]
                name = complete_org(text, keys, o, main)
                g = groups.setdefault(text_key(name), {"name": name, "mentions": [], "kind": o.kind})
                g["mentions"].append((toks[o.start].start, toks[o.end - 1].end))
                i = o.end
                continue
        i += 1
    kinds = {"party": "party_committee", "youth": "youth_union", "people": "people_committee",
             "council": "people_council", "front": "fatherland_front", "delegation": "na_delegation",
             "agency": "agency"}
    return [Organization(name=g["name"], mentions=tuple(g["mentions"]), kind=kinds.get(g["kind"], g["kind"]))
            for g in groups.values()]
