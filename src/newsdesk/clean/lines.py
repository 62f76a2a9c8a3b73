"""Line rules: which lines of extracted text are web furniture, and why.

A line is judged by what it says (keyword families: newsletter, comments, donations, ...),
how long and how sentence-like it is, and where it sits. Junk clusters before the first
and after the last paragraph of prose ("edge zones"), so a rule may match longer lines
there than inside the body. Inside the body only short lines go: a prose paragraph that
happens to say "subscribe" or "comment" is article text and stays.

Word limits per rule were set on the dev data (the two gold stories, fundus-evaluation
and the English pages of trafilatura-eval, via ``newsdesk.eval.cleaning``): body limits
are the lowest that still catch the furniture seen there; raising them started to eat
short article sentences ("The company did not respond to a request for comment.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
# A line "ends like a sentence" when its last visible character closes one.
_TERMINAL = ".!?…\"”’')]»"


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line: ``text`` is ``raw[start:end]`` (outer whitespace stripped)."""

    index: int
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(_WORD_RE.findall(self.text))


@dataclass(frozen=True, slots=True)
class Rule:
    """A keyword family: lines matching ``pattern`` with at most ``body_max`` words go
    anywhere, and with at most ``edge_max`` words in the edge zones.

    A weak family (``strong`` False) also needs the match to open the line ("Subscribe
    ...", "Donate") or the line to address the reader ("... support our work"), so
    "Netflix raises subscription prices" stays.
    """

    reason: str
    pattern: re.Pattern[str]
    body_max: int
    edge_max: int
    strong: bool


def _rule(reason: str, pattern: str, body_max: int, edge_max: int) -> Rule:
    return Rule(reason, re.compile(pattern, re.IGNORECASE), body_max, edge_max, body_max >= STRONG)


# Strong phrases (hardly ever in reporting) get long limits; weak ones (single keywords
# that also occur in news about newsletters, cookies, donations) only catch short lines.
STRONG, STRONG_EDGE = 30, 120
WEAK, WEAK_EDGE = 10, 20
_ADDRESS_CUE = re.compile(r"\b(you|your|yours|our|ours|us|we|me)\b", re.IGNORECASE)
RULES: tuple[Rule, ...] = (
    _rule("form note", r"indicates required fields?|required fields are marked|^\W*required\W*$",
          STRONG, STRONG_EDGE),
    _rule("spam-filter notice", r"akismet|reduce spam|comment data is processed", STRONG, STRONG_EDGE),
    _rule("adblock notice", r"\bad[- ]?block(er|ers|ing)?\b", STRONG, STRONG_EDGE),
    _rule("comment prompt",
          r"\bcomments? (section )?below\b|^(leave|post|add|write|submit) a (comment|reply)\b"
          r"|join the (discussion|conversation)\b|commenting (forum|guidelines|policy)"
          r"|^(show|view|load|read) (all )?(\d+ )?comments\b|^\W*(\d+\s+)?comments?\W*(\(.*\))?\W*$"
          r"|^(share|tell us|let us know)\b.{0,40}\b(thoughts|views|opinions?)\b",
          STRONG, STRONG_EDGE),
    _rule("newsletter line",
          r"sign up (for|to) (our|the) .{0,30}newsletter|delivered (straight |directly )?to your inbox"
          r"|premium subscription|subscription today|^subscribe (to|now|today|for|here)\b"
          r"|^you('re| are) (now )?subscribed\b|\bnewsletter\W*$",
          STRONG, STRONG_EDGE),
    _rule("newsletter line", r"\bnewsletters?\b|\bsubscri(be|ption|bed)\b|\bsign up\b", WEAK, WEAK_EDGE),
    _rule("donation appeal",
          r"\bdonat(e|ion|ions|ing)\b|\bpaypal\b|patreon|\bpatrons?\b|support (us|our (work|journalism|"
          r"reporting|newsroom))\b|become a (member|supporter|patron)\b|make a contribution|"
          r"buy me a coffee|\bchip in\b|підтрима|поддерж",
          WEAK, WEAK_EDGE),
    _rule("social follow line",
          r"\b(follow|like|join|find) (us|me|him|her|them) (on|at|via)\b|\bon (our|ours) (telegram|facebook|"
          r"twitter|instagram|youtube|tiktok|whatsapp|channel|page)\b|pic\.twitter\.com|"
          r"^\W*(twitter|facebook|instagram|telegram|youtube|tiktok|linkedin|whatsapp|reddit|"
          r"e-?mail|print|copy link|share)\W*$",
          WEAK, WEAK_EDGE),
    _rule("cookie banner",
          r"\bcookies?\b.{0,60}\b(we use|consent|accept|policy|settings|preferences|browsing experience)\b"
          r"|\b(accept|reject|manage) (all )?cookies\b",
          STRONG, STRONG_EDGE),
    _rule("related links",
          r"^\W*(you (may|might) (also )?(like|enjoy|be interested)|read (more|also|next)|also read"
          r"|related( (articles?|stories|posts?|content|coverage|news|videos?|reading|topics))?"
          r"|more (from|stories|news|like this|on this)|see also|recommended( for you)?"
          r"|most (read|popular|viewed|shared)|popular( now| stories)?|trending( now| stories)?"
          r"|up next|what to read next|don'?t miss|keep reading|continue reading|watch next)\b",
          WEAK, WEAK),
    _rule("bare link", r"^\W*(https?://|www\.)\S+\W*$", STRONG, STRONG_EDGE),
    _rule("call to action", r"\bclick here\b|\btap here\b|\bget the .{0,30}\bapp\b|download (the|our) app",
          STRONG, STRONG_EDGE),
    _rule("share prompt", r"^share (this|on|via|the|article|story)\b", WEAK, WEAK_EDGE),
    _rule("thank-you stub",
          r"^(thank you|thanks|thx)( (so much|for (reading|watching|listening|visiting|your support|"
          r"subscribing)))?\W*$", WEAK, WEAK),
    _rule("copyright notice",
          r"^©|\bcopyright\b|\(c\) \d{4}|all rights reserved|may not be (published|reproduced|broadcast|"
          r"rewritten|redistributed|copied)|terms of (use|service)|privacy policy|trust principles"
          r"|^our standards\b", STRONG, STRONG_EDGE),
    _rule("source credit",
          r"^\W*(information from|additional reporting (by|from)|(reporting|editing|writing) by|"
          r"compiled by|edited by)\b", WEAK, WEAK_EDGE),
    _rule("transcript notice",
          r"\btranscripts? (is|are|was|were) (created|produced|generated|provided)|may not be in "
          r"(its|their) final form|authoritative record", STRONG, STRONG_EDGE),
    _rule("login prompt",
          r"^(sign in|log in|login|register now|create (an|your|a free) account|already (a|have an) "
          r"(subscriber|account))\b", WEAK, WEAK_EDGE),
    _rule("advertisement",
          r"^\W*(advertisement|advertising|sponsored( content| post)?|promoted( content)?|paid (content|post)"
          r"|(story|article) continues below( (this )?advertisement)?)\W*$", WEAK, WEAK),
    _rule("tag list", r"^(tags?|topics?|filed under|categories|keywords)\s*:", WEAK, WEAK_EDGE),
    _rule("contact line",
          r"send (news )?tips to|^(contact|email|e-mail) (us|the (author|reporter|writer))\b"
          r"|can (email|reach|contact) (him|her|them|the author)", STRONG, STRONG_EDGE),
    _rule("image credit",
          r"^\W*(photo|image|picture|video|illustration|graphic|credit)s?( credit)?\s*(:|/)"
          r"|^\W*(getty images|ap photo|afp via getty images|shutterstock)\b", WEAK, WEAK),
)

_MONTHS = (r"jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|"
           r"oct(ober)?|nov(ember)?|dec(ember)?")
_DATE_TOKEN = re.compile(
    rf"^({_MONTHS}|\w+day|published|updated|posted|last|modified|first|on|at|am|pm|a\.m\.|p\.m\.|"
    r"et|est|edt|gmt|utc|bst|cet|pt|min|mins|minute|minutes|read|\d[\d:./-]*(st|nd|rd|th)?)$",
    re.IGNORECASE,
)
_SPEAKER_RE = re.compile(r"^[A-Z][A-Z.'’ -]+(, [A-Z][A-Z.'’ -]+)?:$")
_BREADCRUMB_SPLIT = re.compile(r"\s*[»›>]\s*|\s+/\s+")
_BYLINE_RE = re.compile(r"^(?:by|written by|words by|posted by|author:)\s+(?P<rest>\S.*)$", re.IGNORECASE)
# Words that end a byline name: job titles and joiners ("by Jane Doe Senior Editor").
_ROLE_WORDS = frozenset(
    "senior junior chief staff news political foreign associate deputy managing executive editor editors "
    "reporter reporters writer writers correspondent correspondents contributor columnist analyst "
    "producer anchor host and & | , - – — on in for at updated published".split()
)
_BYLINE_LOWER_OK = frozenset("and of the for at in on de van von da del la le bin".split())
_AUTHOR_BOX_RE = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:is|was)\s+(?:a|an|the)\b.{0,80}?\b(?:writer|reporter|"
    r"editor|correspondent|journalist|columnist|contributor|producer|author|anchor|host)\b"
)
_CONTACT_CUE = re.compile(r"twitter|@|e-?mail|follow|instagram|facebook|\bx\.com\b", re.IGNORECASE)


def ends_like_sentence(text: str) -> bool:
    """True when ``text`` ends with closing punctuation (not ':' or '...' link text)."""
    t = text.rstrip()
    return bool(t) and t[-1] in _TERMINAL and not t.endswith(("...", "…"))


def is_prose(line: Line) -> bool:
    """A paragraph of running text: long enough and ends like a sentence.

    Ten words is the shortest last paragraph seen in the dev data's article bodies that
    still reads as reporting ("Good thing he saved the receipt." is kept by other means).
    """
    return line.words >= 10 and ends_like_sentence(line.text)


def match_rule(line: Line, in_edge: bool) -> str | None:
    """The reason of the first keyword family matching ``line`` within its word limit."""
    words = line.words
    for rule in RULES:
        limit = rule.edge_max if in_edge else rule.body_max
        if words > limit:
            continue
        m = rule.pattern.search(line.text)
        if m is None:
            continue
        if rule.strong or not line.text[: m.start()].strip(" \t\"'“‘*•-–—") or _ADDRESS_CUE.search(line.text):
            return rule.reason
    return None


def is_separator(text: str) -> bool:
    """A line with no letters or digits ("___", "* * *")."""
    return not any(ch.isalnum() for ch in text)


def is_date_line(line: Line) -> bool:
    """A line that is only a date/time stamp or a reading time ("Updated 5:31 PM EST")."""
    tokens = re.findall(r"[^\s,|•·()]+", line.text)
    if not tokens or len(tokens) > 12:
        return False
    return all(_DATE_TOKEN.match(t.strip(".:")) for t in tokens) and any(ch.isdigit() for ch in line.text)


def is_speaker_label(text: str) -> bool:
    """A transcript speaker tag in capitals ("DAVID GREENE, HOST:")."""
    return len(text.split()) <= 8 and bool(_SPEAKER_RE.match(text))


def is_breadcrumb(text: str) -> bool:
    """Navigation trail: 3+ short parts joined by » › > or " / " (or 2 starting with Home)."""
    if ends_like_sentence(text) and text.rstrip()[-1] == ".":
        return False
    parts = [p for p in _BREADCRUMB_SPLIT.split(text) if p.strip()]
    if len(parts) < 2 or any(len(p.split()) > 12 for p in parts):
        return False
    return len(parts) >= 3 or parts[0].strip().lower() in {"home", "news", "start"}


def byline_author(text: str) -> str | None:
    """The name in a byline line ("by James Carter Senior News Editor" -> "James Carter").

    The rest of the line may only hold capitalized words (titles, outlet) and joiners, so
    "By Monday, officials said ..." is not a byline.
    """
    m = _BYLINE_RE.match(text.strip())
    if not m or ends_like_sentence(text) and text.rstrip().endswith(".") or len(text.split()) > 14:
        return None
    tokens = re.findall(r"[\w.'’-]+|[&|,–—-]", m.group("rest"))
    if not tokens or not tokens[0][:1].isupper():
        return None
    if any(t[:1].islower() and t.lower() not in _BYLINE_LOWER_OK for t in tokens):
        return None
    name: list[str] = []
    for tok in tokens:
        if tok.lower() in _ROLE_WORDS or not tok[:1].isalpha():
            break
        name.append(tok)
    return " ".join(name[:4]) or None


def is_author_box(line: Line, in_edge: bool) -> bool:
    """An author bio ("Jane Doe is a reporter for X. Follow her on Twitter @jd")."""
    if not _AUTHOR_BOX_RE.match(line.text) or line.words > 80:
        return False
    return in_edge or bool(_CONTACT_CUE.search(line.text))


def is_reader_prompt(line: Line) -> bool:
    """A question to the reader ("What are your predictions ...?"); edge zones only."""
    return line.text.rstrip().endswith("?") and line.words <= 30 and bool(
        re.search(r"\b(you|your)\b", line.text, re.IGNORECASE)
    )
