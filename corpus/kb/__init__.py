"""partyfacts.corpus.kb: the knowledge base over the per-article facts — bodies resolved to their
place (bodies), canonical titles (titles), person resolution (persons, resolve), posts and tenures
(posts, roles), the per-article context they read (context), FollowTheMoney export (ftm) and the
clustering metrics (metrics).

``kb_version()`` is part of the processing version (corpus.jobs.process.pipeline_version): a change
to the knowledge base's rules or data re-processes the articles like an nlp change does. Bump
``CODE_VERSION`` with any change to the resolution code that changes what is stored."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

CODE_VERSION = "2"
DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=1)
def kb_version() -> str:
    """"kb-" + 12 hex digits over CODE_VERSION and the bytes of every data file."""
    h = hashlib.sha256(CODE_VERSION.encode())
    for f in sorted(DATA.iterdir()):
        if f.is_file():
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    return "kb-" + h.hexdigest()[:12]
