"""`diplowatch deliveries`: the alert outbox — what was sent, what waits, what died; and the worker."""

from __future__ import annotations

import signal
import threading

import click

from diplowatch.context import AppContext, UserError, pass_app
from diplowatch.listing import json_option, print_rows

STATUSES = ("pending", "sending", "sent", "dead")


@click.group("deliveries")
def command() -> None:
    """Alert deliveries: list, retry dead ones, run the delivery worker."""


@command.command("list")
@click.option("--status", type=click.Choice(STATUSES), help="Only deliveries in this state.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=100, show_default=True)
@json_option
@pass_app
def list_deliveries(app: AppContext, status: str | None, limit: int, as_json: bool) -> None:
    """List deliveries, newest first: id, subscription, contact, event, state, attempts, error."""
    from store import repository as repo  # the store: for the subcommands, not for --help

    with app.database().sessions() as session:
        rows = []
        for d in repo.list_deliveries(session, status=status, limit=limit):
            when = None
            if d.status == "pending":
                when = f"next {d.next_attempt_at:%Y-%m-%d %H:%M}"
            elif d.delivered_at:
                when = f"sent {d.delivered_at:%Y-%m-%d %H:%M}"
            rows.append(
                {
                    "id": d.id,
                    "sub": d.subscription_id,
                    "channel": d.subscription.channel,
                    "contact": d.contact_id,
                    "event": d.event,
                    "status": d.status,
                    "attempts": d.attempts,
                    "when": when,
                    "error": d.last_error,
                }
            )
    print_rows(
        rows,
        (
            "id",
            "sub",
            "channel",
            "contact",
            "event",
            "status",
            "attempts",
            "when",
            "error",
        ),
        as_json=as_json,
        empty="no deliveries" + (f" with status {status}" if status else ""),
    )


@command.command("retry")
@click.argument("delivery_ids", type=int, nargs=-1)
@click.option("--all-dead", is_flag=True, help="Retry every dead delivery.")
@pass_app
def retry(app: AppContext, delivery_ids: tuple[int, ...], all_dead: bool) -> None:
    """Make dead (or waiting) deliveries due now, with a fresh retry schedule."""
    from store import repository as repo

    if bool(delivery_ids) == all_dead:
        raise UserError("give delivery ids or --all-dead (not both)")
    with app.database().sessions.begin() as session:
        if all_dead:
            count = repo.retry_dead_deliveries(session)
        else:
            for delivery_id in delivery_ids:
                delivery = repo.get_delivery(session, delivery_id)
                if delivery is None:
                    raise UserError(f"no delivery {delivery_id}")
                if delivery.status not in {"dead", "pending"}:
                    raise UserError(f"delivery {delivery_id} is {delivery.status}, not retryable")
                repo.requeue_delivery(session, delivery)
            count = len(delivery_ids)
    click.echo(f"{count} deliver{'y' if count == 1 else 'ies'} queued for sending")


@command.command("run")
@click.option("--once", is_flag=True, help="Send what is due now, then exit.")
@pass_app
def run(app: AppContext, once: bool) -> None:
    """Run the delivery worker: send due alerts until stopped (Ctrl-C or SIGTERM)."""
    from diplowatch.delivery import deliver_until_idle, run_worker, worker_settings

    database = app.database()
    settings = worker_settings(app.config)
    if once:
        report = deliver_until_idle(database, settings)
        click.echo(f"{report.sent} sent, {report.failed + report.dead} failed", err=True)
        return
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    click.echo("delivering alerts; stop with Ctrl-C", err=True)
    run_worker(database, settings, stop)
