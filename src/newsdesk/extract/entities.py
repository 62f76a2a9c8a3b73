"""Named-entity mentions per article and canonical entities across a run.

``extract_mentions`` reads spaCy's NER over ``article.text`` and repairs the small
model's usual span errors (leading "the", possessives, titles, punctuation, line-crossing
spans, Title-Case headline fragments, UI/notice lines); ``text == article.text[start:end]``.
``canonicalize_entities`` merges mentions of one thing across a run ("Maduro" ==
"Nicolás Maduro", "U.S." == "United States") by name structure only: folding, titles,
surname/acronym/short-form matching to a *unique* longer name. Different names of
different things stay apart (Moscow != Russia); the result ignores article order.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newsdesk.extract.citations import WIRE_NAMES, is_outlet_name
from newsdesk.extract.dates import WEEKDAYS
from newsdesk.extract.gender import given_names, surnames
from newsdesk.model import Article, Entity, Evidence, Mention, content_hash
from newsdesk.months import MONTHS
from newsdesk.nlp import dictionary_word, participle

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# spaCy (OntoNotes) labels that name things, in the tie-break order used when two labels
# are equally frequent for one name (chosen by hand; it only matters on exact ties).
# CARDINAL/DATE/MONEY/PERCENT/QUANTITY/ORDINAL/TIME belong to the quantities/dates stages.
_LABEL_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                   "LANGUAGE")
ENTITY_LABELS = frozenset(_LABEL_PRIORITY)
# The longest names in the MEANTIME and gold story sets have 8 words ("European
# Aeronautic Defence and Space Company EADS N.V."); longer spans are headline runs.
MAX_NAME_WORDS = 10
# An ambiguous acronym goes to the expansion with this many times the mentions of any
# other ("US": "United States" x7 vs "United Synagogue" x1); set by hand, not swept.
DOMINANCE = 3

# Honorifics that precede a person's name whatever spaCy's label ("President Maduro").
_HONORIFICS = frozenset("""mr mrs ms miss dr prof sir dame president senator sen rep gov governor mayor
    gen col lt capt adm admiral sgt pope rev reverend rabbi pastor imam archbishop sheikh ayatollah
    alhaji alhaja mallam malam hajiya mullah maulana datuk dato seri shri smt herr frau monsieur mme""".split())
# Office words stripped only from PERSON spans ("Foreign Ministry" is an ORG name).
TITLE_WORDS = _HONORIFICS | frozenset("""lord lady vice prime minister premier chancellor secretary
    representative king queen prince princess cardinal judge justice chief ceo chairman chairwoman
    deputy ambassador spokesman spokeswoman foreign defense defence state former
    asst assistant ch det detective con constable supt superintendent insp inspector cllr councillor""".split())
_TITLE_RUN = re.compile(r"(?:(?:" + "|".join(sorted(TITLE_WORDS)) + r")\.?\s+)+", re.IGNORECASE)
# Legal-form words that do not change which company is meant ("Apple Inc." == "Apple").
_CORP_SUFFIXES = frozenset("inc corp corporation co company ltd llc plc ag sa nv se gmbh".split())
# Function words skipped when forming an acronym ("Bank of America" -> "BoA"/"BA").
_ACRONYM_SKIP = frozenset("of the and for de del la le los las du des on in".split())
# Wire services named by initials in datelines, often never spelled out in the article.
_WIRE_ACRONYMS = frozenset(k.lower() for k in WIRE_NAMES if k.isupper())
# Lower-case particles allowed inside a person's name ("Charles de Gaulle").
NAME_PARTICLES = frozenset("de da del der di dos du la le van von bin al ibn".split())

# Zero-width characters pasted around names ("over Japan\u200b"), which are no whitespace to
# str.isspace.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_LEAD_STRIP = "\"'“”‘’«»([{<-–—•*#:;,./|&+" + _ZERO_WIDTH
_TRAIL_STRIP = "\"'“”‘’«»)]}>-–—•*:;,!?/|&+" + _ZERO_WIDTH
_POSSESSIVE = re.compile(r"['’]s$")
_INNER_POSSESSIVE = re.compile(r"['’]s\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# Lower-case words the tagger took in before a name: "a World Series", "another World
# Series", "this South Sider", "first World Series" (not a particle: "de Blasio").
_LEADING_LOWER = re.compile(r"(?:[a-z]+\s+)+(?=[A-Z0-9])")
_WORD = re.compile(r"\S+")
_TRAILING_LOWER = re.compile(r"\s+([a-z]+)$")
# A name never spans a line break, ": ", a slash ("Brett Coomer/AP") or a spaced dash.
_PIECE_BREAK = re.compile(r"\n|: |\s*/\s*|\s[-–—]\s")
# UI/notice cues: site furniture, not reporting. Generic vocabulary of web pages.
_NOTICE_CUES = re.compile(
    r"\b(cookies?|subscribe[ds]?|subscription|sign (?:up|in)|log ?in|newsletters?|"
    r"advert\w*|ad ?block\w*|javascript|browsers?|privacy policy|terms of (?:use|service)|"
    r"all rights reserved|copyright|click|tap here|comments?|share (?:this|your)|support us|"
    r"donat\w+|whitelist|disabl\w+|spam)\b|©", re.IGNORECASE)
# Breadcrumb / menu separators: "Home » world » Maduro & Russia ..." is navigation.
_NAV_SEPARATORS = re.compile(r"\s[»›|>]\s")
_SECOND_PERSON = re.compile(r"\b(you|your|yours|you're|you’re)\b", re.IGNORECASE)
# A notice fragment line is short: "Adblock Detected", "or on ours Telegram".
_SHORT_LINE_WORDS = 6
# Headline lines (set by hand on the example corpus's titles and breadcrumbs): <= 20 words,
# >= 60% of content words capitalized, not ending like a body sentence ("?" is allowed).
_HEADING_MAX_WORDS, _HEADING_CAP_SHARE, _TERMINAL = 20, 0.6, ".!\"”"
# Words that open a sentence, never a name ("Both Abe and Trump ...").
_OPENERS = frozenset("a an the both all each every either neither some many most several these those this "
                     "that and but or so then when while after before as if".split())
# Words left lower case in Title Case headlines.
# Occupations written before a person's name, no part of it ("Comedian Sarah Silverman").
ROLE_WORDS = frozenset("""comedian comedienne actor actress singer rapper musician lawyer attorney rabbi
    pastor reverend bishop imam priest astronaut businessman businesswoman entrepreneur billionaire author
    writer journalist reporter photographer producer designer""".split())
# Office and role words that are no one's name when they stand alone: the tagger had
# "the Captain made the decision" an ORG, "Billionaire" a PERSON. Not "King", "Judge",
# "Bishop" or "Pope": surnames, or one person's title ("the Pope").
_BARE_ROLES = (ROLE_WORDS - {"bishop", "priest", "pastor", "rabbi", "imam", "reverend"}) | frozenset(
    """captain pilot spokesman spokeswoman spokesperson chairman chairwoman ceo detective inspector
    superintendent constable councillor ambassador deputy secretary minister premier chancellor president
    senator governor mayor admiral sergeant commander lieutenant officer director""".split())
# Function words the tagger takes into a name at a sentence's start ("Both Abe and ...").
_FUNCTION_WORDS = frozenset("""both between after before when while during since until as if but and or
    so yet then though although because unlike like with without about against among""".split())
_MINOR_WORDS = frozenset("a an and as at by for from in of on or the to with amid over".split())
# Abbreviations whose final "." belongs to the name ("Apple Inc.", "Martin Luther King Jr.").
_DOT_WORDS = frozenset("inc corp co ltd jr sr st mt bros".split())
# US states as AP style abbreviates them after a city ("ERIE, Pa.", "Sacramento, Calif."),
# with the dot that tells them from words ("Pa", "Miss") -> the state's name. Read only
# for place mentions; "Wash." names the state, never the capital "Washington".
US_STATE_ABBREVIATIONS = {
    "ala.": "Alabama", "ariz.": "Arizona", "ark.": "Arkansas", "calif.": "California", "cal.": "California",
    "colo.": "Colorado", "conn.": "Connecticut", "del.": "Delaware", "fla.": "Florida", "ga.": "Georgia",
    "ill.": "Illinois", "ind.": "Indiana", "kan.": "Kansas", "kans.": "Kansas", "ky.": "Kentucky",
    "la.": "Louisiana", "md.": "Maryland", "mass.": "Massachusetts", "mich.": "Michigan", "minn.": "Minnesota",
    "miss.": "Mississippi", "mo.": "Missouri", "mont.": "Montana", "neb.": "Nebraska", "nebr.": "Nebraska",
    "nev.": "Nevada", "n.h.": "New Hampshire", "n.j.": "New Jersey", "n.m.": "New Mexico", "n.y.": "New York",
    "n.c.": "North Carolina", "n.d.": "North Dakota", "okla.": "Oklahoma", "ore.": "Oregon", "pa.": "Pennsylvania",
    "penn.": "Pennsylvania", "r.i.": "Rhode Island", "s.c.": "South Carolina", "s.d.": "South Dakota",
    "tenn.": "Tennessee", "tex.": "Texas", "vt.": "Vermont", "va.": "Virginia", "wash.": "Washington State",
    "w.va.": "West Virginia", "wis.": "Wisconsin", "wisc.": "Wisconsin", "wyo.": "Wyoming",
}


# A picture's credit in parentheses, with a wire's, an agency's or a picture's word beside
# a slash or after "via": "(AP Photo/Richard Drew, File)", "(Hyung Min-woo/Yonhap via AP)",
# "(Costa Rica's Public Safety Ministry via AP)", "(Photo by Chris Pizzello/Invision/AP)".
# Not a bare wire's tag ("(Reuters)": a citation) nor other slashes ("(ISIS/ISIL)").
_CREDIT_WORD = r"(?:AP|Reuters|AFP|Getty(?:\s+Images)?|EPA|Shutterstock|Pool|Invision|Yonhap|dpa|Xinhua|Photo|File|file)"
_PICTURE_CREDIT = re.compile(
    rf"\([^()\n]{{0,100}}?(?:/\s*{_CREDIT_WORD}\b|\b{_CREDIT_WORD}\s*/|\bvia\s+{_CREDIT_WORD}\b|\bPhoto\s+by\b)"
    r"[^()\n]{0,60}\)")


def _credit_spans(text: str) -> list[tuple[int, int]]:
    """Where the pictures' credits are (``_PICTURE_CREDIT``)."""
    return [(m.start(), m.end()) for m in _PICTURE_CREDIT.finditer(text)]


def extract_mentions(article: Article, doc: Doc) -> tuple[Mention, ...]:
    """Named-entity mentions of ``article`` from ``doc`` (parsed over ``article.text``).

    Spans are trimmed (leading "the", possessive "'s", titles before PERSON names,
    outer punctuation) and split at line breaks; implausible spans (all lower case,
    no letters, one character, too long) are dropped, as are mentions inside UI/notice
    lines. Mentions inside Title-Case headline lines are kept only when the same words
    occur in the article body (the small model splits headlines badly). A picture's
    credit names who took or gave the picture, no one of the story: its names are no
    mentions ("(AP Photo/Richard Drew, File)").
    """
    text = article.text
    lines = _Lines(text)
    found: dict[tuple[int, int], Mention] = {}
    cued: set[str] = set()  # names the parse says are organisations' (``org_cue``)
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS or _plural_noun(ent):
            continue
        for start, end in _pieces(text, ent.start_char, ent.end_char):
            span = _trim(text, start, end, ent.label_)
            if span is None or lines.is_notice(span[0]):
                continue
            if lines.is_heading(span[0]):
                span = lines.confirm_in_body(span)
            if span is None or _is_compound_modifier(text, *span):
                continue
            s, e = span[0], with_linked_tail(text, span[1])
            if ent.label_ == "PERSON":
                s = _after_participle(text, doc, s, e)
                e = with_surname(ent, with_syllable_tail(text, s, e))
            if org_cue(ent):
                label = "ORG"
                if not _no_persons_word(ent):  # "the Moon" here says nothing of "Moon" elsewhere
                    cued.add(text[s:e])
            elif place_cue(ent):
                label = "GPE"
            else:
                label = _label(text, s, e, ent.label_, ent.label_ != "PERSON" and person_cue(ent, text))
                # a title the tagger read as a body's name ("Deputy Chief Constable Adrian
                # Hanstock": ORG "Constable Adrian Hanstock") goes with the person's type
                if label in _NAME_LIKE_LABELS and given_name_person(doc, text[(bare := _after_titles(text, s, e)):e]):
                    s, label = bare, "PERSON"
            found.setdefault((s, e), Mention(article.id, s, e, text[s:e], label))
    for s, e in _late_names(doc, found):
        found[(s, e)] = Mention(article.id, s, e, text[s:e], "PERSON")
    found = _with_cut_words(text, found)
    # a name means one thing throughout an article: the parse's cue that it names a group
    # ("the militant group Boko Haram", "Boko Haram fighters") types its other mentions too
    # (Boko Haram, PERSON to the tagger, had been the speaker of a government spokesman)
    found = {k: replace(m, label="ORG") if m.text in cued and m.label in _ORG_CUE_LABELS else m
             for k, m in found.items()}
    found.update(_propagate(article, lines, list(found.values())))
    common = _common_words(article.text, doc, found.values())
    credits = _credit_spans(text)
    return tuple(found[k] for k in sorted(found) if found[k].text not in common
                 and not any(a <= k[0] and k[1] <= b for a, b in credits))


# Labels the small model gives a person's full name it does not know ("Tiffany Haddish"
# an ORG, "Agnes Gapani" a GPE, "Mitchell Trubisky" a WORK_OF_ART), which
# ``given_name_person`` corrects.
_NAME_LIKE_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "WORK_OF_ART"})
# A capitalised word of a name: letters, inner capitals ("McVay"), an apostrophe or a
# hyphen between letters ("O'Brien", "Smith-Jones").
_NAME_WORD = re.compile(r"[A-Z][a-z]*(?:[A-Z][a-z]+)*(?:['’-][A-Z]?[a-z]+)*")
_MIDDLE_INITIAL = re.compile(r"[A-Z]\.")


def given_name_person(doc: Doc, name: str) -> bool:
    """Whether ``name`` (a span of ``doc``'s text) is a person's by its words alone: two
    or three capitalised words (a middle initial allowed), the first a given name that
    the name lists give one gender (``given_names``: "Tiffany", "Christiane", "Sean"; not
    "Jordan" or "Kelly"), the last none of those and no word of the pipeline's own
    dictionary (``dictionary_word``): "Tiffany Haddish", "Sean McVay", "Agnes Gapani".
    Names of things end in a word ("Virginia Tech", "Carolina Panthers", "Gladys Porter
    Zoo", "Lloyd Park"), and businesses named for two given names stay as tagged
    ("Morgan Stanley"). A last word the dictionary has makes a person's name where it
    is a surname of the name lists and ends no place's name (``_surname_not_place``:
    "Keanu Reeves", "Laura Fisher"; not "Lloyd Park"). A business named for its founder
    ("Tim Hortons") reads as a person here, as the words alone say."""
    words = name.split()
    if not 2 <= len(words) <= 3 or is_outlet_name(name):
        return False
    first, last = words[0], words[-1]
    if len(words) == 3 and not (_MIDDLE_INITIAL.fullmatch(words[1]) or _NAME_WORD.fullmatch(words[1])):
        return False
    table = given_names()
    return (bool(_NAME_WORD.fullmatch(first)) and bool(_NAME_WORD.fullmatch(last)) and len(last) > 2
            and first.lower() in table and last.lower() not in table and last.lower() not in _CORP_SUFFIXES
            and (not dictionary_word(doc.vocab, last)
                 or ((len(words) == 2 or _MIDDLE_INITIAL.fullmatch(words[1]) is not None) and _surname_not_place(last))))


# Words that end the names of places and bodies ("Lloyd Park", "Victoria Station",
# "Grace Church") and are surnames too: after a given name they still name the thing. A
# surname the dictionary has makes a person's name of two words, or of three with a middle
# initial: "Brady Briefing Room" is none.
_PLACE_HEADS = frozenset(
    "park hall street road lane avenue square bridge hill hills lake river rivers bay field fields wood woods "
    "forest grove green court place station port beach island valley mount mountain point gate gates cross "
    "church chapel abbey temple college school academy bank banks house houses tower towers garden gardens "
    "castle manor farm mill mills well wells brook brooks ford marsh moor heath glen dale vale ridge cliff "
    "rock stone stones pool spring springs harbor harbour haven center centre arena stadium club group press "
    "post times news star herald mail sun energy foods motors records studios hospital prison airport room "
    "office building hotel restaurant bar cafe theater theatre museum gallery library market store shop".split())


def _surname_not_place(word: str) -> bool:
    """A dictionary word that is a surname of the name lists ("Harper", "Reeves", "Hart")
    and no word that ends a place's or a body's name (``_PLACE_HEADS``)."""
    low = word.lower()
    return low in surnames() and low not in _PLACE_HEADS


def _after_participle(text: str, doc: Doc, start: int, end: int) -> int:
    """Start after a sentence's opening participle the tagger took into a person's name
    ("Overjoyed Cubs fans ...", "Tranquilizing Harambe would not ...", "Deploying Thaad
    would ..."): a verb's -ing or -ed form that is no given name, before a capitalised word."""
    words = list(_WORD.finditer(text, start, end))
    if len(words) < 2 or not words[1].group()[:1].isupper():
        return start
    first = words[0].group()
    if first.lower() in given_names() or not participle(doc.vocab, first) or not _opens_sentence(text, doc, start):
        return start
    return words[1].start()


def _common_words(text: str, doc: Doc, mentions: Iterable[Mention]) -> set[str]:
    """One-word person names that are common words capitalised by where they stand: each
    mention opens a sentence or a line, and the article uses the word in lower case too
    ("Fireworks exploded behind the center field stands" beside "fireworks lit the sky",
    "Trams are not fitted with ...", "Freezing allows you to ..."). A word the article
    also writes inside a longer name ("Brown" of "Gordon Brown") is a name."""
    by_surface: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_surface[m.text].append(m)
    longer = {w for m in mentions if " " in m.text for w in m.text.split()}
    lower: set[str] | None = None
    out: set[str] = set()
    for surface, ms in by_surface.items():
        if " " in surface or surface in longer or any(m.label != "PERSON" for m in ms) or not surface.isalpha():
            continue
        if not all(_opens_sentence(text, doc, m.start) for m in ms):
            continue
        if lower is None:
            lower = set(re.findall(r"(?<![\w@#/.-])[a-z]+(?![\w-])", text))  # not "@durov", "#bitcoin", a URL
        if surface.lower() in lower:
            out.add(surface)
    return out


def _opens_sentence(text: str, doc: Doc, start: int) -> bool:
    """Whether a word at ``start`` opens a line or a sentence (closing quote marks aside)."""
    before = text[:start].rstrip(" \t\"'\u201c\u2018(")
    if not before or before[-1] == "\n":
        return True
    opening = len(before) + len(text[len(before):start]) - len(text[len(before):start].lstrip(" \t"))
    for at in {start, opening}:  # the word, or a quote mark or bracket before it
        span = doc.char_span(at, at + 1, alignment_mode="expand")
        if span is not None and len(span) and span[0].is_sent_start:
            return True
    return False


def _plural_noun(ent: Span) -> bool:
    """Whether ``ent`` is one plural common noun the small model took for a name ("Flags
    will fly at half-staff", "Note: Browsers with ..."): not a people's name ("Brits" is
    NORP), an acronym ("BTC") nor a wire's ("Reuters", which it also tags NNS)."""
    tok = ent[0]
    return (len(ent) == 1 and tok.tag_ == "NNS" and ent.label_ != "NORP" and not tok.text.isupper()
            and tok.text not in WIRE_NAMES)


# Made things a name may stand right before, as a model's name does ("the Oreshnik missile
# system", "a Javelin launcher", "the Pfizer vaccine"): a person's name before a noun is
# an era, a body or a building of theirs ("the Trump administration"), never one of these.
_MADE_THINGS = frozenset("""missile missiles rocket rockets launcher launchers drone drones jet jets fighter
    fighters bomber bombers helicopter helicopters aircraft plane planes airliner airliners tank tanks rifle
    rifles gun guns howitzer howitzers warship warships frigate frigates destroyer destroyers submarine
    submarines torpedo torpedoes warhead warheads vaccine vaccines smartphone smartphones""".split())


# Online platforms and the companies behind them, which the small model tags PERSON or
# GPE where a sentence names them as a place or an actor ("on Twitter", "Facebook said"):
# organisations then (a LOC "Amazon" is the river). A web address named as an outlet
# ("News.com.au") is one too.
PLATFORMS = frozenset("""twitter facebook instagram youtube tiktok whatsapp snapchat linkedin reddit weibo wechat
    telegram google microsoft amazon netflix spotify uber airbnb pinterest tumblr""".split())
_WEB_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|gov|edu|io|co|info|news|tv)(?:\.[a-z]{2})?", re.IGNORECASE)


# Where or when something was said, which the tagger reads into the name before it: "on"
# and a platform, a weekday, a month or a holiday.
_ON_WHERE_OR_WHEN = re.compile(
    r"\s+on\s+(?=(?:" + "|".join(sorted(PLATFORMS)) + r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|new year|christmas|thanksgiving)\b)", re.IGNORECASE)


# A person's office or role set in apposition to a name ("Alexei Zhuravlyov, the deputy
# chairman of ...", "Daniella Pick, an Israeli singer"): not "producer" nor "designer",
# which firms are too ("UPL, an Indian producer of industrial chemicals").
_PERSON_ROLES = (_BARE_ROLES | ROLE_WORDS | frozenset("head leader founder co-founder chief".split())) - {
    "producer", "designer"}
# Nouns of one person (an occupation, a part in the story) that a writer sets right before
# a name or beside it: "Cubs shortstop Addison Russell", "Cleveland Indians fan Kelly
# Donnelly", "Maryam Violet, a witness, said", "Takaaki Uesugi, a security guard". Not
# words a business is called too ("owner", "partner", "rival", "leader", "star").
PERSON_NOUNS = frozenset("""lawyer teacher student nurse doctor surgeon professor scientist researcher
    economist historian farmer engineer photographer journalist reporter writer author resident witness
    fan survivor tourist holidaymaker driver pilot neighbour neighbor shopkeeper retiree pensioner
    teenager schoolboy schoolgirl guard shortstop pitcher catcher infielder outfielder quarterback
    striker midfielder goalkeeper teammate coach""".split())
# The words before a name that make it a person's (``person_cue``): roles and person nouns,
# but not "head", "leader", "chief" or "founder", which a business is too ("market leader
# Apple").
_PERSON_APPOSITIONS = _PERSON_ROLES | PERSON_NOUNS
_NOUNS_BEFORE_PERSONS = _PERSON_APPOSITIONS - {"head", "leader", "chief", "founder", "co-founder"}
# ... and "the late" before a name: only a person is (``_THE_LATE``: right before it).
_LATE = re.compile(r"\bthe\s+late\s+", re.IGNORECASE)
_THE_LATE = re.compile(_LATE.pattern + "$", re.IGNORECASE)


def person_cue(ent: Span, text: str) -> bool:
    """Whether "the late" stands before the name ``ent`` (a spaCy span of ``text``), or,
    where the tagger made it an organisation or a place, a person's role or a noun of one
    person stands right before it in lower case ("infielder Javy Baez", "fan Kelly
    Donnelly") or the parse sets one in apposition to it ("Maryam Violet, a witness,").
    A role opening a clause after a comma is no apposition ("according to a source cited
    by Haaretz, the prime minister told ..."), nor one another's ("its leader"); a place
    before a comma is where the sentence's subject is ("in Beijing, a spokeswoman for
    China's Foreign Ministry dismissed ..."), which the parse may take for an apposition."""
    if _THE_LATE.search(text, max(0, ent.start_char - 12), ent.start_char):
        return True
    if ent.label_ not in _NAME_LIKE_LABELS:
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.tag_ == "NN" and before.text.islower() and before.lower_ in _NOUNS_BEFORE_PERSONS:
        return True
    if ent.label_ != "ORG":
        return False
    # not a role of the name's ("Libya -- its late leader, Moammar Gadhafi")
    return any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_APPOSITIONS
               and not any(g.dep_ == "poss" for g in c.children) for c in ent.root.children)


# Nouns of a body of people or a business, which set before a name ("defense conglomerate
# Rostec", "gas giant Gazprom") or heading a list of examples ("gangs like Tren de Aragua",
# "groups such as Boko Haram") make it an organisation: the small model tags such names
# NORP or PERSON.
_ORG_NOUNS = frozenset("""company firm conglomerate corporation group gang cartel militia organisation
    organization agency bank carrier maker manufacturer giant operator retailer startup broadcaster
    newspaper airline insurer lender automaker carmaker chipmaker miner network outfit syndicate""".split())
_ORG_CUE_LABELS = frozenset({"PERSON", "NORP", "GPE", "LOC", "PRODUCT"})
# Plural nouns for the members of an armed or militant group, which a group's name
# modifies and a person's does not ("Boko Haram militants"; "Trump supporters" is no such).
_MEMBER_NOUNS = frozenset("""militant fighter insurgent extremist jihadist rebel gunman terrorist operative
    guerrilla""".split())


# One word written as businesses write their names and people do not: a capital inside
# after four letters or more ("SpaceX", "LinkedIn", "WikiLeaks"; not "MacArthur",
# "DiMeglio", "LeBron"), or a short mixed-case acronym ("TfL", "PwC").
_CORPORATE_SHAPE = re.compile(r"[A-Z][a-z]{3,}[A-Z]\w*|[A-Z][a-z][A-Z][a-z]?|[A-Z][A-Z][a-z]")


def _no_persons_word(ent: Span) -> bool:
    """Whether a one-word name the tagger took for a person is used as none is: right
    after "the" as a noun phrase's head ("the Steelers", "the Enquirer"; not "the Obama
    administration", "the younger Kufuor" or "the late Bowie"), or written in a
    business's shape (``_CORPORATE_SHAPE``: "SpaceX CEO Elon Musk", "TfL said")."""
    if ent.label_ != "PERSON" or len(ent) != 1:
        return False
    tok = ent.root
    if _CORPORATE_SHAPE.fullmatch(tok.text):
        return True
    return tok.dep_ != "compound" and tok.i >= 1 and tok.doc[tok.i - 1].lower_ == "the" \
        and tok.doc[tok.i - 1].head.i == tok.i


def org_cue(ent: Span) -> bool:
    """Whether the parse makes the name ``ent`` an organisation the tagger did not: a
    lower-case body or business noun right before it as its compound ("conglomerate
    Rostec"), or a plural one it is an example of ("gangs like Tren de Aragua", "groups
    such as Boko Haram and al-Shabab": the list's later names too), a plural word for its
    members right after it ("Boko Haram fighters"), or a one-word "person" used as no
    person is (``_no_persons_word``)."""
    if ent.label_ not in _ORG_CUE_LABELS:
        return False
    if _no_persons_word(ent):
        return True
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "such as Boko Haram and al-Shabab": the list's first name
    if any(c.dep_ == "compound" and c.i < ent.start and c.text.islower() and c.lemma_ in _ORG_NOUNS
           for c in root.children):
        return True
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.tag_ == "NNS" and after.text.islower() and after.lemma_ in _MEMBER_NOUNS:
        return True  # "Boko Haram fighters": a group's name before the word for its members
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("like", "as"):
        return False
    noun = prep.head
    return noun.tag_ == "NNS" and noun.text.islower() and noun.lemma_ in _ORG_NOUNS


# Nouns of a settlement or an area whose "of" phrase names it ("the West Bank village of
# Nabi Saleh", "the northern province of Kunduz"): a place, whatever the tagger said.
_PLACE_NOUNS = frozenset("""village town city hamlet suburb township municipality district province region
    county prefecture island port""".split())
_PLACE_CUE_LABELS = frozenset({"PERSON", "ORG", "NORP"})


def place_cue(ent: Span) -> bool:
    """Whether the parse makes the name ``ent`` a place the tagger did not: the ``of``
    phrase of a lower-case settlement or area noun ("the West Bank village of Nabi Saleh",
    tagged PERSON), such a noun set in apposition to it ("Nebi Saleh, a village of about
    600 people"), or said of it ("Nebi Saleh is a village of about 600 people")."""
    if ent.label_ not in _PLACE_CUE_LABELS:
        return False
    root = ent.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.i == ent.start - 1:
        return _place_noun(head.head)
    if any(c.dep_ == "appos" and _place_noun(c) for c in root.children):
        return True
    return (root.dep_ == "nsubj" and head.lemma_ == "be"
            and any(c.dep_ == "attr" and _place_noun(c) for c in head.children))


def _place_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.text.islower() and tok.lemma_ in _PLACE_NOUNS


def with_surname(ent: Span, end: int) -> int:
    """End of a person's name the tagger cut before its surname: the name given names only
    ("Ramon Celestino" of "Transportation Minister Ramon Celestino Velasquez"), the next
    word a capitalised name, a surname in Faker's lists and no given name, that the
    parse hangs the name on. ``end`` otherwise."""
    doc = ent.doc
    if ent.end >= len(doc) or end != ent.end_char:
        return end
    nxt = doc[ent.end]
    names = given_names()
    words = [t.lower_ for t in ent if t.is_alpha]
    if (not words or not all(w in names for w in words) or nxt.pos_ != "PROPN" or not nxt.is_title
            or ent[-1].head.i != nxt.i or nxt.lower_ in names or nxt.lower_ not in surnames()
            or not ent[-1].whitespace_):
        return end
    return nxt.idx + len(nxt.text)


_TIME_TYPES = frozenset({"DATE", "TIME", "EVENT", "CARDINAL", "ORDINAL"})
_CALENDAR_WORDS = frozenset([*MONTHS, *WEEKDAYS])


def _late_names(doc: Doc, found: Mapping[tuple[int, int], Mention]) -> list[tuple[int, int]]:
    """Names the tagger missed after "the late" (only a person is: "forged under the late
    Hugo Chávez"): its run of capitalised proper nouns, up to four, where no mention is."""
    out: list[tuple[int, int]] = []
    taken = [(m.start, m.end) for m in found.values()]
    for hit in _LATE.finditer(doc.text):
        first = doc.char_span(hit.end(), hit.end() + 1, alignment_mode="expand")
        if first is None or first.start_char != hit.end():
            continue
        i = first.start
        j = i
        while (j < len(doc) and j - i < 4 and doc[j].pos_ == "PROPN" and doc[j].is_title
               and doc[j].ent_type_ not in _TIME_TYPES and doc[j].lower_ not in _CALENDAR_WORDS):
            j += 1  # not "in the late June heat", "the late Tuesday session"
        if j == i:
            continue
        s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
        if not any(a < e and s < b for a, b in taken):
            out.append((s, e))
    return out


def _label(text: str, start: int, end: int, label: str, person: bool = False) -> str:
    """spaCy's label, except that a platform or a web address is an organisation
    (``PLATFORMS``, ``_WEB_NAME``), a name the parse gives a person's role (``person``:
    ``person_cue``) is a person (the small model had "Zhuravlyov, the deputy chairman of
    ..." an ORG, "the late Ernie Banks" an ORG), and a model's name
    is a thing, not a person: one with a digit in it ("Su-30MK2", "Il-76", "Boeing 737"),
    or one set right before a made thing ("the Oreshnik missile system"). The small model
    tags such names PERSON."""
    name = text[start:end]
    if (name.lower() in PLATFORMS and label in ("PERSON", "GPE", "NORP")) or _WEB_NAME.fullmatch(name):
        return "ORG"  # not "the Amazon" tagged a place
    if label != "PERSON":
        return "PERSON" if person and label in _NAME_LIKE_LABELS and not any(ch.isdigit() for ch in name) else label
    after = re.match(r"[ \t]+([a-z]+)\b", text[end:end + 30])
    if any(ch.isdigit() for ch in text[start:end]) or (after is not None and after.group(1) in _MADE_THINGS):
        return "PRODUCT"
    return label


def _with_cut_words(text: str, found: Mapping[tuple[int, int], Mention]) -> dict[tuple[int, int], Mention]:
    """Mentions the tagger cut after the first words of a longer name this article also
    names, given those words back with that name's type: "Nippon Airways flight 175 took
    off" of "All Nippon Airways flight 175" (a sentence's "All" read as a word) and the
    PERSON "Nippon" of "the same All Nippon flight" are All Nippon Airways' where the
    article writes it whole, as they had been an airline of their own and a person. The
    words must stand right before the mention in the text."""
    longer: dict[tuple[str, ...], list[Mention]] = defaultdict(list)  # a name's later words -> names
    for m in found.values():
        words = tuple(m.text.split())
        for k in range(1, len(words)):
            longer[words[k:k + 1]].append(m)
    out = dict(found)
    for (s, e), m in found.items():
        cut = m.text.split()
        for full in longer.get(tuple(cut[:1]), ()):
            whole = full.text.split()
            k = whole.index(cut[0])
            lead = " ".join(whole[:k]) + " "
            if k == 0 or whole[k:k + len(cut)] != cut or text[max(0, s - len(lead)):s] != lead or not all(
                    any(c.isupper() for c in w) and not w.endswith(("'", "’", "'s", "’s")) for w in whole[:k]):
                continue  # name words only ("iTunes" of "iTunes Music Store"): not "Beatles'" of "Beatles' Apple Corps"
            start = s - len(lead)
            if any(a < e and start < b for (a, b) in out if (a, b) != (s, e)):
                break  # a mention already there
            del out[(s, e)]
            out[(start, e)] = Mention(m.article_id, start, e, text[start:e], full.label)
            break
    return out


def _propagate(article: Article, lines: _Lines, mentions: list[Mention]) -> dict[tuple[int, int], Mention]:
    """Repeats of names the tagger found in this article but missed elsewhere in it.

    A name means one thing throughout an article. Longest first; not inside a mention,
    a heading, a notice line, a longer name, a handle or a hashtag, and not one-word names
    also used in lower case ("May", "Will")."""
    text = article.text
    covered = bytearray(len(text))
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        votes[m.text][m.label] += 1
    lower = {w.lower() for w in re.findall(r"(?<![\w-])[a-z][\w-]*", text)}
    out: dict[tuple[int, int], Mention] = {}
    for surface in sorted(votes, key=lambda t: (-len(t), t)):
        if " " not in surface and surface.lower() in lower:
            continue
        for hit in re.finditer(r"(?<![\w@#-])" + re.escape(surface) + r"(?![\w-])", text):
            s, e = hit.span()
            if any(covered[s:e]) or lines.is_notice(s) or lines.is_heading(s) or _in_longer_name(text, s, e):
                continue
            covered[s:e] = b"\x01" * (e - s)
            out[(s, e)] = Mention(article.id, s, e, surface, _majority(votes[surface]))
    return out


def _in_longer_name(text: str, start: int, end: int) -> bool:
    """A capitalized neighbour word (not "The", not a title): "Apple" in "Apple Corps"."""
    near = (re.search(r"(\S+) $", text[max(0, start - 40):start]), re.match(r" (\S+)", text[end:end + 40]))
    words = [m.group(1).strip(".,;:\"'“”‘’()") for m in near if m]
    return any(w[:1].isupper() and w.lower() not in _MINOR_WORDS | TITLE_WORDS for w in words)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a span at ``_PIECE_BREAK`` (line breaks, ": ", slashes, spaced dashes)."""
    cuts = [start, *(x for m in _PIECE_BREAK.finditer(text, start, end) for x in m.span()), end]
    return [(s, e) for s, e in zip(cuts[::2], cuts[1::2], strict=True) if e > s]


# A game's score after a team's name ("Cleveland 1-0", "the Cubs 8-7"); not a model's
# number ("Boeing 737-800"): one or two digits each side.
_TRAILING_SCORE = re.compile(r"\s+\d{1,2}\s?[-\u2013]\s?\d{1,2}$")
# A live blog's or a report's counter before a name ("Lap 14 Marcus Ericsson spins",
# "Round 3"), which the tagger takes into an organisation or a person; an event keeps its
# own ("Game 7", "Stage 4"), and a company its number ("Level 3 Communications").
_LEADING_COUNTER = re.compile(r"(?i:lap|round|hole|inning|chapter|page)\s+\d{1,3}\b\W*")
_COUNTED_LABELS = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP"})
_ORDINAL_DAY = re.compile(r"\d{1,4}(?:st|nd|rd|th)?[.,]?", re.IGNORECASE)


def _is_date(name: str) -> bool:
    """Whether a name is a month or weekday and a day or year ("March 6", "Monday 5th",
    "May 2017"), and nothing else ("Theresa May" is none)."""
    words = name.split()
    return (len(words) >= 2 and any(w.lower().strip(".,") in _CALENDAR_WORDS for w in words)
            and all(w.lower().strip(".,") in _CALENDAR_WORDS or _ORDINAL_DAY.fullmatch(w) for w in words))


def _trim(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Trimmed ``(start, end)`` of a name span, or None when no plausible name is left."""
    words = text[start:end].split()
    if label == "PERSON" and len(words) > 1 and all(w.lower().strip(".,") in TITLE_WORDS for w in words):
        return None  # titles alone: "Asst Ch" of "Asst Ch Con Robin Smith" (not "King", a surname too)
    prev = (-1, -1)
    while (start, end) != prev and start < end:
        prev = (start, end)
        start, end = _strip_chars(text, start, end)
        start, end = _cut_unbalanced(text, start, end)
        span = text[start:end]
        if m := _LEADING_THE.match(span):
            start += m.end()
        elif (m := _LEADING_LOWER.match(span)) and not set(m.group().split()) & NAME_PARTICLES:
            start += m.end()
        if m := _POSSESSIVE.search(text[start:end]):
            end = start + m.start()
        if (m := _TRAILING_LOWER.search(text, start, end)) and m.group(1) in _MINOR_WORDS:
            end = m.start()  # "Cincinnati Zoo and", "Group of": a name ends in no function word
        if m := _ON_WHERE_OR_WHEN.search(text, start, end):
            end = m.start()  # "Facebook on New Year's Day", "Tavon Kaiseen Alleyne on Instagram"
        start = _after_possessor(text, start, end)
        if label == "PERSON":
            start = _after_titles(text, start, end)
            start = _after_lead_words(text, start, end)
    if m := _TRAILING_SCORE.search(text, start, end):
        end = m.start()  # "Cleveland 1-0": a score after a team's name
    if label in _COUNTED_LABELS and (m := _LEADING_COUNTER.match(text, start, end)):
        start = m.end()  # "Lap 14 Marcus Ericsson", "Lap 20": a live blog's counter, no name
    if start < end and text[start:end].lower().rstrip(".") in _BARE_ROLES:
        return None
    if start < end and _is_date(text[start:end]):
        return None  # "March 6", "Monday 5th": a date the tagger took for a name
    if start < end and (text[start] in "@#" or text[start - 1:start] in ("@", "#")):
        return None  # a social-media handle or hashtag ("@9NewsAUS", "#Fireworks"): markup, not a name
    return (start, end) if start < end and _plausible(text[start:end]) else None


def _strip_chars(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop outer whitespace/punctuation; a final "." only when it is not an abbreviation."""
    while start < end and (text[start].isspace() or text[start] in _LEAD_STRIP):
        start += 1
    while end > start:
        ch = text[end - 1]
        if ch.isspace() or ch in _TRAIL_STRIP:
            end -= 1
        elif ch == "." and not _is_abbreviation(text[start:end]):
            end -= 1
        else:
            break
    return start, end


def _is_abbreviation(span: str) -> bool:
    """True when the last word of ``span`` (ending in ".") is "U.S.", "Inc.", "Jr." etc."""
    core = span.rsplit(None, 1)[-1][:-1]
    short_title_case = len(core) <= 3 and core[:1].isupper() and core[1:].islower()  # "Pa.", "Jr."
    return "." in core or len(core) == 1 or short_title_case or core.lower() in _DOT_WORDS


def _cut_unbalanced(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut a span at an unmatched bracket ("EADS N.V. ( EADS" -> "EADS N.V.")."""
    span = text[start:end]
    for open_, close in (("(", ")"), ("[", "]")):
        i, j = span.find(open_), span.rfind(close)
        if i >= 0 and j < i:
            return start, start + i
        if j >= 0 and i < 0:
            return start + j + 1, end
    return start, end


def _after_possessor(text: str, start: int, end: int) -> int:
    """Start after an inner possessor ("Maduro’s Cartel de los Soles" -> "Cartel de los Soles").

    Only when at least two words remain, so "McDonald's Corp" stays whole.
    """
    ends = [m.end() for m in _INNER_POSSESSIVE.finditer(text, start, end)]
    if not ends or len(text[ends[-1]:end].split()) < 2:
        return start
    return ends[-1]


def _after_titles(text: str, start: int, end: int) -> int:
    """Start after leading title words ("President Trump" -> "Trump"); keeps one word."""
    m = _TITLE_RUN.match(text, start, end)
    return m.end() if m and m.end() < end else start


# A hyphenated given name's last syllable the tagger left out ("Moon Jae" of "Moon Jae-in",
# "Kim Jong" of "Kim Jong-un"): lower case, right after the name, no English suffix word.
_SYLLABLE_TAIL = re.compile(r"-(?!(?:era|led|like|style|based|backed|born|type|esque|ish|run|made)\b)[a-z]{1,5}\b")


def with_syllable_tail(text: str, start: int, end: int) -> int:
    """End of a person's name of two or more words, past a hyphenated syllable the
    tagger cut off ("Moon Jae" -> "Moon Jae-in"); ``end`` otherwise."""
    m = _SYLLABLE_TAIL.match(text, end)
    if m is None or len(text[start:end].split()) < 2 or not text[end - 1].isalpha():
        return end
    return m.end()


# A name's hyphen-joined rest after a link word of place and personal names:
# "Mazar-i-Sharif", "Mazar-e-Sharif", "Stratford-upon-Avon"; the tagger stops at the
# first hyphen. Not "to" or "and" ("an Atlanta-to-Florida flight").
_LINKS = "i|e|y|al|el|ul|ur|ud|ad|as|bin|ibn|de|la|le|du|da|di|del|der|von|van|upon|on|sur|en|sous"
_LINKED_TAIL = re.compile(rf"(?:-(?:{_LINKS}))+-[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*(?![\w-])")


def with_linked_tail(text: str, end: int) -> int:
    """End of a name past a hyphen-joined rest after a link word (``_LINKS``: "Mazar" ->
    "Mazar-i-Sharif"); ``end`` otherwise ("Trump-appointed", "Atlanta-to-Florida")."""
    m = _LINKED_TAIL.match(text, end)
    return m.end() if m is not None and text[end - 1:end].isalpha() else end


def _after_lead_words(text: str, start: int, end: int) -> int:
    """Start after leading words that are no part of a person's name; keeps one word: an
    occupation ("Comedian Sarah Silverman", "Rabbi Jacob Luski"), a word in capitals
    before a cased one (a page's "CLOSE John Mahoney") or a function word that is no
    given name ("Both Abe"; "Will Smith" keeps "Will")."""
    words = list(_WORD.finditer(text, start, end))
    k = 0
    while k < len(words) - 1:
        word, after = words[k].group(), words[k + 1].group()
        low = word.lower().rstrip(".,")
        shouted = word.isupper() and word.isalpha() and len(word) >= 3 and not after.isupper()  # not "A.J."
        if not (low in ROLE_WORDS or shouted or (low in _FUNCTION_WORDS and low not in given_names())):
            break
        k += 1
    return words[k].start() if k else start


def _is_compound_modifier(text: str, start: int, end: int) -> bool:
    """ "U.S.-Venezuela" (relations): one hyphenated word whose parts both stand alone
    elsewhere in the text. "Rolls-Royce" stays: "Royce" never stands alone."""
    word = text[start:end]
    parts = word.split("-")
    if len(parts) != 2 or " " in word or not all(p[:1].isupper() and len(p) > 1 for p in parts):
        return False
    return all(re.search(r"(?<![\w-])" + re.escape(p) + r"(?![\w-])", text) for p in parts)


def _plausible(span: str) -> bool:
    """A name has >= 2 letters, an upper-case letter if cased, <= MAX_NAME_WORDS words."""
    letters = [c for c in span if c.isalpha()]
    if len(letters) < 2 or "\n" in span:
        return False
    cased = [c for c in letters if c.lower() != c.upper()]
    if cased and not any(c.isupper() for c in cased):
        return False
    return len(span.split()) <= MAX_NAME_WORDS


class _Lines:
    """Line classification of one article text: notice lines and Title-Case headings."""

    def __init__(self, text: str) -> None:
        self.text = text
        runs = re.finditer(r"[^\n]*", text)
        self.spans = [m.span() for m in runs if m.start() == 0 or text[m.start() - 1] == "\n"]
        self.starts = [s for s, _ in self.spans]
        self.notice = self._notice_lines()
        self.heading = [_looks_like_heading(text[s:e]) for s, e in self.spans]
        self._body: str | None = None

    def _index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def _notice_lines(self) -> list[bool]:
        """Lines with a UI cue, plus short fragment lines next to them ("or on Telegram")."""
        lines = [self.text[s:e].strip() for s, e in self.spans]
        flags = [_looks_like_notice(line) for line in lines]
        nonempty = [i for i, line in enumerate(lines) if line]
        out = list(flags)
        for k, i in enumerate(nonempty):
            near = [nonempty[j] for j in (k - 1, k + 1) if 0 <= j < len(nonempty)]
            fragment = len(lines[i].split()) <= _SHORT_LINE_WORDS and not lines[i].endswith(tuple(".!?"))
            out[i] = flags[i] or (fragment and any(flags[j] for j in near))
        return out

    def is_notice(self, offset: int) -> bool:
        return self.notice[self._index(offset)]

    def is_heading(self, offset: int) -> bool:
        return self.heading[self._index(offset)]

    def body(self) -> str:
        """The text without its heading lines (searched for names seen in headings)."""
        if self._body is None:
            kept = (self.text[s:e] for (s, e), head in zip(self.spans, self.heading, strict=True) if not head)
            self._body = "\n".join(kept)
        return self._body

    def confirm_in_body(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """The longest word prefix/suffix of a heading span that also occurs in the body."""
        start, end = span
        words = list(_WORD.finditer(self.text, start, end))
        body = self.body()
        for n in range(len(words), 0, -1):
            for first in (0, len(words) - n):
                s, e = words[first].start(), words[first + n - 1].end()
                cand = _trim(self.text, s, e, "")
                if cand is None:
                    continue
                pattern = r"(?<!\w)" + re.escape(self.text[cand[0]:cand[1]]) + r"(?!\w)"
                if re.search(pattern, body):
                    return cand
        return None


def _looks_like_notice(line: str) -> bool:
    """A UI/notice line: a web-furniture cue addressed to the reader or in a short line,
    a breadcrumb, or a line in another script than Latin (the text is English)."""
    if len(_NAV_SEPARATORS.findall(line)) >= 2 or _foreign_script(line):
        return True
    if not _NOTICE_CUES.search(line):
        return False
    return bool(_SECOND_PERSON.search(line)) or len(line.split()) <= _SHORT_LINE_WORDS


def _foreign_script(line: str) -> bool:
    """Most letters of the line are not Latin (a Cyrillic donation note in an English page)."""
    letters = [c for c in line if c.isalpha()]
    latin = sum(1 for c in letters if unicodedata.name(c, "").startswith("LATIN"))
    return bool(letters) and latin < len(letters) / 2


def _looks_like_heading(line: str) -> bool:
    """Title-Case line without end punctuation ("Maduro Seeks Russian Military Support")."""
    line = line.strip()
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    if len(words) < 2 or len(words) > _HEADING_MAX_WORDS or line.endswith(tuple(_TERMINAL)):
        return False
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    caps = sum(1 for w in content if w.lstrip("\"'“‘(")[:1].isupper())
    return bool(content) and caps / len(content) >= _HEADING_CAP_SHARE


# ---------------------------------------------------------------- canonicalization


def fold(text: str) -> str:
    """Accent- and case-folded text ("Nicolás" -> "nicolas")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def display_name(surface: str, label: str = "") -> str:
    """A mention's name without leading "the", titles and possessive ("President X's" -> "X").

    Office words ("Foreign", "Minister") are stripped only for PERSON mentions.
    """
    titles = TITLE_WORDS if label == "PERSON" else _HONORIFICS
    name = " ".join(surface.split())
    name = _LEADING_THE.sub("", name)
    name = _POSSESSIVE.sub("", name)
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".").lower() in titles:
        words = words[1:]
    return " ".join(words)


def _folded_words(name: str) -> list[str]:
    """``name``'s words folded, hyphens split, dots and apostrophes dropped: what
    ``name_words`` reads before it cuts a legal form."""
    words = [re.sub(r"[.'’]", "", w) for w in re.split(r"[\s\-–]+", fold(name))]
    return [w for w in words if w]


def name_words(name: str) -> tuple[str, ...]:
    """Folded words for matching: hyphens split, dots/apostrophes dropped, legal forms cut
    (with a "Group" before them)."""
    words = _folded_words(name)
    legal = False
    while len(words) > 1 and words[-1] in _CORP_SUFFIXES:
        words.pop()
        legal = True
    if legal and len(words) > 2 and words[-1] == "group":
        words.pop()  # "Goldman Sachs Group Inc." is the company outlets call "Goldman Sachs"
    return tuple(words)


@dataclass
class _Form:
    """All mentions whose folded name key is equal."""

    key: str
    words: tuple[str, ...]
    labels: Counter[str] = field(default_factory=Counter)
    # labels of mentions written in capitals ("CARACAS -", a dateline): the small model
    # tags those badly, so they count only for names never written otherwise
    caps_labels: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    surfaces: set[str] = field(default_factory=set)
    first: dict[str, int] = field(default_factory=dict)  # article id -> first mention start

    @property
    def label(self) -> str:
        return _majority(self.votes)

    @property
    def votes(self) -> Counter[str]:
        return self.labels or self.caps_labels


def _majority(labels: Counter[str]) -> str:
    return min(labels, key=lambda lab: (-labels[lab], _LABEL_PRIORITY.index(lab)))


class _UnionFind:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}
        self.size = dict.fromkeys(self.parent, 1)  # keys per cluster, read at the root

    def add(self, k: str) -> None:
        self.parent[k] = k
        self.size[k] = 1

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # smaller key becomes root: the result does not depend on call order
            self.parent[max(ra, rb)] = min(ra, rb)
            self.size[min(ra, rb)] += self.size[max(ra, rb)]


def canonicalize_entities(
    articles: Sequence[Article], mentions: Mapping[str, Sequence[Mention]]
) -> list[Entity]:
    """Canonical entities over all ``mentions`` (article id -> mentions) of one run.

    Mentions merge when their folded names are equal, differ only by middle initials,
    one is the acronym of the other, or one is a short form (surname, leading/trailing
    words) of exactly one longer name in the run. Entities are sorted by mention count
    (descending), then name; ids are content hashes of type and name. A mention with no
    letters or digits (never produced by ``extract_mentions``) joins no entity.
    """
    by_id = {a.id: a for a in articles}
    named: dict[str, list[tuple[Mention, str, tuple[str, ...]]]] = defaultdict(list)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for article_id in sorted(mentions):
        if article_id not in by_id:
            raise ValueError(f"mentions given for unknown article {article_id!r}")
        article = by_id[article_id]
        for m in mentions[article_id]:
            name = display_name(m.text, m.label)
            words = name_words(name)
            if not words:
                continue
            key = "".join(words)
            named[key].append((m, name, words))
            evidence[key].append(article.evidence(m.start, m.end))
    forms = {key: _form(key, named[key], evidence[key]) for key in named}
    uf = _UnionFind(sorted(forms))
    _merge_initials(forms, uf)
    _merge_middle_names(forms, uf)
    _merge_transliterations(forms, uf)
    _merge_misspellings(forms, uf)
    _merge_acronyms(forms, uf)
    shared = _merge_short_forms(forms, uf)
    _split_shared_surnames(shared, forms, named, evidence, uf, by_id)
    _merge_given_names(forms, uf)
    _merge_state_abbreviations(forms, uf)
    clusters: dict[str, list[_Form]] = defaultdict(list)
    for key in sorted(forms):
        clusters[uf.find(key)].append(forms[key])
    entities = [_entity(group, evidence) for group in clusters.values()]
    return sorted(entities, key=lambda e: (-len(e.mentions), e.name, e.id))


def _form(key: str, named: Sequence[tuple[Mention, str, tuple[str, ...]]], spans: Sequence[Evidence]) -> _Form:
    """The form of one folded name from its mentions (``named``) and their ``spans``."""
    form = _Form(key, min(words for _, _, words in named))  # spelling variants: order-invariant pick
    for (m, name, _), span in zip(named, spans, strict=True):
        shouted = m.text.isupper() and sum(ch.isalpha() for ch in m.text) > 4
        (form.caps_labels if shouted else form.labels)[m.label] += 1
        form.names[name] += 1
        form.surfaces.add(m.text)
        form.first[span.article_id] = min(form.first.get(span.article_id, m.start), m.start)
    return form


def _split_shared_surnames(
    shared: Sequence[tuple[_Form, list[_Form]]], forms: dict[str, _Form],
    named: dict[str, list[tuple[Mention, str, tuple[str, ...]]]], evidence: dict[str, list[Evidence]],
    uf: _UnionFind, by_id: Mapping[str, Article],
) -> None:
    """Give a surname two or more full names of the run end with, in each article that
    wrote exactly one of them before the surname alone (in its title, or its text), to
    that one: "Thurman" under the title "This Is Why Uma Thurman Is Angry" is hers
    although the article names her father Robert Thurman later, and "Paddock" after only
    "Stephen Paddock" is the gunman's in a story that also quotes his brother Eric
    Paddock. Where an article wrote none or two of them first, the surname stays its own
    there."""
    for form, fulls in shared:
        spans = evidence[form.key]
        owners: dict[str, str] = {}
        for article_id, start in sorted(form.first.items()):
            title = fold(by_id[article_id].title or "")
            before = {uf.find(f.key) for f in fulls if f.first.get(article_id, start) < start
                      or any(re.search(rf"\b{re.escape(fold(name))}\b", title) for name in f.surfaces)}
            if len(before) == 1:
                owners[article_id] = before.pop()
        if not owners:
            continue
        rest = [i for i, span in enumerate(spans) if span.article_id not in owners]
        for n, article_id in enumerate(sorted(owners)):
            key = f"{form.key}@{n}"
            mine = [i for i, span in enumerate(spans) if span.article_id == article_id]
            named[key] = [named[form.key][i] for i in mine]
            evidence[key] = [spans[i] for i in mine]
            forms[key] = _form(key, named[key], evidence[key])
            uf.add(key)
            uf.union(key, owners[article_id])
        if rest:
            named[form.key] = [named[form.key][i] for i in rest]
            evidence[form.key] = [spans[i] for i in rest]
            forms[form.key] = _form(form.key, named[form.key], evidence[form.key])
        else:
            del forms[form.key]


def _loose_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words without one-letter initials and plural "s" ("Ford Motors" ~ "Ford Motor",
    "Financial Crimes Division" ~ "Financial Crime Division"), but for the first word's:
    "Time magazine" is not "The Times Magazine"."""
    core = [w for w in words if len(w) > 1]
    return tuple(w[:-1] if k and len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                 for k, w in enumerate(core))


def _merge_initials(forms: Mapping[str, _Form], uf: _UnionFind) -> None:
    """Merge multi-word names equal up to middle initials and plural "s".

    "Vladimir V. Putin" == "Vladimir Putin", "General Motor" == "General Motors". Only
    names of two or more words, where such variants are spelling, not different names.
    """
    by_core: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key, form in sorted(forms.items()):
        core = _loose_words(form.words)
        if len(core) >= 2:
            by_core[core].append(key)
    for keys in by_core.values():
        for k in keys[1:]:
            uf.union(keys[0], k)


def _merge_middle_names(forms: Mapping[str, _Form], uf: _UnionFind) -> None:
    """Merge a person's first and last name into the one name of the run that adds a
    middle name between them: "Michael Vick" is "Michael Dwayne Vick" (FEVER had the two
    as two people, so that a claim about one contradicted a sentence about the other).
    Both must be tagged PERSON and person-shaped; two such longer names ("Mary Ann
    Smith", "Mary Jane Smith") leave the short one alone. Middle initials are
    ``_merge_initials``' work."""
    longer: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key, form in forms.items():
        if len(form.words) == 3 and len(form.words[1]) > 1 and form.label == "PERSON" and _is_person_shaped(form):
            longer[(form.words[0], form.words[2])].add(uf.find(key))
    for key, form in sorted(forms.items()):
        if len(form.words) != 2 or form.label != "PERSON" or not _is_person_shaped(form):
            continue
        people = longer.get((form.words[0], form.words[1]), set())
        if len(people) == 1:
            uf.union(key, people.pop())


def transliteration_key(words: tuple[str, ...]) -> tuple[str, ...]:
    """Folded words with the spellings that romanizing a name varies in made one: "ks" and
    "x", "y" and "i", doubled letters ("Sergei"/"Sergey", "Alexei"/"Aleksei",
    "Zelensky"/"Zelenskyy"/"Zelenskiy", "Yuri"/"Yury")."""
    return tuple(re.sub(r"(.)\1+", r"\1", w.replace("ks", "x").replace("y", "i")) for w in words)


def _merge_transliterations(forms: Mapping[str, _Form], uf: _UnionFind) -> None:
    """Merge a person's names that differ only in how they were romanized
    (``transliteration_key``): outlets write "Sergei Lavrov" and "Sergey Lavrov", and the
    two had been two people, with "Lavrov" alone a third (the surname of two names).
    Person-shaped PERSON names only (two to four words): one word alone ("Mary", "Mari")
    is too little to tell a spelling from another name; a surname joins its full name
    after (``_merge_short_forms``)."""
    by_key: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key, form in sorted(forms.items()):
        if form.label == "PERSON" and _is_person_shaped(form):
            by_key[transliteration_key(form.words)].append(key)
    for keys in by_key.values():
        for k in keys[1:]:
            uf.union(keys[0], k)


# Shortest word in which one changed letter is taken for a misspelling (``_merge_misspellings``),
# in a name of several words and in a one-word name: among four-letter words one letter
# makes another name ("Iran", "Iraq"; "Nada", "NASA"), among one-word names of five too
# ("Patel", "Pavel").
MIN_MISSPELT_WORD = 5
MIN_MISSPELT_NAME = 6


def _merge_misspellings(forms: Mapping[str, _Form], uf: _UnionFind) -> None:
    """Merge two names that differ in one letter of one word, past its first letter: an
    outlet's or a wire copy's typo ("Penelac" for the utility Penelec, "Manual Valls",
    "Bernard Cazaneuve"). Not where one article writes both (two names there), a digit differs ("Falcon 1", "Falcon 9"), the
    word's first letter differs ("ABC News", "NBC News"; "Berlin", "Merlin"), the word is
    short (MIN_MISSPELT_WORD, MIN_MISSPELT_NAME: "Sin City", "Sun City"), either is a nationality
    ("Germans", "Germany"), only one is a person, or both words are given names ("Jon",
    "Jan")."""
    names = given_names()
    buckets: dict[tuple[tuple[str, ...], int], list[str]] = defaultdict(list)
    for key, form in sorted(forms.items()):
        if form.label == "NORP":
            continue
        shortest = MIN_MISSPELT_WORD if len(form.words) > 1 else MIN_MISSPELT_NAME
        for w, word in enumerate(form.words):
            if len(word) >= shortest:
                for i in range(1, len(word)):
                    if word[i].isalpha():
                        blank = (*form.words[:w], word[:i] + "*" + word[i + 1:], *form.words[w + 1:])
                        buckets[blank, w].append(key)
    for (_, w), keys in sorted(buckets.items()):
        for a, b in itertools.combinations(keys, 2):
            fa, fb = forms[a], forms[b]
            if (fa.first.keys() & fb.first.keys() or (fa.label == "PERSON") != (fb.label == "PERSON")
                    or (fa.words[w] in names and fb.words[w] in names)):  # words are folded
                continue
            uf.union(a, b)


def _acronyms(words: tuple[str, ...]) -> set[str]:
    content = [w for w in words if w not in _ACRONYM_SKIP]
    return {"".join(w[0] for w in words), "".join(w[0] for w in content)} - {""}


def _merge_acronyms(forms: Mapping[str, _Form], uf: _UnionFind) -> None:
    """Merge an all-caps short name with the one longer name it abbreviates ("US"),
    then names that differ only by that acronym ("US Air Force" == "United States Air Force").
    """
    expansions: dict[str, set[str]] = defaultdict(set)
    for key, form in forms.items():
        if len(form.words) >= 2 and form.label != "PERSON":
            for acro in _acronyms(form.words):
                expansions[acro].add(key)
    expanded: dict[str, tuple[str, ...]] = {}
    for key, form in sorted(forms.items()):
        if len(form.words) != 1 or not 2 <= len(key) <= 6 or form.label == "PERSON":
            continue
        # only a name spelled out in an article that also uses the acronym: "RT" in one
        # story is not "Reuters Troops" of a photo caption in another ("SPD", "Slidell
        # Police Department"); wire services go by their initials alone ("ERIE, Pa. (AP)")
        cands = sorted(k for k in expansions.get(key, ())
                       if key in _WIRE_ACRONYMS or forms[k].first.keys() & form.first.keys())
        roots = {uf.find(k) for k in cands}
        if len(roots) > 1:  # ambiguous: keep expansions with the acronym's label, then a dominant one
            roots = _dominant(uf, [forms[k] for k in cands if forms[k].label == form.label])
        if len(roots) == 1 and any(_is_caps(n) for n in form.names):
            uf.union(key, roots.pop())
            expanded[key] = forms[min(cands)].words
    for key, form in sorted(forms.items()):
        for i, word in enumerate(form.words if len(form.words) >= 2 else ()):
            long = "".join(form.words[:i] + expanded.get(word, (word,)) + form.words[i + 1:])
            if long != key and long in forms:
                uf.union(key, long)


def state_name(name: str) -> str | None:
    """The US state an AP style abbreviation names ("Pa." -> "Pennsylvania", "N.Y." ->
    "New York"), or None: the dot is required, so "Pa" and "PA" name none."""
    return US_STATE_ABBREVIATIONS.get(" ".join(name.split()).lower())


def _merge_state_abbreviations(forms: Mapping[str, _Form], uf: _UnionFind) -> None:
    """Merge a place written as an AP style state abbreviation ("Erie, Pa.") with the
    state's name where the run also writes it out ("a Pennsylvania woman"): one outlet's
    dateline and another's lead then name one place."""
    for key, form in sorted(forms.items()):
        if form.label not in _PLACE_LABELS:
            continue
        states = {state_name(n) for n in form.names} - {None}
        if len(states) != 1:
            continue
        full = forms.get("".join(name_words(states.pop() or "")))
        if full is not None and full.label in _PLACE_LABELS:
            uf.union(key, full.key)


def _dominant(uf: _UnionFind, forms: Sequence[_Form]) -> set[str]:
    """The root of the cluster with DOMINANCE times the mentions of any other, else none."""
    counts: Counter[str] = Counter()
    for f in forms:
        counts[uf.find(f.key)] += sum(f.labels.values()) + sum(f.caps_labels.values())
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked and (len(ranked) == 1 or ranked[0][1] >= DOMINANCE * ranked[1][1]):
        return {ranked[0][0]}
    return set()


def _is_caps(name: str) -> bool:
    return sum(c.isalpha() for c in name) >= 2 and not any(c.islower() for c in name)


# Place labels: "Jordan" (GPE) is not the surname of "Michael Jordan".
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_THING_LABELS = frozenset({"ORG", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW"})


def _merge_short_forms(forms: Mapping[str, _Form], uf: _UnionFind) -> list[tuple[_Form, list[_Form]]]:
    """Merge a short name into the one longer name it abbreviates (longest first).

    PERSON: the surname part ("Maduro" -> "Nicolás Maduro") anywhere in the run. Things
    (ORG, PRODUCT, ...): leading or trailing words of a longer name ("Northrop", "Post")
    that is introduced before it in every article with both ("Google" often comes
    before "Google AI": apart); "Apple" beside "Apple Computer" and "Apple Corps" stays.
    Returns the surnames of two or more people, each with its full names.
    """
    shared: list[tuple[_Form, list[_Form]]] = []
    heads: dict[tuple[str, ...], list[_Form]] = defaultdict(list)  # leading words -> longer names
    tails: dict[tuple[str, ...], list[_Form]] = defaultdict(list)  # trailing words -> longer names
    for form in forms.values():
        for k in range(1, len(form.words)):
            heads[form.words[:k]].append(form)
            tails[form.words[-k:]].append(form)
    for form in sorted(forms.values(), key=lambda f: (-len(f.words), f.key)):
        if uf.size[uf.find(form.key)] > 1:  # already resolved ("UN" = "United Nations")
            continue
        fulls = [o for o in tails.get(form.words, ()) if _is_surname_of(form, o)]
        people = {uf.find(o.key) for o in fulls}
        if len(people) == 1:
            uf.union(form.key, people.pop())
        elif people:
            shared.append((form, fulls))
        elif not people:
            cands = [*heads.get(form.words, ()), *tails.get(form.words, ())]
            things = {uf.find(o.key) for o in cands if _is_part_of_thing(form, o)}
            if len(things) == 1:
                uf.union(form.key, things.pop())
    return shared


def _merge_given_names(forms: Mapping[str, _Form], uf: _UnionFind) -> None:
    """Merge a one-word person's name no surname rule placed into the one full name it
    opens, where every article that writes it wrote that full name before it: "Jessica
    revealed she was expecting" after "Jessica Alba has given birth" (a tabloid names
    its subject by her first name), "Moon" after "Moon Jae-in". Two full names opening
    with it in its articles ("Bruce Steinberg", "Bruce Springsteen") and it joins
    neither; one article that writes it alone, without the full name before, and it
    stays its own. A given name the tagger typed as a thing counts too ("Tiffany said"
    after "Tiffany Marchbanks, an American student", an ORG)."""
    opening: dict[str, list[_Form]] = defaultdict(list)
    for form in forms.values():
        if len(form.words) >= 2 and form.label == "PERSON" and _is_person_shaped(form):
            opening[form.words[0]].append(form)
    table = given_names()
    for form in sorted(forms.values(), key=lambda f: f.key):
        if len(form.words) != 1 or uf.size[uf.find(form.key)] > 1 or not (
                form.label == "PERSON" or (form.label in _NAME_LIKE_LABELS and form.words[0] in table)):
            continue
        near = [f for f in opening.get(form.words[0], ()) if f.first.keys() & form.first.keys()]
        people = {uf.find(f.key) for f in near}
        if len(people) == 1 and any(_always_after(f, form) for f in near):
            uf.union(form.key, people.pop())


def _always_after(full: _Form, short: _Form) -> bool:
    """Whether every article that writes ``short`` wrote ``full`` before it: a surname the
    tagger typed as a place ("Brian Buonassissi ... Buonassissi heard", GPE) is the
    person's there, where "Washington" in a story with no George Washington before it
    stays a place."""
    return all(a in full.first and full.first[a] < start for a, start in short.first.items())


def _no_place_alone(short: _Form, full: _Form) -> bool:
    """Whether a name the tagger typed as a place is written only in articles that name
    the person too, and no country, capital or nationality has it: "Chávez" in the
    heading "Historical Context: Chávez, Putin, and a Strategic Partnership" above "the
    late Hugo Chávez". "Washington" stays a place beside Denzel Washington."""
    from newsdesk.extract.countries import country_of_name

    return short.first.keys() <= full.first.keys() and all(country_of_name(n) is None for n in short.names)


def _is_surname_of(short: _Form, full: _Form) -> bool:
    n = len(short.words)
    return (
        len(full.words) > n and full.words[-n:] == short.words and full.label == "PERSON"
        and _is_person_shaped(full) and (short.label not in _PLACE_LABELS or _always_after(full, short)
                                         or _no_place_alone(short, full))
        and not all(_is_caps(name) for name in short.names)  # "UN" is no surname of "Kim Jong Un"
        # nor is a part after a hyphen: "Moon" (Moon Jae-in) is not "Ban Ki-moon"
        and not any(re.search(r"[-–]" + re.escape(short.words[0]) + r"\b", fold(name)) for name in full.names)
        # a name not tagged as a person is a surname only beside the full name in some
        # article: the company "Apple" had become the singer Fiona Apple of another story
        and (short.label == "PERSON" or bool(short.first.keys() & full.first.keys()))
    )


def _is_part_of_thing(short: _Form, full: _Form) -> bool:
    n, shared = len(short.words), short.first.keys() & full.first.keys()
    return (
        len(full.words) > n and short.words in (full.words[:n], full.words[-n:])
        and full.label in _THING_LABELS and short.label in _THING_LABELS
        and bool(shared) and all(full.first[a] < short.first[a] for a in shared)
    )


def _is_person_shaped(form: _Form) -> bool:
    """2-4 capitalized alphabetic words (particles like "de" allowed), no digits, not
    opening with a function word or a wire's name, not one name twice: "Both Abe" and
    "CNN Abe" (a sentence opening, a photo credit) are no people named Abe."""
    name = form.names.most_common(1)[0][0]
    words = name.split()
    if not 2 <= len(words) <= 4 or words[0].lower() in _OPENERS or words[0] in WIRE_NAMES:
        return False
    if len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
        return False  # "Equifax Equifax": a name run twice (a caption beside a heading)
    return all(
        w.lower() in NAME_PARTICLES or (w[:1].isupper() and all(c.isalpha() or c in ".-'’" for c in w))
        for w in words
    )


def _entity(group: list[_Form], evidence: Mapping[str, list[Evidence]]) -> Entity:
    """One Entity from the forms of one cluster (type, name, aliases, sorted mentions)."""
    etype = _majority(sum((f.votes for f in group), Counter()))
    full_name = any(len(f.words) >= 2 and f.label == "PERSON" and _is_person_shaped(f) for f in group) or (
        any(_named_in_full(f) for f in group) and not _legal_form(group)
        and not is_outlet_name(_best_name(group)))
    if full_name:
        etype = "PERSON"  # the small model often tags surnames ORG; a full name settles it
    name = _best_name(group, person=etype == "PERSON")
    if etype == "PERSON" and not full_name and (is_outlet_name(name) or _legal_form(group)):
        # a paper or agency the model took for a person ("Yonhap", "Chosun Ilbo"), or a
        # company the run also names with its legal form ("Qualcomm" beside "Qualcomm
        # Inc."): no given name settles it the other way
        etype = "ORG"
        name = _best_name(group)
    spans = (v for f in group for v in evidence[f.key])
    mentions = sorted(spans, key=lambda v: (v.article_id, v.start, v.end))
    aliases = tuple(sorted({s for f in group for s in f.surfaces}))
    article_ids = tuple(sorted({a for f in group for a in f.first}))
    return Entity(content_hash(etype, name), name, etype, aliases, article_ids, tuple(mentions))


def _named_in_full(form: _Form) -> bool:
    """Whether a name the tagger typed mostly as a thing, but once as a person, is a
    person's full name by the name lists: two or three words, the first a given name of
    one gender, the last a surname ("Nikki Haley", tagged ORG twice and PERSON once; the
    dictionary has "Haley", so ``given_name_person`` leaves it)."""
    table = given_names()
    return (2 <= len(form.words) <= 3 and form.votes["PERSON"] > 0 and _is_person_shaped(form)
            and form.words[0] in table and form.words[-1] in surnames())


def _legal_form(group: list[_Form]) -> bool:
    """Whether the run writes one of the group's names with a company's legal form after
    it ("Qualcomm Inc.", "Anthem Inc", "Broadcom Ltd."), which a person's name never has."""
    for f in group:
        for surface in f.surfaces:
            words = _folded_words(surface)  # the words name_words would cut the form from
            if len(words) >= 2 and words[-1] in _CORP_SUFFIXES:
                return True
    return False


# A thing's name that only adds words after a shorter name of it must be found in at
# least 1/NAMING_SHARE as many articles as that shorter name to be its display name.
NAMING_SHARE = 4


def _trailing_extra(form: _Form, group: list[_Form]) -> bool:
    """Whether ``form`` is a shorter name of the group plus trailing words, in far fewer
    articles: a photo caption's "Reuters North (Korean leader ...)" beside "Reuters" in
    25 articles, "Getty Images 3". Names tagged as people keep their full name, and
    names that add words in front ("Venezuelan Defense Ministry") are not affected."""
    if form.label == "PERSON":
        return False
    n = len(form.words)
    return any(len(g.words) < n and form.words[:len(g.words)] == g.words
               and len(g.first) >= NAMING_SHARE * len(form.first) for g in group)


def _leading_extra(form: _Form, group: list[_Form]) -> bool:
    """Whether ``form`` is another full name of the group with a photo credit run in
    front: words in capitals or a wire's name ("GETTY Max Verstappen", "Reuters Kim
    Jong-un"), or the name itself again ("Justin Timberlake Justin Timberlake"). The
    full name has two words or more, does not open with a particle ("Del Rio" is Jack
    Del Rio's surname, "bin Laden" Osama bin Laden's), and is in as many articles.
    A role run in front ("Comedian Sarah Silverman") is not told from a first name."""
    surface = form.names.most_common(1)[0][0].split()
    for g in group:
        k = len(g.words)
        if not (2 <= k < len(form.words) and form.words[-k:] == g.words and len(g.first) >= len(form.first)):
            continue
        if g.words[0] in NAME_PARTICLES:
            continue
        extra = surface[:len(surface) - len(g.names.most_common(1)[0][0].split())]
        if extra and (all(_is_credit_word(w) for w in extra) or tuple(w.lower() for w in extra) == g.words):
            return True
    return False


def _is_credit_word(word: str) -> bool:
    """A photo credit's word: in capitals ("GETTY", "AP"; not an initial, "J."), a wire's
    name ("Reuters") or a platform's ("wrote on Twitter Christian Estrosi, mayor of Nice",
    an embed's "Instagram Kim Kardashian")."""
    return (len(word) > 1 and word.isalpha() and word.isupper()) or word in WIRE_NAMES or word.lower() in PLATFORMS


def _best_name(group: list[_Form], person: bool = False) -> str:
    """Most complete (most words), then most frequent name, leaving out a thing's rare
    trailing extensions (``_trailing_extra``); accented spelling preferred, a spelling in
    capitals only when there is no other ("Caracas" over a dateline's "CARACAS").

    An accented spelling wins over its plain twin when it has at least half as many
    mentions ("Nicolás Maduro" x3 beats "Nicolas Maduro" x5).
    """
    names = sum((f.names for f in group
                 if not (_leading_extra(f, group) if person else _trailing_extra(f, group))), Counter())
    by_fold: dict[str, Counter[str]] = defaultdict(Counter)
    for name, count in names.items():
        by_fold[fold(name)][name] += count
    # a state's name over its abbreviation ("Pennsylvania", not "Pa.")
    variants = by_fold[min(by_fold, key=lambda k: (state_name(k) is not None, -len(name_words(k)),
                                                   -sum(by_fold[k].values()), k))]
    top = max(variants.values())

    def rank(name: str) -> tuple[bool, int, int, str]:
        accented = fold(name) != name.casefold()
        # "Caracas" over a dateline's "CARACAS"; acronyms have no other spelling
        shouted = name.isupper() and any(not v.isupper() for v in variants)
        return (shouted, 0 if accented and 2 * variants[name] >= top else 1, -variants[name], name)

    return min(variants, key=rank)
