"""``Report`` -> the JSON contract ``newsdesk.report/1`` (see schema/report.schema.json).

Deterministic: the same inputs give byte-identical JSON (no timestamps, no timings,
stable ordering, ``sort_keys=False`` with a fixed field order).
"""

from __future__ import annotations

import json
from typing import Any

from newsdesk.model import (
    SCHEMA_ID,
    Article,
    Citation,
    ClaimGroup,
    Contradiction,
    Entity,
    Figure,
    Quote,
    Report,
    Story,
    TimelineEntry,
)


def article_to_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "source": a.source,
        "url": a.url,
        "title": a.title,
        "author": a.author,
        "outlet": a.outlet,
        "published": a.published,
        "language": a.language,
        "text": a.text,
        "removed": [{"text": r.text, "reason": r.reason} for r in a.removed],
        "duplicate_of": a.duplicate_of,
        "sentences": [[s.start, s.end] for s in a.sentences],
    }


def entity_to_dict(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "type": e.type,
        "aliases": list(e.aliases),
        "article_ids": list(e.article_ids),
        "mentions": [m.to_dict() for m in e.mentions],
    }


def claim_to_dict(c: ClaimGroup) -> dict[str, Any]:
    return {
        "id": c.id,
        "text": c.text,
        "kind": c.kind,
        "status": c.status,
        "support_count": c.support_count,
        "origins": list(c.origins),
        "evidence": [e.to_dict() for e in c.evidence],
        "checkworthy": c.checkworthy,
        "focus": list(c.focus) if c.focus else None,
        "restates": c.restates,
    }


def contradiction_to_dict(c: Contradiction) -> dict[str, Any]:
    return {"id": c.id, "reason": c.reason, "kind": c.kind, "a": c.a.to_dict(), "b": c.b.to_dict()}


def citation_to_dict(c: Citation) -> dict[str, Any]:
    return {"article_id": c.article_id, "cites": c.cites, "cites_entity_id": c.cites_entity_id,
            "evidence": c.evidence.to_dict(), "mention": c.mention.to_dict() if c.mention else None}


def quote_to_dict(q: Quote) -> dict[str, Any]:
    return {"speaker": q.speaker, "speaker_entity_id": q.speaker_entity_id, "text": q.text,
            "evidence": q.evidence.to_dict()}


def timeline_to_dict(t: TimelineEntry) -> dict[str, Any]:
    return {"date": t.date, "mod": t.mod, "text": t.text, "evidence": t.evidence.to_dict()}


def figure_to_dict(f: Figure) -> dict[str, Any]:
    return {"id": f.id, "counted": f.counted, "predicate": f.predicate, "differ": f.differ,
            "values": [{"value": v.value, "text": v.text, "support_count": v.support_count,
                        "evidence": [e.to_dict() for e in v.evidence]} for v in f.values]}


def story_to_dict(s: Story) -> dict[str, Any]:
    return {
        "id": s.id,
        "headline": s.headline,
        "article_ids": list(s.article_ids),
        "entities": [entity_to_dict(e) for e in s.entities],
        "claims": [claim_to_dict(c) for c in s.claims],
        "contradictions": [contradiction_to_dict(c) for c in s.contradictions],
        "citations": [citation_to_dict(c) for c in s.citations],
        "quotes": [quote_to_dict(q) for q in s.quotes],
        "timeline": [timeline_to_dict(t) for t in s.timeline],
        "figures": [figure_to_dict(f) for f in s.figures],
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "schema": SCHEMA_ID,
        "generated_by": report.generated_by,
        "articles": [article_to_dict(a) for a in report.articles],
        "skipped": [{"source": s.source, "reason": s.reason, "stage": s.stage} for s in report.skipped],
        "stories": [story_to_dict(s) for s in report.stories],
    }


def render_json(report: Report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=1) + "\n"
