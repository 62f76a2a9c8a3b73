"""Polite, safe fetching for live ingest: HTTP (robots, rate limit, caps, redirects,
private-address refusal), feeds and sitemaps, WARC files, and SOURCE classification.

Needs the ``live`` extra (httpx, feedparser, warcio): ``pip install 'newsdesk[live]'``.
"""

from __future__ import annotations

from newsdesk.fetch.http import USER_AGENT, Fetcher, FetchPolicy, FetchResult
from newsdesk.fetch.sources import FeedState, Item, Known, SourceReader, classify

__all__ = [
    "USER_AGENT", "FeedState", "FetchPolicy", "FetchResult", "Fetcher", "Item", "Known", "SourceReader", "classify",
]
