"""What the brief shows, computed once for both renderers (Markdown and HTML).

Pure functions over a ``Report``: no analysis happens here beyond counting and ordering
what the stages produced, so the brief can never say more than the evidence holds.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newsdesk.extract.dates import TIMEX_DAY_PARTS
from newsdesk.model import (
    ATTRIBUTION,
    Article,
    ArticleAnnotations,
    ClaimGroup,
    Contradiction,
    Evidence,
    Figure,
    FigureValue,
    Quote,
    Report,
    Story,
    outlet_label,
    support_order,
)
from newsdesk.wording import plural

if TYPE_CHECKING:
    from newsdesk.crosscheck.unshared import StoryFigures

# The summary: 3 to 5 corroborated statements (``_summary``).
MAX_SUMMARY_SENTENCES = 5
MIN_SUMMARY_SENTENCES = 3
MAX_KEY_FACTS = 12
# Figures shown in the brief and report.html (all are in report.json).
MAX_FIGURES = 10


@dataclass
class SourceRow:
    article_id: str
    outlet: str
    title: str
    cites: list[str]
    corroborated: int
    unique: int
    removed: int
    duplicate_of: str | None


@dataclass
class FactView:
    claim: ClaimGroup
    outlets: list[str]
    independence: str
    sources: list[Evidence]
    # figures the shown text gives that no other outlet's member gives (``unshared_figures``),
    # and the outlet whose sentence the text is
    unshared: list[str] = field(default_factory=list)
    unshared_outlet: str = ""


@dataclass
class ConflictView:
    """One disagreement as the brief shows it: the contradictions of ``ids`` (report.json
    keeps each pair) whose side ``a`` is one place and whose sides ``b`` are one sentence
    that several outlets carry (wire copy), shown once with every place."""

    reason: str
    kind: str
    a: Evidence
    b: list[Evidence]
    ids: list[str]


@dataclass
class StoryView:
    story: Story
    outlets: list[str]
    summary: list[FactView]
    key_facts: list[FactView]
    single_source: list[FactView]
    sources: list[SourceRow]
    # speaker -> their quotes, each once with every place it appears (outlets repeat them)
    quotes_by_speaker: list[tuple[str, list[tuple[str, list[Evidence]]]]]
    matrix_outlets: list[str] = field(default_factory=list)
    matrix: list[tuple[ClaimGroup, list[bool]]] = field(default_factory=list)
    article_outlet: dict[str, str] = field(default_factory=dict)
    # (article id, start) of each quote a check-worthy claim states (extract.worthiness):
    # what a speaker said that one could verify
    checkable: set[tuple[str, int]] = field(default_factory=set)
    conflicts: list[ConflictView] = field(default_factory=list)
    # sources that several outlets cite ("Attributed to Washington Post", 3 outlets; two
    # articles of one outlet are one)
    attributions: list[ClaimGroup] = field(default_factory=list)
    # (outlet, language code) of each of the story's articles written in another language
    # than the one newsdesk reads (``other_language``)
    other_language: list[tuple[str, str]] = field(default_factory=list)

    def outlets_citing(self, claim: ClaimGroup) -> int:
        """How many outlets an attribution group's articles are from (two CNN articles
        crediting "(CNN)" are one outlet, not two)."""
        return outlet_count(claim.evidence, self.article_outlet)

    def is_checkable(self, places: Sequence[Evidence]) -> bool:
        return any((e.article_id, e.start) in self.checkable for e in places)

    @property
    def single_source_note(self) -> str:
        """What the single-source list holds: claims of one outlet, and, where some are
        several outlets' copies of one article (wire copy), those too: "3 outlets, 1
        independent origin" under a heading that said "one outlet only" read as a fault."""
        if any(len(f.outlets) > 1 for f in self.single_source):
            return "reported by one outlet, or by several that run copies of one article (see the source table)"
        return "reported by one outlet only"


def _article_origins(report: Report, ann: Mapping[str, ArticleAnnotations]) -> dict[str, tuple[str, ...]]:
    try:
        from newsdesk.crosscheck.sources import article_origins
    except ImportError:  # pragma: no cover - the cross-check stage is part of the package
        return {}
    return {a.id: tuple(article_origins(a, ann[a.id].citations if a.id in ann else ())) for a in report.articles}


# An article citing one source this often is built on it (see ``_Independence``).
MAIN_SOURCE_CITATIONS = 2
# The sentences that open an article: its lead, where it says what the story rests on.
LEAD_SENTENCES = 4


class _Independence:
    """Per-claim "N outlets, M independent origins", from each evidence span's own origin
    (the citation in or before its sentence, else the article's declared source, else the
    named speaker of the quote it is part of: ``_speaker``), falling
    back to the article's main source: the first of ``article_origins`` (declared first,
    then most cited) that the article cites for a statement other outlets also make, or
    cites MAIN_SOURCE_CITATIONS times or more. An article built on one report is not
    independent of it ("Official U.S. memos obtained by The Washington Post show that ..."
    carries the story's shared facts; NPR cites the Erie Times-News twice); a source cited
    once for a side detail is not what the article is built on (BBC's one citation of the
    Office of Rail and Road, for tram accident figures, had made its "the driver has been
    arrested" read "citing Office of Rail and Road")."""

    def __init__(self, report: Report, ann: Mapping[str, ArticleAnnotations]) -> None:
        from newsdesk.crosscheck.sources import article_origins, independence, origin_for_span
        from newsdesk.extract.citations import outlet_key

        self._arts = {a.id: a for a in report.articles}
        self._ann = ann
        self._origin_for_span = origin_for_span
        self._independence = independence
        shared: dict[str, list[Evidence]] = {}
        for story in report.stories:
            for group in story.claims:
                if group.support_count >= 2 and group.kind != ATTRIBUTION:
                    for e in group.evidence:
                        shared.setdefault(e.article_id, []).append(e)
        citing: dict[str, set[str]] = {}  # source key -> the articles that cite it
        for notes in ann.values():
            for c in notes.citations:
                citing.setdefault(outlet_key(c.cites), set()).add(c.article_id)
        self._main: dict[str, str | None] = {}
        for a in report.articles:
            cites = ann[a.id].citations if a.id in ann else ()
            counts = Counter(outlet_key(c.cites) for c in cites if c.article_id == a.id)
            # ... or cited for a statement other outlets also make, in the article's lead
            # (where news says what it rests on: "Michael Neu, 67, faces 269 counts ...,
            # according to the Slidell Police Department") or where other articles cite it
            # too (one original several outlets rest on); a sentence further down that alone
            # cites the US Census Bureau for a population figure does not make the Census
            # Bureau what an Equifax story is built on
            lead = a.sentences[LEAD_SENTENCES - 1].end if len(a.sentences) >= LEAD_SENTENCES else len(a.text)
            central = {k for k, n in counts.items() if n >= MAIN_SOURCE_CITATIONS} | {
                outlet_key(c.cites) for c in cites if any(c.evidence.overlaps(e) for e in shared.get(a.id, ()))
                and (c.evidence.start < lead or len(citing.get(outlet_key(c.cites), ())) >= 2)}
            self._main[a.id] = next((o for o in article_origins(a, cites) if outlet_key(o) in central), None)

    def _speaker(self, e: Evidence) -> str | None:
        """The named speaker of a quote that holds most of ``e``: the words of one
        person's statement (a tweet, a spokesman's) rest on that statement, however many
        outlets carry them ("7 outlets, all citing Sarah Silverman"). Only a speaker the
        run knows as an entity, and only where no citation covers the span."""
        from newsdesk.extract.quotes import quote_holding

        notes = self._ann.get(e.article_id)
        named = (q for q in (notes.quotes if notes is not None else ()) if q.speaker and q.speaker_entity_id)
        q = quote_holding(e.start, e.end, named)
        return q.speaker if q is not None else None

    @staticmethod
    def _same_sentence(evidence: Sequence[Evidence], aid: str, other: str) -> bool:
        """Whether two articles' evidence holds one sentence in near the same words
        (``twins``)."""
        return any(twins(a, b) for a in evidence if a.article_id == aid for b in evidence if b.article_id == other)

    def summary(self, evidence: Sequence[Evidence]) -> str:
        """The line for one claim's evidence. A claim of one outlet whose only origin is
        its article's main source is said to be unattributed where it stands: HuffPost's
        own "Accidentally high bills are a shocking part of modern life." is no claim of
        the Erie Times-News it quotes elsewhere ("1 outlet, unattributed (the article
        cites Erie Times-News elsewhere)")."""
        origins: dict[str, list[str]] = {}
        inherited = True
        for e in evidence:
            art = self._arts[e.article_id]
            cites = self._ann[e.article_id].citations if e.article_id in self._ann else ()
            own = self._origin_for_span(art, e.start, e.end, cites) or self._speaker(e)
            inherited = inherited and own is None
            found = own or self._main[e.article_id]
            origins.setdefault(e.article_id, [])
            if found and found not in origins[e.article_id]:
                origins[e.article_id].append(found)
        dups = {aid: self._arts[aid].duplicate_of for aid in origins}
        outlets = {aid: outlet_label(self._arts[aid]) for aid in origins}
        if len(origins) == 1 and inherited and (main := next(iter(origins.values()))):
            return f"1 outlet, unattributed (the article cites {main[0]} elsewhere)"
        if len(origins) > 1 and len(set(outlets.values())) == 1 and inherited:
            # one outlet's several articles telling it in their own voice: the sources
            # each cites elsewhere are not several origins of it
            mains = list(dict.fromkeys(m for found in origins.values() for m in found))
            where = f" (the articles cite {', '.join(mains)} elsewhere)" if mains else ""
            return f"{plural(len(origins), 'article')} from {next(iter(outlets.values()))}, unattributed{where}"
        for aid in origins:  # an outlet's own sentence again in another of its articles is a copy
            if dups[aid] is None:
                dups[aid] = next((other for other in origins if other < aid and outlets[other] == outlets[aid]
                                  and self._same_sentence(evidence, aid, other)), None)
        cited = {aid: [c.cites for c in self._ann[aid].citations] if aid in self._ann else [] for aid in origins}
        return str(self._independence(list(origins), origins, dups, outlets, cited)["summary"])


# TIMEX3 mods as a reader says them: "mid-October" is XXXX-10 (mid).
MOD_WORDS = {"START": "early", "MID": "mid", "END": "late"}


# A TIMEX3 value with a part of the day ("Thursday night" is 2016-07-14TNI) or a clock time
_TIME_OF_DAY = re.compile(r"(?P<day>.+?)T(?:(?P<part>" + "|".join(TIMEX_DAY_PARTS) + r")|(?P<clock>\d\d:\d\d)(?::\d\d)?)$")


def date_label(date: str, mod: str | None) -> str:
    """A timeline date as shown: its TIMEX3 value, the part of the day or the clock time
    it gives in words ("2016-07-14 night" for 2016-07-14TNI, "2016-09-05 12:00"), and the
    part of it a mod names ("XXXX-10 (mid)" for "mid-October", "2014 (early)")."""
    m = _TIME_OF_DAY.fullmatch(date)
    if m is not None:
        date = f"{m['day']} {TIMEX_DAY_PARTS[m['part']] if m['part'] else m['clock']}"
    word = MOD_WORDS.get(mod or "")
    return f"{date} ({word})" if word else date


def first_per_article(evidence: Sequence[Evidence]) -> list[Evidence]:
    """The first evidence span of each article, in the order the articles first appear."""
    seen: dict[str, Evidence] = {}
    for e in evidence:
        seen.setdefault(e.article_id, e)
    return list(seen.values())


def _fact(claim: ClaimGroup, labels: Mapping[str, str], ind: _Independence,
          unshared: Mapping[str, tuple[str, list[str]]] | None = None) -> FactView:
    sources = first_per_article(claim.evidence)
    outlets = sorted({labels.get(e.article_id, e.article_id) for e in sources})
    aid, figures = (unshared or {}).get(claim.id, ("", []))
    return FactView(claim, outlets, ind.summary(claim.evidence), sources, figures, labels.get(aid, aid))


def _squeeze(text: str) -> str:
    from newsdesk.crosscheck.align import squeeze

    return squeeze(text)[0]  # as a group's text is written


def unshared_figures(claim: ClaimGroup, arts: Mapping[str, Article],
                     figures: StoryFigures) -> tuple[str, list[str]]:
    """(article id, figures) of a corroborated group whose text states figures that rest
    on one outlet: the text is one member's sentence, and "Maduro also asked for help in
    overhauling eight engines and five radars" stands for "engine and radar repairs"
    too, so its "eight engines" and "five radars" rest on one outlet though the
    statement does not. A figure rests on one outlet when no other outlet of the story
    gives an amount that can be the same (``crosscheck.unshared.StoryFigures``, the
    reading the single-source figure claims use). ("", []) when the text gives none or
    every one is shared, and for a group with a ``focus``: its text marks the part the
    outlets share, and the rest of the sentence is one outlet's."""
    from newsdesk.crosscheck.sources import sentence_bounds

    if claim.support_count < 2 or claim.focus is not None:
        return "", []
    opening = _squeeze(claim.text)[:80]
    for e in claim.evidence:
        art = arts.get(e.article_id)
        if art is None:
            continue
        lo, hi = sentence_bounds(art, e.start)
        lo, hi = min(lo, e.start), max(hi, e.end)
        if opening not in _squeeze(art.text[lo:hi]):
            continue
        # each figure in the words it stands in ("33-year-old", not "33-year")
        alone = [art.text[slice(*_whole_words(art.text, q.evidence.start, q.evidence.end))]
                 for q in figures.measured.get(e.article_id, ())
                 if lo <= q.evidence.start and q.evidence.end <= hi and _squeeze(q.evidence.text) in claim.text
                 and not figures.shared(e.article_id, q)]
        return (e.article_id, list(dict.fromkeys(alone))) if alone else ("", [])
    return "", []


# Words that credit a statement to its source ("..., Equifax said on Monday", "..., said
# Pierre-Henry Brandet, a spokesman for ..."), the most words such a credit has beside
# the statement it credits, and the most after its verb unless the verb comes first
# ("said Pierre-Henry Brandet, ..."); ``_is_credit``.
_CREDIT_VERBS = frozenset({"said", "says", "told", "tells", "added", "adds", "according", "reported", "reports",
                           "announced", "confirmed", "stated", "wrote", "explained", "noted", "maintained",
                           "insisted", "argued", "stressed", "emphasized", "declared", "acknowledged",
                           "admitted", "revealed", "disclosed", "tweeted"})
CREDIT_WORDS = 12
CREDIT_TAIL = 4
CREDIT_SPEAKER = 5
# Words that open or join another statement, not a credit ("and the company said the
# hackers also took ...", "said that ...", "The carpet fitter, who suffered a badly bruised
# shoulder, said").
_NOT_CREDIT = frozenset({"and", "but", "while", "as", "because", "although", "though", "after", "before", "when",
                         "which", "who", "that", "so", "if"})


def _is_credit(words: Sequence[str], before: bool = False) -> bool:
    """Whether ``words`` (lower case) only credit a statement: a verb of saying
    (``_CREDIT_VERBS``) first, or after CREDIT_SPEAKER words or fewer that name who said
    it (no -ing form, no figure: not "killing 12 officials said") and with CREDIT_TAIL
    words or fewer after it ("equifax said on monday"), CREDIT_WORDS words or fewer in
    all, and no word that opens or joins another statement (``_NOT_CREDIT``), but a last
    "that" when they come ``before`` the statement ("the company also said that")."""
    if before and words and words[-1] == "that":
        words = words[:-1]
    verb = next((k for k, w in enumerate(words) if w in _CREDIT_VERBS), None)
    if verb is None or len(words) > CREDIT_WORDS or _NOT_CREDIT.intersection(words):
        return False
    speaker = words[:verb]  # who is credited, when named before the verb: no act, no figure
    return (len(speaker) <= CREDIT_SPEAKER and not any(w.endswith("ing") or any(ch.isdigit() for ch in w)
                                                       for w in speaker)
            and (verb == 0 or len(words) - verb - 1 <= CREDIT_TAIL))


def only_credits(words: str, inner: str) -> bool:
    """Whether ``words`` are ``inner`` (both ``_quote_key`` words) plus only a credit of it,
    before or after it (``_is_credit``): "millions more people were affected ...
    equifax said on monday" of "millions more people were affected ...", "the company
    also said that more than 200 000 credit card numbers were illegally obtained" of
    "more than 200 000 credit card numbers were illegally obtained"."""
    at = f" {words} ".find(f" {inner} ")
    if at < 0 or words == inner:
        return False
    before, after = words[:at].split(), words[at + len(inner):].split()
    return bool(before) != bool(after) and _is_credit(before or after, before=bool(before))


def _credited_again(words: str, outlets: set[str], said: Sequence[tuple[str, set[str], set[str]]]) -> bool:
    """Whether ``words`` are the words of an earlier shown statement plus only a credit
    of it (``only_credits``), from the outlets of that statement or fewer: "Millions more
    people were affected by Equifax's data breach than the credit bureau initially
    estimated, Equifax said on Monday." under the same statement without its credit,
    from four outlets. A single-source sentence that only credits a corroborated
    statement from one of its outlets ("..., Reuters reported.") is that statement again
    too."""
    return any(outlets <= earlier_outlets and only_credits(words.strip(), earlier.strip())
               for earlier, _, earlier_outlets in said)


def _rank(claims: Sequence[ClaimGroup], outlet_of: Mapping[str, str] | None = None) -> list[ClaimGroup]:
    """Best supported first; a group whose readable text and focus repeat an earlier
    one's is shown once, under the better supported group, and so is a group with no
    focus whose text was shown. Two list items of one sentence ("14 sets of missiles",
    "logistical support") have one text and two foci: both are shown, each with its
    own part marked. A group with no focus whose words an earlier group states, in that
    group's whole text or its marked part, from the same articles or more, is that
    group again ("North Korea's nuclear ambitions were now complete." under "... warning
    the United States that North Korea's nuclear ambitions were now complete and ...");
    a part the earlier group leaves unmarked is not stated by it and stays. So is a group
    that only adds a credit to an earlier one's words, from its outlets or fewer
    (``_credited_again``; ``outlet_of``: article id -> outlet, each article its own
    outlet without it), and a group that tells an earlier one again in other words
    (``ClaimGroup.restates``)."""
    passed: set[str] = set()  # every group ranked so far, shown or not
    seen: set[tuple[str, tuple[int, int] | None]] = set()
    texts: set[str] = set()
    said: list[tuple[str, set[str], set[str]]] = []  # the words each shown group states, its articles, outlets
    whole: list[tuple[str, set[str], set[str]]] = []  # the same of each shown group with no focus
    outlet_of = outlet_of or {}
    out = []
    for c in sorted(claims, key=support_order):
        passed.add(c.id)
        if (c.text, c.focus) in seen or (c.focus is None and c.text in texts) or c.restates in passed:
            continue
        arts = {e.article_id for e in c.evidence}
        outlets = {outlet_of.get(a, a) for a in arts}
        words = f" {_quote_key(c.text)} "
        if c.focus is None and (any(words in w and arts <= a for w, a, _ in said)
                                or _credited_again(words, outlets, whole)):
            continue
        seen.add((c.text, c.focus))
        texts.add(c.text)
        stated = c.text if c.focus is None else c.text[c.focus[0]:c.focus[1]]
        said.append((f" {_quote_key(stated)} ", arts, outlets))
        if c.focus is None:
            whole.append(said[-1])
        out.append(c)
    return out


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` widened to the words it cuts: a figure marked in "the 58-year-old
    Horomanski" is "58-year-old", not "**58-year**-old"."""
    joiners = "-'\u2019"

    def inside(i: int) -> bool:
        """Whether a cut at ``i`` splits a word (letters and digits, joined by a hyphen or
        an apostrophe)."""
        if not 0 < i < len(text):
            return False
        before, after = text[i - 1], text[i]
        if after.isalnum():
            return before.isalnum() or before in joiners
        return before.isalnum() and after in joiners and i + 1 < len(text) and text[i + 1].isalnum()

    while start > 0 and start < end and inside(start):
        start -= 1
    while end < len(text) and end > start and inside(end):
        end += 1
    return start, end


def focus_parts(claim: ClaimGroup, limit: int | None = None) -> tuple[str, str, str]:
    """A claim's text as (before, focus, after) (``ClaimGroup.focus``), cut to about
    ``limit`` characters around the focus with "…" where cut; a claim with no focus, or
    one whose focus is all of it, is (text, "", "") whole (``markdown.md`` bounds it)."""
    text = claim.text
    if claim.focus is None:
        return text, "", ""
    s, e = _whole_words(text, *claim.focus)
    pre, mid, post = text[:s], text[s:e], text[e:]
    if not pre.strip(" ([\"'\u201c\u2018") and not post.strip(" .!?)]\"'\u201d\u2019"):
        # the focus is the whole statement, or all of it inside its brackets or quote
        # marks: nothing to set apart
        return text, "", ""
    room = max((limit or len(text)) - len(mid), 0)
    if len(pre) + len(post) > room:
        keep_pre = min(len(pre), max(room - len(post), room // 2))
        keep_post = max(room - keep_pre, 0)
        if keep_pre < len(pre):
            pre = "\u2026" + pre[len(pre) - keep_pre:].lstrip()
        if keep_post < len(post):
            post = post[:keep_post].rstrip() + "\u2026"
    return pre, mid, post


def _quote_key(text: str) -> str:
    """A quote's words for comparison: lower case, one kind of apostrophe, no punctuation."""
    return " ".join(re.findall(r"\w+(?:'\w+)*", text.lower().replace("\u2019", "'")))


def _full_names(speakers: set[str]) -> dict[str, str]:
    """A one-word speaker name -> the one full name among the story's speakers that ends
    with it ("Solis" -> "Luis Guillermo Solis", an outlet naming him by surname alone);
    none when two full names end with it, or the word is not a capitalised name."""
    out: dict[str, str] = {}
    for name in speakers:
        if " " in name or not name[:1].isupper() or not name.isalpha():
            continue
        longer = [s for s in speakers if " " in s and s.split()[-1] == name and s[:1].isupper()]
        if len(longer) == 1:
            out[name] = longer[0]
    return out


def _quotes(story: Story) -> list[tuple[str, list[tuple[str, list[Evidence]]]]]:
    """Each speaker's quotes, a quote that several articles carry (wire copy, or one cut
    of another: "It's difficult to explain the feeling" inside the longer quote) listed
    once, in its longest wording, with every place it appears; under its speaker's name
    where one article names them and others do not."""
    by: dict[str, list[tuple[str, list[Evidence]]]] = {}
    keys: dict[str, list[str]] = {}  # speaker -> " key " of each of their listed quotes
    # a speaker as the story names them (``pipeline.local_entities``: "Button", not the
    # "Jenson Button" of another story of the run)
    named = {e.id: e.name for e in story.entities}

    def said_by(q: Quote) -> str | None:
        return named.get(q.speaker_entity_id or "", q.speaker)

    full = _full_names({s for q in story.quotes if (s := said_by(q))})

    def shown(q: Quote) -> str:
        return full.get(said_by(q) or "", said_by(q) or "unattributed")

    # one quote's words that one speaker the run knows by name says, and other articles
    # give to no one or to a role ("Elon Musk" and "unattributed"; "Donald J. Trump" and
    # "the US president"): that speaker's. Two named speakers of one quote stay apart.
    named_by: dict[str, set[str]] = {}
    for q in story.quotes:
        if q.speaker_entity_id:
            named_by.setdefault(_quote_key(q.text), set()).add(shown(q))
    for q in sorted(story.quotes, key=lambda q: (-len(q.text), q.evidence.article_id, q.evidence.start)):
        key = _quote_key(q.text)
        speaker = shown(q)
        if not q.speaker_entity_id and len(names := named_by.get(key, set())) == 1:
            speaker = next(iter(names))
        said, listed = by.setdefault(speaker, []), keys.setdefault(speaker, [])
        at = next((n for n, longer in enumerate(listed) if key and f" {key} " in longer), None)
        if at is not None:
            said[at][1].append(q.evidence)
        else:
            said.append((q.text, [q.evidence]))
            listed.append(f" {key} ")
    for said in by.values():  # by article and offset of each quote's longest wording
        said.sort(key=lambda tp: (tp[1][0].article_id, tp[1][0].start))
    return sorted(by.items(), key=lambda kv: (kv[0] == "unattributed", -len(kv[1]), kv[0]))


# Kinds whose sides are fixed (``a`` new or former, ``b`` owned or sitting): every "b" of
# one "a" says the same thing of it, however worded.
_TWO_SIDED = frozenset({"new-vs-existing", "role"})


def _conflicts(contradictions: Sequence[Contradiction]) -> list[ConflictView]:
    """The contradictions, one entry per disagreement: two of one kind that share one side
    (the same place) and whose other sides are the same sentence in other articles ("posted
    three photos" in two outlets running one wire story, against "posted four photos"), or
    of a two-sided kind and share side ``a`` ("additional Su-30MK2 jets" against "restore
    Su-30MK2s previously purchased" and "the overhaul of its fleet"), are shown once, with
    every place of the other side; in report order otherwise."""
    def place(e: Evidence) -> tuple[str, int, int]:
        return e.article_id, e.start, e.end

    # each new contradiction is filed both ways round, (kind, one side's place, the other
    # side's words) -> a view with that side as ``a``; the way a later one joins is kept
    def words(kind: str, e: Evidence) -> str:
        # a two-sided kind needs no same sentence: every "b" of one "a" is on one side
        return "" if kind in _TWO_SIDED else _quote_key(e.text)

    shown: list[tuple[ConflictView, ConflictView]] = []
    index: dict[tuple[str, tuple[str, int, int], str], ConflictView] = {}
    for c in contradictions:
        for fixed, other in ((c.a, c.b), (c.b, c.a)):
            if c.kind in _TWO_SIDED and fixed is c.b:
                continue
            view = index.get((c.kind, place(fixed), words(c.kind, other)))
            if view is not None and other.article_id not in {e.article_id for e in view.b}:
                view.b.append(other)
                view.ids.append(c.id)
                break
        else:
            pair = (ConflictView(c.reason, c.kind, c.a, [c.b], [c.id]),
                    ConflictView(c.reason, c.kind, c.b, [c.a], [c.id]))
            shown.append(pair)
            for view in pair[:1] if c.kind in _TWO_SIDED else pair:
                index.setdefault((c.kind, place(view.a), words(c.kind, view.b[0])), view)
    # both ways grown (rare): both shown, so that no place is dropped from the brief
    return [v for pair in shown for v in ([v for v in pair if len(v.b) > 1] or pair[:1])]


def conflict_reason(c: ConflictView, labels: Mapping[str, str]) -> str:
    """The first pair's reason, and the other outlets on its second side: "... says three
    photos, ... says four photos; www.dailymail.co.uk has the same sentence", "...
    describes new ones (...), ... ones already owned (...); so does 004"."""
    more = sorted({labels.get(e.article_id, e.article_id) for e in c.b[1:]} - {labels.get(c.b[0].article_id)})
    if not more:
        return c.reason
    if all(_quote_key(e.text) == _quote_key(c.b[0].text) for e in c.b):
        return f"{c.reason}; {', '.join(more)} {'has' if len(more) == 1 else 'have'} the same sentence"
    return f"{c.reason}; so {'does' if len(more) == 1 else 'do'} {', '.join(more)}"


def conflict_sides(c: ConflictView) -> list[tuple[str, list[Evidence]]]:
    """Side ``b`` of a shown disagreement: each wording once, with every place it appears."""
    sides: dict[str, tuple[str, list[Evidence]]] = {}
    for e in c.b:
        sides.setdefault(_quote_key(e.text), (e.text, []))[1].append(e)
    return list(sides.values())


def _source_rows(story: Story, arts: Mapping[str, Article], labels: Mapping[str, str],
                 origins: Mapping[str, tuple[str, ...]]) -> list[SourceRow]:
    corr: Counter[str] = Counter()
    uniq: Counter[str] = Counter()
    for c in story.claims:
        if c.kind == ATTRIBUTION:  # what an article cites is its row's "cites"
            continue
        for aid in {e.article_id for e in c.evidence}:
            (corr if c.support_count >= 2 else uniq)[aid] += 1
    rows = []
    for aid in story.article_ids:
        a = arts[aid]
        rows.append(SourceRow(aid, labels[aid], a.title or "", list(origins.get(aid, ())),
                              corr[aid], uniq[aid], len(a.removed), a.duplicate_of))
    return rows


def figure_sources(value: FigureValue) -> list[Evidence]:
    """One evidence span per article that gives ``value`` (its first), in article order."""
    return first_per_article(value.evidence)


def figure_support(value: FigureValue, labels: Mapping[str, str]) -> str:
    """How many give ``value``, as the brief says it (``labels``: article id -> outlet):
    its ``support_count`` counts copies of one report once, so four outlets running one
    wire story and its rewrite are "4 outlets, 2 independent", not "2 outlets"; one
    outlet's two articles of its own are "2 articles from 1 outlet"."""
    n = value.support_count
    outlets = outlet_count(value.evidence, labels)
    if outlets > n:
        return f"{outlets} outlets, {n} independent"
    if outlets < n:
        return f"{plural(n, 'article')} from {plural(outlets, 'outlet')}"
    return plural(n, "outlet")


def figure_sentence(report: Report, value: FigureValue) -> str:
    """The sentence its first source gives ``value`` in (who said it, about what)."""
    e = figure_sources(value)[0]
    article = report.article(e.article_id)
    s = article.sentence_at(e.start)
    return " ".join(article.text[s.start:s.end].split()) if s else e.text


# Entity types of places: a figure's sentence set somewhere no other article of its story
# names is likely about another event (``figure_elsewhere``).
PLACE_TYPES = frozenset({"GPE", "LOC"})


def figure_elsewhere(report: Report, story: Story, figure: Figure, value: FigureValue) -> tuple[str, ...]:
    """The places a one-outlet value's sentence names, when the figure has another value
    and every place that sentence names is one no other article of the story names: a
    background line about another event (a China Daily report on the Costa Rica crash
    recalls "the six people who died when the seaplane ... crashed into Sydney river"),
    not a rival count of this one. Empty otherwise, and for a sentence naming no place."""
    if value.support_count != 1 or len(figure.values) < 2:
        return ()
    e = figure_sources(value)[0]
    sentence = report.article(e.article_id).sentence_at(e.start)
    if sentence is None:
        return ()
    named = [ent for ent in story.entities if ent.type in PLACE_TYPES
             and any(m.article_id == e.article_id and sentence.start <= m.start < sentence.end for m in ent.mentions)]
    if not named or any(set(ent.article_ids) - {e.article_id} for ent in named):
        return ()
    return tuple(sorted({ent.name for ent in named}))


def elsewhere_note(places: Sequence[str]) -> str:
    """The words the brief puts after such a value (``figure_elsewhere``), or ""."""
    if not places:
        return ""
    names = ", ".join(places)
    return f"names {names}, which no other article of the story names: perhaps another event"


def figure_first_published(report: Report, value: FigureValue) -> str | None:
    """The earliest publication date among the articles that give ``value`` (a toll that
    rises through the day reads differently from outlets that disagree at one time)."""
    dates = [d for e in figure_sources(value) if (d := report.article(e.article_id).published)]
    return min(dates) if dates else None


def lead_position(claim: ClaimGroup, arts: Mapping[str, Article]) -> float:
    """How far into its articles a claim is told, 0 (the opening) to 1 (the end): the mean,
    over its articles, of its first place's offset over the article's length. News puts
    the event first and the background last."""
    first: dict[str, int] = {}
    for e in claim.evidence:
        first[e.article_id] = min(first.get(e.article_id, e.start), e.start)
    return sum(start / max(len(arts[aid].text), 1) if aid in arts else 1.0
               for aid, start in first.items()) / max(len(first), 1)


# Two statements that rest on the very sentences of this many articles tell one thing
# twice in a summary: "Astrophysicists have discovered planets outside our galaxy for the
# first time ever." under "Astrophysicists have discovered a population of planets
# outside of the Milky Way for the first time." (three outlets' sentences support both).
SAME_SENTENCES = 2
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                     r"dozens?|scores?|hundreds?|thousands?|millions?|billions?)\b", re.IGNORECASE)


def _repeats(a: ClaimGroup, b: ClaimGroup) -> bool:
    """Whether ``a`` tells what ``b`` tells: the two rest on overlapping evidence in
    SAME_SENTENCES articles or more, and ``a`` gives no number ``b`` does not. One
    sentence can carry two facts ("rammed a car ... into a wall around the German
    consulate ..., killing at least four civilians"): "At least two people have died ..."
    adds a toll to "A suicide bomber has rammed a truck into a German consulate" and is
    told."""
    both = {e.article_id for e in a.evidence if any(e.overlaps(o) for o in b.evidence)}
    numbers = {n.lower() for n in _NUMBER.findall(a.text)}
    return len(both) >= SAME_SENTENCES and numbers <= {n.lower() for n in _NUMBER.findall(b.text)}


def _summary(corroborated: Sequence[ClaimGroup], arts: Mapping[str, Article],
             labels: Mapping[str, str] | None = None) -> list[ClaimGroup]:
    """The summary's claims: the best supported (of equal support, those the articles tell
    nearer their opening: ``lead_position``) statements the outlets each make in their own
    sentence, then, while there are fewer than MIN_SUMMARY_SENTENCES, list items the
    outlets share, shown in one outlet's sentence ("... including engine and radar
    overhauls, the acquisition of missiles, and logistical support"), whose other items
    may rest on that outlet alone; claims several outlets make before those of one
    outlet's several articles. Each sentence once, none whose words another chosen
    sentence holds ("..., Equifax said on Monday."), and none that rests on the sentences
    a chosen one rests on without a number of its own (``_repeats``); told in the order the articles
    tell them, the event before its background ("At least seven people were killed when
    a tram ... derailed" before "the first tram crash involving fatalities since 1959").
    (A statement worded with figures one outlet alone gives stays in its place, with
    those figures named after it: ``FactView.unshared``.)"""
    labels = labels or {}
    where = {c.id: lead_position(c, arts) for c in corroborated}
    # several outlets before one outlet's several articles (its own copies, or a live page)
    outlets = {c.id: outlet_count(c.evidence, labels) for c in corroborated}
    order = sorted(corroborated, key=lambda c: (outlets[c.id] < 2, -c.support_count, where[c.id]))
    whole = [c for c in order if c.focus is None]
    items = [c for c in order if c.focus is not None]
    out: list[ClaimGroup] = []
    said: list[str] = []  # the words of each sentence chosen, one never inside another
    for c in whole + items:
        if len(out) >= MAX_SUMMARY_SENTENCES or (c.focus is not None and len(out) >= MIN_SUMMARY_SENTENCES):
            break
        words = f" {_quote_key(c.text)} "
        if (all(c.text != o.text for o in out) and not any(words in w or w in words for w in said)
                and not any(_repeats(c, o) for o in out)):
            out.append(c)
            said.append(words)
    return sorted(out, key=lambda c: where[c.id])


class ReportIndex:
    """What every story's view reads of the whole report, worked out once per report:
    articles and annotations by id, each article's origins, and the independence of
    sources (``_Independence``, which reads every story's shared claims). Building one per
    story had made rendering quadratic in the run's size."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.arts = {a.id: a for a in report.articles}
        self.ann = {x.article_id: x for x in report.annotations}
        self.origins = _article_origins(report, self.ann)
        self.independence = _Independence(report, self.ann)


def story_views(report: Report) -> dict[str, StoryView]:
    """Every story's view by story id, built on one ``ReportIndex`` (what brief.md and
    report.html both render)."""
    index = ReportIndex(report)
    return {s.id: story_view(report, s, index) for s in report.stories}


def story_view(report: Report, story: Story, index: ReportIndex | None = None) -> StoryView:
    """What the brief shows of ``story``; ``index``: the report's ``ReportIndex`` when the
    caller has one (``story_views``)."""
    from newsdesk.crosscheck.align import duplicate_families
    from newsdesk.crosscheck.unshared import StoryFigures

    if index is None or index.report is not report:
        index = ReportIndex(report)
    arts, ann, origins, ind = index.arts, index.ann, index.origins, index.independence
    labels = {aid: outlet_label(arts[aid]) for aid in story.article_ids}
    ranked = _rank(story.claims, labels)
    held = _held(story.claims)
    corroborated = [c for c in ranked if c.status == "corroborated" and c.kind == "fact"]
    figures = StoryFigures.of(story.article_ids, arts, ann,
                              duplicate_families([arts[i] for i in story.article_ids if i in arts]))
    unshared = {c.id: found for c in ranked if c.support_count >= 2
                if (found := unshared_figures(c, arts, figures))[1]}
    facts = [_fact(c, labels, ind, unshared) for c in ranked if c.support_count >= 2 and c.kind != ATTRIBUTION]
    outlets = sorted(set(labels.values()))
    matrix = [(c, [any(labels.get(e.article_id) == o for e in c.evidence) for o in outlets])
              for c in ranked if c.support_count >= 2]
    return StoryView(
        story=story,
        outlets=outlets,
        summary=[_fact(c, labels, ind, unshared) for c in _summary(corroborated, arts, labels)],
        key_facts=facts[:MAX_KEY_FACTS],
        # most check-worthy first (figures, names, dates, completed acts): what to verify
        single_source=[_fact(c, labels, ind) for c in told_once(one_line_per_sentence(
            [c for c in sorted(ranked, key=_worthiest_first)
             if c.status == "single-source" and c.kind == "fact"
             and not credits_a_member(c, held) and not repeats_a_member(c, held)],
            story.claims, arts, held))],
        sources=_source_rows(story, arts, labels, origins),
        quotes_by_speaker=_quotes(story),
        matrix_outlets=outlets,
        matrix=matrix,
        article_outlet=labels,
        checkable=_checkable_quotes(story),
        conflicts=_conflicts(story.contradictions),
        attributions=[c for c in ranked if c.kind == ATTRIBUTION and outlet_count(c.evidence, labels) >= 2],
        other_language=[(labels[a.id], a.language or "") for a in other_language(
            [arts[i] for i in story.article_ids if i in arts])],
    )


def outlet_count(evidence: Iterable[Evidence], labels: Mapping[str, str]) -> int:
    """The number of outlets ``evidence`` comes from (``labels``: article id -> outlet;
    an article with none is its own)."""
    return len({labels.get(e.article_id, e.article_id) for e in evidence})


# The language newsdesk's rules and bundled models read (the cleaning stage detects each
# article's own: ``Article.language``).
READS_LANGUAGE = "en"


def other_language(articles: Sequence[Article]) -> list[Article]:
    """The articles detected as written in another language than READS_LANGUAGE: their
    claims, names, dates and quotes are read by English rules and models, so they are
    unreliable."""
    return [a for a in articles if a.language and a.language != READS_LANGUAGE]


def _held(claims: Sequence[ClaimGroup]) -> dict[str, list[Evidence]]:
    """Article id -> the evidence spans the statements of several articles hold there (a
    group of one article that another contradicts is not one of them, nor the names of
    a source several outlets cite)."""
    held: dict[str, list[Evidence]] = {}
    for g in claims:
        if g.support_count >= 2 and g.kind != ATTRIBUTION:
            for e in g.evidence:
                held.setdefault(e.article_id, []).append(e)
    return held


def credits_a_member(claim: ClaimGroup, held: Mapping[str, Sequence[Evidence]]) -> bool:
    """Whether a single-source claim's sentence only credits a statement that a group of
    several outlets holds in the same article (``only_credits``; ``held``: ``_held``):
    the Daily Mail's "The company also said that more than 200,000 credit card numbers
    were illegally obtained", whose clause is in a corroborated group, rests on no one
    outlet."""
    return any(e.start <= h.start and h.end <= e.end and h != e and only_credits(_quote_key(e.text), _quote_key(h.text))
               for e in claim.evidence for h in held.get(e.article_id, ()))


# How alike (rapidfuzz ratio of the words, 0-100) an article's two sentences are when one
# repeats the other: a caption or summary line retelling a paragraph ("The team won its
# first title since 1908 with a riveting 8-7, ..." and the photo caption's "The Chicago
# Cubs won their first title since 1908 with a riveting, 8-7, ...": 94). A sentence told
# again with other news in it is not ("is currently testifying" / "will testify": 80).
TWIN_RATIO = 90


def twins(a: Evidence, b: Evidence) -> bool:
    """Whether two sentences are one told again: their words alike at TWIN_RATIO or more."""
    from rapidfuzz import fuzz

    return fuzz.ratio(_quote_key(a.text), _quote_key(b.text)) >= TWIN_RATIO


def own_repeat(a: Evidence, b: Evidence) -> bool:
    """Whether ``b`` is its article's own repeat of ``a``: another place of the same
    article, in near the same words (``twins``)."""
    return a.article_id == b.article_id and not a.overlaps(b) and twins(a, b)


def repeats_a_member(claim: ClaimGroup, held: Mapping[str, Sequence[Evidence]]) -> bool:
    """Whether a single-source claim's sentence is its article's own repeat
    (TWIN_RATIO) of a sentence a group of several outlets holds (``held``: ``_held``):
    the article's statement is corroborated, whichever of its two copies the grouping
    took."""
    return any(own_repeat(h, e) for e in claim.evidence for h in held.get(e.article_id, ()))


def told_once(single: Sequence[ClaimGroup]) -> list[ClaimGroup]:
    """Single-source claims without an article's own repeats (``twins``) of one listed
    before: a photo caption retelling a paragraph ("She recently became engaged to rapper
    Offset ..." under the paragraph saying so), a summary line atop the article. On the
    383 giveme5w1h articles 49 such lines had been listed twice."""
    out: list[ClaimGroup] = []
    for c in single:
        if not any(own_repeat(k.evidence[0], c.evidence[0]) for k in out):
            out.append(c)
    return out


def one_line_per_sentence(single: Sequence[ClaimGroup], claims: Sequence[ClaimGroup],
                          arts: Mapping[str, Article],
                          held: Mapping[str, Sequence[Evidence]] | None = None) -> list[ClaimGroup]:
    """Single-source claims with parts of one sentence shown once: where every part of a
    sentence that has claims is one outlet's alone ("One train was stationary" and "the
    other was moving at the time of the collision"), the sentence is one line, unmarked,
    its evidence the span from the first part to the last. Where another part of it is
    corroborated, its one outlet's parts are one line too, marked from the first to the
    last: "overhauling **eight engines and five radars**", not the sentence twice; so are
    they where a group of other words holds the sentence."""
    shared = {c.text for c in claims if c.status != "single-source"}
    # where the other outlets' groups hold each article: a sentence whose list items are
    # one outlet's may be in a group of its own words or of another outlet's ("A plane
    # carrying 10 American tourists, including a family of five from New York and a family
    # of four from Florida, ... crashed ..." in "A plane carrying ten American tourists has
    # crashed ..."): corroborated all the same
    held = held if held is not None else _held(claims)  # ``_held`` of ``claims``, when the caller has it
    parts: dict[tuple[str, str], list[ClaimGroup]] = {}
    for c in single:
        parts.setdefault((c.evidence[0].article_id, c.text), []).append(c)
    out: list[ClaimGroup] = []
    for c in single:
        aid = c.evidence[0].article_id
        same = parts[(aid, c.text)]
        marks = [g.focus for g in same]
        if len(same) == 1 or aid not in arts or (c.text in shared and None in marks):
            out.append(c)
        elif same[0] is c:
            spans = [e for g in same for e in g.evidence if e.article_id == aid]
            whole = arts[aid].evidence(min(e.start for e in spans), max(e.end for e in spans))
            stated = c.text in shared or any(h.start <= whole.start and whole.end <= h.end for h in held.get(aid, ()))
            focus = (min(m[0] for m in marks if m), max(m[1] for m in marks if m)) if stated else None
            out.append(replace(c, focus=focus, evidence=(whole,)))
    return out


def _worthiest_first(c: ClaimGroup) -> tuple[float, str, int]:
    """Most check-worthy first, then in article and text order."""
    return -c.checkworthy, c.evidence[0].article_id, c.evidence[0].start


def _checkable_quotes(story: Story) -> set[tuple[str, int]]:
    """The quotes of ``story`` inside a quote-kind claim scoring ``CHECKWORTHY`` or more."""
    from newsdesk.extract.worthiness import CHECKWORTHY

    spans = [e for c in story.claims if c.kind == "quote" and c.checkworthy >= CHECKWORTHY for e in c.evidence]
    return {(q.evidence.article_id, q.evidence.start) for q in story.quotes if any(q.evidence.overlaps(e) for e in spans)}
