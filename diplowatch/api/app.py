"""The ASGI application: `create_app(database, config)` builds a FastAPI app around them."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from diplowatch.api.bodylimit import BodySizeLimit
from diplowatch.api.deps import ApiState
from diplowatch.api.errors import install_error_handlers
from diplowatch.api.ratelimit import RateLimiter
from diplowatch.api.routes import contacts, deliveries, links, subscriptions
from diplowatch.config import Config
from diplowatch.db import Database

DESCRIPTION = """\
Register webhook or e-mail subscriptions for diplomatic contacts, and read the contacts and
sources diplowatch knows.

Every `/v1` endpoint needs `Authorization: Bearer <token>` with a token from
`diplowatch tokens create --name NAME`. A token sees and changes only its own subscriptions.
Webhooks are signed per [Standard Webhooks](https://www.standardwebhooks.com/) with the
subscription's secret. Errors answer `{"error", "message", "fields"}`; a token that exceeds its
rate limit gets 429 with `Retry-After`.
"""


def create_app(database: Database, config: Config) -> FastAPI:
    # /docs and /redoc with Swagger UI and ReDoc served from the installed package (no CDN), so
    # the documentation works offline and on a closed network.
    app = FastAPIOffline(
        title="diplowatch API",
        version="1",
        description=DESCRIPTION,
        openapi_tags=[
            {"name": "subscriptions", "description": "Your alert subscriptions."},
            {"name": "deliveries", "description": "Test events and a subscription's deliveries."},
            {"name": "contacts", "description": "Detected contacts and crawled sources."},
        ],
    )
    app.state.api = ApiState(
        database=database,
        config=config,
        limiter=RateLimiter(config.api.rate_limit_per_minute),
    )
    install_error_handlers(app)
    for module in (subscriptions, deliveries, contacts):
        app.include_router(module.router, prefix="/v1")
    # The subscriber's own links (feed, contact pages, unsubscribe): no token, a secret path.
    app.include_router(links.router)
    app.add_middleware(BodySizeLimit, max_bytes=config.api.max_body_bytes)
    return app
