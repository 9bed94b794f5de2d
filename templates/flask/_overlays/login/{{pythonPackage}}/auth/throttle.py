"""Log-in throttle: at most LOGIN_MAX_FAILURES log-in attempts for one username from one
client address per window of LOGIN_LOCKOUT_SECONDS; later attempts answer 429 before
the password is even looked at. A successful log-in ends the window.

Each attempt is counted before its password is checked, in one atomic statement
(models.insert_or_update), so parallel guesses cannot all slip in while the first ones
are still being checked. The counters are rows of `login_attempts` in the database:
every worker process and server shares them, whatever cache the project uses.

The client address is `request.remote_addr`; behind a reverse proxy, ProxyFix
(TRUSTED_PROXY_COUNT) makes it the address that the proxy saw.
"""

import hashlib
import time

from flask import current_app, request
from sqlalchemy import case, delete

from ..extensions import db
from ..models import LoginAttempt, insert_or_update


def _key(username: str) -> str:
    # Hashed: usernames are free text, and addresses need not be stored as such.
    client = f"{request.remote_addr or 'unknown'}\n{username.casefold()}"
    return hashlib.sha256(client.encode()).hexdigest()


def lockout_seconds() -> int:
    return current_app.config["LOGIN_LOCKOUT_SECONDS"]


def count_attempt(username: str) -> bool:
    """Counts this attempt; True if it is within the limit (check the password), False if
    the client must wait (answer 429)."""
    now = int(time.time())
    table = LoginAttempt.__table__
    statement = insert_or_update(db.session, table).values(
        key=_key(username), attempts=1, expires_at=now + lockout_seconds()
    )
    expired = table.c.expires_at <= now
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.key],
        set_={
            # A new window after the old one ended; refused attempts extend the window.
            "attempts": case((expired, 1), else_=table.c.attempts + 1),
            "expires_at": statement.excluded.expires_at,
        },
    ).returning(table.c.attempts)
    attempts = db.session.execute(statement).scalar_one()
    db.session.commit()
    if attempts == 1:
        # A new window: a good moment to drop the rows of windows that have ended.
        db.session.execute(delete(table).where(expired))
        db.session.commit()
    return attempts <= current_app.config["LOGIN_MAX_FAILURES"]


def forget_attempts(username: str) -> None:
    db.session.execute(delete(LoginAttempt).filter_by(key=_key(username)))
    db.session.commit()
