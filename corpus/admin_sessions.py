"""The admin session version (0012_session_version): a number in the database that every admin
session carries from its login. Logging out or changing the password bumps it, so a copied cookie of
an earlier session is no longer admin, in every process that serves the app."""
from __future__ import annotations

from sqlalchemy import Integer, String, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from .models import Base

ADMIN = "admin"


class SessionVersion(Base):
    """One row per account (only "admin" today): the version its sessions must carry."""
    __tablename__ = "session_versions"
    account: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


def current_version(session: Session, account: str = ADMIN) -> int:
    """The version a valid session of ``account`` carries (1 before the first bump)."""
    v = session.execute(select(SessionVersion.version).where(SessionVersion.account == account)).scalar()
    return 1 if v is None else v


def bump_version(session: Session, account: str = ADMIN) -> int:
    """End every session of ``account``: the version goes up by one (committed by the caller)."""
    done = session.execute(update(SessionVersion).where(SessionVersion.account == account)
                           .values(version=SessionVersion.version + 1)).rowcount
    if not done:
        session.add(SessionVersion(account=account, version=2))
    session.flush()
    return current_version(session, account)
