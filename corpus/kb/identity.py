"""The identity benchmark's scoring: how well a knowledge base (the database after ingest, process
and link-syndicated) identifies persons, organisations and stories, against an identity set in the
format of tests/data/identity (sites.toml, articles/<site slug>/<id>.txt, truth.json).

- persons: pairwise and B-cubed precision/recall of person clustering over the truth's mentions
  (article, name), each mapped to its occurrence by the mention key "<article canonical URL>#<name
  key>"; a mention the extractor did not find is a cluster of its own and is listed as not extracted;
- organisations: pairwise and B-cubed over the truth's (article, surface) mentions, each mapped to the
  organisation of the same surface in that article (its organisation mentions, then its roles'
  organisations), and the share of generic surfaces ("Tỉnh ủy", "UBND huyện") resolved to a body of
  the right province;
- stories: whether each story's copies are linked (``syndicated_of_id``), and double counts: per true
  person, the stories of the predicted person that holds most of its mentions against its true
  number of stories.

Every score is given for the method the database was resolved with and for the baselines computed
from the same occurrences without touching the database: "rules" (same name and the same province
or a shared body), "splink" (the model) and "name" (one person per name key and one organisation per
spelling: the knowledge base before resolution).

The orchestration (a fresh database, the jobs) is ``partyfacts.corpus.identity.evaluate_identity``;
this module only reads.
"""
from __future__ import annotations

import json
import time
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from partyfacts.nlp.text import key

from .. import models as m
from .metrics import PRF, bcubed, pairwise
from .persons import resolve_persons
from .resolve import occurrences_of

METHODS = ("splink", "rules", "name")


class IdentitySetError(ValueError):
    """A directory that is not an identity set; the message names the file and the problem."""


@dataclass(frozen=True)
class SiteSpec:
    name: str          # display name: what a user passes to `partyfacts ingest --site`
    slug: str          # folder under articles/
    host: str
    province: str      # "" = national (the truth's; never given to the pipeline)


@dataclass(frozen=True)
class IdentitySet:
    root: Path
    sites: tuple[SiteSpec, ...]
    truth: dict

    def files(self, site: SiteSpec) -> list[Path]:
        return sorted((self.root / "articles" / site.slug).glob("*.txt"))

    def article_ids(self) -> dict[str, Path]:
        """Article id ("<slug>/<stem>") → file, over every site."""
        return {f"{s.slug}/{p.stem}": p for s in self.sites for p in self.files(s)}


def load_identity_set(root: Path) -> IdentitySet:
    """Read sites.toml and truth.json of an identity set; raises IdentitySetError when a file is
    missing or the truth names an article that has no file."""
    root = Path(root)
    for name in ("sites.toml", "truth.json"):
        if not (root / name).is_file():
            raise IdentitySetError(f"{root / name}: missing; an identity set has sites.toml, truth.json "
                                   "and articles/<site slug>/<id>.txt (see tests/data/identity/README.md)")
    try:
        raw_sites = tomllib.loads((root / "sites.toml").read_text(encoding="utf-8")).get("site", [])
        truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise IdentitySetError(f"{root}: unreadable sites.toml or truth.json: {exc}") from exc
    try:
        sites = tuple(SiteSpec(s["name"], s["slug"], s.get("host", ""), s.get("province", "")) for s in raw_sites)
    except KeyError as exc:
        raise IdentitySetError(f"{root / 'sites.toml'}: a [[site]] lacks {exc.args[0]!r}") from None
    if not sites:
        raise IdentitySetError(f"{root / 'sites.toml'}: no [[site]] entries")
    idset = IdentitySet(root, sites, truth)
    known = idset.article_ids()
    named = {mn["article"] for kind in ("persons", "organizations") for e in truth.get(kind, [])
             for mn in e["mentions"]} | {a for s in truth.get("stories", []) for a in s["copies"]}
    if named - known.keys():
        raise IdentitySetError(f"{root / 'truth.json'}: articles without a file: {', '.join(sorted(named - known.keys()))}")
    return idset


# -- the report ---------------------------------------------------------------------------------------

@dataclass
class CountScores:
    """Per true person: the stories the predicted person is counted in against the true stories."""
    persons: int = 0
    exact: int = 0
    over: int = 0            # persons counted in more stories than true (merged homonyms, unlinked copies)
    under: int = 0           # fewer (a split career, an unextracted mention)
    mean_abs_error: float = 0.0
    copies_counted: int = 0  # persons whose count would grow if copies were counted as articles
    exact_if_linked: int = 0  # exact when every copy is linked (the true stories): person errors only
    api_exact: int | None = None  # exact by the person API's articles_total (the database's method)

    def to_dict(self) -> dict:
        return {"persons": self.persons, "exact": self.exact, "exact_share": _share(self.exact, self.persons),
                "over": self.over, "under": self.under, "mean_abs_error": round(self.mean_abs_error, 4),
                "copies_counted": self.copies_counted, "exact_if_copies_linked": self.exact_if_linked,
                "api_articles_total_exact": self.api_exact}


@dataclass
class MethodScores:
    method: str
    persons_pairwise: PRF
    persons_bcubed: PRF
    predicted_persons: int               # clusters over the extracted truth mentions
    orgs_pairwise: PRF
    orgs_bcubed: PRF
    generic_right_province: float | None  # share of generic place-bound surfaces resolved to the right province
    counts: CountScores
    resolve_seconds: float = 0.0
    per_person: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"method": self.method,
                "persons": {"pairwise": self.persons_pairwise.to_dict(), "bcubed": self.persons_bcubed.to_dict(),
                            "predicted_clusters": self.predicted_persons},
                "organizations": {"pairwise": self.orgs_pairwise.to_dict(), "bcubed": self.orgs_bcubed.to_dict(),
                                  "generic_right_province": None if self.generic_right_province is None
                                  else round(self.generic_right_province, 4)},
                "double_counts": self.counts.to_dict(), "resolve_seconds": round(self.resolve_seconds, 3),
                "per_person": self.per_person}


@dataclass
class IdentityReport:
    root: str
    method: str                                   # the method the database was resolved with
    articles: int
    truth_persons: int
    truth_person_mentions: int
    truth_org_mentions: int
    generic_org_mentions: int
    persons_not_extracted: list[dict]
    orgs_not_extracted: list[dict]
    sites: list[dict]                             # name, true province, inferred province
    stories: list[dict]                           # id, copies, linked (all in one story), predicted_stories
    stories_pairwise: PRF                         # over every article: same story or not
    methods: dict[str, MethodScores]
    timings: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        linked = sum(s["linked"] for s in self.stories)
        return {
            "root": self.root, "method": self.method, "articles": self.articles,
            "truth": {"persons": self.truth_persons, "person_mentions": self.truth_person_mentions,
                      "org_mentions": self.truth_org_mentions, "generic_org_mentions": self.generic_org_mentions,
                      "stories_with_copies": len(self.stories)},
            "extraction": {"persons_not_extracted": self.persons_not_extracted,
                           "orgs_not_extracted": self.orgs_not_extracted},
            "sites": self.sites,
            "stories": {"linked": linked, "total": len(self.stories), "pairwise": self.stories_pairwise.to_dict(),
                        "detail": self.stories},
            "methods": {k: v.to_dict() for k, v in self.methods.items()},
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }

    def table(self) -> str:
        """The scores as a plain-text table, one column per method."""
        cols = [c for c in METHODS if c in self.methods]
        rows: list[tuple[str, list[str]]] = []

        def prf(label: str, get: Callable[[MethodScores], PRF]) -> None:
            for part in ("precision", "recall", "f1"):
                rows.append((f"{label} {part}", [f"{getattr(get(self.methods[c]), part):.3f}" for c in cols]))

        prf("persons pairwise", lambda s: s.persons_pairwise)
        prf("persons B-cubed", lambda s: s.persons_bcubed)
        rows.append(("persons predicted / true", [f"{self.methods[c].predicted_persons} / {self.truth_persons}" for c in cols]))
        prf("orgs pairwise", lambda s: s.orgs_pairwise)
        prf("orgs B-cubed", lambda s: s.orgs_bcubed)
        rows.append(("generic orgs right province", [
            "—" if self.methods[c].generic_right_province is None else f"{self.methods[c].generic_right_province:.3f}"
            for c in cols]))
        rows.append(("story count exact", [f"{self.methods[c].counts.exact} / {self.methods[c].counts.persons}" for c in cols]))
        rows.append(("story count over / under", [f"{self.methods[c].counts.over} / {self.methods[c].counts.under}" for c in cols]))
        rows.append(("story count exact, copies linked", [f"{self.methods[c].counts.exact_if_linked} / {self.methods[c].counts.persons}" for c in cols]))
        rows.append(("person API articles_total exact", [
            "—" if self.methods[c].counts.api_exact is None else f"{self.methods[c].counts.api_exact} / {self.methods[c].counts.persons}"
            for c in cols]))
        rows.append(("story count mean abs error", [f"{self.methods[c].counts.mean_abs_error:.3f}" for c in cols]))
        rows.append(("resolution seconds", [f"{self.methods[c].resolve_seconds:.3f}" for c in cols]))
        header = ("", [c + (" (db)" if c == self.method else "") for c in cols])
        width = max(len(r[0]) for r in rows + [header])
        cw = max(12, *(len(h) for h in header[1]))
        lines = [f"{header[0]:<{width}}  " + "  ".join(f"{h:>{cw}}" for h in header[1])]
        lines += [f"{label:<{width}}  " + "  ".join(f"{v:>{cw}}" for v in vals) for label, vals in rows]
        linked = sum(s["linked"] for s in self.stories)
        lines.append("")
        lines.append(f"stories with copies linked: {linked} / {len(self.stories)}; story pairs "
                     f"P {self.stories_pairwise.precision:.3f} R {self.stories_pairwise.recall:.3f}")
        right = sum(s["inferred"] == s["province"] for s in self.sites)
        lines.append(f"site provinces inferred right: {right} / {len(self.sites)}")
        lines.append(f"person mentions not extracted: {len(self.persons_not_extracted)} / {self.truth_person_mentions}; "
                     f"organisation mentions not found: {len(self.orgs_not_extracted)} / {self.truth_org_mentions}")
        return "\n".join(lines)


def _share(n: int, d: int) -> float:
    return round(n / d, 4) if d else 0.0


# -- scoring ------------------------------------------------------------------------------------------

def is_generic(surface: str, canonical: str) -> bool:
    """A surface that does not write its body's place: the canonical name's place (its last two
    syllables, "Tỉnh ủy Nghệ An" → "nghệ an", "UBND xã Châu Kim" → "châu kim") is not in it."""
    place = " ".join(key(canonical).split()[-2:])
    return f" {place} " not in f" {key(surface)} "


@dataclass(frozen=True)
class _Article:
    db_id: int
    url: str            # canonical URL
    story: int          # coalesce(syndicated_of_id, id)


def score_identity(session: Session, idset: IdentitySet, urls: dict[str, str], *, method: str,
                   methods: tuple[str, ...] = METHODS,
                   articles_total: Callable[[int], int] | None = None) -> IdentityReport:
    """Score the knowledge base in ``session`` against the set's truth. ``urls`` maps each article id
    of the set to the URL it was ingested from (its file:// URL; mention keys use the canonical URL
    the database gave it); ``method`` is the one the database's
    persons were resolved with (its column reads the database), the other ``methods`` are computed
    from the same occurrences in memory. ``articles_total(person_id)``, when given, is what the person
    API says of a database person (its stories), compared with the truth too."""
    if method not in ("splink", "rules"):
        raise ValueError(f"unknown method {method!r}: the database's persons are resolved by 'splink' or 'rules'")
    truth = idset.truth
    by_url = {a.url: a for a in session.execute(
        select(m.Article).where(m.Article.url.in_(sorted(urls.values())))).scalars()}
    missing = sorted(aid for aid, u in urls.items() if u not in by_url)
    if missing:
        raise ValueError(f"articles of the set not in the database: {', '.join(missing)}")
    arts = {aid: _Article(by_url[u].id, by_url[u].canonical_url, by_url[u].syndicated_of_id or by_url[u].id)
            for aid, u in urls.items()}
    story_of_db = {a.id: a.syndicated_of_id or a.id for a in session.execute(select(m.Article)).scalars()}

    # persons ------------------------------------------------------------------------------------
    rows = session.execute(select(m.PersonOccurrence).order_by(m.PersonOccurrence.id)).scalars().all()
    occurrences = occurrences_of(session, rows)
    occ_article = {r.mention_key: r.article_id for r in rows}
    gold_persons: dict[tuple[str, str], str] = {}
    mention_key_of: dict[tuple[str, str], str] = {}
    for p in truth.get("persons", []):
        for mn in p["mentions"]:
            item = (mn["article"], mn["name"])
            gold_persons[item] = p["id"]
            mention_key_of[item] = f"{arts[mn['article']].url}#{key(mn['name'])}"
    not_extracted = [{"article": a, "name": n} for (a, n), mk in sorted(mention_key_of.items()) if mk not in occ_article]
    true_story = _true_stories(truth, arts)
    true_story_of_db = {arts[aid].db_id: st for aid, st in true_story.items()}

    # organisations ------------------------------------------------------------------------------
    orgs = {o.id: o for o in session.execute(select(m.Organization)).scalars()}
    surfaces = _org_surfaces(session, {a.db_id for a in arts.values()})
    gold_orgs: dict[tuple[str, str], str] = {}
    pred_orgs: dict[tuple[str, str], int] = {}
    spelled_as: dict[tuple[str, str], str] = {}         # the predicted surface a truth surface matched
    generic: list[tuple[tuple[str, str], str]] = []     # (item, true province)
    orgs_missing = []
    for o in truth.get("organizations", []):
        for mn in o["mentions"]:
            item = (mn["article"], mn["surface"])
            gold_orgs[item] = o["id"]
            found = _match_surface(surfaces.get(arts[mn["article"]].db_id, ({}, {})), mn["surface"])
            if found is None:
                orgs_missing.append({"article": mn["article"], "surface": mn["surface"], "organization": o["id"]})
            else:
                pred_orgs[item], spelled_as[item] = found
            if o.get("province") and is_generic(mn["surface"], o["canonical"]):
                generic.append((item, o["province"]))

    def org_scores(spelling: bool) -> tuple[PRF, PRF, float | None]:
        pred = {it: ("spelling", key(spelled_as[it])) for it in pred_orgs} if spelling else pred_orgs
        right = 0 if spelling else sum(it in pred_orgs and orgs[pred_orgs[it]].province == prov for it, prov in generic)
        # by spelling a generic surface names no place, so it is never placed in a province
        return pairwise(pred, gold_orgs), bcubed(pred, gold_orgs), (right / len(generic) if generic else None)

    # per method --------------------------------------------------------------------------------
    results: dict[str, MethodScores] = {}
    for meth in [method] + [x for x in methods if x != method]:
        t0 = time.perf_counter()
        if meth == "name":
            label = {o.key: ("name", o.name_key) for o in occurrences}
        else:
            res = resolve_persons(occurrences, method=meth)
            label = {k: ("cluster", i) for i, c in enumerate(res.clusters) for k in c}
        seconds = time.perf_counter() - t0
        if meth == method:
            # the database's persons are what users see; the in-memory run above only times the method
            label = {r.mention_key: ("person", r.person_id) for r in rows}
        pred = {item: label[mk] for item, mk in mention_key_of.items() if mk in label}
        counts, per_person = _double_counts(truth, mention_key_of, label, occ_article, story_of_db, true_story,
                                            true_story_of_db, articles_total if meth == method else None)
        o_pw, o_b3, o_gen = org_scores(meth == "name")
        results[meth] = MethodScores(meth, pairwise(pred, gold_persons), bcubed(pred, gold_persons),
                                     len(set(pred.values())), o_pw, o_b3, o_gen, counts, seconds, per_person)

    # stories ------------------------------------------------------------------------------------
    stories = []
    for s in truth.get("stories", []):
        got = {arts[a].story for a in s["copies"]}
        stories.append({"id": s["id"], "copies": s["copies"], "linked": len(got) == 1, "predicted_stories": len(got)})
    story_gold = {aid: true_story[aid] for aid in arts}
    story_pred = {aid: a.story for aid, a in arts.items()}

    sites = [{"name": s.name, "province": s.province,
              "inferred": session.execute(select(m.Site.province).where(m.Site.name == s.name)).scalar() or ""}
             for s in idset.sites]
    return IdentityReport(
        root=str(idset.root), method=method, articles=len(arts), truth_persons=len(truth.get("persons", [])),
        truth_person_mentions=len(gold_persons), truth_org_mentions=len(gold_orgs),
        generic_org_mentions=len(generic), persons_not_extracted=not_extracted, orgs_not_extracted=orgs_missing,
        sites=sites, stories=stories, stories_pairwise=pairwise(story_pred, story_gold), methods=results)


def _true_stories(truth: dict, arts: dict[str, _Article]) -> dict[str, str]:
    """Article id → its true story (the story id for a copy, else the article itself)."""
    out = {aid: aid for aid in arts}
    for s in truth.get("stories", []):
        for a in s["copies"]:
            out[a] = s["id"]
    return out


def _double_counts(truth: dict, mention_key_of: dict, label: dict, occ_article: dict[str, int],
                   story_of_db: dict[int, int], true_story: dict[str, str], true_story_of_db: dict[int, str],
                   articles_total: Callable[[int], int] | None) -> tuple[CountScores, list[dict]]:
    """Per true person: the predicted person holding most of its extracted mentions (ties: the
    smallest label), and the stories of all that person's occurrences against the true stories;
    also counted with the true stories (what the count would be with every copy linked) and, for a
    database person, as the person API's ``articles_total``."""
    members: dict = defaultdict(set)
    for mk, lab in label.items():
        members[lab].add(occ_article[mk])
    cs = CountScores(api_exact=0 if articles_total is not None else None)
    per_person = []
    err = 0
    for p in truth.get("persons", []):
        true_n = len({true_story[mn["article"]] for mn in p["mentions"]})
        labels = Counter(label[mk] for mn in p["mentions"]
                         if (mk := mention_key_of[(mn["article"], mn["name"])]) in label)
        row = {"person": p["id"], "name": p["canonical"], "true_stories": true_n}
        if labels:
            top = max(labels.values())
            lab = min((x for x in labels if labels[x] == top), key=repr)
            articles = members[lab]
            pred_n = len({story_of_db[a] for a in articles})
            linked_n = len({true_story_of_db.get(a, a) for a in articles})
            cs.copies_counted += len(articles) > pred_n
            if lab[0] == "person" and articles_total is not None:
                row["person_id"] = lab[1]
                row["api_articles_total"] = articles_total(lab[1])
                cs.api_exact = (cs.api_exact or 0) + (row["api_articles_total"] == true_n)
        else:
            pred_n = linked_n = 0
        cs.persons += 1
        cs.exact += pred_n == true_n
        cs.exact_if_linked += linked_n == true_n
        cs.over += pred_n > true_n
        cs.under += pred_n < true_n
        err += abs(pred_n - true_n)
        row["predicted_stories"] = pred_n
        per_person.append(row)
    cs.mean_abs_error = err / cs.persons if cs.persons else 0.0
    return cs, per_person


def _org_surfaces(session: Session, article_ids: set[int]) -> dict[int, tuple[dict[str, Counter], dict[str, Counter]]]:
    """Per article: (surface → organisation ids of its organisation mentions, surface → organisation
    ids of its roles' organisations)."""
    out: dict[int, tuple[dict, dict]] = defaultdict(lambda: (defaultdict(Counter), defaultdict(Counter)))
    for aid, surface, oid in session.execute(select(m.Mention.article_id, m.Mention.surface, m.Mention.entity_id).where(
            m.Mention.entity_type == "organization", m.Mention.article_id.in_(sorted(article_ids)))):
        out[aid][0][surface][oid] += 1
    for aid, surface, oid in session.execute(select(m.Role.article_id, m.Role.organization, m.Role.organization_id).where(
            m.Role.article_id.in_(sorted(article_ids)), m.Role.organization_id.is_not(None))):
        if surface:
            out[aid][1][surface][oid] += 1
    return out


ORGANS = ("ban thường vụ", "btv", "thường trực", "ban chấp hành", "bch")


def _match_surface(found: tuple[dict[str, Counter], dict[str, Counter]], surface: str) -> tuple[int, str] | None:
    """(organisation, predicted surface) of this truth surface in the article: the same spelling, else
    the same key (case and tone placement folded), else an organ of the committee written before it
    ("Ban Thường vụ Tỉnh ủy" for "Tỉnh ủy": the set records a committee's organs as the committee);
    at each step its organisation mentions first, then its roles' organisations; the most often
    resolved organisation (then the lowest id) when several."""
    k = key(surface)
    tests = (lambda s: s == surface, lambda s: key(s) == k,
             lambda s: any(key(s) == f"{organ} {k}" for organ in ORGANS))
    for same in tests:
        for table in found:
            votes: Counter = Counter()
            spelled: dict[int, str] = {}
            for s, c in table.items():
                if same(s):
                    votes.update(c)
                    for o in c:
                        spelled.setdefault(o, s)
            if votes:
                top = max(votes.values())
                best = min(o for o, n in votes.items() if n == top)
                return best, spelled[best]
    return None
