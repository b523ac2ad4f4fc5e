"""The delivery worker: joins the store's outbox to the alerts library.

The worker claims due deliveries while it has free senders (a lease per job, from its own
channel's timeout, so two workers never send the same row at once), builds each event from its
contact, sends on a bounded thread pool, and records outcomes as they come in: sent, failed with
the next attempt from the retry schedule, or dead. It never waits for a slow send before
claiming more: a receiver that drips its answer holds one sender until its deadline, while the
others keep delivering to everyone else. The `webhook-id` is the delivery row's message id, the same on every retry, so a worker
killed between the receiver's answer and the commit causes a duplicate the receiver can drop, never
a loss.

Digest subscriptions (hourly, daily) get their deliveries put back until the period ends (UTC hour
or day after the delivery was queued); then an e-mail subscription gets one digest with all of
them, and a webhook subscription gets them one by one.
"""

from __future__ import annotations

import functools
import json
import logging
import queue
import random
import threading
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from alerts.apprise_channel import send_apprise
from alerts.email import SmtpSettings, render_contact_email, render_digest, send_email
from alerts.events import build_event
from alerts.render import AlertLinks, contact_text, subject_of
from alerts.result import SendResult
from alerts.retry import next_attempt_at
from alerts.webhooks import send_webhook
from diplowatch.config import Config, public_base_url
from diplowatch.db import Database
from store import repository as repo
from store.models import Delivery, Subscription
from store.types import utcnow

log = logging.getLogger(__name__)

DIGEST_PERIODS = {"hourly": timedelta(hours=1), "daily": timedelta(days=1)}
SEND_THREADS = 8
LEASE_MARGIN = 5.0  # seconds beyond a send's own bound, for the commit after it
# An SMTP send is a few round trips (connect, EHLO, STARTTLS, EHLO, AUTH, MAIL, RCPT, DATA, QUIT),
# each bounded by the SMTP timeout rather than the whole conversation.
SMTP_ROUND_TRIPS = 9


@dataclass(frozen=True)
class WorkerSettings:
    smtp: SmtpSettings
    allow_private: bool = False
    webhook_timeout: float = 10.0
    batch_size: int = 50
    threads: int = SEND_THREADS
    interval: float = 1.0  # seconds between polls when nothing was due
    public_url: str | None = None  # the API as subscribers reach it, for their e-mail links
    clock: Callable[[], datetime] = utcnow  # tests move time forward through the retry schedule

    @property
    def senders(self) -> int:
        """Sends in flight at most: a job is claimed only when a sender is free for it."""
        return max(1, min(self.threads, self.batch_size))

    def lease_for(self, channel: str) -> timedelta:
        """How long a claim of one job lasts: the longest its own send can take, plus a margin.
        A webhook request has a total deadline (webhook_timeout); jobs never queue for a sender."""
        if channel == "webhook":
            return timedelta(seconds=self.webhook_timeout + LEASE_MARGIN)
        if channel == "apprise":
            # Apprise's timeouts are per connect and per read, not per request.
            return timedelta(seconds=2 * self.webhook_timeout + LEASE_MARGIN)
        return timedelta(seconds=SMTP_ROUND_TRIPS * self.smtp.timeout + LEASE_MARGIN)


def worker_settings(config: Config) -> WorkerSettings:
    return WorkerSettings(
        smtp=config.smtp,
        allow_private=config.alerts.allow_private_targets,
        webhook_timeout=config.alerts.webhook_timeout,
        batch_size=config.alerts.batch_size,
        interval=config.alerts.worker_interval_seconds,
        public_url=public_base_url(config),
    )


@dataclass
class PassReport:
    claimed: int = 0
    sent: int = 0
    failed: int = 0  # will be retried
    dead: int = 0
    deferred: int = 0  # digest deliveries put back until their period ends
    disabled: list[int] = field(default_factory=list)  # subscriptions that answered 410

    def add(self, other: PassReport) -> None:
        for name in ("claimed", "sent", "failed", "dead", "deferred"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.disabled.extend(other.disabled)

    @property
    def idle(self) -> bool:
        """Nothing was claimed to send (digests put back do not count) and nothing finished."""
        return self.claimed == self.deferred and not (self.sent or self.failed or self.dead)


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
    access_token: str | None = None  # the subscription's link secret (feed, unsubscribe)


class DeliveryWorker:
    """Claims jobs for free senders, sends them on its own pool, records outcomes as they come.

    `step()` does one round without blocking on any send; the loops below are built from it.
    Outcomes are recorded by the thread calling `step()`, a burst of them in one transaction.
    """

    def __init__(
        self, database: Database, settings: WorkerSettings, *, rng: random.Random | None = None
    ) -> None:
        self.database = database
        self.settings = settings
        self.rng = rng
        self._pool = ThreadPoolExecutor(settings.senders, thread_name_prefix="deliver")
        self._finished: queue.SimpleQueue[tuple[Job, SendResult]] = queue.SimpleQueue()
        self._wake = threading.Event()
        self.in_flight = 0  # only the stepping thread changes it

    def step(self) -> PassReport:
        report = PassReport()
        self._record_finished(report)
        free = self.settings.senders - self.in_flight
        if free > 0:
            for job in claim_jobs(self.database, self.settings, report, limit=free):
                self.in_flight += 1
                future = self._pool.submit(send_job, job, self.settings)
                future.add_done_callback(functools.partial(self._finish, job))
        return report

    def wait(self, timeout: float) -> None:
        """Until a send finishes, or `timeout` seconds."""
        self._wake.wait(timeout)
        self._wake.clear()

    def close(self, report: PassReport | None = None) -> None:
        """Wait for the sends in flight (each has its own deadline) and record them."""
        self._pool.shutdown(wait=True)
        self._record_finished(report or PassReport())

    def _finish(self, job: Job, future: Future[SendResult]) -> None:
        self._finished.put((job, future.result()))  # send_job never raises
        self._wake.set()

    def _record_finished(self, report: PassReport) -> None:
        outcomes = []
        while True:
            try:
                outcomes.append(self._finished.get_nowait())
            except queue.Empty:
                break
        if outcomes:
            self.in_flight -= len(outcomes)
            record(self.database, self.settings, outcomes, report, rng=self.rng)


def deliver_due(
    database: Database, settings: WorkerSettings, *, rng: random.Random | None = None
) -> PassReport:
    """One pass: claim what free senders can take now, send it, wait for those outcomes."""
    worker = DeliveryWorker(database, settings, rng=rng)
    report = worker.step()
    worker.close(report)
    return report


def deliver_until_idle(
    database: Database,
    settings: WorkerSettings,
    *,
    on_pass: Callable[[PassReport], None] | None = None,
    rng: random.Random | None = None,
) -> PassReport:
    """Send everything due now, then return the sum. A slow send holds only its own sender."""
    worker = DeliveryWorker(database, settings, rng=rng)
    total = PassReport()
    try:
        while True:
            report = worker.step()
            total.add(report)
            if on_pass is not None:
                on_pass(report)
            if worker.in_flight == 0 and report.claimed == report.deferred:
                return total
            if report.idle:
                worker.wait(settings.interval)
    finally:
        worker.close(total)


def run_worker(
    database: Database,
    settings: WorkerSettings,
    stop: threading.Event,
    *,
    on_pass: Callable[[PassReport], None] | None = None,
) -> None:
    """Deliver until `stop` is set: back to back while there is work, else every interval.
    The database being away, or a bug, costs one round: leases cover the claimed rows."""
    worker = DeliveryWorker(database, settings)
    try:
        while not stop.is_set():
            try:
                report = worker.step()
            except SQLAlchemyError as exc:
                log.error("delivery pass failed: %s", str(exc).splitlines()[0])
                report = PassReport()
            except Exception:
                log.exception("delivery pass failed")
                report = PassReport()
            if on_pass is not None:
                on_pass(report)
            if report.idle:
                worker.wait(settings.interval)
    finally:
        last = PassReport()
        worker.close(last)
        if on_pass is not None:
            on_pass(last)


def claim_jobs(
    database: Database, settings: WorkerSettings, report: PassReport, *, limit: int | None = None
) -> list[Job]:
    """Claim due deliveries and turn them into jobs, in one short transaction."""
    now = settings.clock()
    jobs: list[Job] = []
    digests: dict[int, list[tuple[Delivery, dict]]] = defaultdict(list)
    with database.sessions.begin() as session:
        claimed = repo.claim_due_deliveries(
            session,
            limit=settings.senders if limit is None else limit,
            lease=lambda delivery: settings.lease_for(delivery.subscription.channel),
            now=now,
        )
        report.claimed += len(claimed)
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
        access_token=subscription.access_token,
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
        links = None
        if settings.public_url and job.access_token:
            links = AlertLinks(f"{settings.public_url}/s/{job.access_token}")
        if job.channel == "apprise":
            event = job.events[0]
            return send_apprise(
                job.target,
                subject_of(event),
                contact_text(event["data"], links),
                timeout=settings.webhook_timeout,
                allow_private=settings.allow_private,
            )
        if job.period is not None:
            message = render_digest(list(job.events), job.target, job.period, links)
        else:
            message = render_contact_email(job.events[0], job.target, links)
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
