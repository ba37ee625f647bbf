"""The job registry and the runners that run registered jobs by name."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Protocol

from ..db import Database


@dataclass(frozen=True)
class Job:
    """A registered job: ``func(db, **args)`` returns a summary; ``key(**args)`` is its natural key
    (running the job twice with the same key changes nothing the second time)."""
    name: str
    func: Callable[..., Any]
    key: Callable[..., tuple]


JOBS: dict[str, Job] = {}


def job(name: str, *, key: Callable[..., tuple]):
    """Register the decorated function as the job ``name`` with its natural-key function."""
    def register(func):
        if name in JOBS:
            raise ValueError(f"job {name!r} is registered twice")
        JOBS[name] = Job(name, func, key)
        return func
    return register


def get_job(name: str) -> Job:
    try:
        return JOBS[name]
    except KeyError:
        raise KeyError(f"unknown job {name!r}; registered: {', '.join(sorted(JOBS))}") from None


@dataclass(frozen=True)
class Ticket:
    """What `submit` answers: the job, its natural key and, once it has run, its summary
    (an inline runner runs at submit; a queue runner answers before the job has run, with the id
    of the queued task to wait for)."""
    job: str
    key: tuple
    done: bool
    result: Any = None
    id: str | None = None


class Runner(Protocol):
    """Runs registered jobs against one database.

    submit(name, **args): hand the job over (by name and arguments, which are ids, paths, strings
        and small frozen config objects, never open sessions); returns a Ticket with the natural key.
    run(name, **args): run the job now, in this process, and return its summary."""

    def submit(self, name: str, **args: Any) -> Ticket: ...

    def run(self, name: str, **args: Any) -> Any: ...


class InlineRunner:
    """Runs every job at once, in-process (the default; what the command line uses)."""

    def __init__(self, db: Database):
        self.db = db

    def run(self, name: str, **args: Any) -> Any:
        return get_job(name).func(self.db, **args)

    def submit(self, name: str, **args: Any) -> Ticket:
        spec = get_job(name)
        key = spec.key(**args)
        return Ticket(name, key, True, spec.func(self.db, **args))
