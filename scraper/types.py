"""What the scraper hands over: small immutable records."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

# the parts of an article in the order `Article.full_text` joins them: as a page prints them (the date line
# under the headline, the signature and the source line closing the article: a name alone on the last
# lines reads as the signature it is)
FIELDS = ("title", "dateline", "lead", "body", "caption", "byline", "source")


@dataclass(frozen=True)
class FieldSpan:
    """Where one part of an article sits in `Article.full_text()`: [start, end) character offsets."""
    field: str                       # one of FIELDS
    start: int
    end: int
    index: int = 0                   # which caption (0 for the other fields)


@dataclass(frozen=True)
class Article:
    url: str                         # the URL fetched (after redirects)
    canonical_url: str               # canonical form: fragment, tracking and session parameters dropped
    site: str                        # host name ("vinhphuc.gov.vn") or configured site name
    title: str
    published: datetime | date | None  # tz Asia/Ho_Chi_Minh when a time is known
    text: str                        # clean body, lead/sapo first, paragraphs separated by blank lines
    author: str = ""
    source: str = ""                 # the "Nguồn: …" line
    html: bytes = b""                # raw page bytes as fetched
    encoding: str = ""               # charset the page was decoded with
    fetched_at: datetime | None = None
    content_hash: str = ""           # sha256 of the normalised text
    profile: str = ""                # CMS profile that parsed it ("tandan", "liferay", …, "generic")
    # the parts around the body that carry facts, as printed (kept out of `text`, never boilerplate)
    lead: str = ""                   # the sapo (also the first paragraph of `text`)
    captions: tuple[str, ...] = ()   # photo captions with their credits
    byline: str = ""                 # the signature line(s) ("Tin, ảnh: Minh Hà"; lines joined by "\n")
    dateline: str = ""               # the date line ("Thứ Hai, 03/06/2019 07:15")
    source_line: str = ""            # the source line ("Nguồn: Báo Nhân Dân")

    @property
    def body(self) -> str:
        """`text` without the lead paragraph it starts with."""
        if self.lead and self.text.startswith(self.lead):
            return self.text[len(self.lead):].lstrip("\n")
        return self.text

    def parts(self) -> list[tuple[str, int, str]]:
        """(field, index, text) of every non-empty part, in FIELDS order: title, dateline, lead, body, each
        caption, byline (the author when no line was kept), source (the source line, else the source name)."""
        out = [("title", 0, self.title), ("dateline", 0, self.dateline), ("lead", 0, self.lead), ("body", 0, self.body)]
        out += [("caption", i, c) for i, c in enumerate(self.captions)]
        out += [("byline", 0, self.byline or self.author), ("source", 0, self.source_line or self.source)]
        return [(f, i, t.strip()) for f, i, t in out if t and t.strip()]

    def full_text(self) -> str:
        """Every part that carries facts as one text (title, dateline, lead, body, captions, byline,
        source), joined with blank lines; `field_spans()` says which part a character offset is in."""
        return "\n\n".join(t for _f, _i, t in self.parts())

    def field_spans(self) -> tuple[FieldSpan, ...]:
        """The [start, end) offsets of each part in `full_text()`."""
        spans, pos = [], 0
        for f, i, t in self.parts():
            spans.append(FieldSpan(f, pos, pos + len(t), i))
            pos += len(t) + 2
        return tuple(spans)

    def field_at(self, offset: int) -> FieldSpan | None:
        """The part of `full_text()` holding this offset (None between parts or past the end)."""
        return next((s for s in self.field_spans() if s.start <= offset < s.end), None)
