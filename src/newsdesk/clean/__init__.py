"""Clean stage: extracted text (``RawDocument``) -> ``Article``.

Drops the lines that are not the article (navigation, bylines, prompts, appeals, other
languages, ...), keeps title/author found on the way as metadata, scrubs card numbers
and e-mail addresses, and records every removed line with its reason and raw offsets.
``Article.text`` is the kept lines joined by "\\n"; ``offset_map`` maps it back to
``raw_text`` run by run (redaction markers are the only inserted text). A site's search
page is refused whole (``search_page``): its snippets are other stories' text.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsdesk.clean import lines as rules
from newsdesk.clean.language import detect_language, dominant_script, mixed_script_words, script_counts
from newsdesk.clean.lines import Line
from newsdesk.clean.pii import find_pii, redact
from newsdesk.errors import ExtractionError
from newsdesk.model import Article, OffsetMap, RawDocument, RemovedLine, content_hash
from newsdesk.settings import Settings

__all__ = ["clean_document", "split_lines", "find_pii", "redact"]

TITLE_REASON = "title (kept as metadata)"
BYLINE_REASON = "byline (kept as metadata)"
# Fewest letters for a script verdict and words for a language verdict on one line.
# Script is exact on any length; 8 letters keeps stray symbols/names out. fastText "lite"
# scored short English lines (< 8 words) as other languages in the trafilatura-eval
# English pages, and at >= 0.90 confidence no English article line was dropped there.
MIN_SCRIPT_LETTERS = 8
MIN_LANG_WORDS = 8
MIN_LANG_SCORE = 0.90
# Same-script lines longer than this are paragraphs of a mixed-language article (a German
# intro to an English quote on a trafilatura-eval page), not stray furniture: kept.
MAX_LANG_WORDS = 30
# Words mixing Latin and Cyrillic/Greek letters before a line counts as obfuscated spam;
# one can be a typo or a transliterated name, three are deliberate (trafilatura-eval ad line).
MIN_MIXED_WORDS = 3
# Longest headline taken as the title (words); longer first lines are paragraphs. At 30
# words two first-line summaries (no final period) of trafilatura-eval pages went as titles.
MAX_TITLE_WORDS = 20


@dataclass(frozen=True, slots=True)
class _Context:
    """What every line is judged against: the article's language and script."""

    language: str | None
    script: str | None


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines of ``raw`` with offsets of their stripped content; a capitals
    heading run into its paragraph (``lines.glued_heading``) is a line of its own."""
    out: list[Line] = []
    for m in re.finditer(r"[^\r\n]+", raw):
        seg = m.group()
        lead = len(seg) - len(seg.lstrip())
        body = seg.strip()
        if body:
            start = m.start() + lead
            cut = rules.glued_heading(body)
            if cut is not None:
                out.append(rules.make_line(len(out), start, body[:cut].rstrip()))
                start, body = start + cut, body[cut:]
            out.append(rules.make_line(len(out), start, body))
    return out


def _article_context(lines: Sequence[Line]) -> _Context:
    """Language and script of the prose lines (all lines when there is no prose)."""
    prose = [ln.text for ln in lines if ln.words >= 10] or [ln.text for ln in lines]
    sample = "\n".join(prose)[:5000]
    lang, _ = detect_language(sample)
    return _Context(lang, dominant_script(sample))


def _language_reason(line: Line, ctx: _Context, edge: bool) -> str | None:
    """"other language (xx)" for an edge-zone line in another script, or confidently in
    another language. Inside the body such lines are quotes or translations (a Japanese
    tweet and its English rendering on a trafilatura-eval page) and stay."""
    if not edge:
        return None
    counts = script_counts(line.text)
    letters = sum(counts.values())
    if ctx.script and letters >= MIN_SCRIPT_LETTERS:
        script, n = counts.most_common(1)[0]
        if script != ctx.script and n * 2 > letters:
            lang, _ = detect_language(line.text)
            return f"other language ({lang or script.lower()})"
    if ctx.language and MIN_LANG_WORDS <= line.words <= MAX_LANG_WORDS:
        lang, score = detect_language(line.text)
        if lang and lang != ctx.language and score >= MIN_LANG_SCORE:
            return f"other language ({lang})"
    return None


def _classify(line: Line, ctx: _Context, edge: bool, bottom: bool, late: bool) -> str | None:
    """Why ``line`` is not article text, or None.

    ``edge``: in the top/bottom junk zone; ``bottom``: after the last prose paragraph;
    ``late``: in the last third of the body (counted in anchors, see ``_judge_lines``).
    """
    text = line.text
    if rules.is_table_row(text):
        return None
    if rules.is_separator(text):
        return "separator line"
    if rules.is_breadcrumb(text):
        return "breadcrumb"
    if rules.byline_author(text):
        return BYLINE_REASON
    if rules.is_speaker_label(text):
        return "speaker label"
    if rules.is_date_line(line):
        return "date line"
    if rules.is_archive_list(line):
        return "archive menu"
    if rules.is_author_box(line, edge or late):
        return "author box"
    if rules.is_caps_link(line) or rules.is_doubled(text):
        return "link text"
    if rules.is_photo_caption(line):
        return "photo caption"
    if mixed_script_words(text) >= MIN_MIXED_WORDS:
        return "look-alike letters (spam)"
    reason = rules.match_rule(line, edge)
    if reason:
        return reason
    if rules.is_labelled_caption(line):  # after the named furniture ("Photos: ... Hide Caption 1 of 59")
        return "photo caption"
    if bottom and rules.is_reader_prompt(line):
        return "reader prompt"
    return _language_reason(line, ctx, edge)


def _judge_lines(lines: Sequence[Line], ctx: _Context) -> dict[int, str]:
    """Reasons for the removed lines, by line index (title and propagation not yet done).

    Anchors are prose lines no rule would remove even at edge limits; lines before the
    first anchor and after the last one form the edge zones. Without any anchor every
    line is judged as body (a page of lyrics lost everything when judged as edge).
    Anchors are never removed, so zones (and cleaning the output again) are stable.
    """
    anchors = [ln.index for ln in lines
               if rules.is_prose(ln) and _classify(ln, ctx, edge=True, bottom=True, late=True) is None]
    kept = set(anchors)  # judged with every zone's limits: kept in any zone (``_classify`` is monotone)
    # no prose at all (a list, lyrics, a stub): judge every line as body, the cautious side
    first = anchors[0] if anchors else 0
    last = anchors[-1] if anchors else len(lines)
    late_from = anchors[len(anchors) * 2 // 3] if anchors else len(lines)
    verdicts: dict[int, str] = {}
    for ln in lines:
        if ln.index in kept:
            continue
        top, bottom = ln.index < first, ln.index > last
        reason = _classify(ln, ctx, edge=top or bottom, bottom=bottom, late=ln.index >= late_from)
        if reason:
            verdicts[ln.index] = reason
    _mark_bottom_blocks(lines, verdicts, last)
    for index in rules.slideshow_lines(lines):  # a slide is a gallery line whatever its caption matched
        verdicts[index] = "photo gallery"
    return verdicts


def _mark_bottom_blocks(lines: Sequence[Line], verdicts: dict[int, str], last_anchor: int) -> None:
    """After the last prose paragraph, short non-sentence lines hemmed in by removed lines
    (or the end) are link lists ("You may also like" + headlines): remove them too."""
    i = last_anchor + 1
    while i < len(lines):
        if i in verdicts or not _is_link_text(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and j not in verdicts and _is_link_text(lines[j]):
            j += 1
        bounded_above = i - 1 in verdicts
        bounded_below = j == len(lines) or j in verdicts
        if bounded_above and bounded_below:
            for k in range(i, j):
                verdicts[k] = "link text near junk"
        i = j


def _is_link_text(line: Line) -> bool:
    """Short and not a sentence: a headline, menu item or name (not a table row)."""
    return line.words <= 15 and not rules.ends_like_sentence(line.text) and not rules.is_table_row(line.text)


def _same_text(a: str, b: str) -> bool:
    """Equal up to case and spacing (a title repeated in the text)."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _find_title(lines: Sequence[Line], verdicts: dict[int, str], title: str | None) -> Line | None:
    """The first kept line when it is the title.

    With a known title only a line repeating it counts (so cleaning twice is stable);
    otherwise a short first line that does not end like a prose sentence, followed by
    more text, is the headline.
    """
    kept = [ln for ln in lines if ln.index not in verdicts]
    if len(kept) < 2:
        return None
    first = kept[0]
    if title is not None:
        return first if _same_text(first.text, title) else None
    return first if _looks_like_title(first) else None


def _looks_like_title(line: Line) -> bool:
    """Short, two real words or more, no list bullet, no sentence or label ending.

    A prose line (an anchor) is never a title, so a second cleaning sees the same zones.
    """
    text = line.text
    return (line.words <= MAX_TITLE_WORDS and len(re.findall(r"[^\W\d_]{2,}", text)) >= 2
            and text[-1] not in ".:;,\"”’'»" and text[0] not in "-–—•*" and not rules.is_prose(line))


# A site's search page: a path part named "search" ("/search", "/templates/search/index.php",
# "/Search.aspx"), or a title that says it lists results.
_SEARCH_PART = re.compile(r"search(?:\.\w{2,5})?", re.I)
_SEARCH_TITLE = re.compile(r"\s*search results?\b", re.I)


def search_page(doc: RawDocument) -> str | None:
    """Why ``doc`` is a site's search results, not an article ("NPR Search : NPR" at
    npr.org/templates/search/...: snippets of unrelated stories cut mid-sentence), or None."""
    path = urlsplit(doc.url).path if doc.url else ""
    if any(_SEARCH_PART.fullmatch(part) for part in path.split("/")):
        return f"not an article: a site search page (URL path {path!r})"
    if doc.title and _SEARCH_TITLE.match(doc.title):
        return f"not an article: a site search page (title {doc.title[:80]!r})"
    return None


def clean_document(doc: RawDocument, settings: Settings) -> Article:
    """Clean one document into an ``Article`` (see module docstring).

    Raises ``ExtractionError`` for a site's search page (``search_page``) and when fewer
    than ``settings.min_article_chars`` remain.
    """
    if (why := search_page(doc)) is not None:
        raise ExtractionError(doc.source, why)
    lines = split_lines(doc.text)
    ctx = _article_context(lines)
    verdicts = _judge_lines(lines, ctx)
    title, author = doc.title, doc.author
    title_line = _find_title(lines, verdicts, doc.title)
    if title_line is not None:
        verdicts[title_line.index] = TITLE_REASON
        title = title or redact(title_line.text)
        for ln in lines:  # every other copy goes too, so a second cleaning finds none
            if ln.index != title_line.index and _same_text(ln.text, title_line.text):
                verdicts[ln.index] = "title (repeated)"
    for index in rules.echoed_captions(lines, skip=verdicts.keys()):
        verdicts[index] = "photo caption (repeats a sentence)"
    if author is None:
        author = next((rules.byline_author(redact(ln.text)) for ln in lines
                       if verdicts.get(ln.index) == BYLINE_REASON), None)
    kept = [ln for ln in lines if ln.index not in verdicts]
    text, offset_map = _assemble(kept)
    if len(text) < settings.min_article_chars:
        reasons = Counter(verdicts.values()).most_common(3)
        why = ", ".join(f"{reason} x{n}" for reason, n in reasons)
        raise ExtractionError(doc.source, f"no article text left after cleaning ({len(text)} chars kept; "
                                          f"lines removed: {why or 'none'})")
    removed = tuple(RemovedLine(redact(ln.text), verdicts[ln.index], ln.start, ln.end)
                    for ln in lines if ln.index in verdicts)
    key = doc.url or os.path.basename(doc.source)
    return Article(
        id=content_hash(key, text), source=doc.source, text=text, raw_text=doc.text, url=doc.url,
        title=title, author=author, outlet=doc.outlet, published=doc.published,
        language=ctx.language, removed=removed, offset_map=offset_map,
    )


def _assemble(kept: Sequence[Line]) -> tuple[str, OffsetMap]:
    """Join kept lines with "\\n", redacting PII; runs of verbatim text form the map."""
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    for n, line in enumerate(kept):
        if n:
            parts.append("\n")
            pos += 1
        cur = 0
        for span in [*find_pii(line.text), None]:
            stop = span.start if span else len(line.text)
            if stop > cur:
                segments.append((pos, line.start + cur, stop - cur))
                parts.append(line.text[cur:stop])
                pos += stop - cur
            if span:
                parts.append(span.marker)
                pos += len(span.marker)
                cur = span.end
    return "".join(parts), OffsetMap(tuple(segments))
