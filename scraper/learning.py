"""Profile learning for a site the profiles were not written for: on the first article pages of a host, the
profile's title, date and body selectors are compared with what the page's other signals agree on (the
title and date votes of extract.consensus; the generic extractor's main text for the body); a selector
the signals overrule on `min_overruled` of those pages and confirm on none is disabled for the rest of
the host's crawl (the next selector of the profile, or the signals, take its place), with a note (in
`CrawlStats.profile_notes` and the crawl log) naming it and the element the signals chose instead, as a
suggested selector."""
from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .profiles import Profile

log = logging.getLogger(__name__)


PARTS = ("title", "date", "body")


@dataclass(frozen=True)
class SelectorVerdict:
    """What one page said of one of the profile's selectors."""
    selector: str            # the profile's selector that matched ("" when none did)
    agreed: bool             # the page's signals kept what it found
    chosen: str = ""         # when overruled: the element the signals chose ("h1.post-title"), or ""
    part: str = "title"      # title | date | body


TitleVerdict = SelectorVerdict   # the name of the title-only first version


@dataclass
class ProfileLearning:
    """Votes of one host's first article pages on its profile's title, date and body selectors (one instance
    per host)."""
    host: str
    trial: int = 5                       # article pages of the host that vote
    min_overruled: int = 3               # overruled on at least this many of them, confirmed on none: disabled
    pages: int = 0
    votes: dict = field(default_factory=dict)          # (profile, part, selector) → Counter(agreed, overruled)
    chosen: dict = field(default_factory=dict)         # (profile, part, selector) → Counter of chosen elements
    disabled: dict = field(default_factory=dict)       # profile name → selectors disabled for this host
    notes: list = field(default_factory=list)

    def profile_for(self, profile: Profile | None) -> Profile | None:
        """The profile with the selectors this host disabled taken out of its title, date and body selectors."""
        off = self.disabled.get(profile.name) if profile is not None else None
        if not off:
            return profile
        return replace(profile, **{part: tuple(s for s in getattr(profile, part) if s not in off) for part in PARTS})

    @property
    def voting(self) -> bool:
        """This host's article pages still vote (the first `trial` ones)."""
        return self.pages < self.trial

    def record(self, profile: str, verdict: SelectorVerdict | None) -> str:
        """Count one article page's verdict on one selector (only the first `trial` pages vote); returns the
        note when this page made the selector disabled, else ""."""
        return self.record_page(profile, [verdict] if verdict is not None else [])

    def record_page(self, profile: str, verdicts: list[SelectorVerdict]) -> str:
        """Count one article page's verdicts on the selectors that matched on it; returns the notes this
        page caused (selectors disabled), joined by "; ", else ""."""
        verdicts = [v for v in verdicts if v is not None and v.selector]
        if not verdicts or not self.voting:
            return ""
        self.pages += 1
        out = []
        for v in verdicts:
            k = (profile, v.part, v.selector)
            c = self.votes.setdefault(k, Counter())
            c["agreed" if v.agreed else "overruled"] += 1
            if v.chosen:
                self.chosen.setdefault(k, Counter())[v.chosen] += 1
            if c["overruled"] >= self.min_overruled and not c["agreed"] and v.selector not in \
                    self.disabled.get(profile, set()):
                self.disabled.setdefault(profile, set()).add(v.selector)
                suggested = ", ".join(s for s, _n in self.chosen.get(k, Counter()).most_common(2))
                note = (f"{self.host}: profile {profile} {v.part} selector {v.selector!r} disagreed with the "
                        f"page's signals on {c['overruled']} of {self.pages} article pages: disabled for this site"
                        + (f"; suggested {v.part} selector: {suggested}" if suggested else ""))
                self.notes.append(note)
                log.warning("%s", note)
                out.append(note)
        return "; ".join(out)

    def suggestions(self) -> dict[str, dict[str, str]]:
        """profile → part → the selector the signals chose most often where they overruled the profile's."""
        out: dict[str, dict[str, str]] = {}
        for (profile, part, _sel), c in self.chosen.items():
            if c:
                out.setdefault(profile, {}).setdefault(part, c.most_common(1)[0][0])
        return out


_WORD = re.compile(r"\w+")


def token_f1(got: str, want: str) -> float:
    """Bag-of-words F1 of lower-cased word tokens (0 … 1)."""
    g, w = Counter(_WORD.findall(got.lower())), Counter(_WORD.findall(want.lower()))
    common = sum((g & w).values())
    if not common:
        return 0.0
    p, r = common / sum(g.values()), common / sum(w.values())
    return 2 * p * r / (p + r)


def css_of(el) -> str:
    """A selector naming an element by its tag and classes ("h1.post-title"), for a suggestion."""
    if el is None:
        return ""
    classes = [c for c in (el.get("class") or ()) if c.replace("-", "").replace("_", "").isalnum()]
    return el.name + "".join(f".{c}" for c in classes[:2])
