"""spaCy loading: the pipeline newsdesk loads parses exactly as spaCy's own load does."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def _view(doc: Any) -> list[tuple[str, str, str, int, str, str, str]]:
    return [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc]


def test_serial_blas_parses_as_blis_does(corpus_dir: Path, nlp: Any) -> None:
    # load_nlp swaps thinc's blis matrix products for numpy's BLAS (about 3x faster on
    # these machines); every tag, arc, lemma and entity of real articles must stay as
    # spaCy's own load gives them
    import spacy
    from thinc.api import NumpyOps

    from newsdesk.nlp import PARAGRAPHS, _serial_blas_ops

    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus_dir.glob("*.txt"))]
    plain = spacy.load(nlp.meta["name"] if not nlp.path else nlp.path)
    plain.add_pipe(PARAGRAPHS, first=True)  # the line-break boundaries, tested below
    def models(pipeline: Any) -> list[Any]:
        return [node for _, proc in pipeline if getattr(proc, "model", None) is not None for node in proc.model.walk()]

    ops = {type(node.ops) for node in models(plain.pipeline)}
    assert ops == {NumpyOps}, "the reference pipeline should keep thinc's default ops"
    ours = {node.ops for node in models(nlp.pipeline)}
    assert ours == {_serial_blas_ops()}
    assert len(texts) >= 5
    reference = [_view(d) for d in plain.pipe(texts)]
    assert [_view(d) for d in nlp.pipe(texts)] == reference
    assert sum(len(v) for v in reference) > 2000 and any(t[6] for v in reference for t in v)


def test_serial_blas_gemm_is_a_matrix_product() -> None:
    import numpy as np

    from newsdesk.nlp import _serial_blas_ops

    rng = np.random.default_rng(0)
    x = rng.standard_normal((7, 5)).astype(np.float32)
    y = rng.standard_normal((3, 5)).astype(np.float32)
    ops = _serial_blas_ops()
    np.testing.assert_allclose(ops.gemm(x, y, trans2=True), x @ y.T, rtol=1e-5, atol=1e-5)
    z = rng.standard_normal((7, 3)).astype(np.float32)
    out = np.zeros((5, 3), dtype=np.float32)
    got = ops.gemm(x, z, out=out, trans1=True)
    np.testing.assert_allclose(out, x.T @ z, rtol=1e-5, atol=1e-5)
    assert got is out


def test_no_parse_runs_across_a_line_break(corpus_dir: Path, nlp: Any) -> None:
    # cleaned text has one paragraph per line; spaCy's parser alone ran sentences across
    # line breaks (a heading without a full stop became the next paragraph's subject)
    import spacy

    text = ("Earlier on Monday, the Detroit Lions parted company with coach Jim Caldwell\n"
            "The Lions also missed the play-offs and announced on Twitter on Monday that he would go.")
    plain = spacy.load(nlp.meta["name"] if not nlp.path else nlp.path)
    assert len(list(plain(text).sents)) == 1, "the reference parse should run across the line"
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents] == text.split("\n")
    lions = next(t for t in doc if t.text == "Lions" and t.i > 10)
    assert lions.dep_ == "nsubj" and lions.head.text == "missed"
    # nor splits a line with no sentence end inside it (giveme5w1h, Nice: split before "Day")
    text = ("Scores Die in Nice, France, as Truck Plows Into Bastille Day Crowd\nVideo\nPARIS \u2014 A Bastille Day "
            "fireworks celebration was shattered by death and mayhem Thursday night. It came eight months after "
            "the Paris attacks.")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[:2] == text.split("\n")[:2] and sents[-1] == "It came eight months after the Paris attacks."
    for path in sorted(corpus_dir.glob("*.txt")):
        for sent in nlp(path.read_text(encoding="utf-8")).sents:
            assert "\n" not in sent.text.strip(), (path.name, sent.text[:80])
            assert all(sent.start <= t.head.i < sent.end for t in sent)


def test_the_pipelines_own_lexicon_reads_words_and_their_forms(nlp: Any) -> None:
    """``participle`` and ``dictionary_word`` read the loaded pipeline's lemmatizer tables:
    a verb's -ing/-ed form, a plural noun, a capitalised common word; a vocab of no
    pipeline ``load_nlp`` loaded has no lexicon, and every word counts as a dictionary's."""
    from spacy.vocab import Vocab

    from newsdesk.nlp import dictionary_word, participle

    vocab = nlp("x").vocab
    assert participle(vocab, "Overjoyed") and participle(vocab, "Deploying")
    assert not participle(vocab, "Sterling") and not participle(vocab, "need")
    assert all(dictionary_word(vocab, w) for w in ("Panthers", "Tech", "Zoo", "Crow", "running"))
    assert not any(dictionary_word(vocab, w) for w in ("Haddish", "McVay", "Amanpour", "Gapani"))
    stranger = Vocab()
    assert dictionary_word(stranger, "Haddish") and not participle(stranger, "Overjoyed")
