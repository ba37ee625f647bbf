"""Crawls page (sites, schedules, last runs, queued crawls, counts, errors; open to read) and the
admin actions behind a login: change a site's schedule, queue a crawl, merge two persons or split
occurrences off a person (researchers' decisions, corpus.kb.decisions). The web process runs no jobs:
with a broker configured "Crawl now" queues the crawl (then the processing of its new articles) for
`partyfacts worker`; without one it records the request in the database (sites.crawl_requested_at)
and `partyfacts schedule` runs it as due. The password is checked against the werkzeug hash of the admin_password_hash
setting; forms carry a CSRF token (flask-wtf)."""
from __future__ import annotations

import logging
import threading
import time
from datetime import datetime
from functools import wraps

from flask import (Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, session,
                   url_for)
from werkzeug.security import check_password_hash

from partyfacts.corpus import models as m
from partyfacts.corpus.aggregates import refresh as refresh_aggregates
from partyfacts.corpus import pages
from partyfacts.corpus.kb.decisions import DecisionError, merge_persons, split_person
from partyfacts.corpus.schedule import queued_sites, request_crawl

from . import urls
from .dbsession import db_session
from .i18n import t

log = logging.getLogger(__name__)
bp = Blueprint("admin", __name__)


def is_admin() -> bool:
    return session.get("admin") is True


def admin_required(view):
    @wraps(view)
    def wrapped(*a, **kw):
        if not is_admin():
            if _wants_json():
                return jsonify({"error": t("error_admin_needed"), "status": 403}), 403
            abort(403, description=t("error_admin_needed"))
        return view(*a, **kw)
    return wrapped


@bp.app_context_processor
def _admin_flag():
    return {"is_admin": is_admin()}


@bp.get("/crawls")
def crawls():
    return render_template("crawls.html", d=urls.resolve_links(pages.crawl_overview(db_session())),
                           queued=queued_sites(db_session()),
                           login_enabled=bool(current_app.config["ADMIN_PASSWORD_HASH"]))


@bp.get("/api/crawls")
def api_crawls():
    d = urls.resolve_links(pages.crawl_overview(db_session()))
    for s in d["sites"]:
        s["href"] = urls.crawls_site(s["id"])
    d["queued"] = queued_sites(db_session())
    from partyfacts.corpus.jobs.queue import dead_jobs_data
    d["dead_jobs"] = dead_jobs_data(db_session())      # queued jobs that exhausted their retries
    return jsonify(d)


MAX_FAILED_LOGINS = 5        # per client address within LOGIN_WINDOW seconds
LOGIN_WINDOW = 300.0


class LoginThrottle:
    """Failed admin logins per client address in a sliding window (in-process: one per app)."""

    def __init__(self, limit: int = MAX_FAILED_LOGINS, window: float = LOGIN_WINDOW, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self.failures: dict[str, list[float]] = {}
        self.lock = threading.Lock()

    def _recent(self, addr: str) -> list[float]:
        now = self.clock()
        times = [x for x in self.failures.get(addr, []) if now - x < self.window]
        self.failures[addr] = times
        return times

    def retry_after(self, addr: str) -> int:
        """Seconds until this address may try again (0 = now)."""
        with self.lock:
            times = self._recent(addr)
            return int(self.window - (self.clock() - times[0])) + 1 if len(times) >= self.limit else 0

    def fail(self, addr: str) -> None:
        with self.lock:
            self._recent(addr).append(self.clock())

    def clear(self, addr: str) -> None:
        with self.lock:
            self.failures.pop(addr, None)


def _throttle() -> LoginThrottle:
    return current_app.extensions.setdefault("partyfacts_login_throttle", LoginThrottle())


@bp.route("/login", methods=["GET", "POST"])
def login():
    stored = current_app.config["ADMIN_PASSWORD_HASH"]
    error = ""
    status = 200
    if request.method == "POST":
        addr = request.remote_addr or "?"
        password = request.form.get("password", "")
        wait = _throttle().retry_after(addr)
        if wait:
            error, status = t("login_throttled", minutes=max(1, (wait + 59) // 60)), 429
        elif not stored:
            error, status = t("login_disabled"), 401
        elif len(password) <= 1024 and check_password_hash(stored, password):
            _throttle().clear(addr)
            session.clear()
            session["admin"] = True
            return redirect(url_for("admin.crawls"))
        else:
            _throttle().fail(addr)
            log.warning("failed admin login from %s", addr)
            error, status = t("login_wrong"), 401
    return render_template("login.html", error=error, enabled=bool(stored)), status


@bp.post("/logout")
def logout():
    session.clear()
    return redirect(url_for("admin.crawls"))


def _site(site_id: int) -> m.Site:
    site = db_session().get(m.Site, site_id)
    if site is None:
        abort(404)
    return site


@bp.post("/crawls/sites/<int:site_id>/schedule")
@admin_required
def set_schedule(site_id):
    from partyfacts.corpus.schedule import ScheduleError, parse_schedule
    site = _site(site_id)
    expr = request.form.get("schedule", "").strip()[:128]
    if expr:
        try:
            parse_schedule(expr)
        except ScheduleError as exc:
            flash(str(exc), "error")
            return redirect(url_for("admin.crawls"))
    site.schedule = expr
    site.enabled = request.form.get("enabled", "on") == "on"
    flash(t("schedule_saved", site=site.name), "ok")
    return redirect(url_for("admin.crawls"))


@bp.post("/crawls/sites/<int:site_id>/start")
@admin_required
def start_crawl(site_id):
    site = _site(site_id)
    if not site.base_url.startswith(("http://", "https://")):
        flash(t("crawl_no_url", site=site.name), "error")
        return redirect(url_for("admin.crawls"))
    queue = _queue()
    if queue is not None:
        settings = current_app.extensions["partyfacts_settings"]
        ticket = queue.submit("crawl", urls=[site.base_url], config=settings.crawl_config(), delay=site.delay,
                              max_pages=site.max_pages, then_process=settings.process_config())
        log.info("crawl of %s queued as job %s", site.name, ticket.id)
        flash(t("crawl_started", site=site.name), "ok")
        return redirect(url_for("admin.crawls"))
    if not request_crawl(db_session(), site, datetime.utcnow()):
        flash(t("crawl_already_queued", site=site.name), "error")
        return redirect(url_for("admin.crawls"))
    flash(t("crawl_queued", site=site.name), "ok")
    return redirect(url_for("admin.crawls"))


def _queue():
    """The app's QueueRunner when the settings name a broker (made once per app), else None."""
    ext = current_app.extensions
    if "partyfacts_queue" not in ext:
        settings = ext.get("partyfacts_settings")
        config = settings.queue_config(db=current_app.config["DATABASE"]) if settings is not None else None
        if config is None:
            ext["partyfacts_queue"] = None
        else:
            from partyfacts.corpus.jobs import QueueRunner
            ext["partyfacts_queue"] = QueueRunner(config)
    return ext["partyfacts_queue"]


def _wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "application/json" and request.accept_mimetypes["application/json"] > request.accept_mimetypes["text/html"]


def _correction_error(status: int, message: str):
    """A refused merge or split: the reason, as JSON or as the error page; never a server error."""
    db_session().rollback()
    if _wants_json():
        return jsonify({"error": message, "status": status}), status
    return render_template("error.html", code=status, message=message), status


def _int_field(name: str) -> int:
    raw = request.form.get(name, "").strip()
    if not raw.isdigit():
        raise DecisionError(f"form field {name!r} must be a person id (a whole number), not {raw!r}")
    return int(raw)


def _correction_done(message: str, person_id: int, payload: dict):
    href = urls.person(person_id)
    if _wants_json():
        return jsonify({**payload, "person_id": person_id, "href": href, "message": message})
    flash(message, "ok")
    return redirect(href)


@bp.post("/persons/<int:person_id>/merge")
@admin_required
def person_merge(person_id):
    """Merge person ``other`` (form field) into this one: a researcher's decision kept across
    re-processing (corpus.kb.decisions)."""
    try:
        other = _int_field("other")
        res = merge_persons(db_session(), person_id, other, note=request.form.get("note", ""), by="admin")
    except DecisionError as exc:
        return _correction_error(exc.status, str(exc))
    refresh_aggregates(db_session())   # the persons it changed (corpus.aggregates)
    db_session().commit()
    log.info("admin merged persons %s and %s into %s", person_id, other, res.person_id)
    return _correction_done(t("person_merged", a=person_id, b=other), res.person_id,
                            {"merged": [person_id, other], "decisions": res.decisions})


@bp.post("/persons/<int:person_id>/split")
@admin_required
def person_split(person_id):
    """Move the occurrences (form field ``occurrence``: mention keys, repeated) off this person into a
    person of their own: decisions kept across re-processing (corpus.kb.decisions)."""
    keys = [k for k in request.form.getlist("occurrence") if k.strip()]
    try:
        res = split_person(db_session(), person_id, keys, note=request.form.get("note", ""), by="admin")
    except DecisionError as exc:
        return _correction_error(exc.status, str(exc))
    refresh_aggregates(db_session())   # the persons it changed (corpus.aggregates)
    db_session().commit()
    log.info("admin split %d occurrences off person %s into %s", len(keys), person_id, res.new_person_id)
    return _correction_done(t("person_split_done", n=len(set(keys)), new=res.new_person_id), res.person_id,
                            {"new_person_id": res.new_person_id, "moved": sorted(set(keys)),
                             "decisions": res.decisions, "new_href": urls.person(res.new_person_id)})
