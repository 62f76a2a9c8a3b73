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
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from newsdesk.months import MONTH_WORDS

_WORD_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
# A line "ends like a sentence" when its last visible character closes one.
_TERMINAL = ".!?…\"”’')]»。！？」』؟۔"


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line: ``text`` is ``raw[start:end]`` (outer whitespace stripped);
    ``index`` counts non-blank lines, ``words`` is its word count."""

    index: int
    start: int
    end: int
    text: str
    words: int


def count_words(text: str) -> int:
    """Word count; CJK text has no spaces, so two ideographs/kana/hangul count as a word."""
    cjk = sum(1 for ch in text if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")
    return len(_WORD_RE.findall(text)) + cjk // 2


def make_line(index: int, start: int, text: str) -> Line:
    """A ``Line`` for ``text`` found at raw offset ``start``."""
    return Line(index, start, start + len(text), text, count_words(text))


@dataclass(frozen=True, slots=True)
class Rule:
    """A keyword family: lines matching ``pattern`` with at most ``body_max`` words go
    anywhere, and with at most ``edge_max`` words in the edge zones.

    A weak family (``strong`` False) also needs the line to address the reader ("...
    support our work") or the match to open a line that is not a sentence or is a very
    short one ("Donate", "Subscribe now!"): "Netflix raises subscription prices" and
    "Donations to the campaign rose sharply after the debate." stay.
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
# Sweep on the English dev pages (newsdesk.eval.cleaning, 266 pages, removal P / R /
# article lines wrongly removed): strong body limit 20 -> 0.994 / 0.402 / 0.05%,
# 30 -> 0.994 / 0.404 / 0.05%, 45 -> 0.988 / 0.404 / 0.09%. Edge limit 60 and 120 score
# the same there; 120 covers the ~70-word NPR transcript notice in the electric-bill gold.
# The weak limits (6..15 body, 20..30 edge) change nothing on those pages; 10/20 keep
# them to what reads as a short line.
STRONG, STRONG_EDGE = 30, 120
WEAK, WEAK_EDGE = 10, 20
GALLERY = 5000  # words: a whole slideshow can sit on one line
CAPTION = 60  # words: a wire photo's caption runs to two or three sentences
WIDGET = 150  # words: a sign-up box with its form labels and messages
LINK_LIST = 300  # words: a tabloid's block of linked headlines flattened into one line
# Photo agencies as credits name them ("Getty Images", "AFP"); not "EPA" or "PA" alone,
# which open sentences about the US agency or the UK news agency's own reporting.
_AGENCY = r"(?:getty images|getty|reuters|ap|afp|shutterstock|bloomberg)"
# A capitalised name, as a photo credit gives an employer (one to five words) or a
# photographer (two to four); matched case-sensitively inside the case-blind rules.
_CREDIT_NAME = r"(?-i:[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})"
_CREDIT_PERSON = r"(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3})"
# Credits tabloids put before a caption ("Fame Flynet Forensics work at the scene ...",
# "Twitter Hundreds of people ... were caught up in the chaos", "EPA South Korea fears an
# invasion ...", a broadcaster's still: "BBC Police have confirmed ..."); only with a
# caption that ends without a full stop (a closing quote mark after a word is no full
# stop: "... declaring 'enough is enough'"), so "EPA Administrator Scott Pruitt said ..."
# and "Twitter said on Monday ..." stay.
_OPENING_CREDIT = (r"(?:twitter|instagram|facebook|swns(?:\s*•\s*pa)?|splash news|fame flynet|rex features|rex"
                   r"|barcroft media|alamy|epa|pa|bbc|sky news|itv"
                   # a photographer's site in lower case ("matrixpictures.co.uk Survivors comfort
                   # each other ..."; not a firm's name, "Amazon.com Sales Jump")
                   r"|(?-i:[a-z0-9-]+\.(?:co\.uk|com|net|org)))")
# The site talking to its reader. "US" (the country) is no cue, and a line that quotes
# or reports someone ("We will donate," he said) is speech, not the site's voice.
_ADDRESS_CUE = re.compile(r"(?i:\b(you|your|yours|our|ours|we)\b)|\b[Uu]s\b")
_REPORTED = re.compile(r"[\"“”«»]|\b(said|says|told|according to)\b", re.IGNORECASE)
# Strong patterns are phrases only furniture uses (they address the reader or name the
# widget); bare topic words ("cookies", "copyright", "ad blocking", "spam", "transcripts")
# are news topics too and only appear in weak families or inside such phrases.
RULES: tuple[Rule, ...] = (
    _rule("form note", r"indicates required fields?|required fields are marked|^\W*required\W*$",
          STRONG, STRONG_EDGE),
    _rule("spam-filter notice", r"\bakismet\b|comment data is processed|this site uses .{0,20}spam",
          STRONG, STRONG_EDGE),
    _rule("adblock notice",
          r"\bad[- ]?block(er)? (detected|enabled|is on)\b|disabl\w* (your |the )?ad[- ]?block"
          r"|(whitelist|allowlist) (us|our (site|website))|turn off (your )?ad[- ]?block"
          r"|(using|use) an ad[- ]?block", STRONG, STRONG_EDGE),
    _rule("adblock notice", r"\bad[- ]?block(er|ers|ing)?\b", WEAK, WEAK_EDGE),
    _rule("comment prompt",
          r"\bcomments? (section )?below\b|^(leave|post|add|write|submit) a (comment|reply)\b"
          r"|^join the (discussion|conversation)\b|commenting (forum|guidelines)"
          r"|^(show|view|load|read) (all )?(\d+ )?comments\b|^\W*(\d+\s+)?comments?\W*(\(.*\))?\W*$"
          r"|^(share|tell us|let us know)\b.{0,40}\byour (thoughts|views|opinions?)\b"
          r"|\b(log|sign) ?in\b.{0,30}\bto (leave|post|add|write) a (comment|reply)\b"
          r"|(read|see) our comment policy|before commenting|\bview comments\b"
          r"|\b(submit|send|write) (a|your) letter to the editor|we want to hear (what you think|from you)"
          r"|^\W*(reply|replydelete|report( abuse| comment)?|\d+ (likes?|replies))\W*$",
          STRONG, STRONG_EDGE),
    _rule("comment prompt", r"comments are moderated|\breader comments\b|comment policy", WEAK, WEAK_EDGE),
    # a comment section's house rules, which run to two or three sentences ("We ask that
    # comments are civil and free of libellous or hateful material. Also please stick to
    # the topic under discussion.")
    _rule("comment prompt",
          r"\bcomments (are|will be) moderated and\b|\bcomments are civil\b|\blibell?ous or hateful\b"
          r"|\bstick to the topic under discussion\b|^\W*we welcome (reader |your )?comments\b", CAPTION, CAPTION),
    _rule("paywall notice",
          r"to (view|read|continue reading) the (full|rest of the|entire) (story|article)"
          r"|if you('re| are) already a subscriber|log in for (immediate )?access",
          STRONG, STRONG_EDGE),
    _rule("affiliate disclosure",
          r"we may (receive|earn) (a )?(compensation|commission)"
          r"|this (post|article|page|story) (contains|may contain|includes) (affiliate )?(links|references)"
          r"|^\W*disclaimer\b", STRONG, STRONG_EDGE),
    _rule("newsletter line",
          r"sign up (for|to) our .{0,30}newsletter|delivered (straight |directly )?to your inbox"
          r"|\byour .{0,30}subscription today|(start|get|begin) your .{0,30}subscription"
          r"|^subscribe (to|now|today|for|here)\b"
          r"|^you('re| are) (now )?subscribed\b|(sign(ing)? up|subscrib\w+) (for|to) our (\S+ ){0,3}newsletters?"
          r"|never miss (our|the latest)\b|^sign up (to|for|now|here|today)\b"
          # "Get the Mach newsletter. SUBSCRIBE", "Keep up with this story and more by
          # subscribing now", "The Morning After is a new daily newsletter from Engadget"
          r"|^get the .{0,30}\bnewsletter\b|\bby subscribing (now|today)\b|\bis a new (daily|weekly) newsletter\b",
          STRONG, STRONG_EDGE),
    # a sign-up box flattened into one line ("Newsletter Sign Up Continue reading the main
    # story Get the Morning Briefing by Email ... View all New York Times newsletters."):
    # its heading opens it, however long the box's text
    _rule("newsletter line", r"^\W*newsletter sign[- ]?up\b", WIDGET, WIDGET),
    _rule("newsletter line", r"^[^.!?]{0,40}\bnewsletters?\W*$", WEAK, WEAK_EDGE),  # "PC Gamer Newsletter"
    _rule("newsletter line", r"\bnewsletters?\b|\bsubscri(be|ption|bed)\b|\bsign up\b", WEAK, WEAK_EDGE),
    _rule("donation appeal",
          r"\bdonat(e|ion|ions|ing)\b|\bpaypal\b|patreon|\bpatrons?\b|support (us|our (work|journalism|"
          r"reporting|newsroom))\b|become a (member|supporter|patron)\b|make a contribution|"
          r"buy me a coffee|\bchip in\b",
          WEAK, WEAK_EDGE),
    _rule("social follow line",
          r"\b(follow|like|join|find) (us|me|him|her|them) (on|at|via)\b|\bon (our|ours) (telegram|facebook|"
          r"twitter|instagram|youtube|tiktok|whatsapp|channel|page)\b|pic\.twitter\.com|"
          r"^\W*(twitter|facebook|instagram|telegram|youtube|tiktok|linkedin|whatsapp|reddit|"
          r"e-?mail|print|copy link|share)\W*$",
          WEAK, WEAK_EDGE),
    _rule("social follow line",
          r"^follow\b(?!-).{0,60}\b(twitter|facebook|instagram|telegram|youtube|tiktok|linkedin|whatsapp|"
          r"threads|bluesky|on x)\b"
          # the outlet asking for itself ("Craving even more? Like us on Facebook or Follow us on Twitter.")
          r"|\b(like|follow) us on (twitter|facebook|instagram|telegram|youtube|tiktok|linkedin)\b"
          # a topic to follow on the site ("Interested in Weather? Add Weather as an interest to
          # stay up to date on the latest Weather news ... Add Interest", ABC News)
          r"|\badd [^.?!]{1,40} as an interest\b|\bas an interest to stay up to date\b", STRONG, STRONG_EDGE),
    _rule("cookie banner",
          r"\bwe use cookies\b|our use of cookies|our cookie (policy|notice)|\b(accept|reject|manage) (all )?"
          r"cookies\b|\bcookie (settings|preferences|consent)\b", STRONG, STRONG_EDGE),
    _rule("related links",
          r"^\W*(you (may|might) (also )?(like|enjoy|be interested)|read (more|also|next)|also read"
          r"|related( (articles?|stories|posts?|content|coverage|news|videos?|reading|topics))?"
          r"|more (from|stories|news|like this|on this)|see also|recommended( for you)?"
          r"|most (read|popular|viewed|shared)|popular( now| stories)?|trending( now| stories)?"
          r"|up next|what to read next|don'?t miss|keep reading|continue reading|watch next)\b",
          WEAK, WEAK),
    _rule("bare link", r"^\W*(https?://|www\.)\S+\W*$", STRONG, STRONG_EDGE),
    # a block of linked headlines flattened into one line under its label, which a
    # sentence does not open with in these capitals: "MOST READ IN NEWS 'DAD WAS A PAEDO'
    # Joan Collins' son claims ... ERUPTION OF ANGER Mount Agung volcano erupts ..."
    _rule("related links",
          r"^(?-i:MOST READ IN [A-Z][A-Z &]*|Most Read In [A-Z][\w&]*(?: (?:&|[A-Z][\w&]*))*|Related [Ss]tories)\s+['\u2018\"\u201c]?(?-i:[A-Z])"
          # a linked headline under its label ("Related What Do the Grammys Have Against Women? ..."),
          # a tabloid's topic box ("more on space and astronomy OUT OF THIS WORLD Space rock ...")
          r"|^(?-i:Related)\s+(?-i:[A-Z]\w*\s+[A-Z])|^more on (?-i:[a-z]+(?: [a-z]+){0,5}) (?-i:[A-Z]{2,}(?: [A-Z]{2,})+) ",
          LINK_LIST, LINK_LIST),
    # a tabloid's photo caption opening with its credit in capitals, whatever it ends with
    # ("GETTY Is bitcoin debt 'toxic'?", "VLERICK BUSINESS SCHOOL•GETTY Bitcoin price: ...")
    _rule("photo caption", r"^\W*(?-i:(?:[A-Z][A-Z .&'’-]*\s*•\s*)?GETTY)\s+(?-i:[A-Z])", CAPTION, CAPTION),
    _rule("related links",
          r"^\W*(see also|read more|read also|also read|related( articles?| stories| coverage| videos?)?"
          r"|more on this( story)?|more|watch|listen|recommended)\s*:", STRONG, STRONG_EDGE),
    _rule("call to action",
          r"\bclick here\b|\btap here\b|^(get|download) (the|our) .{0,30}\bapps?\b"
          r"|download (the|our) \S+ apps? for\b", STRONG, STRONG_EDGE),
    _rule("share prompt", r"^share (this|on|via|the|article|story)\b", WEAK, WEAK_EDGE),
    _rule("thank-you stub",
          r"^(thank you|thanks|thx)( (so much|for (reading|watching|listening|visiting|your support|"
          r"subscribing)))?\W*$", WEAK, WEAK),
    _rule("copyright notice",
          r"^\W*(image |photo |video )?(©|copyright\s*(©|\(c\)|\d{4}|(?-i:[A-Z])))|©\s*\d{4}|\(c\) \d{4}"
          r"|all rights reserved|\bcopyright (©\s*)?\d{4}\b"
          r"|material may not be (published|reproduced|redistributed|copied)|trust principles|^our standards\b",
          STRONG, STRONG_EDGE),
    # a site's footer run into one line, opening on its copyright and saying all rights are
    # reserved ("Copyright 1995 - . All rights reserved. The content (including but not
    # limited to text, photo, ...) published in this site belongs to ..."), however long
    _rule("copyright notice", r"^\W*(©|copyright\s*(©|\(c\)|\d{4}))(?=.*\ball rights reserved\b)", WIDGET, WIDGET),
    _rule("legal links", r"terms of (use|service)|privacy (policy|notice)|cookie policy", WEAK, WEAK_EDGE),
    _rule("source credit", r"^\W*(additional )?reporting by .{0,80}; (editing|writing) by", STRONG, STRONG_EDGE),
    # the reporters or the wire that helped, closing the story ("Yoongjung Seo in Seoul and
    # Yuki Oda in Tokyo contributed to this report.", "The Associated Press contributed to
    # this report."): a credit, not a statement of the story
    _rule("source credit", r"\bcontributed (?:reporting )?to this (?:report|story|article)\W*$", CAPTION, CAPTION),
    _rule("related links", r"^\W*read more\b.{0,60}\bhere\W*$", STRONG, STRONG_EDGE),
    # a linked headline with its button ("China: the new space superpower Read more"), a
    # sharing line ("Read or Share this story: https://usat.ly/..."), a print-edition bar
    _rule("related links", r"(?-i:\bRead more)\s*$|^\W*read or share this story\b|^\W*order reprints\b",
          STRONG, STRONG_EDGE),
    _rule("source credit",
          r"^\W*(information from|additional reporting (by|from)|(reporting|editing|writing) by|"
          r"compiled by|edited by)\b", WEAK, WEAK_EDGE),
    # where the story ran in print: "(China Daily USA 07/15/2016 page1)", "(China Daily
    # 10/03/2017 page4)"
    _rule("source credit", r"^\W*\(?[^()\n]{2,40}\b\d{1,2}/\d{1,2}/\d{2,4}\s+page\s*[A-Z]?\d{1,3}\)?\W*$",
          STRONG, STRONG_EDGE),
    _rule("transcript notice",
          r"transcripts? (are|is) created on a rush deadline|may not be in (its|their) final form"
          r"|authoritative record of .{0,40}programming", STRONG, STRONG_EDGE),
    _rule("login prompt",
          r"^(sign in|log in|login|register now|create (an|your|a free) account|already (a|have an) "
          r"(subscriber|account))\b", WEAK, WEAK_EDGE),
    _rule("advertisement",
          r"^\W*(advertisement|advertising|sponsored( content| post)?|promoted( content)?|paid (content|post)"
          r"|(story|article) continues below( (this )?advertisement)?)\W*$"
          # "Advertisement Continue reading the main story", "Advertisement - Continue Reading Below"
          r"|^\W*(advertisement\W*)?continue reading( the main story| below)?\W*$", WEAK, WEAK),
    _rule("tag list", r"^(tags?|topics?|filed under|categories|keywords)\s*:", WEAK, WEAK_EDGE),
    # a media widget's label or control alone on its line, where the photo, the player or
    # the carousel was ("Photo" before the NYT's lead, CNN's "JUST WATCHED", "SaveSave"); a
    # one-word sentence ("Next.") is no label
    _rule("media label", r"^\W*(?:photos?|videos?|images?|audio|graphics?|just watched|now playing|must watch|replay"
          r"|more videos|(?:watch|play) (?:the )?video|next|prev(?:ious)?|(?:save)+)[^\w.!?]*$", WEAK, WEAK),
    # a slideshow's captions with its controls ("... Hide Caption 3 of 25"), however long
    # the line: the photos' captions, not the article
    _rule("photo gallery", r"\bhide caption \d+ of \d+\b", GALLERY, GALLERY),
    # an embedded video player's text: CNN's "JUST WATCHED ... Replay More Videos ... MUST
    # WATCH ...", the BBC's "Media playback is unsupported on your device Media caption ...",
    # the Daily Mail's "Scroll down for video"
    _rule("video player",
          r"\bjust watched\b.{0,200}\breplay\b|\breplay more videos\b|^\W*media playback is (not supported|unsupported) "
          r"on (this|your) device\b|^\W*scroll down for (the )?video\W*$"
          # an embed's fallback text ("Your browser does not support iframes.", "... enable
          # JavaScript, and consider upgrading to a web browser that supports HTML5 video")
          r"|\byour browser does not support (i-?frames|the video|html5|javascript)\b"
          r"|\bplease enable javascript\b|\bweb browser that supports html5 video\b", STRONG, STRONG_EDGE),
    # a video carousel flattened into one line, its controls first ("Skip in Skip x Embed x
    # Share CLOSE WHAT YOU NEED TO KNOW ABOUT ELON MUSK SpaceX 1st: ... | 2:30 ...")
    _rule("video player", r"^\W*skip in skip x embed x share\b", GALLERY, GALLERY),
    # a slideshow flattened into one line ("... Play slideshow Getty Images 1 of 11 ...")
    _rule("photo gallery", r"\bplay slideshow\b.{0,80}\b1 of \d+\b", GALLERY, GALLERY),
    # a tabloid's photos flattened into one line, each caption opening with its credit
    # ("Getty Images Cars were seen being stopped ... Getty Images There were fears ...
    # Reuters Members of the public were seen ...")
    _rule("photo gallery", rf"^\W*{_AGENCY}\s+(?-i:[A-Z0-9]).*?(?-i:[a-z])\s+{_AGENCY}\s+(?-i:[A-Z]).*(?<![.!?])$",
          GALLERY, GALLERY),
    # a blog's category drop-down flattened into one line ("Categories Categories Select
    # Category 2015 MAINS SELF STUDY GUIDE ..."), however long
    _rule("navigation menu", r"^\W*categories\b.{0,40}\bselect category\b", GALLERY, GALLERY),
    _rule("contact line",
          r"send (news )?tips to|^(contact|email|e-mail) (us|the (author|reporter|writer))\b"
          r"|you can (email|reach|contact) (him|her|them|the author)"
          # a tabloid's call for tips ("We pay for your stories! Do you have a story for The
          # Sun Online news team? Email us at ..."), a columnist's address line ("Email: ...")
          r"|\bwe pay for your stories\b|\bdo you have a story for\b|^\W*e-?mail\s*:", STRONG, STRONG_EDGE),
    # a photo's caption: its credit in brackets closes the line ("Aroldis Chapman celebrates
    # with his team-mates (Getty Images)", "... (Wolfgang Rattay/Reuters)", "(AP Photo/Richard
    # Drew, File)"), or the wire's "FILE - In this Dec. 13, 2016, file photo, ..." opens it
    _rule("photo caption",
          r"\((?:[^()]{0,80}[/,;]\s*)?(?:getty( images)?|afp|ap|reuters|epa|pa|dpa|shutterstock|xinhua|"
          r"ap photo\b[^()]{0,60}|photo:[^()]{0,60}|photos?:?\s+(?:getty|ap|afp|reuters)[^()]{0,40})"
          r"(?:/file)?\)\s*$|^\W*file\s*[-–—]+\s*in this\b.{0,60}\bphoto\b"
          # ... or a photographer's name and their employer, whoever that is ("(Elaine
          # Thompson/Associated Press)", "(Daron Taylor/The Washington Post)")
          rf"|\({_CREDIT_PERSON}\s*/\s*(?:the\s+)?{_CREDIT_NAME}\)\s*$"
          # ... or its credit closes the line unbracketed ("... Photograph: George Frey/Getty
          # Images", "... Dado Ruvic/Reuters"), or opens a caption that ends without a full
          # stop, as galleries run them ("AP:Associated Press Tensions on the Korean
          # peninsula are now at breaking point", "Getty - Contributor Hackers obtained ...")
          rf"|(?:^|[.!?\"”]\s+)(?:photograph|photo|picture|image)s?:\s*[^.!?:]{{1,80}}$"
          rf"|/\s*(?:\w+\s+via\s+)?{_AGENCY}(?:,\s*file)?\s*$|^\W*image caption\b"
          # ... or the agency's name alone after the caption's last full stop, as print
          # pages run it ("... on the French Riviera. AFP", "... in Nice, France. Reuters")
          r"|[.!?][\"”]?\s+(?-i:Reuters|AFP|AP|EPA|Xinhua|Getty Images|Getty|Shutterstock)\s*$"
          # ... or a credit in capitals closes it, the agency's and photographer's names
          # either way round ("... January 1, 2018. REUTERS/Ammar Awad", "... “eroding the
          # pillars of our society” LAUREN HURLEY/PA")
          rf"|\s(?-i:REUTERS|AFP|AP|EPA|GETTY IMAGES|GETTY)\s*/\s*{_CREDIT_PERSON}\s*$"
          r"|\s(?-i:[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){1,3})\s*/\s*(?-i:PA|AFP|AP|EPA|REUTERS|GETTY|REX|SWNS)\s*$"
          rf"|^\W*{_AGENCY}(?:\s*[-/,|]\s*{_AGENCY})+\W*$"
          rf"|^\W*(?:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{0,3}}\s*/\s*)?(?:ap:\s*associated press"
          rf"|getty images\s*-\s*getty|(?:handout\s*-\s*)?getty\s*-\s*contributor|handout\s*-\s*getty|{_AGENCY}"
          rf"|{_OPENING_CREDIT})"
          rf"(?:\s+or\s+licensors)?\s+(?-i:[A-Z0-9]).*(?<![.!?])(?<![.!?,][\"”'’])$"
          # ... or NPR's image widget ("Enlarge this image toggle caption Oliver Berg/EPA /Landov")
          r"|^\W*enlarge this image\b",
          CAPTION, CAPTION),
    # ... or a photographer's credit alone on its line ("Vjeran Pavic/The Verge",
    # "Stephen Shankland/CNET"), where the photo was
    _rule("image credit", rf"^\s*{_CREDIT_PERSON}\s*/\s*(?:the\s+)?{_CREDIT_NAME}\s*$", WEAK, WEAK),
    _rule("image credit",
          r"^\W*(photo|image|picture|video|illustration|graphic|credit)s?( credit)?\s*(:|/)"
          r"|^\W*(getty images|ap photo|afp via getty images|shutterstock)\b", WEAK, WEAK),
)

_DATE_TOKEN = re.compile(
    rf"^({MONTH_WORDS}|\w+day|published|updated|posted|last|modified|first|on|at|am|pm|a\.m\.?|p\.m\.?|"
    r"et|est|edt|gmt|utc|bst|cet|pt|min|mins|minute|minutes|read|\d[\d:./-]*(st|nd|rd|th)?)$",
    re.IGNORECASE,
)
# Words of a source's name before the bar of a date stamp ("Xinhua | Updated: ...").
_STAMP_SOURCE_WORDS = 4
_SPEAKER_RE = re.compile(r"^[A-Z][A-Z.'’ -]+, [A-Z][A-Z.'’ -]+:$")
_BREADCRUMB_SPLIT = re.compile(r"\s*[»›>]\s*|\s+/\s+")
_BYLINE_RE = re.compile(r"^(?:by|written by|words by|posted by|author:)\s+(?P<rest>\S.*)$", re.IGNORECASE)
# Words that end a byline name: job titles and joiners ("by Jane Doe Senior Editor").
_ROLE_WORDS = frozenset(
    "senior junior chief staff news political foreign associate deputy managing executive editor editors "
    "reporter reporters writer writers correspondent correspondents contributor columnist analyst "
    "producer anchor host and & | , - – — on in for at updated published".split()
)
_BYLINE_LOWER_OK = frozenset("and of the for at in on de van von da del la le bin".split())
# "Jane Doe is a reporter for X", "Kelly Wallace is CNN's digital correspondent", "... is The Post's"
_AUTHOR_BOX_RE = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s+(?:is|was)\s+(?:a|an|the|(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*['’]s)\s.{0,80}?\b"
    r"(?:writer|reporter|"
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
        if rule.strong or (_ADDRESS_CUE.search(line.text) and not _REPORTED.search(line.text)):
            return rule.reason
        opens = not line.text[: m.start()].strip(" \t\"'“‘*•-–—")
        if opens and (words <= 6 or not ends_like_sentence(line.text)):
            return rule.reason
    return None


# A slideshow pasted into the page: each caption opens with its slide counter ("26/34 5
# November 2017 Protesters in Trafalgar Square ..."). It takes this many counted lines of
# one slideshow: a tweet thread quoted in an article ("1/3 Today we ...") is shorter.
MIN_SLIDES = 5
_SLIDE_COUNTER = re.compile(r"(\d{1,3})/(\d{1,3})\s+\S")


# A gallery widget's line: "34 show all UK news in pictures", "+ show all Nasa's most
# stunning pictures of space".
_SHOW_ALL = re.compile(r"^(?:\d{1,3}|\+) show all (?P<title>\S.*)$")
_INLINE_COUNTER = re.compile(r"(?<![\d/])(\d{1,3})/(\d{1,3})(?=\s+\S)")


# A gallery pasted as paragraphs that each open with the gallery's title, then the slide's
# own heading and caption (DW: "Port of Duisburg turns 300 Expansion drive Over the
# centuries, ..." eleven times under a report on a ship accident). It takes this many
# consecutive lines opening with one title of at least MIN_TITLE_WORDS words, with no
# sentence end in it, each going on with a capitalised heading and a caption of at least
# MIN_CAPTION_WORDS words: prose that opens paragraphs alike goes on mid-sentence ("I have
# a dream that one day ...", "In the park we met.").
MIN_TITLED_SLIDES = 4
MIN_TITLE_WORDS = 4
MIN_CAPTION_WORDS = 8


def _titled_slides(lines: Sequence[Line]) -> set[int]:
    """Indexes of runs of MIN_TITLED_SLIDES or more consecutive lines that open with one
    gallery title (see above), each going on after it with other words."""
    out: set[int] = set()
    run: list[Line] = []

    def close() -> None:
        if len(run) < MIN_TITLED_SLIDES:
            return
        texts = [ln.text.split() for ln in run]
        common = 0
        while all(len(t) > common + 1 for t in texts) and len({t[common] for t in texts}) == 1:
            common += 1
        title = " ".join(texts[0][:common])
        rests = [t[common:] for t in texts]  # each slide's heading and caption, capitalised
        if common >= MIN_TITLE_WORDS and not re.search(r"[.!?:;\"“”]", title) \
                and len({" ".join(r) for r in rests}) == len(rests) \
                and all(len(r) >= MIN_CAPTION_WORDS and r[0][:1].isupper() for r in rests):
            out.update(ln.index for ln in run)

    for ln in lines:
        opening = ln.text.split()[:MIN_TITLE_WORDS]
        if run and (ln.index != run[-1].index + 1 or opening != run[0].text.split()[:MIN_TITLE_WORDS]):
            close()
            run = []
        run.append(ln)
    close()
    return out


def slideshow_lines(lines: Sequence[Line]) -> list[int]:
    """Indexes of the lines of a slideshow pasted into the page: lines that open with the
    counter "k/N" of one N-slide slideshow, when at least MIN_SLIDES different slides of
    it are there; a line that runs MIN_SLIDES such counters of one slideshow together
    ("... 1/8 The scene after a tram overturned ... Steve Parsons/PA 2/8 Police officers
    walk the site ... 3/8 ..."); a gallery widget's "N show all TITLE" line, and the line
    right before it when it is that title ("UK news in pictures"); captions that each
    open with the gallery's title (``_titled_slides``)."""
    slides: dict[int, dict[int, list[int]]] = {}
    out: set[int] = set()
    text_at = {ln.index: ln.text for ln in lines}
    for ln in lines:
        m = _SLIDE_COUNTER.match(ln.text)
        if m and 1 <= int(m.group(1)) <= int(m.group(2)):
            slides.setdefault(int(m.group(2)), {}).setdefault(int(m.group(1)), []).append(ln.index)
        inline: dict[int, set[int]] = {}
        for k, n in _INLINE_COUNTER.findall(ln.text):
            if 1 <= int(k) <= int(n):
                inline.setdefault(int(n), set()).add(int(k))
        if any(len(ks) >= MIN_SLIDES for ks in inline.values()):
            out.add(ln.index)
        if (shown := _SHOW_ALL.match(ln.text)) is not None:
            out.add(ln.index)
            if text_at.get(ln.index - 1, "").strip() == shown.group("title").strip():
                out.add(ln.index - 1)
    out.update(i for by_slide in slides.values() if len(by_slide) >= MIN_SLIDES
               for idx in by_slide.values() for i in idx)
    return sorted(out | _titled_slides(lines))


# A photo caption that repeats a sentence of the article, as tabloids run them under each
# photo ("Two New York City subway work trains collided in a tunnel early Wednesday
# morning, injuring one person" above the same sentence with its full stop), maybe with a
# note in brackets ("... between Manhattan and Queens (file photo)"). It takes this many
# words: a short line equal to a sentence is a heading or a list item.
MIN_ECHO_WORDS = 6
_CAPTION_TAG = re.compile(
    r"\s*\((?:(?:file|stock|library|archive)\s+)?(?:photo(?:graph)?|picture|pic|image)s?\)\s*$"
    r"|\s*\((?:pictured|above|below|left|right|centre|center|top|bottom|inset)\)\s*$",
    re.IGNORECASE,
)
_ECHO_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_SENTENCE_END = ".!?\u2026"


def _plain_line(text: str) -> str:
    return " ".join(text.translate(_ECHO_QUOTES).casefold().split())


def echoed_captions(lines: Sequence[Line], skip: Collection[int] = ()) -> list[int]:
    """Indexes of captions that repeat a sentence of another line word for word: a line of
    MIN_ECHO_WORDS words or more that, its bracketed photo note aside, does not end like a
    sentence, while another line that does (not in ``skip``) holds it as a whole sentence.
    The sentence stays; only its copy without a full stop goes, so cleaning twice is stable."""
    kept = [(ln, _CAPTION_TAG.sub("", ln.text)) for ln in lines if ln.index not in skip]
    prose = [(ln.index, _plain_line(ln.text)) for ln, bare in kept if ends_like_sentence(bare)]
    out: list[int] = []
    for ln, bare in kept:
        if ln.words < MIN_ECHO_WORDS or ends_like_sentence(bare):
            continue
        key = _plain_line(bare).rstrip(" ,;:")
        if any(_holds_sentence(text, key) for i, text in prose if i != ln.index):
            out.append(ln.index)
    return out


def _holds_sentence(text: str, key: str) -> bool:
    """Whether ``key`` is a whole sentence of ``text`` (both ``_plain_line``): it starts the
    text or follows a sentence end, and a sentence end follows it (closing quotes aside)."""
    at = text.find(key)
    while at >= 0:
        before = text[:at].rstrip()
        after = text[at + len(key):].lstrip("\"')")
        if (not before or before[-1] in _SENTENCE_END + "\"')") and after[:1] in _SENTENCE_END:
            return True
        at = text.find(key, at + 1)
    return False


# A photo's caption told as one: "Pictured, the gravitational lens ...", "... is pictured in
# this undated handout photo provided by Cincinnati Zoo.", or a tabloid's caption with the
# person "(pictured)" that ends without a full stop ("John Fox (pictured) left his post at
# the Chicago Bears after they missed out on the play-offs"), or with where each one stands
# ("Kevin Love (left), Richard Jefferson (second left) and JR Smith (second right),
# celebrate ..."). A sentence of the report with "(pictured)" or "(left)" in it ends with
# its full stop and stays.
_PICTURED_OPENING = re.compile(r"^\W*pictured\b", re.IGNORECASE)
_IN_THIS_PHOTO = re.compile(r"\bin this (?:[a-z]+ ){0,2}(?:photo(?:graph)?|picture|image|handout)\b", re.IGNORECASE)
_PICTURED = re.compile(r"\(pictured\b|\b(?:is|are|was|were) pictured\b|\bpictured (?:here|above|below|left|right)\b"
                       r"|\((?:(?:second|third|far|top|bottom|back|front)[\s-]+)?(?:left|right|centre|center|middle)\)",
                       re.IGNORECASE)
_INNER_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+[\"'\u201c\u2018(]?[A-Z]")


def is_photo_caption(line: Line) -> bool:
    """A line that is a photo's caption (see ``_PICTURED``): one sentence of CAPTION words
    at most. A paragraph of several sentences is the report, a caption glued to it or not
    ("... followed later in the year by a lander and rover. Pictured, a previous Chinese
    rover.")."""
    text = line.text
    if line.words > CAPTION or _INNER_SENTENCE_END.search(text):
        return False
    if _PICTURED_OPENING.search(text) or _IN_THIS_PHOTO.search(text):
        return True
    return bool(_PICTURED.search(text)) and not ends_like_sentence(text)


# A tabloid's caption: a label of a few words, a colon, then what the photo shows, with no
# full stop ("Out and about: Silverman wore a black dress with fishnet stockings at the
# Grammys last month", "Distance: Sarah explained that 'it got hard' ..."). Related-link
# titles have the shape too ("Review: Justin Timberlake's 'Man of the Woods' can't pull
# off its Americana-pop fusion"). The label opens on a capital and goes on in lower case:
# a transcript's "SHAPIRO:" and a name's "Milky Way in technicolor:" are no labels, and a
# line that ends like a sentence ("Smith: I was there.") is no caption.
_LABELLED = re.compile(r"^[A-Z][a-z'\u2019]*(?: [a-z'\u2019]+){0,3}: [\"'\u201c\u2018]?[A-Z]")
MIN_LABELLED_WORDS = 10


def is_labelled_caption(line: Line) -> bool:
    """A line that is a caption under a label (see ``_LABELLED``): MIN_LABELLED_WORDS to
    CAPTION words, not ending like a sentence."""
    return (MIN_LABELLED_WORDS <= line.words <= CAPTION and _LABELLED.match(line.text) is not None
            and not ends_like_sentence(line.text))


def is_table_row(text: str) -> bool:
    """A row of a Markdown table as extractors write them ("| Name | Votes |", "|---|---|"):
    tables carry data (results, prices), so rows are never judged as furniture."""
    return len(text) >= 3 and text.startswith("|") and text.endswith("|")


def is_separator(text: str) -> bool:
    """A line with no letters or digits ("___", "* * *")."""
    return not any(ch.isalnum() for ch in text)


# A headline run into the page's stamp and source: "Scores killed as truck rams crowd in
# France Updated: 2016-07-15 13:14 By Agencies(China Daily USA)".
_TITLE_STAMP = re.compile(r"^[^.!?\n]{10,160}\s(?:updated|published|posted):?\s+\d{4}-\d\d-\d\d(?:\s+\d{1,2}:\d\d)?"
                          r"(?:\s*(?:by\s+)?[^.!?\n]{0,60})?$", re.IGNORECASE)


def is_date_line(line: Line) -> bool:
    """A line that is only a date/time stamp or a reading time ("Updated 5:31 PM EST"),
    one credited to its source before a bar ("Xinhua | Updated: 2017-09-15 17:52"), or a
    headline run into the stamp (``_TITLE_STAMP``)."""
    text = line.text
    if _TITLE_STAMP.match(text):
        return True
    source, bar, stamp = text.partition("|")
    if bar and 1 <= len(source.split()) <= _STAMP_SOURCE_WORDS and all(w[:1].isupper() for w in source.split()):
        text = stamp
    tokens = re.findall(r"[^\s,|•·()]+", text)
    if not tokens or len(tokens) > 12:
        return False
    return all(_DATE_TOKEN.match(t.strip(".:")) for t in tokens) and any(ch.isdigit() for ch in text)


# A month and year, as an archive menu lists them ("December 2017").
_MONTH_YEAR = re.compile(rf"\b(?:{MONTH_WORDS})\s+(?:1[89]|20)\d\d\b", re.IGNORECASE)
# Month-year entries from which a line is an archive menu, and the share of its words they make.
ARCHIVE_MONTHS = 4
ARCHIVE_SHARE = 0.7


def is_archive_list(line: Line) -> bool:
    """A blog's archive menu run into one line ("Archives Select Month January 2018
    December 2017 November 2017 ..."): ARCHIVE_MONTHS month-year entries or more, making
    up ARCHIVE_SHARE of its words. A sentence naming a few months ("in January 2017,
    March 2017 and May 2017 the rate rose") has other words."""
    found = _MONTH_YEAR.findall(line.text)
    return len(found) >= ARCHIVE_MONTHS and 2 * len(found) >= ARCHIVE_SHARE * line.words


def is_speaker_label(text: str) -> bool:
    """A transcript speaker tag in capitals, name and role ("DAVID GREENE, HOST:").

    Without the role ("DESTINATION:") a capitalized label is a fact-box heading and stays.
    """
    return len(text.split()) <= 8 and bool(_SPEAKER_RE.match(text))


def is_breadcrumb(text: str) -> bool:
    """Navigation trail: 3+ short parts joined by » › > or " / " (or 2 starting with Home)."""
    if ends_like_sentence(text) and text.rstrip()[-1] == ".":
        return False
    if "«" in text:  # French quotes pair « with », which is then no separator
        return False
    parts = [p for p in _BREADCRUMB_SPLIT.split(text) if p.strip()]
    if len(parts) < 2 or any(len(p.split()) > 12 for p in parts):
        return False
    home = parts[0].strip().lower() in {"home", "news", "start", "homepage"}
    if not re.search(r"[»›>]", text):  # " / " alone also separates genres, sizes, ...
        return home and len(parts) >= 3
    return len(parts) >= 3 or home


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


def is_author_box(line: Line, late: bool) -> bool:
    """An author bio ("Jane Doe is a reporter for X. Follow her on Twitter @jd").

    ``late``: in an edge zone or the last third of the lines, where author boxes sit;
    elsewhere the line also needs a contact cue (Twitter, e-mail, "follow").
    """
    if not _AUTHOR_BOX_RE.match(line.text) or line.words > 80:
        return False
    return late or bool(_CONTACT_CUE.search(line.text))


# A capitals heading run into the paragraph after it at a line's start, as some sites'
# text comes ("THE MOON GARDEN According to the Chongqing Morning Post, ...", "CHECK YOUR
# BANK STATEMENTS Check your accounts ..."): two words or more in capitals (two of three
# letters or more, MIN_HEADING_CAPS letters in all), then a capitalised word of a
# sentence. A label with a colon ("DRIVER OF THE DAY: Max Verstappen ...", a transcript's
# "VIVIENNE WALT: You're welcome.") and a wire dateline ("NEW YORK — ...", "DALLAS (AP)")
# are not matched.
_GLUED_HEADING = re.compile(r"((?:[A-Z0-9][A-Z0-9'’&.-]*[ \t]+)+[A-Z0-9][A-Z0-9'’&.-]*)[ \t]+(?=[A-Z][a-z])")
MIN_HEADING_CAPS = 8
# ... and the paragraph after it has at least this many words.
MIN_GLUED_BODY_WORDS = 4


def glued_heading(text: str) -> int | None:
    """Where the paragraph starts after a capitals heading run into it at the start of
    ``text`` (``_GLUED_HEADING``), or None."""
    m = _GLUED_HEADING.match(text)
    if m is None:
        return None
    words = m.group(1).split()
    letters = [sum(ch.isalpha() for ch in w) for w in words]
    if sum(letters) < MIN_HEADING_CAPS or sum(1 for n in letters if n >= 3) < 2:
        return None
    return m.end() if count_words(text[m.end():]) >= MIN_GLUED_BODY_WORDS else None


def is_caps_link(line: Line) -> bool:
    """A long line all in capitals without a final period: a promo link to another story
    ("MAN ALLEGEDLY BEAT WOMAN ... HOTEL ROOM"). Nine words keeps capitalized
    section headings ("LES VALEURS A SUIVRE A WALL STREET", 7 words, fundus Reuters_4) in the body."""
    text = line.text
    # caseless scripts (Arabic, CJK) equal their upper case too: count upper-case letters
    return (line.words >= 9 and text == text.upper() and sum(ch.isupper() for ch in text) >= 20
            and not text.rstrip().endswith("."))


def is_doubled(text: str) -> bool:
    """A line that is one phrase twice ("Nikki Haley Won't Quit Nikki Haley Won't Quit"):
    a teaser card's image alt text plus its headline."""
    words = text.split()
    half = len(words) // 2
    # over 30 words it is a paragraph the extractor doubled: the text is article, keep it
    return 4 <= len(words) <= 30 and len(words) % 2 == 0 and words[:half] == words[half:]


def is_reader_prompt(line: Line) -> bool:
    """A question to the reader ("What are your predictions ...?"); edge zones only."""
    return line.text.rstrip().endswith("?") and line.words <= 30 and bool(
        re.search(r"\b(you|your)\b", line.text, re.IGNORECASE)
    )
