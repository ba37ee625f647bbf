"""Crawls page (sites, schedules, last runs, queued crawls, counts, errors; open to read) and the
admin actions behind a login: change a site's schedule, queue a crawl, merge two persons or split
occurrences off a person (researchers' decisions, corpus.kb.decisions). The web process runs no jobs:
with a broker configured "Crawl now" queues the crawl (then the processing of its new articles) for
`partyfacts worker`; without one it records the request in the database (sites.crawl_requested_at)
and `partyfacts schedule` runs it as due. The password is checked against the werkzeug hash of the admin_password_hash
setting; forms carry a CSRF token (flask-wtf).

An admin session carries the database's session version of its login (corpus.admin_sessions) and a
fingerprint of the password hash: logout bumps the version and a new password changes the
fingerprint, so a copied cookie of an ended session is no longer admin. Failed logins are limited per
client address (LoginThrottle) and per account with a short, capped backoff (AccountLock) that a
browser which has logged in before (a signed "known device" cookie) does not wait for: an attacker
elsewhere cannot lock the admin out for long. Both answer 429 with Retry-After."""
from __future__ import annotations

import hashlib
import hmac
import logging
import math
import threading
import time
from datetime import datetime
from functools import wraps

from flask import (Blueprint, abort, current_app, flash, jsonify, make_response, redirect, render_template, request,
                   session, url_for)
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.security import check_password_hash

from partyfacts.corpus import models as m
from partyfacts.corpus.aggregates import refresh as refresh_aggregates
from partyfacts.corpus import pages
from partyfacts.corpus.admin_sessions import bump_version, current_version
from partyfacts.corpus.kb.decisions import DecisionError, merge_persons, split_person
from partyfacts.corpus.schedule import queued_sites, request_crawl
from partyfacts.scraper.targets import TargetRefused, check_target

from . import urls
from .dbsession import db_session
from .i18n import t

log = logging.getLogger(__name__)
bp = Blueprint("admin", __name__)


def _password_fingerprint() -> str:
    """A keyed digest of the configured password hash: changes when the password does."""
    stored = current_app.config["ADMIN_PASSWORD_HASH"] or ""
    key = current_app.config["SECRET_KEY"]
    return hmac.new(key.encode() if isinstance(key, str) else key, stored.encode(), hashlib.sha256).hexdigest()[:32]


def is_admin() -> bool:
    """The session is an admin login that has not ended: the database's current session version and
    the current password (checked on every request that asks)."""
    if session.get("admin") is not True or not current_app.config["ADMIN_PASSWORD_HASH"]:
        return False
    if not hmac.compare_digest(str(session.get("pw", "")), _password_fingerprint()):
        return False
    return session.get("v") == current_version(db_session())


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
    from partyfacts.corpus.jobs.queue import dead_jobs_data
    d = urls.resolve_links(pages.crawl_overview(db_session()))
    return render_template("crawls.html", d=d, queued=queued_sites(db_session()),
                           dead_jobs=dead_jobs_data(db_session()),     # as /api/crawls lists them
                           site_names={s["id"]: s["name"] for s in d["sites"]},
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


ACCOUNT_FREE_FAILURES = 5   # failed logins of the account before it waits
ACCOUNT_MAX_WAIT = 60.0     # the account's wait doubles from 1 s up to this; never longer
KNOWN_DEVICE_COOKIE = "pf_known"
KNOWN_DEVICE_DAYS = 90


class AccountLock:
    """Failed logins of the account from any address: after ACCOUNT_FREE_FAILURES in a row each
    further failure makes the account wait 1, 2, 4 … seconds, at most ACCOUNT_MAX_WAIT (in-process)."""

    def __init__(self, free: int = ACCOUNT_FREE_FAILURES, max_wait: float = ACCOUNT_MAX_WAIT, clock=time.monotonic):
        self.free, self.max_wait, self.clock = free, max_wait, clock
        self.failures = 0
        self.until = 0.0
        self.lock = threading.Lock()

    def retry_after(self) -> int:
        with self.lock:
            left = self.until - self.clock()
            return math.ceil(left) if left > 0 else 0

    def fail(self) -> None:
        with self.lock:
            self.failures += 1
            over = self.failures - self.free
            if over >= 0:
                self.until = self.clock() + min(self.max_wait, 2.0 ** over)

    def clear(self) -> None:
        with self.lock:
            self.failures, self.until = 0, 0.0


def _throttle() -> LoginThrottle:
    return current_app.extensions.setdefault("partyfacts_login_throttle", LoginThrottle())


def _account_lock() -> AccountLock:
    return current_app.extensions.setdefault("partyfacts_account_lock", AccountLock())


def _device_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="partyfacts-known-device")


def _known_device() -> bool:
    """This browser has logged in as admin with the current password before (a signed cookie)."""
    raw = request.cookies.get(KNOWN_DEVICE_COOKIE)
    if not raw:
        return False
    try:
        value = _device_serializer().loads(raw, max_age=KNOWN_DEVICE_DAYS * 86400)
    except BadSignature:
        return False
    return hmac.compare_digest(str(value), _password_fingerprint())


def _throttled(message: str, wait: int):
    resp = make_response(render_template("login.html", error=message, enabled=True), 429)
    resp.headers["Retry-After"] = str(wait)
    return resp


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
            return _throttled(t("login_throttled", minutes=max(1, (wait + 59) // 60)), wait)
        account_wait = 0 if _known_device() else _account_lock().retry_after()
        if account_wait:
            return _throttled(t("login_locked_account", seconds=account_wait), account_wait)
        if not stored:
            error, status = t("login_disabled"), 401
        elif len(password) <= 1024 and check_password_hash(stored, password):
            _throttle().clear(addr)
            _account_lock().clear()
            session.clear()
            session.update(admin=True, v=current_version(db_session()), pw=_password_fingerprint())
            resp = redirect(url_for("admin.crawls"))
            resp.set_cookie(KNOWN_DEVICE_COOKIE, _device_serializer().dumps(_password_fingerprint()),
                            max_age=KNOWN_DEVICE_DAYS * 86400, httponly=True, samesite="Lax",
                            secure=current_app.config["SESSION_COOKIE_SECURE"], path=url_for("admin.login"))
            return resp
        else:
            _throttle().fail(addr)
            _account_lock().fail()
            log.warning("failed admin login from %s", addr)
            error, status = t("login_wrong"), 401
    return render_template("login.html", error=error, enabled=bool(stored)), status


@bp.post("/logout")
def logout():
    """End this session and every other admin session (the version in the database goes up)."""
    if session.get("admin") is True:
        bump_version(db_session())
        db_session().commit()
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
    settings = current_app.extensions["partyfacts_settings"]
    try:
        check_target(site.base_url, allow_private=settings.allow_private_targets)
    except TargetRefused as exc:
        flash(str(exc), "error")
        return redirect(url_for("admin.crawls"))
    queue = _queue()
    if queue is not None:
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
