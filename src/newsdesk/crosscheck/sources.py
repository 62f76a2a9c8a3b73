"""Origins of reporting and how independent a set of articles really is.

Reads ``Citation`` records (``extract.citations``); adds nothing to the model, it answers
three questions for the cross-check and the report:

- ``article_origins``: which original reports an article attributes its content to
  (an article-level credit such as "This was reported by The Washington Post.", a wire
  dateline "(AP)" or "Information from: X" comes first);
- ``origin_for_span``: who one claim (a span) is attributed to;
- ``independence``: "N outlets, M independent origins", where articles citing the same
  original count as one origin, near-duplicates count once, and an unattributed
  article is its own origin (those of one outlet are one together).

Source names are compared by ``normalize_name`` (case, accents, a leading "the" and
punctuation ignored), so "The Erie Times News" and "Erie Times-News" are one origin.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from newsdesk.extract.citations import WIRE_NAMES, outlet_key
from newsdesk.model import Article, Citation
from newsdesk.wording import plural

# An attribution that covers the whole article, not one sentence.
_ARTICLE_LEVEL = re.compile(
    r"^(?:this|that|it|these reports?|the (?:story|article|news|information|report))\b[^.\n]{0,40}?"
    r"\b(?:was|were|has been|had been|is|are)\s+(?:first\s+|originally\s+|initially\s+)?"
    r"(?:reported|published|broken|released|revealed)\s+by\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"\((?:" + "|".join(WIRE_NAMES) + r")\)$")
_CREDIT = re.compile(r"^(?:Information from|Source|Sources|Via|Originally published (?:by|in|at))\s*:",
                     re.IGNORECASE)
# An attribution opening a sentence also covers the next sentence of the paragraph
# ("According to the newspaper, the requests ... It was to be handed over ...").
_CARRIES_OVER = re.compile(r"^(?:according to|as (?:first |originally )?reported by|citing)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


def is_article_level(citation: Citation) -> bool:
    """Whether a citation credits the whole article (credit sentence, wire dateline, credit line)."""
    text = citation.evidence.text.strip()
    return bool(_ARTICLE_LEVEL.match(text) or _DATELINE.search(text) or _CREDIT.match(text))


def _own(article: Article, citations: Sequence[Citation]) -> list[Citation]:
    return sorted((c for c in citations if c.article_id == article.id), key=lambda c: c.evidence.start)


# Credit lines cleaning removes as boilerplate but that still name the origin: "Information
# from: Erie Times-News, http://..." and a wire service's copyright on another outlet's page.
_REMOVED_CREDIT = re.compile(r"^\s*Information from\s*:\s*(?P<name>[^,\n]+)", re.IGNORECASE)
# a wire agency credited for part of the report ("The Associated Press contributed to this
# report."): the article rests on it in part; reporters credited so are the outlet's own
_WIRE_CONTRIBUTED = re.compile(r"^\s*(?P<name>The Associated Press|Associated Press|Reuters|Agence France-Presse|AFP"
                               r"|United Press International)\s+contributed\b")
_WIRE_COPYRIGHT = re.compile(r"^\s*(?:Copyright|©)\s*(?:©\s*)?\d{4}\s+(?P<name>The Associated Press|"
                             r"Associated Press|Reuters|Agence France-Presse|AFP|United Press International)\b")


def removed_credits(article: Article) -> tuple[str, ...]:
    """Origins named only in lines cleaning removed (no evidence in ``article.text``)."""
    out: list[str] = []
    for line in article.removed:
        m = _REMOVED_CREDIT.match(line.text) or _WIRE_COPYRIGHT.match(line.text) or _WIRE_CONTRIBUTED.match(line.text)
        if m and m.group("name").strip() not in out:
            out.append(m.group("name").strip())
    return tuple(out)


def article_origins(article: Article, citations: Sequence[Citation]) -> tuple[str, ...]:
    """Distinct sources ``article`` attributes content to: article-level credits first, then by
    how often they are cited, then by first appearance; credit lines that cleaning removed
    (``removed_credits``) come last, when not already cited."""
    first: dict[str, tuple[int, int, str]] = {}  # key -> (rank, first position, display name)
    counts: Counter[str] = Counter()
    for pos, cit in enumerate(_own(article, citations)):
        key = outlet_key(cit.cites)
        counts[key] += 1
        rank = 0 if is_article_level(cit) else 1
        prior = first.get(key, (rank, pos, cit.cites))
        first[key] = (min(rank, prior[0]), prior[1], prior[2])
    order = sorted(first, key=lambda k: (first[k][0], -counts[k], first[k][1]))
    extra = [name for name in removed_credits(article) if outlet_key(name) not in first]
    return tuple(first[k][2] for k in order) + tuple(dict.fromkeys(extra))


def article_level_origin(article: Article, citations: Sequence[Citation]) -> str | None:
    """The source the article as a whole is credited to, if it declares one."""
    for cit in _own(article, citations):
        if is_article_level(cit):
            return cit.cites
    return None


def sentence_bounds(article: Article, offset: int) -> tuple[int, int]:
    """The sentence holding ``offset``: ``article.sentences`` when set, else a punctuation split."""
    sent = article.sentence_at(offset)
    if sent is not None:
        return sent.start, sent.end
    start = 0
    for m in _SENTENCE_END.finditer(article.text):
        if m.start() >= offset:
            return start, m.start()
        start = m.end()
    return start, len(article.text)


def _previous_sentence(article: Article, start: int) -> tuple[int, int] | None:
    """The sentence before the one starting at ``start``, in the same paragraph."""
    pos = start - 1
    while pos >= 0 and article.text[pos] in " \t":
        pos -= 1
    if pos < 0 or article.text[pos] == "\n":
        return None
    return sentence_bounds(article, pos)


def origin_for_span(article: Article, start: int, end: int, citations: Sequence[Citation]) -> str | None:
    """Who the claim at ``article.text[start:end]`` is attributed to, or None.

    A citation in the claim's sentence wins (the one overlapping the span first); else an
    "According to X," citation opening the previous sentence of the paragraph; else the
    article-level origin when the article declares one.
    """
    own = _own(article, citations)
    s_start, s_end = sentence_bounds(article, start)
    lo, hi = min(s_start, start), max(s_end, end)
    here = [c for c in own if c.evidence.start < hi and c.evidence.end > lo]
    if here:
        overlapping = [c for c in here if c.evidence.start < end and c.evidence.end > start]
        return (overlapping or here)[0].cites
    prev = _previous_sentence(article, s_start)
    if prev is not None:
        carried = [c for c in own if c.evidence.start < prev[1] and c.evidence.end > prev[0]
                   and _CARRIES_OVER.match(article.text[prev[0]:prev[1]])]
        if carried:
            return carried[0].cites
    return article_level_origin(article, citations)


class _UnionFind:
    def __init__(self, items: Sequence[str]) -> None:
        self.parent = {i: i for i in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _display_names(origins_by_article: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """normalized name -> the spelling used most often (first seen on ties)."""
    spellings: dict[str, Counter[str]] = {}
    for names in origins_by_article.values():
        for name in names:
            spellings.setdefault(outlet_key(name), Counter())[name] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in spellings.items()}


def _groups(article_ids: Sequence[str], origins: Mapping[str, set[str]],
            duplicate_of: Mapping[str, str | None], outlet_of: Mapping[str, str] | None = None) -> list[list[str]]:
    uf = _UnionFind(article_ids)
    for aid in article_ids:
        dup = duplicate_of.get(aid)
        if dup is not None and dup in uf.parent:
            uf.union(aid, dup)
    # a copy's origin is its family's: the NYT's run of an AP story that does not say
    # "(AP)" is the AP's, not the NYT's own reporting beside its run of a Reuters story
    sourced = {uf.find(aid) for aid in article_ids if origins[aid]}
    own = [aid for aid in article_ids if uf.find(aid) not in sourced]
    by_origin: dict[str, str] = {}
    for aid in article_ids:
        for key in origins[aid]:
            uf.union(aid, by_origin.setdefault(key, aid))
    if outlet_of is not None:
        by_outlet: dict[str, str] = {}
        for aid in own:  # an outlet's own reporting, however many articles
            uf.union(aid, by_outlet.setdefault(outlet_of.get(aid, aid), aid))
    groups: dict[str, list[str]] = {}
    for aid in article_ids:
        groups.setdefault(uf.find(aid), []).append(aid)
    return sorted(groups.values(), key=lambda g: (-len(g), article_ids.index(g[0])))


def _group_origin(group: Sequence[str], origins: Mapping[str, set[str]],
                  cited: Mapping[str, set[str]] | None = None) -> str | None:
    """The origin (normalized) most articles of the group give, or None; of two given
    as often, the one more of them cite anywhere (``cited``: article id -> every source
    it cites), then the first in order. Runs of one AP story, two declaring the AP and
    two crediting the Erie Times-News that all four cite, rest on the Erie Times-News:
    the name had turned on the alphabet, "4 citing Associated Press" for a whole sentence
    beside "3 citing Erie Times-News" for its clause. Sources cited anywhere do not
    outweigh the origins the sentences give: Elon Musk's tweets stay his, however many of
    the articles also cite The Verge."""
    counts = Counter(key for aid in group for key in origins[aid])
    anywhere = Counter(key for aid in group for key in (cited or {}).get(aid, ()) if key in counts)
    return min(counts, key=lambda k: (-counts[k], -anywhere[k], k)) if counts else None


def independence(article_ids: Sequence[str], origins_by_article: Mapping[str, Sequence[str]],
                 duplicate_of: Mapping[str, str | None],
                 outlet_of: Mapping[str, str] | None = None,
                 cited: Mapping[str, Sequence[str]] | None = None) -> dict[str, object]:
    """How many independent origins ``article_ids`` amount to.

    ``origins_by_article`` maps an article id to the sources the counted content is
    attributed to (``article_origins`` for whole articles, ``origin_for_span`` per claim);
    ``duplicate_of`` maps an id to the id it near-duplicates (or None). Articles sharing
    an origin, or copies of one another, form one group; each group is one origin.
    Returns ``outlets``, ``independent_origins``, ``groups`` (articles, origin, cited_by),
    ``unattributed`` (article ids) and ``summary`` ("3 outlets, all citing The Washington Post").
    With ``outlet_of`` (article id -> outlet), articles of one outlet are counted as such:
    "8 articles from 7 outlets, ..." where one outlet ran two of them. Two that cite
    different originals (one AP's, one Reuters') are two origins; those that cite none
    are one, the outlet's own reporting: an outlet does not confirm itself ("6 articles
    from 4 outlets, 6 independent origins" had counted the Daily Mail's three
    unattributed articles as three). ``cited`` (article id -> every source the article
    cites) names a group of copies by the origin most of them cite (``_group_origin``).
    """
    ids = list(dict.fromkeys(article_ids))
    origins = {aid: {outlet_key(o) for o in origins_by_article.get(aid, ()) if outlet_key(o)}
               for aid in ids}
    fold = _short_forms({k for keys in origins.values() for k in keys})
    origins = {aid: {fold.get(k, k) for k in keys} for aid, keys in origins.items()}
    anywhere = {aid: {fold.get(k, k) for o in (cited or {}).get(aid, ()) if (k := outlet_key(o))} for aid in ids}
    names = _display_names({aid: origins_by_article.get(aid, ()) for aid in ids})
    groups = []
    for members in _groups(ids, origins, duplicate_of, outlet_of):
        key = _group_origin(members, origins, anywhere)
        cited_by = [aid for aid in members if key in origins[aid]] if key else []
        own = {outlet_of.get(aid, aid) for aid in members} if outlet_of is not None else set()
        groups.append({"articles": members, "origin": names[key] if key else None, "cited_by": cited_by,
                       "outlet": next(iter(own)) if key is None and len(members) > 1 and len(own) == 1 else None})
    unattributed = [aid for aid in ids if not origins[aid]]
    outlets = len({outlet_of.get(aid, aid) for aid in ids}) if outlet_of is not None else len(ids)
    return {"outlets": outlets, "independent_origins": len(groups), "groups": groups,
            "unattributed": unattributed, "summary": _summary(len(ids), groups, outlets)}


def _short_forms(keys: set[str]) -> dict[str, str]:
    """One-word origins that are the first or last word of exactly one longer origin
    among ``keys``, mapped to it: "Sarah" and "Musk" beside "Sarah Silverman" and "Elon
    Musk" (a speaker named short in one article), "Reuters" beside "Thomson Reuters".
    One that two longer origins share ("Times" beside "New York Times" and "Los Angeles
    Times") stays as it is."""
    out: dict[str, str] = {}
    for short in (k for k in keys if " " not in k):
        longer = [k for k in keys if " " in k and short in (k.split()[0], k.split()[-1])]
        if len(longer) == 1:
            out[short] = longer[0]
    return out


def _summary(n: int, groups: Sequence[Mapping[str, object]], outlets: int | None = None) -> str:
    """One human sentence: "3 outlets, all citing The Washington Post" (``n`` articles,
    from ``outlets`` outlets when fewer: "3 articles from 2 outlets, ...")."""
    if n == 0:
        return "no outlets"
    head = plural(n, "outlet") if outlets is None or outlets >= n else \
        f"{plural(n, 'article')} from {plural(outlets, 'outlet')}"
    if len(groups) == 1:
        origin, cited_by = groups[0]["origin"], groups[0]["cited_by"]
        if origin is not None and isinstance(cited_by, list) and len(cited_by) == n:
            return f"{head}, all citing {origin}" if n > 1 else f"{head}, citing {origin}"
        if origin is None and n > 1 and groups[0].get("outlet"):
            return f"{plural(n, 'article')} from {groups[0]['outlet']}, unattributed"
        if origin is None and n > 1:
            return f"{head}, all copies of one report"
        if origin is None:
            return f"{head}, unattributed"
    parts: list[str] = []
    unattributed = 0
    for group in groups:
        members = group["articles"]
        size = len(members) if isinstance(members, list) else 0
        if group["origin"] is not None:
            parts.append(f"{size} citing {group['origin']}")
        elif size > 1 and group.get("outlet"):
            parts.append(f"{size} unattributed from {group['outlet']}")
        elif size > 1:
            parts.append(f"{size} copies of one report")
        else:
            unattributed += 1
    if unattributed:
        parts.append(f"{unattributed} unattributed")
    return f"{head}, {plural(len(groups), 'independent origin')}: " + ", ".join(parts)
