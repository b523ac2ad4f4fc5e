"""The delivery worker: joins the store's outbox to the alerts library.

One pass claims the deliveries that are due (a lease, so two workers never send the same row at
once), builds each event from its contact, sends them (webhooks in a small thread pool), and
records every outcome as it comes in: sent, failed with the next attempt from the retry schedule,
or dead. The `webhook-id` is the delivery row's message id, the same on every retry, so a worker
killed between the receiver's answer and the commit causes a duplicate the receiver can drop, never
a loss.

Digest subscriptions (hourly, daily) get their deliveries put back until the period ends (UTC hour
or day after the delivery was queued); then an e-mail subscription gets one digest with all of
them, and a webhook subscription gets them one by one.
"""

from __future__ import annotations

import json
import logging
import math
import random
import threading
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Executor, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from alerts.email import SmtpSettings, render_contact_email, render_digest, send_email
from alerts.events import build_event
from alerts.result import SendResult
from alerts.retry import next_attempt_at
from alerts.webhooks import send_webhook
from diplowatch.config import Config
from diplowatch.db import Database
from store import repository as repo
from store.models import Delivery, Subscription
from store.types import utcnow

log = logging.getLogger(__name__)

DIGEST_PERIODS = {"hourly": timedelta(hours=1), "daily": timedelta(days=1)}
SEND_THREADS = 8


@dataclass(frozen=True)
class WorkerSettings:
    smtp: SmtpSettings
    allow_private: bool = False
    webhook_timeout: float = 10.0
    batch_size: int = 50
    threads: int = SEND_THREADS
    interval: float = 1.0  # seconds between polls when nothing was due
    clock: Callable[[], datetime] = utcnow  # tests move time forward through the retry schedule

    @property
    def lease(self) -> timedelta:
        """How long a claim lasts: enough for every send of a batch to use its whole timeout
        (connecting and then waiting for the answer, hence twice), plus a margin."""
        rounds = math.ceil(self.batch_size / self.threads)
        slowest = max(self.webhook_timeout, self.smtp.timeout)
        return timedelta(seconds=2 * slowest * rounds + 5)


def worker_settings(config: Config) -> WorkerSettings:
    return WorkerSettings(
        smtp=config.smtp,
        allow_private=config.alerts.allow_private_targets,
        webhook_timeout=config.alerts.webhook_timeout,
        batch_size=config.alerts.batch_size,
        interval=config.alerts.worker_interval_seconds,
    )


@dataclass
class PassReport:
    claimed: int = 0
    sent: int = 0
    failed: int = 0  # will be retried
    dead: int = 0
    deferred: int = 0  # digest deliveries put back until their period ends
    disabled: list[int] = field(default_factory=list)  # subscriptions that answered 410


@dataclass(frozen=True)
class Job:
    """One send: a single delivery, or an e-mail digest of several for one subscription."""

    delivery_ids: tuple[int, ...]
    subscription_id: int
    channel: str
    target: str
    message_id: str
    secrets: tuple[str, ...]
    events: tuple[dict, ...]
    period: str | None = None  # set for a digest


def deliver_due(
    database: Database,
    settings: WorkerSettings,
    *,
    executor: Executor | None = None,
    rng: random.Random | None = None,
) -> PassReport:
    """One pass over the deliveries due now. Returns what happened."""
    report = PassReport()
    jobs = claim_jobs(database, settings, report)
    if not jobs:
        return report
    own = executor is None
    pool = executor or ThreadPoolExecutor(settings.threads, thread_name_prefix="deliver")
    try:
        pending = {pool.submit(send_job, job, settings): job for job in jobs}
        while pending:
            # Record whatever has finished, together: one transaction for a burst of answers,
            # yet a slow receiver does not hold back the outcomes of the fast ones.
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            outcomes = [(pending.pop(future), future.result()) for future in done]
            record(database, settings, outcomes, report, rng=rng)
    finally:
        if own:
            pool.shutdown()
    return report


def run_worker(database: Database, settings: WorkerSettings, stop: threading.Event) -> None:
    """Deliver until `stop` is set: back to back while there is work, else every interval."""
    with ThreadPoolExecutor(settings.threads, thread_name_prefix="deliver") as pool:
        while not stop.is_set():
            try:
                report = deliver_due(database, settings, executor=pool)
            except SQLAlchemyError as exc:  # the database is away: try again next interval
                log.error("delivery pass failed: %s", str(exc).splitlines()[0])
                report = PassReport()
            except Exception:  # a bug must not stop alerting for good; leases cover the rows
                log.exception("delivery pass failed")
                report = PassReport()
            if report.claimed == report.deferred:
                stop.wait(settings.interval)


def claim_jobs(database: Database, settings: WorkerSettings, report: PassReport) -> list[Job]:
    """Claim due deliveries and turn them into jobs, in one short transaction."""
    now = settings.clock()
    jobs: list[Job] = []
    digests: dict[int, list[tuple[Delivery, dict]]] = defaultdict(list)
    with database.sessions.begin() as session:
        claimed = repo.claim_due_deliveries(
            session, limit=settings.batch_size, lease=settings.lease, now=now
        )
        report.claimed = len(claimed)
        ready: list[tuple[Delivery, Subscription, timedelta | None]] = []
        for delivery in claimed:
            subscription = delivery.subscription
            if not subscription.active:
                reason = subscription.disabled_reason or "disabled"
                repo.mark_delivery_failed(
                    session, delivery, f"subscription is disabled ({reason})", None
                )
                report.dead += 1
                continue
            period = DIGEST_PERIODS.get(subscription.mode)
            if period is not None and now < digest_due(delivery.created_at, period):
                repo.defer_delivery(session, delivery, digest_due(delivery.created_at, period))
                report.deferred += 1
                continue
            ready.append((delivery, subscription, period))
        # One contact often goes to several subscriptions: load and render each once.
        contacts = repo.get_contacts(session, (d.contact_id for d, _, _ in ready))
        rendered = {cid: repo.contact_to_dict(contact) for cid, contact in contacts.items()}
        for delivery, subscription, period in ready:
            event = build_event(delivery.event, rendered[delivery.contact_id], delivery.created_at)
            if period is not None and subscription.channel == "email":
                digests[subscription.id].append((delivery, event))
            else:
                jobs.append(_job(subscription, [(delivery, event)], now, None))
        for pairs in digests.values():
            subscription = pairs[0][0].subscription
            jobs.append(_job(subscription, pairs, now, subscription.mode))
    return jobs


def _job(
    subscription: Subscription,
    pairs: list[tuple[Delivery, dict]],
    now: datetime,
    period: str | None,
) -> Job:
    return Job(
        delivery_ids=tuple(d.id for d, _ in pairs),
        subscription_id=subscription.id,
        channel=subscription.channel,
        target=subscription.target,
        message_id=pairs[0][0].message_id,
        secrets=tuple(signing_secrets(subscription, now)),
        events=tuple(event for _, event in pairs),
        period=period,
    )


def digest_due(queued_at: datetime, period: timedelta) -> datetime:
    """The end of the UTC hour or day in which a delivery was queued."""
    if period >= timedelta(days=1):
        start = queued_at.replace(hour=0, minute=0, second=0, microsecond=0)
    else:
        start = queued_at.replace(minute=0, second=0, microsecond=0)
    return start + period


def signing_secrets(subscription: Subscription, now: datetime) -> list[str]:
    """The current secret, plus the rotated-out one while its overlap lasts."""
    secrets = [subscription.secret] if subscription.secret else []
    expires = subscription.previous_secret_expires_at
    if subscription.previous_secret and expires is not None and expires > now:
        secrets.append(subscription.previous_secret)
    return secrets


def send_job(job: Job, settings: WorkerSettings) -> SendResult:
    """Send one job; never raises (a bug becomes a failed, retried attempt, and a log line)."""
    try:
        if job.channel == "webhook":
            body = json.dumps(job.events[0], ensure_ascii=False, separators=(",", ":"))
            return send_webhook(
                job.target,
                body.encode("utf-8"),
                job.message_id,
                list(job.secrets),
                timeout=settings.webhook_timeout,
                allow_private=settings.allow_private,
            )
        if job.period is not None:
            message = render_digest(list(job.events), job.target, job.period)
        else:
            message = render_contact_email(job.events[0], job.target)
        return send_email(settings.smtp, message)
    except Exception as exc:  # the worker must outlive any one message
        log.exception("delivery %s could not be sent", job.delivery_ids)
        return SendResult(ok=False, error=f"internal error: {type(exc).__name__}: {exc}")


def record(
    database: Database,
    settings: WorkerSettings,
    outcomes: list[tuple[Job, SendResult]],
    report: PassReport,
    *,
    rng: random.Random | None = None,
) -> None:
    """Store the outcomes of finished jobs, for each of their deliveries, in one transaction."""
    now = settings.clock()
    with database.sessions.begin() as session:
        for job, result in outcomes:
            _record_one(session, job, result, report, now, rng)
    for job, result in outcomes:
        if not result.ok:
            log.warning(
                "%s %s to %s failed: %s", job.channel, job.message_id, job.target, result.error
            )


def _record_one(
    session: Session,
    job: Job,
    result: SendResult,
    report: PassReport,
    now: datetime,
    rng: random.Random | None,
) -> None:
    for delivery_id in job.delivery_ids:
        delivery = repo.get_delivery(session, delivery_id)
        if delivery is None:  # the subscription was removed while we sent
            continue
        if result.ok:
            repo.mark_delivery_sent(session, delivery)
            report.sent += 1
            continue
        retry_at = None
        if not (result.permanent or result.gone):
            retry_at = next_attempt_at(delivery.attempts + 1, now, result.retry_after, rng=rng)
        repo.mark_delivery_failed(session, delivery, result.error or "failed", retry_at)
        if retry_at is None:
            report.dead += 1
        else:
            report.failed += 1
    if result.gone:
        repo.disable_subscription(session, job.subscription_id, "the receiver answered 410 Gone")
        report.disabled.append(job.subscription_id)
