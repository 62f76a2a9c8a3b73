"""brief.md: the story for an analyst in a hurry, every line with its sources.

Article text is untrusted: it is escaped so that a Markdown viewer renders it as text
(no raw HTML, no table breakage, no links it did not have).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsdesk.model import ClaimGroup, Evidence, Report, Story
from newsdesk.report.view import (
    MAX_FIGURES,
    FactView,
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
    story_view,
    story_views,
)
from newsdesk.wording import plural

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")
# An "&" is literal in Markdown unless it opens a character reference ("&amp;", "&#60;"):
# only those get a backslash, so "AT&T" and "Maduro & Russia" read as written.
_CHAR_REF = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
MAX_QUOTE_CHARS = 300
MAX_REMOVED_SHOWN = 40


def md(text: str, limit: int | None = None) -> str:
    """Escape untrusted text for inline Markdown (one line, bounded length)."""
    one = " ".join(text.split())
    if limit is not None and len(one) > limit:
        one = one[: limit - 1].rstrip() + "…"
    one = _MD_SPECIAL.sub(r"\\\1", one)
    one = _CHAR_REF.sub(r"\\&", one)  # after the escapes above: this backslash must stay single
    return one.replace("<", "&lt;").replace(">", "&gt;")  # no raw HTML survives


def _src(e: Evidence, labels: dict[str, str]) -> str:
    return f"{md(labels.get(e.article_id, e.article_id))} [{e.article_id[:8]}:{e.start}-{e.end}]"


def claim_md(claim: ClaimGroup, limit: int) -> str:
    """A claim's text as inline Markdown, its focus (the list item the outlets share, in
    the sentence shown around it) in bold."""
    if claim.focus is None:
        return md(claim.text, limit)
    pre, mid, post = focus_parts(claim, limit)
    if not mid:  # a focus that is the whole statement: nothing to set apart (no empty "****")
        return md(claim.text, limit)

    def piece(x: str) -> str:  # ``md`` strips the ends: keep the spaces beside the focus
        return (" " if x[:1].isspace() else "") + md(x) + (" " if x[-1:].isspace() and x.strip() else "")

    return f"{piece(pre)}**{md(mid)}**{piece(post)}".strip()


def _alone(f: FactView) -> str:
    """ "“eight engines”, “five radars”: 004 alone": the figures of the text one outlet gives."""
    return ", ".join(f"“{md(x)}”" for x in f.unshared) + f": {md(f.unshared_outlet)} alone" if f.unshared else ""


def _fact_line(f: FactView, labels: dict[str, str]) -> str:
    cites = "; ".join(_src(e, labels) for e in f.sources)
    alone = f"; *{_alone(f)}*" if f.unshared else ""
    return f"- {claim_md(f.claim, 400)} — *{md(f.independence)}*{alone} ({cites})"


def _header(v: StoryView, lines: list[str]) -> None:
    s = v.story
    lines += [f"## {md(s.headline or s.id)}", "",
              f"Story `{s.id}` · {plural(len(s.article_ids), 'article')} · {plural(len(v.outlets), 'outlet')}: "
              + ", ".join(md(o) for o in v.outlets), ""]
    if v.other_language:
        lines += [f"**Not in English**: {', '.join(f'{md(o)} ({md(code)})' for o, code in v.other_language)}. "
                  "newsdesk reads English: the claims, names, dates and quotes of "
                  f"{'this article' if len(v.other_language) == 1 else 'these articles'} are read by English rules "
                  "and models and are unreliable: read the original.", ""]
    if v.summary:
        lines += ["**Summary** (corroborated claims only): "
                  + " ".join(claim_md(f.claim, 300) + (f" *({_alone(f)})*" if f.unshared else "") for f in v.summary), ""]
    else:
        lines += ["**Summary**: no claim is reported by two or more independent articles yet.", ""]


def _facts(v: StoryView, lines: list[str]) -> None:
    labels = v.article_outlet
    if v.key_facts:
        lines += ["### Key facts", ""]
        if any(f.claim.focus for f in v.key_facts):
            lines += ["In **bold**: the part of a sentence the outlets share, where they share one item of its list "
                      "or what it reports someone said.", ""]
        lines += [_fact_line(f, labels) for f in v.key_facts] + [""]
    if v.single_source:
        note = v.single_source_note
        lines += ["### Single-source claims", "", f"{note[:1].upper()}{note[1:]}; treat with care. Most check-worthy "
                  "first (figures, named actors, dates, completed acts).", ""]
        lines += [_fact_line(f, labels) for f in v.single_source[:30]]
        if len(v.single_source) > 30:
            lines.append(f"- … and {len(v.single_source) - 30} more in report.json")
        lines.append("")


def _contradictions(v: StoryView, labels: dict[str, str], lines: list[str]) -> None:
    if not v.conflicts:
        lines += ["### Contradictions", "", "None found.", ""]
        return
    lines += ["### Contradictions", ""]
    for c in v.conflicts:
        lines += [f"- **{md(conflict_reason(c, labels))}**",
                  f"  - {_src(c.a, labels)}: “{md(c.a.text, MAX_QUOTE_CHARS)}”"]
        lines += [f"  - {'; '.join(_src(e, labels) for e in places)}: “{md(text, MAX_QUOTE_CHARS)}”"
                  for text, places in conflict_sides(c)]
    lines.append("")


def _figures(report: Report, s: Story, labels: dict[str, str], lines: list[str]) -> None:
    if not s.figures:
        return
    lines += ["### Figures across outlets", "",
              "Every value the articles give for one counted thing; *values differ* when two of them "
              "cannot be the same figure (rounding and “more than” bounds aside).", ""]
    for f in s.figures[:MAX_FIGURES]:
        lines.append(f"- **{md(f.counted)} {md(f.predicate)}**" + (" — *values differ*" if f.differ else ""))
        for val in f.values:
            cites = "; ".join(_src(e, labels) for e in figure_sources(val))
            first = figure_first_published(report, val)
            when = f", first published {md(first)}" if first else ""
            note = elsewhere_note(figure_elsewhere(report, s, f, val))
            lines.append(f"  - “{md(val.text, 120)}”: {md(figure_support(val, labels))}{when}"
                         + (f" · *{md(note)}*" if note else "") + " — "
                         f"“{md(figure_sentence(report, val), MAX_QUOTE_CHARS)}” ({cites})")
    if len(s.figures) > MAX_FIGURES:
        lines.append(f"- … and {len(s.figures) - MAX_FIGURES} more in report.json")
    lines.append("")


def _who_said(v: StoryView, lines: list[str]) -> None:
    if not v.quotes_by_speaker:
        return
    lines += ["### Who said what", "", "*check-worthy*: the quote states something one could verify (a figure, "
              "named actors, a date, a completed act), not a view.", ""]
    for speaker, quotes in v.quotes_by_speaker:
        for text, places in quotes:
            where = "; ".join(_src(ev, v.article_outlet) for ev in places)
            mark = " · *check-worthy*" if v.is_checkable(places) else ""
            lines.append(f"- **{md(speaker)}**: “{md(text, MAX_QUOTE_CHARS)}” ({where}){mark}")
    lines.append("")


def _timeline(s: Story, labels: dict[str, str], lines: list[str]) -> None:
    if not s.timeline:
        return
    lines += ["### Timeline", ""]
    lines += [f"- `{md(date_label(t.date, t.mod))}` {md(t.text, 300)} ({_src(t.evidence, labels)})" for t in s.timeline]
    lines.append("")


def _sources(v: StoryView, lines: list[str]) -> None:
    lines += ["### Sources", "", "| outlet | article | cites | corroborated | unique | boilerplate removed |",
              "|---|---|---|---|---|---|"]
    for r in v.sources:
        dup = f" (copy of {r.duplicate_of[:8]})" if r.duplicate_of else ""
        lines.append(f"| {md(r.outlet)} | {md(r.title or r.article_id, 80)}{dup} | {md(', '.join(r.cites) or '—')} "
                     f"| {r.corroborated} | {r.unique} | {r.removed} |")
    lines.append("")
    if v.attributions:
        lines += ["Cited by several outlets:", ""]
        lines += [f"- **{md(', '.join(c.origins))}**: {v.outlets_citing(c)} outlets ("
                  + "; ".join(f"{_src(e, v.article_outlet)} “{md(e.text, 120)}”" for e in c.evidence) + ")"
                  for c in v.attributions]
        lines.append("")


def _entities(s: Story, lines: list[str]) -> None:
    if not s.entities:
        return
    lines += ["### Entities", ""]
    for e in s.entities[:25]:
        aliases = ", ".join(md(a) for a in e.aliases if a != e.name)
        lines.append(f"- **{md(e.name)}** ({e.type}) in {plural(len(e.article_ids), 'article')}"
                     + (f"; also “{aliases}”" if aliases else ""))
    lines.append("")


def _removed(report: Report, story: Story, labels: dict[str, str], lines: list[str]) -> None:
    arts = {a.id: a for a in report.articles}
    rows = [(aid, r) for aid in story.article_ids for r in arts[aid].removed]
    if not rows:
        return
    lines += ["### Removed from the source text", ""]
    for aid, r in rows[:MAX_REMOVED_SHOWN]:
        lines.append(f"- {md(labels[aid])}: “{md(r.text, 120)}” — {md(r.reason)}")
    if len(rows) > MAX_REMOVED_SHOWN:
        lines.append(f"- … and {len(rows) - MAX_REMOVED_SHOWN} more in report.json")
    lines.append("")


def render_story_markdown(report: Report, story: Story, view: StoryView | None = None) -> list[str]:
    v = view or story_view(report, story)
    lines: list[str] = []
    _header(v, lines)
    _facts(v, lines)
    _contradictions(v, v.article_outlet, lines)
    _figures(report, story, v.article_outlet, lines)
    _who_said(v, lines)
    _timeline(story, v.article_outlet, lines)
    _sources(v, lines)
    _entities(story, lines)
    _removed(report, story, v.article_outlet, lines)
    return lines


def render_markdown(report: Report, views: Mapping[str, StoryView] | None = None) -> str:
    """The whole brief: one section per story, then skipped inputs; ``views``: every
    story's view by id (``story_views``) when the caller has them."""
    views = views if views is not None else story_views(report)
    lines = ["# newsdesk brief", "",
             f"{plural(len(report.articles), 'article')}, {plural(len(report.stories), 'story')}, "
             f"{plural(len(report.skipped), 'input')} skipped. Evidence is cited as outlet [article-id:start-end] "
             "(character offsets into the cleaned text in report.json).", ""]
    for story in report.stories:
        lines += render_story_markdown(report, story, views[story.id])
    if report.skipped:
        lines += ["## Skipped inputs", ""]
        lines += [f"- {md(s.source)}: {md(s.reason)} ({s.stage})" for s in report.skipped]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
