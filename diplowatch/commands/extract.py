"""`diplowatch extract`: run article extraction and contact detection on one page or a batch.

    diplowatch extract https://example.org/news/1      # fetch, extract, detect, print
    diplowatch extract saved-page.html
    diplowatch extract --batch in.jsonl --out out.jsonl

Batch input lines: {"id", "html" | "text", "url"?, "published_at"?}; "text" skips extraction.
Output lines: {"id", "title", "published_at", "language", "body", "contacts", "skipped"} where
"skipped" is null or the reason the page is no article. A bad input line is reported on stderr
with its line number and the batch goes on; the exit code is 1 when any line failed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from diplowatch.context import AppContext, UserError, pass_app

if TYPE_CHECKING:
    from crawler.extract import ExtractedArticle


class BatchFailed(click.ClickException):
    """Some batch lines were bad: reported, skipped, exit code 1."""

    exit_code = 1


class FetchError(Exception):
    """The page could not be fetched (network error, HTTP error status, no HTTP client)."""


Detector = Callable[[str, date | None], list[dict[str, Any]]]


def load_detector() -> tuple[Detector, str | None]:
    """contacts.detect_contacts wrapped to return dicts, or a no-op and the reason it is missing.

    Imported lazily: extraction alone is useful, and the detector is the heavier part.
    """
    try:
        from contacts import detect_contacts
    except ImportError as exc:
        return (lambda text, day: []), f"contact detector unavailable ({exc})"

    def detect(text: str, day: date | None) -> list[dict[str, Any]]:
        return [contact.to_dict() for contact in detect_contacts(text, day)]

    return detect, None


def fetch(url: str, user_agent: str, timeout: float) -> tuple[bytes, str | None]:
    """(body bytes, charset from Content-Type) of a plain GET; raises FetchError."""
    try:
        import httpx  # only this path needs it; httpx is a test extra in pyproject today
    except ImportError as exc:
        raise FetchError(f"httpx is not installed ({exc})") from None
    try:
        response = httpx.get(
            url, headers={"User-Agent": user_agent}, timeout=timeout, follow_redirects=True
        )
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise FetchError(str(exc)) from None
    return response.content, response.charset_encoding


def _parse_day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"published_at must be an ISO date string, not {type(value).__name__}")
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"published_at {value!r} is not an ISO date") from None


def process_record(record: Any, detect: Detector) -> dict[str, Any]:
    """One batch line's output; raises ValueError on a malformed record."""
    if not isinstance(record, dict):
        raise ValueError("a line must be a JSON object")
    if "id" not in record:
        raise ValueError('missing "id"')
    html, text = record.get("html"), record.get("text")
    if not isinstance(html, str) and not isinstance(text, str):
        raise ValueError('needs a string "html" or "text"')
    url = record.get("url")
    if url is not None and not isinstance(url, str):
        raise ValueError('"url" must be a string')
    # The extractor (trafilatura) is imported here, not at the top: `extract --help` needs none.
    from crawler.extract import ExtractedArticle, extract_article
    from crawler.extraction.language import heuristic_language

    day = _parse_day(record.get("published_at"))
    out: dict[str, Any] = {
        "id": record["id"],
        "title": None,
        "published_at": day.isoformat() if day else None,
        "language": None,
        "body": "",
        "contacts": [],
        "skipped": None,
    }
    if isinstance(html, str):
        result = extract_article(html, url)
        if not isinstance(result, ExtractedArticle):
            out["skipped"] = result.reason
            return out
        body = result.body
        published = result.published_at.isoformat() if result.published_at else None
        out.update(title=result.title, language=result.language, body=body)
        out["published_at"] = out["published_at"] or published
        day = day or (result.published_at.date() if result.published_at else None)
    else:
        assert isinstance(text, str)  # checked above: one of the two is a string
        body = text.strip()
        out.update(body=body, language=heuristic_language(body))
    out["contacts"] = detect(body, day)
    return out


def run_batch(lines: TextIO, out: TextIO, detect: Detector, errors: TextIO) -> int:
    """Process every line; returns the number of failed lines."""
    failed = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            result = process_record(json.loads(line), detect)
        except (ValueError, TypeError) as exc:  # json.JSONDecodeError is a ValueError
            failed += 1
            print(f"line {number}: {exc}", file=errors)
            continue
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return failed


def _print_article(article: ExtractedArticle, contacts: list[dict[str, Any]]) -> None:
    published = article.published_at.isoformat() if article.published_at else "unknown"
    click.echo(f"title:     {article.title or ''}")
    click.echo(f"published: {published}")
    click.echo(f"language:  {article.language or 'unknown'} ({article.language_method or '-'})")
    click.echo(f"url:       {article.canonical_url or ''}")
    click.echo("")
    click.echo(article.body)
    click.echo("")
    click.echo(f"contacts ({len(contacts)}):")
    for contact in contacts:
        click.echo("  " + json.dumps(contact, ensure_ascii=False))


@click.command("extract")
@click.argument("source", required=False)
@click.option(
    "--batch",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON Lines input, one page a line.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSON Lines output for --batch (default: stdout).",
)
@click.option("--selector", help="CSS or XPath selector of the body container.")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Fetch timeout, s.")
@pass_app
def command(
    app: AppContext,
    source: str | None,
    batch: Path | None,
    out: Path | None,
    selector: str | None,
    timeout: float,
) -> None:
    """Extract the article (and its contacts) from URL|FILE, or from a --batch file."""
    from crawler.extract import ExtractedArticle, extract_article

    detect, missing = load_detector()
    if missing:
        click.echo(f"warning: {missing}; contacts will be empty", err=True)
    if batch is not None:
        if source:
            raise UserError("give either URL|FILE or --batch, not both")
        with batch.open(encoding="utf-8") as lines:
            if out is None:
                failed = run_batch(lines, sys.stdout, detect, sys.stderr)
            else:
                with out.open("w", encoding="utf-8") as sink:
                    failed = run_batch(lines, sink, detect, sys.stderr)
        if failed:
            raise BatchFailed(f"{failed} input line(s) failed, see above")
        return
    if not source:
        raise UserError("give a URL or a FILE to extract, or --batch IN.jsonl")
    url: str | None
    if source.startswith(("http://", "https://")):
        try:
            data, charset = fetch(source, app.config.crawl.user_agent, timeout)
        except FetchError as exc:
            raise UserError(f"fetching {source} failed: {exc}") from None
        url = source
    else:
        path = Path(source)
        if not path.is_file():
            raise UserError(f"no such file: {source}")
        data, charset, url = path.read_bytes(), None, None
    result = extract_article(data, url, body_selector=selector, encoding=charset)
    if not isinstance(result, ExtractedArticle):
        click.echo(f"not an article: {result.reason}")
        return
    day = result.published_at.date() if result.published_at else None
    _print_article(result, detect(result.body, day))
