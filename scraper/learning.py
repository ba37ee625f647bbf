"""Profile learning for a site the profiles were not written for: on the first article pages of a host, the
profile's title selector is compared with the title the page's signals agree on (extract.consensus); a
selector the signals overrule on `min_overruled` of those pages and confirm on none is disabled for the
rest of the host's crawl, with a note (in `CrawlStats.profile_notes` and the crawl log) naming it and
the element the signals chose instead, as a suggested selector."""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace

from .profiles import Profile

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TitleVerdict:
    """What one page said of the profile's title selector."""
    selector: str            # the profile's title selector that matched ("" when none did)
    agreed: bool             # the page's signals kept its element as the title
    chosen: str = ""         # when overruled: the element the signals chose ("h1.post-title"), or ""


@dataclass
class ProfileLearning:
    """Votes of one host's first article pages on its profile's title selectors (one instance per host)."""
    host: str
    trial: int = 5                       # article pages of the host that vote
    min_overruled: int = 3               # overruled on at least this many of them, confirmed on none: disabled
    pages: int = 0
    votes: dict = field(default_factory=dict)          # (profile, selector) → Counter(agreed, overruled)
    chosen: dict = field(default_factory=dict)         # (profile, selector) → Counter of chosen elements
    disabled: dict = field(default_factory=dict)       # profile name → selectors disabled for this host
    notes: list = field(default_factory=list)

    def profile_for(self, profile: Profile | None) -> Profile | None:
        """The profile with the selectors this host disabled taken out of its title selectors."""
        off = self.disabled.get(profile.name) if profile is not None else None
        if not off:
            return profile
        return replace(profile, title=tuple(s for s in profile.title if s not in off))

    def record(self, profile: str, verdict: TitleVerdict | None) -> str:
        """Count one article page's verdict (only the first `trial` pages vote); returns the note when this
        page made a selector disabled, else ""."""
        if verdict is None or not verdict.selector or self.pages >= self.trial:
            return ""
        self.pages += 1
        k = (profile, verdict.selector)
        c = self.votes.setdefault(k, Counter())
        c["agreed" if verdict.agreed else "overruled"] += 1
        if verdict.chosen:
            self.chosen.setdefault(k, Counter())[verdict.chosen] += 1
        if c["overruled"] >= self.min_overruled and not c["agreed"] and verdict.selector not in \
                self.disabled.get(profile, set()):
            self.disabled.setdefault(profile, set()).add(verdict.selector)
            suggested = ", ".join(s for s, _n in self.chosen.get(k, Counter()).most_common(2))
            note = (f"{self.host}: profile {profile} title selector {verdict.selector!r} disagreed with the page's "
                    f"signals on {c['overruled']} of {self.pages} article pages: disabled for this site"
                    + (f"; suggested title selector: {suggested}" if suggested else ""))
            self.notes.append(note)
            log.warning("%s", note)
            return note
        return ""


def css_of(el) -> str:
    """A selector naming an element by its tag and classes ("h1.post-title"), for a suggestion."""
    if el is None:
        return ""
    classes = [c for c in (el.get("class") or ()) if c.replace("-", "").replace("_", "").isalnum()]
    return el.name + "".join(f".{c}" for c in classes[:2])
