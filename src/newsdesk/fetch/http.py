"""Polite, defensive HTTP GET for live ingest (httpx underneath).

One ``Fetcher.fetch(url)`` call: robots.txt checked (cached per origin), per-host rate
limit (``min_interval_s``, or the site's Crawl-delay when longer), every redirect hop
re-checked (scheme, address, robots; bounded hops; loops caught), the address each
connection actually reached checked again (no DNS rebinding between check and connect), conditional GET from the caller's stored ETag / Last-Modified, a streamed body
cut off at ``max_bytes`` both before and after gzip/deflate decoding (gzip bombs stop at
the cap instead of filling memory), a wall-clock deadline per response (a server that
drips bytes slowly is cut off), content-type checked against what the caller expects,
and bounded retries with exponential backoff for timeouts, 429 and 5xx. Every failure is
a ``FetchError`` whose message names the URL and the reason.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import httpx

from newsdesk import __version__
from newsdesk.errors import FetchError
from newsdesk.fetch.safety import (
    PeerCheckingBackend,
    Resolver,
    check_address,
    is_public,
    split_http_url,
    system_resolver,
)

REPO_URL = "https://github.com/newsdesk/newsdesk"
USER_AGENT = f"newsdesk/{__version__} (+{REPO_URL})"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/x-rss+xml")
ANY_TYPE: tuple[str, ...] = ()
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchPolicy:
    """Limits for fetching (plain values: a worker can rebuild a Fetcher from them)."""

    user_agent: str = USER_AGENT
    timeout_s: float = 10.0  # connect / read / write, per operation
    deadline_s: float = 60.0  # whole response, headers to last byte
    max_bytes: int = 5_000_000  # same cap as Settings.max_input_bytes, before and after decoding
    max_robots_bytes: int = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB
    max_redirects: int = 5
    retries: int = 2  # extra attempts after the first, for timeouts, 429 and 5xx
    backoff_s: float = 1.0  # first wait; doubles per attempt
    max_backoff_s: float = 30.0  # also the cap on a server's Retry-After
    min_interval_s: float = 1.0  # per host, between request starts
    allow_private: bool = False
    respect_robots: bool = True


@dataclass(frozen=True)
class FetchResult:
    """A successful response (or a 304 when ``not_modified``)."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def parse_content_type(header: str | None) -> tuple[str, str | None]:
    """("text/html", "utf-8") from a Content-Type header; ("", None) when absent."""
    if not header:
        return "", None
    msg = Message()
    msg["content-type"] = header
    charset = msg.get_param("charset")
    return msg.get_content_type().lower(), str(charset).strip().lower() if isinstance(charset, str) else None


class _Decoder:
    """Content-Encoding decoding that never produces more than ``limit`` bytes."""

    def __init__(self, encoding: str, limit: int, url: str) -> None:
        self.limit, self.url = limit, url
        if encoding in ("", "identity"):
            self._z: zlib._Decompress | None = None
        elif encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj()
        else:
            raise FetchError(f"{url}: unsupported Content-Encoding {encoding!r}")
        self.out = bytearray()

    def feed(self, chunk: bytes) -> None:
        if self._z is None:
            self.out += chunk
        else:
            data = chunk
            while data and len(self.out) <= self.limit:
                try:
                    self.out += self._z.decompress(data, self.limit + 1 - len(self.out))
                except zlib.error as exc:
                    raise FetchError(f"{self.url}: corrupt compressed body ({exc})") from exc
                data = self._z.unconsumed_tail
        if len(self.out) > self.limit:
            raise FetchError(f"{self.url}: body exceeds {self.limit:,} bytes after decoding "
                             "(size cap; a compression bomb is cut off here)")


@dataclass
class _HostClock:
    next_ok: dict[str, float] = field(default_factory=dict)
    interval: dict[str, float] = field(default_factory=dict)  # robots.txt Crawl-delay, when longer


class Fetcher:
    """Fetches URLs under a ``FetchPolicy``; reuse one per run (robots and rate state)."""

    def __init__(self, policy: FetchPolicy | None = None, *, resolver: Resolver = system_resolver,
                 transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 peer_allowed: Callable[[str], bool] | None = None) -> None:
        self.policy = policy or FetchPolicy()
        self._resolver = resolver
        self._sleep = sleep
        self._hosts = _HostClock()
        self._robots: dict[str, RobotFileParser] = {}
        p = self.policy
        if transport is None:
            # every connection's real peer address is checked too (DNS rebinding)
            allowed = peer_allowed or (lambda address: p.allow_private or is_public(address))
            transport = httpx.HTTPTransport()
            pool = getattr(transport, "_pool", None)
            if pool is None or not hasattr(pool, "_network_backend"):  # pragma: no cover - httpx internals moved
                raise FetchError("this httpx version hides its connection pool: cannot check peer addresses")
            pool._network_backend = PeerCheckingBackend(allowed)
        self._client = httpx.Client(
            transport=transport, follow_redirects=False, trust_env=False,
            timeout=httpx.Timeout(p.timeout_s), headers={"User-Agent": p.user_agent},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str, accept: Sequence[str] = HTML_TYPES, *, etag: str | None = None,
              last_modified: str | None = None) -> FetchResult:
        """GET ``url`` following at most ``max_redirects`` checked hops.

        ``accept`` lists acceptable media types (empty: any). ``etag`` / ``last_modified``
        make the request conditional; a 304 comes back as ``not_modified``.
        """
        seen = {url}
        current = url
        for _ in range(self.policy.max_redirects + 1):
            self._check_hop(current)
            result = self._get_with_retries(current, accept, etag, last_modified)
            if isinstance(result, FetchResult):
                return FetchResult(url, result.final_url, result.status, result.content_type, result.charset,
                                   result.body, result.etag, result.last_modified)
            nxt = urljoin(current, result)
            if nxt in seen:
                raise FetchError(f"{url}: redirect loop at {nxt}")
            seen.add(nxt)
            current = nxt
        raise FetchError(f"{url}: more than {self.policy.max_redirects} redirects")

    def _check_hop(self, url: str) -> None:
        check_address(url, self.policy.allow_private, self._resolver)
        if self.policy.respect_robots and not self._robots_for(url).can_fetch(self.policy.user_agent, url):
            raise FetchError(f"{url}: disallowed by robots.txt")

    def _robots_for(self, url: str) -> RobotFileParser:
        scheme, host, port = split_http_url(url)
        origin = f"{scheme}://{host}:{port}"
        if origin not in self._robots:
            self._robots[origin] = parser = self._load_robots(origin)
            delay = parser.crawl_delay(self.policy.user_agent)
            if delay:  # honoured up to max_backoff_s; longer delays are capped, not ignored
                self._hosts.interval[host] = min(float(delay), self.policy.max_backoff_s)
        return self._robots[origin]

    def _load_robots(self, origin: str) -> RobotFileParser:
        """robots.txt per RFC 9309: 4xx -> no rules; 5xx or unreachable -> disallow all."""
        parser = RobotFileParser(origin + "/robots.txt")
        url = origin + "/robots.txt"
        try:
            for _ in range(self.policy.max_redirects + 1):
                check_address(url, self.policy.allow_private, self._resolver)
                resp = self._request(url, ANY_TYPE, None, None, self.policy.max_robots_bytes)
                if not isinstance(resp, str):
                    break
                url = urljoin(url, resp)
            else:
                raise FetchError(f"more than {self.policy.max_redirects} redirects")
        except (FetchError, _Retryable) as exc:
            raise FetchError(f"{origin}/robots.txt unreachable, not fetching from this site ({exc})") from exc
        if resp.status >= 500:
            parser.parse(["User-agent: *", "Disallow: /"])
        elif resp.status >= 400:
            parser.parse([])
        else:
            parser.parse(resp.body.decode("utf-8", errors="replace").splitlines())
        return parser

    def _get_with_retries(self, url: str, accept: Sequence[str], etag: str | None,
                          last_modified: str | None) -> FetchResult | str:
        attempt = 0
        while True:
            try:
                result = self._request(url, accept, etag, last_modified, self.policy.max_bytes)
            except _Retryable as exc:
                if attempt >= self.policy.retries:
                    raise FetchError(f"{url}: {exc.reason} (gave up after {attempt + 1} attempts)") from exc
                wait = exc.retry_after if exc.retry_after is not None else self.policy.backoff_s * 2**attempt
                self._sleep(min(wait, self.policy.max_backoff_s))
                attempt += 1
                continue
            if isinstance(result, FetchResult) and result.status not in (200, 203, 304):
                raise FetchError(f"{url}: HTTP {result.status}")
            return result

    def _wait_turn(self, url: str) -> None:
        _, host, _ = split_http_url(url)
        now = time.monotonic()
        wait = self._hosts.next_ok.get(host, now) - now
        if wait > 0:
            self._sleep(wait)
        interval = max(self.policy.min_interval_s, self._hosts.interval.get(host, 0.0))
        self._hosts.next_ok[host] = max(now, now + wait) + interval

    def _request(self, url: str, accept: Sequence[str], etag: str | None, last_modified: str | None,
                 limit: int) -> FetchResult | str:
        """One GET: a FetchResult, or the Location of a redirect."""
        self._wait_turn(url)
        headers = {"Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        deadline = time.monotonic() + self.policy.deadline_s
        try:
            with self._client.stream("GET", url, headers=headers) as resp:
                return self._handle(url, resp, accept, limit, deadline)
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timed out after {self.policy.timeout_s:g} s ({type(exc).__name__})") from exc
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed ({type(exc).__name__}: {exc})") from exc

    def _handle(self, url: str, resp: httpx.Response, accept: Sequence[str], limit: int,
                deadline: float) -> FetchResult | str:
        if resp.status_code in REDIRECT_STATUSES:
            location = resp.headers.get("location")
            if not location:
                raise FetchError(f"{url}: HTTP {resp.status_code} redirect without a Location")
            return location
        if resp.status_code in RETRY_STATUSES:
            raise _Retryable(f"HTTP {resp.status_code}", _retry_after(resp.headers.get("retry-after")))
        ctype, charset = parse_content_type(resp.headers.get("content-type"))
        etag, modified = resp.headers.get("etag"), resp.headers.get("last-modified")
        if resp.status_code != 200:
            return FetchResult(url, url, resp.status_code, ctype, charset, b"", etag, modified)
        if accept and ctype not in accept:
            raise FetchError(f"{url}: content type {ctype or 'missing'!r} is not one of {', '.join(accept)}")
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"{url}: Content-Length {int(declared):,} exceeds the {limit:,}-byte cap")
        body = self._read_body(url, resp, limit, deadline)
        return FetchResult(url, str(resp.url), 200, ctype, charset, body, etag, modified)

    def _read_body(self, url: str, resp: httpx.Response, limit: int, deadline: float) -> bytes:
        decoder = _Decoder(resp.headers.get("content-encoding", "").strip().lower(), limit, url)
        raw = 0
        for chunk in resp.iter_raw():
            raw += len(chunk)
            if raw > limit:
                raise FetchError(f"{url}: body exceeds the {limit:,}-byte cap (stopped reading)")
            decoder.feed(chunk)
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: response took longer than {self.policy.deadline_s:g} s (stopped reading)")
        return bytes(decoder.out)


class _Retryable(Exception):
    """A transient failure worth another attempt (timeout, connection, 429, 5xx)."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None
