"""report.html: self-contained (no external assets, CSP blocks any), every string escaped.

Jinja2 autoescaping escapes all article-derived strings; the two inline SVG charts are
built here with ``html.escape`` on every label.
"""

from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Mapping
from itertools import combinations

from jinja2 import Environment, PackageLoader, select_autoescape

from newsdesk.model import Report, Story
from newsdesk.report.view import (
    MAX_FIGURES,
    StoryView,
    conflict_reason,
    conflict_sides,
    date_label,
    elsewhere_note,
    figure_elsewhere,
    figure_first_published,
    figure_sentence,
    figure_sources,
    figure_support,
    focus_parts,
    story_views,
)
from newsdesk.wording import plural

MAX_GRAPH_NODES = 14


def _env() -> Environment:
    return Environment(loader=PackageLoader("newsdesk.report", "templates"),
                       autoescape=select_autoescape(default=True, default_for_string=True))


def _date_pos(value: str) -> float | None:
    """A sortable number for a TIMEX value with a known year (YYYY, YYYY-MM, YYYY-MM-DD)."""
    parts = value.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 6
        d = int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else 15
    except (ValueError, IndexError):
        return None
    return y * 372 + (m - 1) * 31 + (d - 1)


def timeline_svg(story: Story, width: int = 1000) -> str:
    points = [(p, t.date) for t in story.timeline if (p := _date_pos(t.date)) is not None]
    if not points:
        return ""
    lo, hi = min(p for p, _ in points), max(p for p, _ in points)
    span = max(hi - lo, 1)
    out = [f'<svg width="{width}" height="70" viewBox="0 0 {width} 70" role="img" aria-label="timeline">',
           f'<line x1="20" y1="35" x2="{width - 20}" y2="35" stroke="#596275"/>']
    for i, (p, label) in enumerate(sorted(set(points))):
        x = 20 + (p - lo) / span * (width - 40)
        y = 20 if i % 2 else 58
        out.append(f'<circle cx="{x:.1f}" cy="35" r="5" fill="#2b6cb0"/>'
                   f'<text x="{x:.1f}" y="{y}" font-size="11" text-anchor="middle">{html.escape(label)}</text>')
    out.append("</svg>")
    return "".join(out)


def _cooccurrence(report: Report, story: Story, names: dict[str, str]) -> Counter[tuple[str, str]]:
    by_sentence: dict[tuple[str, int], set[str]] = {}
    for e in story.entities:
        if e.id not in names:
            continue
        for m in e.mentions:
            sent = report.article(m.article_id).sentence_at(m.start)
            by_sentence.setdefault((m.article_id, sent.start if sent else -1), set()).add(e.id)
    edges: Counter[tuple[str, str]] = Counter()
    for ids in by_sentence.values():
        for a, b in combinations(sorted(ids), 2):
            edges[(a, b)] += 1
    return edges


def entity_svg(report: Report, story: Story, size: int = 520) -> str:
    nodes = list(story.entities[:MAX_GRAPH_NODES])
    if len(nodes) < 2:
        return ""
    names = {e.id: e.name for e in nodes}
    edges = _cooccurrence(report, story, names)
    c, r = size / 2, size / 2 - 90
    pos = {e.id: (c + r * math.cos(2 * math.pi * i / len(nodes)), c + r * math.sin(2 * math.pi * i / len(nodes)))
           for i, e in enumerate(nodes)}
    out = [f'<svg width="{size}" height="{size}" viewBox="0 0 {size} {size}" role="img" aria-label="entity graph">']
    top = max(edges.values(), default=1)
    for (a, b), w in sorted(edges.items()):
        (x1, y1), (x2, y2) = pos[a], pos[b]
        out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#8fa3bf" '
                   f'stroke-width="{1 + 4 * w / top:.1f}"/>')
    for e in nodes:
        x, y = pos[e.id]
        rad = 5 + 2 * min(len(e.article_ids), 8)
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{rad}" fill="#2b6cb0"/>'
                   f'<text x="{x:.1f}" y="{y - rad - 3:.1f}" font-size="11" text-anchor="middle">'
                   f"{html.escape(e.name)} ({html.escape(e.type)})</text>")
    out.append("</svg>")
    return "".join(out)


def render_html(report: Report, views: Mapping[str, StoryView] | None = None) -> str:
    """report.html; ``views``: every story's view by id (``story_views``) when the caller
    has them."""
    views = views if views is not None else story_views(report)
    stories = []
    for s in report.stories:
        v = views[s.id]
        removed = [(v.article_outlet[aid], r.text, r.reason) for aid in s.article_ids
                   for r in report.article(aid).removed]
        stories.append({"v": v, "timeline_svg": timeline_svg(s), "entity_svg": entity_svg(report, s),
                        "removed": removed})
    return _env().get_template("report.html.j2").render(
        stories=stories, skipped=report.skipped, n_articles=len(report.articles),
        generated_by=report.generated_by, figure_sources=figure_sources, max_figures=MAX_FIGURES,
        date_label=date_label, plural=plural, focus_parts=focus_parts, conflict_reason=conflict_reason, conflict_sides=conflict_sides,
        figure_sentence=lambda value: figure_sentence(report, value), figure_support=figure_support,
        figure_note=lambda story, figure, value: elsewhere_note(figure_elsewhere(report, story, figure, value)),
        figure_first_published=lambda value: figure_first_published(report, value),
    )
