"""/s/<token>/...: the subscriber's own links, from alert e-mails and feed readers.

No API token: the subscription's access token in the path is the credential (256 random bits,
unguessable), as with a private calendar URL. Any unknown token is the same 404.

- `GET /s/<token>/feed.atom`: an Atom feed of the contacts the subscription was alerted to;
- `GET /s/<token>/contacts/<id>`: one of those contacts as a page;
- `GET /s/<token>/unsubscribe`: a page with an "Unsubscribe" button, and `POST` to it: one-click
  unsubscribe (RFC 8058; mail clients POST `List-Unsubscribe=One-Click`). A GET never
  unsubscribes, because link scanners follow every link in a mail.
"""

from __future__ import annotations

import html
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import HTMLResponse

from alerts.render import AlertLinks, contact_html
from diplowatch.api.deps import ApiState, State
from diplowatch.api.errors import not_found
from diplowatch.feeds import atom_feed
from store import repository as repo

router = APIRouter(prefix="/s/{token}", include_in_schema=False)

Token = Annotated[str, Path(min_length=16, max_length=64)]
FEED_SIZE = 100


def _base(request: Request, state: ApiState, token: str) -> str:
    """The links' base: the configured public URL, else the address the client used."""
    root = state.config.api.public_url or str(request.base_url)
    return f"{root.rstrip('/')}/s/{token}"


def _page(title: str, body: str) -> HTMLResponse:
    return HTMLResponse(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title></head>"
        "<body style=\"font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;"
        f'max-width:36em;margin:2em auto;padding:0 1em;line-height:1.5">{body}</body></html>'
    )


@router.get("/feed.atom")
def feed(token: Token, state: State, request: Request) -> Response:
    with state.database.sessions() as session:
        subscription = repo.subscription_by_access_token(session, token)
        if subscription is None:
            raise not_found("feed")
        contacts = [
            repo.contact_to_dict(c)
            for c in repo.subscription_contacts(session, subscription.id, limit=FEED_SIZE)
        ]
        title = f"diplowatch: contacts for subscription {subscription.id}"
        body = atom_feed(
            subscription.id,
            contacts,
            base=_base(request, state, token),
            title=title,
        )
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@router.get("/contacts/{contact_id}", response_class=HTMLResponse)
def contact_page(token: Token, contact_id: int, state: State, request: Request) -> HTMLResponse:
    with state.database.sessions() as session:
        subscription = repo.subscription_by_access_token(session, token)
        if subscription is None or not repo.subscription_has_contact(
            session, subscription.id, contact_id
        ):
            raise not_found(f"contact {contact_id}")
        contact = repo.get_contact(session, contact_id)
        if contact is None:
            raise not_found(f"contact {contact_id}")
        data = repo.contact_to_dict(contact)
    links = AlertLinks(_base(request, state, token))
    # The e-mail's own page, without the button that would link to itself.
    page = contact_html({**data, "id": None}, links)
    return HTMLResponse(page)


@router.get("/unsubscribe", response_class=HTMLResponse)
def unsubscribe_page(token: Token, state: State) -> HTMLResponse:
    with state.database.sessions() as session:
        subscription = repo.subscription_by_access_token(session, token)
        if subscription is None:
            raise not_found("subscription")
        target, active = subscription.target, subscription.active
    if not active:
        return _page("Unsubscribed", "<p>This subscription is already ended.</p>")
    return _page(
        "Unsubscribe",
        f"<p>Stop the diplowatch alerts to <strong>{html.escape(target)}</strong>?</p>"
        "<form method='post'><input type='hidden' name='List-Unsubscribe' value='One-Click'>"
        "<button type='submit' style='padding:.5em 1em'>Unsubscribe</button></form>",
    )


@router.post("/unsubscribe", response_class=HTMLResponse)
def unsubscribe(token: Token, state: State) -> HTMLResponse:
    with state.database.sessions.begin() as session:
        subscription = repo.subscription_by_access_token(session, token)
        if subscription is None:
            raise not_found("subscription")
        subscription.active = False
        subscription.disabled_reason = "unsubscribed by the recipient"
    return _page("Unsubscribed", "<p>Unsubscribed: no more alerts will be sent.</p>")
