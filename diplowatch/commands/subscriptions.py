"""`diplowatch subscriptions`: who gets alerted about which contacts, by webhook or e-mail."""

from __future__ import annotations

import json

import click

from alerts.filters import CONTACT_TYPES, STATUSES
from alerts.webhooks import new_secret
from diplowatch.config import SmtpConfig
from diplowatch.context import AppContext, UserError, pass_app
from diplowatch.listing import json_option, print_rows


@click.group("subscriptions")
def command() -> None:
    """Alert subscriptions: add (webhook, e-mail or Apprise, with filters), list, remove, test."""


@command.command("add")
@click.option("--webhook", "url", metavar="URL", help="POST signed JSON events to this URL.")
@click.option("--email", "address", metavar="ADDR", help="Send e-mails to this address.")
@click.option(
    "--apprise",
    "apprise_url",
    metavar="URL",
    help="Notify through Apprise: slack://..., tgram://..., ntfy://topic, json://host/path...",
)
@click.option(
    "--actor",
    multiple=True,
    help="A person in the knowledge base: surname, name, alias, Wikidata id (Q7747) or kb id; "
    "repeatable.",
)
@click.option(
    "--state", multiple=True, help="A participant's state: name or code (Russia, RUS, UN...)."
)
@click.option("--type", "types", multiple=True, help=f"One of {', '.join(CONTACT_TYPES)}.")
@click.option("--status", "statuses", multiple=True, help=f"One of {', '.join(STATUSES)}.")
@click.option(
    "--source", multiple=True, help="Only contacts reported by this source (`sources list`)."
)
@click.option("--min-confidence", type=float, help="Only contacts at least this sure (0-1).")
@click.option(
    "--digest",
    type=click.Choice(["hourly", "daily"]),
    help="Collect alerts and send them once an hour or day (UTC) instead of at once.",
)
@click.option("--updates", is_flag=True, help="Also alert on new reports of known contacts.")
@pass_app
def add(
    app: AppContext,
    url: str | None,
    address: str | None,
    apprise_url: str | None,
    actor: tuple[str, ...],
    state: tuple[str, ...],
    types: tuple[str, ...],
    statuses: tuple[str, ...],
    source: tuple[str, ...],
    min_confidence: float | None,
    digest: str | None,
    updates: bool,
) -> None:
    """Subscribe a webhook URL or an e-mail address. Filters of different kinds must all hold;
    repeated values of one kind are alternatives. A webhook's signing secret is printed once."""
    # Apprise, the store and the knowledge base are imported in the subcommands, not at the top:
    # `subscriptions ... --help` needs none of them.
    from alerts.apprise_channel import check_apprise_url
    from diplowatch.api.targets import check_email, check_webhook_url
    from diplowatch.subscription_filters import default_kb, known_sources, resolve_filters
    from store import repository as repo

    if sum(value is not None for value in (url, address, apprise_url)) != 1:
        raise UserError("give exactly one of --webhook URL, --email ADDR or --apprise URL")
    if apprise_url is not None:
        channel, target = "apprise", apprise_url.strip()
        problem = check_apprise_url(target)
        if problem:
            raise UserError(f"--apprise {target}: {problem}")
    elif url is not None:
        channel, target = "webhook", url.strip()
        allow_private = app.config.alerts.allow_private_targets
        problem = check_webhook_url(target, allow_private=allow_private)
        if problem:
            raise UserError(f"--webhook {target}: {problem}")
    else:
        channel, target = "email", (address or "").strip()
        problem = check_email(target)
        if problem:
            raise UserError(f"--email {target}: {problem}")

    raw: dict = {}
    for key, values in (
        ("actors", actor),
        ("states", state),
        ("types", types),
        ("statuses", statuses),
        ("sources", source),
    ):
        if values:
            raw[key] = list(values)
    if min_confidence is not None:
        raw["min_confidence"] = min_confidence
    with app.database().sessions() as session:
        sources = known_sources(app.config, session)
    try:
        resolved = resolve_filters(raw, default_kb(), sources)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    filters = resolved.filters
    for note in resolved.notes:
        click.echo(note, err=True)
    if channel == "email" and app.config.smtp == SmtpConfig():
        # Accepted (the config may get its [smtp] later), but said now, not at the first alert.
        click.echo(
            "warning: the config has no [smtp] section: e-mail alerts will be tried on "
            f"{app.config.smtp.host}:{app.config.smtp.port} until one is set",
            err=True,
        )
    secret = new_secret() if channel == "webhook" else None
    events = ["contact.created", "contact.updated"] if updates else ["contact.created"]
    with app.database().sessions.begin() as session:
        subscription = repo.add_subscription(
            session,
            token_id=None,
            channel=channel,
            target=target,
            filters=filters,
            mode=digest or "immediate",
            events=events,
            secret=secret,
        )
        subscription_id = subscription.id
    click.echo(f"subscription {subscription_id}: {channel} {target} {describe_filters(filters)}")
    if secret:
        click.echo(f"signing secret (shown only now; store it): {secret}")


@command.command("list")
@json_option
@pass_app
def list_subscriptions(app: AppContext, as_json: bool) -> None:
    """List every subscription: id, channel, target, filters, mode, state."""
    from store import repository as repo

    with app.database().sessions() as session:
        rows = [
            {
                "id": s.id,
                "channel": s.channel,
                "target": s.target,
                "filters": s.filters or {} if as_json else describe_filters(s.filters or {}),
                "mode": s.mode,
                "events": list(s.events or ["contact.created"]),
                "state": "active" if s.active else f"disabled: {s.disabled_reason or '?'}",
            }
            for s in repo.list_subscriptions(session)
        ]
    print_rows(
        rows,
        ("id", "channel", "target", "filters", "mode", "state"),
        as_json=as_json,
        empty="no subscriptions; add one with `diplowatch subscriptions add`",
    )


@command.command("remove")
@click.argument("subscription_id", type=int)
@pass_app
def remove(app: AppContext, subscription_id: int) -> None:
    """Delete a subscription and its pending deliveries."""
    from store import repository as repo

    with app.database().sessions.begin() as session:
        if not repo.remove_subscription(session, subscription_id):
            raise UserError(f"no subscription {subscription_id}")
    click.echo(f"subscription {subscription_id} removed")


@command.command("test")
@click.argument("subscription_id", type=int)
@pass_app
def test(app: AppContext, subscription_id: int) -> None:
    """Send a "test" event (a made-up contact with id 0) now, and say how it went."""
    from diplowatch.api.testevent import send_test_event
    from store import repository as repo

    with app.database().sessions() as session:
        subscription = repo.get_subscription(session, subscription_id)
        if subscription is None:
            raise UserError(f"no subscription {subscription_id}")
        session.expunge(subscription)
    result = send_test_event(subscription, app.config)
    status = f" (HTTP {result.status})" if result.status else ""
    if not result.ok:
        click.echo(f"test {result.message_id} failed{status}: {result.error}", err=True)
        raise SystemExit(1)
    click.echo(f"test {result.message_id} delivered{status}")


def describe_filters(filters: dict) -> str:
    return json.dumps(filters, ensure_ascii=False, sort_keys=True) if filters else "(all contacts)"
