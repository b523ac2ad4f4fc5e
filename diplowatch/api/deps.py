"""What every handler gets: the app's state and the authenticated caller.

The state hangs off `app.state.api` (set by create_app), so two apps in one process, as tests
make, never share a database, a config or rate-limit buckets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from diplowatch.api.errors import ApiError
from diplowatch.api.ratelimit import RateLimiter, retry_after_header
from diplowatch.config import Config
from diplowatch.db import Database
from diplowatch.tokens import find_token
from store import repository as repo
from store.types import utcnow

# How stale `last_used_at` may get: writing it on every request would make reads write.
TOUCH_EVERY = timedelta(minutes=1)

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="token",
    description="An API token from `diplowatch tokens create`, as `Authorization: Bearer <token>`.",
)


@dataclass
class ApiState:
    database: Database
    config: Config
    limiter: RateLimiter


@dataclass(frozen=True)
class Caller:
    """The token a request authenticated with."""

    token_id: int
    name: str


def get_state(request: Request) -> ApiState:
    return request.app.state.api


def require_token(
    state: Annotated[ApiState, Depends(get_state)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Caller:
    """Authenticate the bearer token, then charge it one request of its rate limit."""
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise _unauthorized("send `Authorization: Bearer <token>`")
    with state.database.sessions.begin() as session:
        token = find_token(session, credentials.credentials)
        if token is None:
            raise _unauthorized("the token is unknown or revoked")
        caller = Caller(token_id=token.id, name=token.name)
        now = utcnow()
        if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
            repo.touch_api_token(session, token.id, now)
    wait = state.limiter.acquire(caller.token_id)
    if wait is not None:
        raise ApiError(
            429,
            "rate_limited",
            f"rate limit of {state.config.api.rate_limit_per_minute} requests a minute exceeded",
            headers={"Retry-After": retry_after_header(wait)},
        )
    return caller


# Handler parameters: `caller: Authenticated` requires a token, `state: State` is the app's state.
Authenticated = Annotated[Caller, Depends(require_token)]
State = Annotated[ApiState, Depends(get_state)]


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})
