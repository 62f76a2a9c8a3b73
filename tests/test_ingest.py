"""Ingest stage: files/folders/JSONL/HTML -> RawDocument, bad inputs -> Skipped."""

from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.errors import InputError
from newsdesk.ingest import decode_bytes, normalize_date, read_html, read_inputs
from newsdesk.model import RawDocument, Skipped
from newsdesk.settings import Settings

SETTINGS = Settings()


def corpus_texts(corpus_dir: Path) -> list[Path]:
    return sorted(corpus_dir.glob("*.txt"))


def fundus_html(data_dir: Path, name: str) -> bytes:
    return gzip.decompress((data_dir / "fundus-evaluation" / "html" / name).read_bytes())


def fundus_gold(data_dir: Path, name: str) -> dict[str, object]:
    gt = json.loads((data_dir / "fundus-evaluation" / "ground_truth.json").read_text(encoding="utf-8"))
    return gt[name]  # type: ignore[no-any-return]


# ------------------------------------------------------------------ text files


def test_corpus_folder_reads_every_article_in_sorted_order(corpus_dir: Path) -> None:
    docs, skipped = read_inputs([str(corpus_dir)], SETTINGS)
    files = corpus_texts(corpus_dir)
    assert skipped == []
    assert [d.source for d in docs] == [str(p) for p in files]
    for doc, path in zip(docs, files, strict=True):
        original = path.read_text(encoding="utf-8")
        assert doc.encoding == "utf-8"
        # one paragraph per line, nothing else changed: the words are all there, in order
        assert doc.text.split() == original.split()
        assert "\n\n" not in doc.text and doc.text == doc.text.strip()
        assert doc.title is None  # title detection belongs to the clean stage


def test_reading_twice_gives_identical_records(corpus_dir: Path) -> None:
    assert read_inputs([str(corpus_dir)], SETTINGS) == read_inputs([str(corpus_dir)], SETTINGS)


def test_file_named_twice_is_read_once(corpus_dir: Path) -> None:
    first = corpus_texts(corpus_dir)[0]
    docs, _ = read_inputs([str(first), str(corpus_dir)], SETTINGS)
    assert len(docs) == len(corpus_texts(corpus_dir))
    assert docs[0].source == str(first)


def test_missing_path_raises_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    for policy in ("skip", "fail"):
        with pytest.raises(InputError, match="no such file or directory") as info:
            read_inputs([str(missing)], SETTINGS, on_error=policy)
        assert info.value.source == str(missing)


@pytest.fixture()
def messy_folder(tmp_path: Path, corpus_dir: Path) -> Path:
    """A folder with one good article and one of each kind of bad input."""
    article = corpus_texts(corpus_dir)[0].read_bytes()
    (tmp_path / "a_good.txt").write_bytes(article)
    (tmp_path / "b_empty.txt").write_bytes(b"  \n\n ")
    (tmp_path / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "d_short.md").write_text("# Title\n\nToo short to be an article.\n", encoding="utf-8")
    (tmp_path / "e_report.pdf").write_bytes(b"%PDF-1.4 ...")
    (tmp_path / "f_noext").write_bytes(article)
    (tmp_path / ".hidden.txt").write_bytes(article)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "inside.txt").write_bytes(article)
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "z_big.txt").write_bytes(article * 3000)  # > 5 MB default limit
    return tmp_path


def test_bad_inputs_are_skipped_with_a_reason(messy_folder: Path) -> None:
    docs, skipped = read_inputs([str(messy_folder)], SETTINGS)
    assert [Path(d.source).name for d in docs] == ["a_good.txt"]
    reasons = {Path(s.source).name: s.reason for s in skipped}
    assert set(reasons) == {"b_empty.txt", "c_binary.txt", "d_short.md", "e_report.pdf", "f_noext", "z_big.txt"}
    assert reasons["b_empty.txt"] == "empty file"
    assert "binary" in reasons["c_binary.txt"]
    assert "not an article" in reasons["d_short.md"] and "< 200" in reasons["d_short.md"]
    assert reasons["e_report.pdf"].startswith("unsupported file type .pdf")
    assert "no extension" in reasons["f_noext"]
    assert "too large" in reasons["z_big.txt"] and "5000000" in reasons["z_big.txt"]
    assert all(s.stage == "ingest" for s in skipped)


def test_fail_policy_raises_at_first_bad_input(messy_folder: Path) -> None:
    with pytest.raises(InputError) as info:
        read_inputs([str(messy_folder)], SETTINGS, on_error="fail")
    assert info.value.source.endswith("b_empty.txt")
    assert info.value.problem == "empty file"


def test_size_limit_comes_from_settings(corpus_dir: Path) -> None:
    path = corpus_texts(corpus_dir)[0]
    size = path.stat().st_size
    docs, skipped = read_inputs([str(path)], Settings(max_input_bytes=size - 1))
    assert docs == [] and f"{size} bytes" in skipped[0].reason
    docs, skipped = read_inputs([str(path)], Settings(max_input_bytes=size))
    assert len(docs) == 1 and skipped == []


# ------------------------------------------------------------------ encodings


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32", "cp1252"])
def test_encodings_are_detected(tmp_path: Path, corpus_dir: Path, codec: str) -> None:
    text = corpus_texts(corpus_dir)[1].read_text(encoding="utf-8")  # has ’ and á
    text = text.encode(codec, errors="ignore").decode(codec)  # what the codec can carry
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(codec))
    docs, skipped = read_inputs([str(path)], SETTINGS)
    assert skipped == []
    assert docs[0].text.split() == text.lstrip("\ufeff").split()
    assert codecs.lookup(docs[0].encoding or "").name.startswith(codecs.lookup(codec).name[:5])


def test_meta_charset_is_honoured() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body><p>Привет</p></body></html>'
    text, encoding = decode_bytes(html.encode("cp1251"), "page")
    assert "Привет" in text and encoding == "cp1251"
    legacy = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>café crème</p>'
    text, encoding = decode_bytes(legacy.encode("latin-1"), "page")
    assert "café crème" in text and encoding == "cp1252"  # WHATWG: latin-1 label means cp1252


def test_utf8_wins_over_a_wrong_latin1_label() -> None:
    html = '<meta charset="iso-8859-1"><p>Nicolás Maduro’s “regime”</p>'
    text, encoding = decode_bytes(html.encode("utf-8"), "page")
    assert "Nicolás Maduro’s “regime”" in text and encoding == "utf-8"


def test_decode_rejects_binary() -> None:
    with pytest.raises(InputError, match="NUL"):
        decode_bytes(b"abc\x00def", "blob")
    with pytest.raises(InputError, match="control characters"):
        decode_bytes(bytes(range(1, 32)) * 20, "blob")


# ------------------------------------------------------------------ HTML


def test_html_page_gives_text_and_metadata(data_dir: Path, tmp_path: Path) -> None:
    name = "APNews_0.html.gz"
    path = tmp_path / "apnews.html"
    path.write_bytes(fundus_html(data_dir, name))
    docs, skipped = read_inputs([str(path)], SETTINGS)
    assert skipped == []
    doc = docs[0]
    gold = fundus_gold(data_dir, name)
    assert doc.url == gold["url"]
    assert doc.outlet == "AP News"
    assert doc.title and "enemy" in doc.title
    assert doc.published is not None and doc.published.startswith("2024-")
    assert doc.author and "GOLDIN" in doc.author.upper()
    lines = doc.text.split("\n")
    body = [p.strip("[]") for p in gold["body"]]  # type: ignore[union-attr]
    assert len(lines) >= len(body) // 2  # one paragraph per line, not one blob
    found = sum(1 for p in body if " ".join(p.split()) in lines)
    assert found >= 0.8 * len(body)


@pytest.mark.parametrize("name", ["Reuters_1.html.gz", "TheGuardian_0.html.gz", "iNews_2.html.gz"])
def test_read_html_dates_are_iso(data_dir: Path, name: str) -> None:
    doc = read_html(fundus_html(data_dir, name), name)
    assert doc.published is None or (len(doc.published) == 10 and doc.published[4] == "-")
    assert doc.encoding == "utf-8" and doc.outlet


def test_html_without_article_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>")
    docs, skipped = read_inputs([str(path)], SETTINGS)
    assert docs == [] and len(skipped) == 1
    assert "no article text" in skipped[0].reason or "not an article" in skipped[0].reason


# ------------------------------------------------------------------ JSONL


def test_jsonl_lines_are_articles_and_bad_lines_are_skipped(tmp_path: Path, corpus_dir: Path,
                                                            data_dir: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in corpus_texts(corpus_dir)[:2]]
    html = fundus_html(data_dir, "Reuters_1.html.gz").decode("utf-8")
    lines = [
        json.dumps({"text": texts[0], "title": "T1", "published": "2025-10-31T18:05:00-04:00",
                    "outlet": "Example Times", "url": "https://www.example.com/a"}),
        "",
        json.dumps({"html": html, "url": "https://www.reuters.com/x", "published": "Mon, 04 Mar 2024 12:00:00 GMT"}),
        '{"text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "no body"}),
        json.dumps({"text": texts[1], "author": "A. Writer"}),
        json.dumps({"text": "short"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, skipped = read_inputs([str(path)], SETTINGS)
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:3", f"{path}:7"]
    first, page, third = docs
    assert (first.title, first.published, first.outlet) == ("T1", "2025-10-31", "Example Times")
    assert first.text.split() == texts[0].split()
    assert page.url == "https://www.reuters.com/x" and page.published == "2024-03-04"
    assert page.title and "TSX" in page.title and "\n" in page.text
    assert third.author == "A. Writer" and third.outlet is None
    by_source = {s.source: s.reason for s in skipped}
    assert by_source[f"{path}:4"].startswith("line 4: invalid JSON")
    assert "JSON object" in by_source[f"{path}:5"]
    assert "no 'text', 'maintext' or 'html'" in by_source[f"{path}:6"]
    assert "not an article" in by_source[f"{path}:8"]
    with pytest.raises(InputError) as info:
        read_inputs([str(path)], SETTINGS, on_error="fail")
    assert info.value.source == f"{path}:4"


def test_jsonl_oversized_line_is_skipped_alone(tmp_path: Path, corpus_dir: Path) -> None:
    text = corpus_texts(corpus_dir)[0].read_text(encoding="utf-8")
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": text * 50}) + "\n" + json.dumps({"text": text}) + "\n", encoding="utf-8")
    docs, skipped = read_inputs([str(path)], Settings(max_input_bytes=20_000))
    assert [d.source for d in docs] == [f"{path}:2"]
    assert skipped[0].source == f"{path}:1" and "too large" in skipped[0].reason


def test_hostile_nesting_does_not_crash(tmp_path: Path) -> None:
    (tmp_path / "deep.jsonl").write_text("[" * 200_000 + "\n" + '{"text": ' + "[" * 100_000 + "\n")
    (tmp_path / "deep.html").write_text("<div>" * 100_000 + "text " * 100 + "</div>" * 100_000)
    (tmp_path / "deep.json").write_text("[" * 200_000 + "]" * 200_000)
    docs, skipped = read_inputs([str(tmp_path)], SETTINGS)
    assert docs == []
    assert len(skipped) == 4
    assert "nested too deeply" in next(s.reason for s in skipped if s.source.endswith("deep.json"))


def test_json_files_are_articles_in_news_please_form(tmp_path: Path, data_dir: Path, corpus_dir: Path) -> None:
    # giveme5w1h ships news-please article files: "text" (newer news-please: "maintext"),
    # "date_publish", "authors" as a list; one file per article, or an array of them
    folder = data_dir / "giveme5w1h-news-cluster" / "data"
    huffpost = folder / "c7805f712f073962ef80e9266d73fc89ccdebd41382f51303b6711e3.json"
    docs, skipped = read_inputs([str(huffpost)], SETTINGS)
    assert skipped == [] and len(docs) == 1
    record = json.loads(huffpost.read_text(encoding="utf-8"))
    (doc,) = docs
    assert doc.source == str(huffpost) and doc.title == record["title"]
    assert doc.published == record["date_publish"][:10] == "2017-12-27"
    assert doc.author == ", ".join(record["authors"]) and doc.outlet == "huffingtonpost.com.au"
    assert doc.text.split() == record["text"].split()
    text = corpus_texts(corpus_dir)[0].read_text(encoding="utf-8")
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps([{"maintext": text, "date_publish": "2025-10-31 08:00:00", "authors": ["A", "B"]},
                                 "not an article", {"title": "no body"}]), encoding="utf-8")
    docs, skipped = read_inputs([str(batch)], SETTINGS)
    assert [(d.source, d.published, d.author) for d in docs] == [(f"{batch}:1", "2025-10-31", "A, B")]
    assert {s.source: s.reason for s in skipped} == {
        f"{batch}:2": "article 2: a JSON object is expected, got str",
        f"{batch}:3": "article 3: no 'text', 'maintext' or 'html' string field"}
    for name, content, reason in [("bad.json", '{"text": "unterminated', "invalid JSON"),
                                  ("empty.json", "[]", "no articles"), ("scalar.json", "42", "got int"),
                                  ("nobody.json", '{"title": "x"}', "no 'text', 'maintext' or 'html'")]:
        (tmp_path / name).write_text(content, encoding="utf-8")
        docs, skipped = read_inputs([str(tmp_path / name)], SETTINGS)
        assert docs == [] and skipped[0].source == str(tmp_path / name) and reason in skipped[0].reason, name


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-10-31", "2025-10-31"),
    ("2025-10-31T23:30:00-05:00", "2025-10-31"),
    ("2025-10-31 08:00", "2025-10-31"),
    ("Fri, 31 Oct 2025 08:00:00 GMT", "2025-10-31"),
    ("October 31, 2025", "2025-10-31"),
    ("2025-02-30", None),
    ("yesterday-ish", None),
    ("", None),
    (None, None),
    (20251031, None),
    ("0001-01-01", None),
])
def test_normalize_date(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected


# ------------------------------------------------------------------ properties


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html", ".htm", ".jsonl", ".json"]))
def test_arbitrary_bytes_never_crash(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    docs, skipped = read_inputs([str(path)], Settings(min_article_chars=1))
    assert all(isinstance(d, RawDocument) for d in docs)
    assert all(isinstance(s, Skipped) and s.reason for s in skipped)
    if suffix == ".jsonl":
        body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        records = [line for line in body.split(b"\n") if line.strip()]
        # every record is a document or a skip; a file with no records is one skip
        assert len(docs) + len(skipped) == max(len(records), 1)
    elif suffix == ".json":
        assert len(docs) + len(skipped) >= 1  # an array gives one record per article
    else:
        assert len(docs) + len(skipped) == 1
    for doc in docs:
        assert doc.text == doc.text.strip() and "\n\n" not in doc.text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_bytes_returns_text_or_raises_input_error(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data, "blob")
    except InputError as exc:
        assert exc.source == "blob" and exc.problem
        return
    assert isinstance(text, str) and codecs.lookup(encoding)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000))
def test_utf8_text_round_trips(text: str) -> None:
    try:
        decoded, encoding = decode_bytes(text.encode("utf-8"), "t")
    except InputError:
        return  # control-character-heavy text is refused as binary
    assert decoded == text.removeprefix("\ufeff") and encoding == "utf-8"


def test_hard_wrapped_text_is_read_one_paragraph_per_line(tmp_path: Path, corpus_dir: Path) -> None:
    # the example articles saved as an e-mail or wire feed would be: wrapped at 72 columns,
    # paragraphs parted by blank lines; read back, each paragraph is one line again
    import textwrap

    from newsdesk.ingest.html import unwrap_paragraphs

    for path in sorted(corpus_dir.glob("*.txt")):
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n") if p.strip()]
        (tmp_path / path.name).write_text("\n\n".join(textwrap.fill(p, 72) for p in paragraphs), encoding="utf-8")
    plain, _ = read_inputs([str(corpus_dir)], SETTINGS)
    wrapped, skipped = read_inputs([str(tmp_path)], SETTINGS)
    assert skipped == [] and len(wrapped) == len(plain) >= 5
    assert [d.text for d in wrapped] == [d.text for d in plain]
    # a compound broken at its hyphen is whole again; text that is not wrapped stays as it is
    wrapped_text = ("Maduro sought Russian missiles of long-\nrange and asked Russia for spare parts\n"
                    "for its jets and radars in a letter, the\nnewspaper said.\n\nIt cited U.S. intelligence "
                    "and state-\nrun media and two officials briefed on\nthe matter.")
    assert unwrap_paragraphs(wrapped_text) == (
        "Maduro sought Russian missiles of long-range and asked Russia for spare parts for its jets and radars "
        "in a letter, the newspaper said.\n\nIt cited U.S. intelligence and state-run media and two officials "
        "briefed on the matter.")
    headings = "Breaking news\nMore stories\n\nSport\nWeather\nTravel\nOpinion"
    assert unwrap_paragraphs(headings) == headings
    for path in sorted(corpus_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert unwrap_paragraphs(text) == text.replace("\r\n", "\n")
