"""Sources, articles and the crawler's memory: what was fetched, skipped, and when.

Plain functions over an explicit Session; the caller owns the transaction.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from store.models import (
    Article,
    FeedState,
    SeenStatus,
    SeenUrl,
    Source,
)
from store.types import rowcount, utcnow

# --- sources -------------------------------------------------------------------------------


def get_or_create_source(session: Session, name: str) -> Source:
    source = session.scalar(select(Source).where(Source.name == name))
    if source is None:
        source = Source(name=name, created_at=utcnow())
        session.add(source)
        session.flush()
    return source


def list_sources(session: Session) -> Sequence[Source]:
    return session.scalars(select(Source).order_by(Source.name)).all()


# --- articles and the crawler's memory -----------------------------------------------------


@dataclass
class NewArticle:
    url: str
    canonical_url: str
    body: str
    content_hash: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    language: str | None = None
    raw_html: bytes | None = None  # uncompressed; stored compressed


def add_article(session: Session, new: NewArticle, *, source: Source | None) -> Article:
    article = _article_row(new, source)
    session.add(article)
    session.flush()
    return article


def _article_row(new: NewArticle, source: Source | None) -> Article:
    return Article(
        source_id=source.id if source else None,
        url=new.url,
        canonical_url=new.canonical_url,
        title=new.title,
        authors=list(new.authors),
        published_at=new.published_at,
        fetched_at=utcnow(),
        language=new.language,
        body=new.body,
        content_hash=new.content_hash,
        raw_html=zlib.compress(new.raw_html, 6) if new.raw_html is not None else None,
    )


# --- the same, several at a time (the crawl's store writer) ---------------------------------
# One statement for many rows instead of one per row: a crawl stores articles in batches.

_IN_CHUNK = 300  # values per IN (...) list, well below every backend's parameter limit


def find_duplicate_articles(session: Session, news: Sequence[NewArticle]) -> list[int | None]:
    """For each of `news`, the id of a stored article it repeats: same URL, same canonical URL
    or same body (content hash); None when it is new."""
    stored: list[tuple[int, str, str, str]] = []
    for start in range(0, len(news), _IN_CHUNK // 3):
        chunk = news[start : start + _IN_CHUNK // 3]
        urls = list({url for new in chunk for url in (new.url, new.canonical_url)})
        hashes = list({new.content_hash for new in chunk})
        rows = session.execute(
            select(Article.id, Article.url, Article.canonical_url, Article.content_hash).where(
                or_(
                    Article.url.in_(urls),
                    Article.canonical_url.in_(urls),
                    Article.content_hash.in_(hashes),
                )
            )
        )
        stored.extend((row[0], row[1], row[2], row[3]) for row in rows)
    found: list[int | None] = []
    for new in news:
        keys = {new.url, new.canonical_url}
        found.append(
            next(
                (
                    article_id
                    for article_id, url, canonical, digest in stored
                    if url in keys or canonical in keys or digest == new.content_hash
                ),
                None,
            )
        )
    return found


def add_articles(
    session: Session, items: Sequence[tuple[NewArticle, Source | None]]
) -> list[Article]:
    """Add several articles (each with its source) in one flush; returned in order, with ids."""
    articles = [_article_row(new, source) for new, source in items]
    session.add_all(articles)
    session.flush()
    return articles


# Look-ups the crawl makes for every link and page, on one Connection the caller holds (see
# store.engine.make_read_sessionmaker for autocommit reads): statements built once, no ORM objects.

_URL_SEEN = select(SeenUrl.url).where(SeenUrl.url == bindparam("url")).limit(1)
_SAME_ARTICLE = (
    select(Article.id)
    .where(
        or_(
            Article.url == bindparam("url"),
            Article.url == bindparam("canonical"),
            Article.canonical_url == bindparam("url"),
            Article.canonical_url == bindparam("canonical"),
            Article.content_hash == bindparam("digest"),
        )
    )
    .limit(1)
)


def url_seen(connection: Connection, url: str) -> bool:
    """Whether the crawler already settled `url` (stored, duplicate or skipped)."""
    return connection.execute(_URL_SEEN, {"url": url}).first() is not None


def duplicate_article_id(connection: Connection, new: NewArticle) -> int | None:
    """The id of the stored article `new` repeats (as find_duplicate_articles), or None."""
    params = {"url": new.url, "canonical": new.canonical_url, "digest": new.content_hash}
    return connection.execute(_SAME_ARTICLE, params).scalar()


@dataclass
class SeenMark:
    """A URL to remember as seen (see mark_urls_seen)."""

    url: str
    source_id: int | None
    status: SeenStatus
    reason: str | None = None
    article_id: int | None = None


def mark_urls_seen(session: Session, marks: Sequence[SeenMark]) -> int:
    """Remember several URLs. A URL already remembered, or repeated in `marks`, keeps its first
    record. Returns how many were added."""
    urls = list({mark.url for mark in marks})
    known: set[str] = set()
    for start in range(0, len(urls), _IN_CHUNK):
        chunk = urls[start : start + _IN_CHUNK]
        known.update(session.scalars(select(SeenUrl.url).where(SeenUrl.url.in_(chunk))))
    now = utcnow()
    rows = []
    for mark in marks:
        if mark.url in known:
            continue
        known.add(mark.url)
        rows.append(
            {
                "url": mark.url,
                "source_id": mark.source_id,
                "status": mark.status,
                "reason": mark.reason,
                "article_id": mark.article_id,
                "first_seen": now,
            }
        )
    if rows:
        session.execute(insert(SeenUrl), rows)
    return len(rows)


def raw_html_of(article: Article) -> bytes | None:
    return zlib.decompress(article.raw_html) if article.raw_html is not None else None


def count_raw_pages(session: Session) -> int:
    """How many stored articles keep their page (for `reprocess`)."""
    return session.scalar(select(func.count()).where(Article.raw_html.is_not(None))) or 0


def articles_with_raw_html(session: Session, since: datetime | None = None) -> Sequence[Article]:
    query = select(Article).where(Article.raw_html.is_not(None)).order_by(Article.id)
    if since is not None:
        query = query.where(Article.fetched_at >= since)
    return session.scalars(query).all()


def get_feed_validators(session: Session, url: str) -> tuple[str | None, str | None]:
    state = session.get(FeedState, url)
    return (state.etag, state.last_modified) if state else (None, None)


def save_feed_validators(
    session: Session, url: str, etag: str | None, last_modified: str | None
) -> None:
    state = session.get(FeedState, url)
    if state is None:
        session.add(FeedState(url=url, etag=etag, last_modified=last_modified, checked_at=utcnow()))
    else:
        state.etag, state.last_modified, state.checked_at = etag, last_modified, utcnow()
    session.flush()


def prune(
    session: Session, *, raw_html_older_than: datetime, seen_urls_older_than: datetime
) -> int:
    """Housekeeping: drop old raw pages and old skip records. Returns rows touched."""
    touched = rowcount(
        session.execute(
            update(Article)
            .where(Article.raw_html.is_not(None), Article.fetched_at < raw_html_older_than)
            .values(raw_html=None)
        )
    )
    # Stored articles keep their seen-URL row: their URL stays unique in `articles` anyway.
    touched += rowcount(
        session.execute(
            delete(SeenUrl).where(
                SeenUrl.status != "article", SeenUrl.first_seen < seen_urls_older_than
            )
        )
    )
    return touched
