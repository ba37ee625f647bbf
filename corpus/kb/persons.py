"""Person resolution: occurrences of a name in articles → person entities.

An *occurrence* is one person named in one article (all its mentions, short forms included, as the
extractor linked them), with what the article says around it: the province and district of the
person's posts or of the story, the bodies and titles of the posts, the other people named, the site
and the date. Its ``key`` is a stable mention key ("<article canonical URL>#<name key>") that
survives re-processing, so researchers' decisions attach to it.

Occurrences are compared only within a block of the same name (tone placement, case and spacing
folded); within a block a Fellegi–Sunter model (Splink on DuckDB) weighs each piece of context and
gives a match probability per pair. Its u-probabilities come from random pairs of the corpus itself,
its m-probabilities start from the priors in ``data/person_linkage.json`` and are re-estimated by
expectation maximisation when the corpus has enough same-name pairs. Pairs at or above the threshold
are joined, strongest first, never across a researcher's split; researchers' merges are joined first.
Every decision is kept with its evidence (``Explanation``), so a person page can say why.

``method="rules"`` is the baseline the benchmark compares against: same name and the same province or
a shared body.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

CONFIG = Path(__file__).with_name("data") / "person_linkage.json"
COMPARISONS = ("name", "province", "district", "bodies", "titles", "comentions", "site", "date")


@dataclass(frozen=True)
class Occurrence:
    key: str                          # stable mention key: "<article canonical url>#<name key>"
    name: str                         # the fullest form in that article
    name_key: str                     # block: nlp.text.key(name)
    province: str = ""                # of the person's posts, else of the story / the site
    district: str = ""
    bodies: tuple[str, ...] = ()      # resolved body keys of the person's posts in the article
    titles: tuple[str, ...] = ()      # canonical title keys
    comentions: tuple[str, ...] = ()  # name keys of the other people in the article
    site: str = ""
    date: str = ""                    # ISO date of the article, "" unknown


@dataclass(frozen=True)
class Link:
    a: str
    b: str
    probability: float
    evidence: dict = field(default_factory=dict)     # comparison → agree | partial | disagree | unknown
    by: str = "model"                                 # model | rules | researcher


@dataclass(frozen=True)
class Decision:
    """A researcher's correction between two occurrences: "merge" (one person) or "split" (two)."""
    kind: str
    a: str
    b: str


@dataclass(frozen=True)
class Explanation:
    decision: str          # merged | separate | alone | split
    partner: str = ""      # the occurrence it was joined to (merged), or the best candidate it was not
    probability: float | None = None
    evidence: dict = field(default_factory=dict)
    by: str = "model"

    def to_dict(self) -> dict:
        return {"decision": self.decision, "partner": self.partner, "probability": self.probability,
                "evidence": self.evidence, "by": self.by}


@dataclass
class Resolution:
    clusters: list[list[str]]                  # occurrence keys, each cluster sorted, clusters sorted
    explanations: dict[str, Explanation]
    method: str                                # splink-em | splink-priors | rules


@lru_cache(maxsize=1)
def linkage_config() -> dict:
    return json.loads(CONFIG.read_text(encoding="utf-8"))


def config_digest() -> str:
    import hashlib
    return hashlib.sha256(CONFIG.read_bytes()).hexdigest()[:12]


def resolve_persons(occurrences: list[Occurrence], decisions: list[Decision] = (), *,
                    method: str = "splink") -> Resolution:
    """Cluster occurrences into persons. ``method`` is "splink" (the model) or "rules" (baseline)."""
    occ = {o.key: o for o in occurrences}
    if len(occ) != len(occurrences):
        raise ValueError("occurrence keys must be unique")
    if method == "rules":
        links, used = rule_links(occurrences), "rules"
    elif method == "splink":
        links, used = score_pairs(occurrences)
    else:
        raise ValueError(f"unknown resolution method {method!r}: use 'splink' or 'rules'")
    threshold = linkage_config()["match_threshold"]
    clusters, explanations = cluster(sorted(occ), links, [d for d in decisions if d.a in occ and d.b in occ],
                                     threshold)
    return Resolution(clusters, explanations, used)


def rule_links(occurrences: list[Occurrence]) -> list[Link]:
    """Baseline: same name and (same province or a shared body)."""
    out = []
    for block in _blocks(occurrences).values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                same_place = bool(a.province) and a.province == b.province
                shared_body = bool(set(a.bodies) & set(b.bodies))
                ev = {"province": _agree(a.province, b.province), "bodies": "agree" if shared_body else "disagree"}
                out.append(Link(a.key, b.key, 1.0 if (same_place or shared_body) else 0.0, ev, "rules"))
    return out


def _agree(x: str, y: str) -> str:
    if not x or not y:
        return "unknown"
    return "agree" if x == y else "disagree"


def _blocks(occurrences: list[Occurrence]) -> dict[str, list[Occurrence]]:
    blocks: dict[str, list[Occurrence]] = {}
    for o in sorted(occurrences, key=lambda o: o.key):
        blocks.setdefault(o.name_key, []).append(o)
    return {k: v for k, v in blocks.items() if len(v) > 1}


def score_pairs(occurrences: list[Occurrence]) -> tuple[list[Link], str]:
    """Match probabilities of every same-name pair by the Splink model; returns (links, method)."""
    blocks = _blocks(occurrences)
    if not blocks:
        return [], "splink-priors"
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    cfg = linkage_config()
    m, u = cfg["m_probabilities"], cfg["u_probabilities"]
    large = len(occurrences) >= cfg["min_records_for_estimates"]

    def prior(c: str) -> dict:
        return {"m_probabilities": m[c], "u_probabilities": u[c]}

    comparisons = [
        # the full name; on a large corpus weighted by how common it is (term frequencies): two
        # "Nguyễn Văn Hùng" prove less than two "Vàng Mí Sính"
        cl.ExactMatch("name_key").configure(term_frequency_adjustments=large, **prior("name")),
        cl.ExactMatch("province").configure(**prior("province")),
        cl.ExactMatch("district").configure(**prior("district")),
        cl.ArrayIntersectAtSizes("bodies", [1]).configure(**prior("bodies")),
        cl.ArrayIntersectAtSizes("titles", [1]).configure(**prior("titles")),
        cl.ArrayIntersectAtSizes("comentions", [2, 1]).configure(**prior("comentions")),
        cl.ExactMatch("site").configure(**prior("site")),
        cl.AbsoluteDateDifferenceAtThresholds("date", input_is_string=True, metrics=["year", "year"],
                                              thresholds=[1, 5]).configure(**prior("date")),
    ]
    settings = SettingsCreator(link_type="dedupe_only", unique_id_column_name="key",
                               probability_two_random_records_match=_prior(cfg),
                               blocking_rules_to_generate_predictions=[block_on("name_key")],
                               comparisons=comparisons, retain_intermediate_calculation_columns=True)
    records = [_record(o) for o in occurrences]
    db = DuckDBAPI()
    linker = Linker(db.register(records), settings, log_level=logging.ERROR)
    method = "splink-priors"
    if large:
        linker.table_management.compute_tf_table("name_key")
        linker.training.estimate_probability_two_random_records_match(
            [block_on("name_key", "province")], recall=cfg["probability_two_random_records_match_recall"])
        linker.training.estimate_u_using_random_sampling(max_pairs=1e6, seed=1)
        n_pairs = sum(len(b) * (len(b) - 1) // 2 for b in blocks.values())
        if n_pairs >= cfg["min_em_pairs"]:
            linker.training.estimate_parameters_using_expectation_maximisation(
                block_on("name_key"), estimate_without_term_frequencies=True)
            method = "splink-em"
    rows = linker.inference.predict().as_pyarrow_table().to_pylist()
    levels = {c: _levels(c) for c in COMPARISONS}
    links = [Link(r["key_l"], r["key_r"], float(r["match_probability"]),
                  {c: levels[c].get(r[f"gamma_{'name_key' if c == 'name' else c}"], "partial")
                   for c in COMPARISONS})
             for r in rows]
    return links, method


def _prior(cfg: dict) -> float:
    """The probability that two random occurrences are one person, chosen so that two occurrences of
    one full name start at ``prior_same_name_match`` before their context is weighed: prior odds ×
    the name agreement's Bayes factor (m/u) = the same-name odds."""
    m, u = cfg["m_probabilities"]["name"][0], cfg["u_probabilities"]["name"][0]
    p = cfg["prior_same_name_match"]
    odds = p / (1 - p) * u / m
    return odds / (1 + odds)


def _levels(comparison: str) -> dict[int, str]:
    top = {"comentions": 2, "date": 3}.get(comparison, 1)
    return {-1: "unknown", 0: "disagree", top: "agree"}


def _record(o: Occurrence) -> dict:
    return {"key": o.key, "name_key": o.name_key, "province": o.province or None, "district": o.district or None,
            "bodies": list(o.bodies) or None, "titles": list(o.titles) or None,
            "comentions": list(o.comentions) or None, "site": o.site or None, "date": o.date or None}


def cluster(keys: list[str], links: list[Link], decisions: list[Decision], threshold: float
            ) -> tuple[list[list[str]], dict[str, Explanation]]:
    """Join occurrences: researchers' merges first, then links at or above ``threshold``, strongest
    first, joining two groups only when their pairs agree on average (average linkage: one strong
    pair does not chain two careers together) — except a group a researcher merged, which takes any
    occurrence strongly linked to one of its members (the researcher said they are one person, so
    their disagreeing contexts are no evidence against it); never two groups a researcher split.
    Returns clusters and one explanation per occurrence."""
    parent = {k: k for k in keys}
    members = {k: {k} for k in keys}
    cannot: dict[str, set[str]] = {k: set() for k in keys}
    for d in decisions:
        if d.kind == "split":
            cannot[d.a].add(d.b)
            cannot[d.b].add(d.a)
        elif d.kind != "merge":
            raise ValueError(f"unknown decision {d.kind!r}: use 'merge' or 'split'")

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def forbidden(ra: str, rb: str) -> bool:
        return any(cannot[x] & members[rb] for x in members[ra])

    curated: set[str] = set()     # roots of groups a researcher's merge made

    def union(ra: str, rb: str) -> None:
        if len(members[ra]) < len(members[rb]) or (len(members[ra]) == len(members[rb]) and rb < ra):
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra] |= members.pop(rb)
        if rb in curated:
            curated.discard(rb)
            curated.add(ra)

    explanations: dict[str, Explanation] = {}
    for d in sorted((d for d in decisions if d.kind == "merge"), key=lambda d: (d.a, d.b)):
        ra, rb = find(d.a), find(d.b)
        if ra != rb and not forbidden(ra, rb):
            union(ra, rb)
            curated.add(find(d.a))
            explanations.setdefault(d.b, Explanation("merged", d.a, None, {}, "researcher"))
            explanations.setdefault(d.a, Explanation("merged", d.b, None, {}, "researcher"))
    prob = {(l.a, l.b): l.probability for l in links}
    prob.update({(l.b, l.a): l.probability for l in links})

    def average(ra: str, rb: str) -> float:
        scores = [prob[(x, y)] for x in members[ra] for y in members[rb] if (x, y) in prob]
        return sum(scores) / len(scores) if scores else 0.0

    best_rejected: dict[str, Link] = {}
    for link in sorted(links, key=lambda l: (-l.probability, l.a, l.b)):
        if link.a not in parent or link.b not in parent:
            continue
        ra, rb = find(link.a), find(link.b)
        if link.probability >= threshold and ra != rb:
            if ra not in curated and rb not in curated and average(ra, rb) < threshold:
                continue
            if forbidden(ra, rb):
                for k, other in ((link.a, link.b), (link.b, link.a)):
                    explanations.setdefault(k, Explanation("split", other, link.probability, link.evidence, "researcher"))
                continue
            union(ra, rb)
            for k, other in ((link.a, link.b), (link.b, link.a)):
                explanations.setdefault(k, Explanation("merged", other, link.probability, link.evidence, link.by))
        elif link.probability < threshold:
            for k in (link.a, link.b):
                if k not in best_rejected:
                    best_rejected[k] = link
    for k in keys:
        if k in explanations:
            continue
        link = best_rejected.get(k)
        if link is None:
            explanations[k] = Explanation("alone")
        else:
            other = link.b if link.a == k else link.a
            explanations[k] = Explanation("separate", other, link.probability, link.evidence, link.by)
    clusters = sorted(sorted(v) for v in members.values())
    return clusters, explanations
