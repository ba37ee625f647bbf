"""The registry of pipeline components and the pipeline version.

A component is one stage of extraction, registered like a spaCy factory::

    @component("figures", version="1", requires=("dates",), assigns=("figures", "figure_rejections"),
               data=("figures/*.txt", "figures/*.tsv"))
    def _figures(doc: Document) -> None: ...

It has a name, the ``Document`` fields it ``requires`` (assigned by an earlier component) and
``assigns``, optional inputs it ``uses`` when present, a ``config`` (keyword arguments of the
function), a ``version`` and the data files it reads (glob patterns under ``nlp/data``, or a
function returning the path of a file outside it). ``nlp/stages.py`` registers the standard
pipeline; the registry's order is its run order, and registration checks that every requirement is
assigned by an earlier component, so that order is a dependency order.

The pipeline version is a digest of the enabled components' names, versions and configs and of
the content of their data files ("rules-" + 12 hex digits of a SHA-256): a lexicon edit changes it
by itself. **A code change to a component must bump that component's ``version``**: the code is not
hashed, and the corpus re-processes an article only when the version differs.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from .doc import Document
from .lexicon import DATA_DIR

VERSION_PREFIX = "rules-"


@dataclass(frozen=True)
class Component:
    name: str
    func: Callable[..., None]                 # func(doc, **config): assigns fields of doc
    version: str
    requires: tuple[str, ...] = ()            # Document fields assigned by an earlier component
    assigns: tuple[str, ...] = ()             # Document fields this component sets
    uses: tuple[str, ...] = ()                # optional inputs: read when an enabled component set them
    data: tuple[str | Callable[[], Path | None], ...] = ()   # globs under nlp/data, or path functions
    config: Mapping[str, Any] = field(default_factory=dict)

    def data_files(self, data_dir: Path = DATA_DIR) -> list[tuple[str, Path]]:
        """(name, path) of each file this component reads, sorted by name, without duplicates: the
        name is the path under ``data_dir``, or the bare file name of a file outside it (a missing
        external file, e.g. an optional package's word list, is left out)."""
        out: dict[str, Path] = {}
        for d in self.data:
            if callable(d):
                p = d()
                if p is not None and p.is_file():
                    out[p.name] = p
            else:
                out.update((p.relative_to(data_dir).as_posix(), p) for p in data_dir.glob(d) if p.is_file())
        return sorted(out.items())


_REGISTRY: dict[str, Component] = {}


def component(name: str, *, version: str, requires: Iterable[str] = (), assigns: Iterable[str] = (),
              uses: Iterable[str] = (), data: Iterable[str | Callable[[], Path | None]] = (),
              default_config: Mapping[str, Any] | None = None) -> Callable:
    """Register ``func(doc, **config)`` as the pipeline component ``name`` (after those already
    registered). Raises ValueError for a duplicate name, a field no Document has, or a requirement
    no earlier component assigns."""
    def register(func: Callable[..., None]) -> Callable[..., None]:
        comp = Component(name=name, func=func, version=version, requires=tuple(requires),
                         assigns=tuple(assigns), uses=tuple(uses), data=tuple(data),
                         config=dict(default_config or {}))
        if name in _REGISTRY:
            raise ValueError(f"pipeline component {name!r} is already registered")
        fields = set(Document.__dataclass_fields__)
        for f in comp.requires + comp.assigns + comp.uses:
            if f not in fields:
                raise ValueError(f"component {name!r}: Document has no field {f!r}")
        provided = {f for c in _REGISTRY.values() for f in c.assigns}
        for f in comp.requires:
            if f not in provided:
                raise ValueError(f"component {name!r} requires doc.{f}, which no earlier component assigns")
        _REGISTRY[name] = comp
        return func
    return register


def components() -> tuple[Component, ...]:
    """Every registered component, in run order (the package's ``__init__`` imports ``stages``,
    which registers the standard pipeline)."""
    return tuple(_REGISTRY.values())


def component_names() -> tuple[str, ...]:
    return tuple(c.name for c in components())


def enabled(disable: Iterable[str] = ()) -> tuple[Component, ...]:
    """The components that run when ``disable`` are left out, in run order.

    ValueError when a name is not a component, or when an enabled component requires a field that
    only a disabled one assigns (the message names both)."""
    comps = components()
    off = frozenset(disable)
    unknown = sorted(off - {c.name for c in comps})
    if unknown:
        raise ValueError(f"unknown pipeline component(s): {', '.join(unknown)}; "
                         f"components are {', '.join(c.name for c in comps)}")
    out: list[Component] = []
    assigned: set[str] = set()
    for c in comps:
        if c.name in off:
            continue
        for f in c.requires:
            if f not in assigned:
                by = [d.name for d in comps if d.name in off and f in d.assigns]
                raise ValueError(f"cannot disable {', '.join(by)}: component {c.name!r} requires doc.{f}, "
                                 f"which {' / '.join(by)} assigns (disable {c.name!r} as well)")
        assigned.update(c.assigns)
        out.append(c)
    return tuple(out)


def digest(comps: Iterable[Component], data_dir: Path = DATA_DIR) -> str:
    """The version of a pipeline made of ``comps``: SHA-256 over each component's name, version and
    config and the names and bytes of its data files."""
    h = hashlib.sha256()
    for c in comps:
        h.update(json.dumps([c.name, c.version, dict(c.config)], sort_keys=True, ensure_ascii=False).encode())
        for name, p in c.data_files(data_dir):
            h.update(b"\0file\0" + name.encode() + b"\0")
            with p.open("rb") as fh:   # in blocks: a large word list is never held whole
                h.update(hashlib.file_digest(fh, "sha256").digest())
    return VERSION_PREFIX + h.hexdigest()[:12]


@lru_cache(maxsize=None)
def _version(disable: frozenset[str]) -> str:
    return digest(enabled(disable))


def pipeline_version(disable: Iterable[str] = ()) -> str:
    """The version of the pipeline without ``disable`` (computed once per process and set)."""
    return _version(frozenset(disable))


def run(doc: Document, comps: Iterable[Component]) -> Document:
    """Run ``comps`` on ``doc`` in order; each assigns its fields of ``doc``."""
    for c in comps:
        c.func(doc, **c.config)
    return doc
