"""End to end: `newsdesk analyze` on the bundled corpus, the JSON contract, bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newsdesk.model import SCHEMA_ID
from newsdesk.pipeline import analyze, check_evidence
from newsdesk.report import render_json, schema_path, write_outputs
from newsdesk.settings import Settings

CLI = [sys.executable, "-m", "newsdesk.cli"]


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    code = "from newsdesk.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=600)


@pytest.fixture(scope="module")
def corpus_report(corpus_dir: Path):  # type: ignore[no-untyped-def]
    return analyze([str(corpus_dir)], Settings())


@pytest.fixture(scope="module")
def corpus_json(corpus_report) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return json.loads(render_json(corpus_report))


def test_report_validates_against_schema(corpus_json: dict) -> None:  # type: ignore[type-arg]
    schema = json.loads(Path(schema_path()).read_text())
    jsonschema.validate(corpus_json, schema)
    assert corpus_json["schema"] == SCHEMA_ID


def test_every_evidence_slices_back(corpus_report, corpus_json: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert check_evidence(corpus_report) == []
    texts = {a["id"]: a["text"] for a in corpus_json["articles"]}

    def walk(node: object) -> int:
        n = 0
        if isinstance(node, dict):
            if {"article_id", "start", "end", "text"} <= node.keys():
                assert texts[node["article_id"]][node["start"]:node["end"]] == node["text"]
                n += 1
            n += sum(walk(v) for v in node.values())
        elif isinstance(node, list):
            n += sum(walk(v) for v in node)
        return n

    assert walk(corpus_json["stories"]) > 50


def test_five_articles_one_story(corpus_json: dict) -> None:  # type: ignore[type-arg]
    assert len(corpus_json["articles"]) == 5
    assert len(corpus_json["stories"]) == 1
    assert sorted(corpus_json["stories"][0]["article_ids"]) == sorted(a["id"] for a in corpus_json["articles"])


def test_canonical_entities_merge_aliases(corpus_json: dict) -> None:  # type: ignore[type-arg]
    ents = corpus_json["stories"][0]["entities"]
    maduro = [e for e in ents if "Maduro" in e["name"]]
    assert len(maduro) == 1, [e["name"] for e in maduro]
    assert maduro[0]["type"] == "PERSON"
    assert {"Maduro", "Nicolás Maduro", "Nicolas Maduro"} <= set(maduro[0]["aliases"])
    assert len(maduro[0]["article_ids"]) == 5
    wapo = [e for e in ents if "Washington Post" in e["name"] or "Washington post" in e["name"]]
    assert len(wapo) == 1 and wapo[0]["type"] == "ORG"


def test_boilerplate_removed_with_reasons_and_pii_never_leaks(corpus_json: dict, gold_dir: Path) -> None:  # type: ignore[type-arg]
    gold = json.loads((gold_dir / "venezuela-russia-2025.json").read_text())
    by_file = {Path(a["source"]).name: a for a in corpus_json["articles"]}
    for key, lines in gold["boilerplate_lines"].items():
        art = by_file[gold["docs"][key]]
        for line in lines:
            assert line not in art["text"], (key, line)
        assert all(r["reason"] for r in art["removed"])
    blob = json.dumps(corpus_json, ensure_ascii=False)
    assert "5169 3351 0164 7408" not in blob
    assert "[email protected]" not in blob and "@" not in "".join(a["text"] for a in corpus_json["articles"])


def test_article_sentences_never_removed(corpus_json: dict, corpus_dir: Path, gold_dir: Path) -> None:  # type: ignore[type-arg]
    """Every prose line of the input (long, ends in punctuation) that the gold does not call
    boilerplate is kept."""
    gold = json.loads((gold_dir / "venezuela-russia-2025.json").read_text())
    junk = {line for lines in gold["boilerplate_lines"].values() for line in lines}
    by_file = {Path(a["source"]).name: a for a in corpus_json["articles"]}
    for f in sorted(corpus_dir.iterdir()):
        text = by_file[f.name]["text"]
        for line in f.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line.split()) >= 15 and line[-1] in ".!\"”" and line not in junk:
                assert line in text, line[:80]


def test_a_single_source_claim_is_listed_once(corpus_json: dict) -> None:  # type: ignore[type-arg]
    # a list item no other outlet repeats ("the Oreshnik missile system") is not listed
    # beside its own single-source sentence (which the brief shows for both)
    story = corpus_json["stories"][0]
    singles = [g for g in story["claims"] if g["status"] == "single-source"]
    assert len(singles) >= 20
    for g in singles:
        for e in g["evidence"]:
            around = [h["id"] for h in singles if h["id"] != g["id"] for f in h["evidence"]
                      if f["article_id"] == e["article_id"] and f["start"] <= e["start"] and e["end"] <= f["end"]]
            assert not around, (g["text"], e["start"], e["end"], around)
    # list items other outlets repeat are still aligned on their own
    items = [g for g in story["claims"] if g["status"] != "single-source"
             and any(len(e["text"].split()) <= 6 for e in g["evidence"])]
    assert items


def test_deterministic(corpus_dir: Path, corpus_report) -> None:  # type: ignore[no-untyped-def]
    again = analyze([str(corpus_dir)], Settings())
    assert render_json(again) == render_json(corpus_report)


def test_outputs_written_and_html_escaped(tmp_path: Path, corpus_dir: Path) -> None:
    evil = tmp_path / "in"
    evil.mkdir()
    body = (corpus_dir / "002_0590d42e968f7876.txt").read_text(encoding="utf-8")
    (evil / "evil.txt").write_text("<script>alert('x')</script> Breaking news\n" + body.replace(
        "Maduro", "Maduro<img src=x onerror=alert(1)>", 1), encoding="utf-8")
    report = analyze([str(evil)], Settings())
    files = write_outputs(report, tmp_path / "out")
    assert sorted(p.name for p in files) == ["brief.md", "report.html", "report.json"]
    html = (tmp_path / "out" / "report.html").read_text()
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html or "&lt;img" in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "https://" not in html
    md = (tmp_path / "out" / "brief.md").read_text()
    assert "<script>" not in md and "<img" not in md
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_a_written_file_gets_the_permissions_a_plain_write_would(tmp_path: Path) -> None:
    # written through a temp file (mode 0600), renamed: the report must still be readable
    # by whoever could read a file the user wrote, and an existing file keeps its mode
    import os
    import stat

    from newsdesk.report.writer import write_atomic

    before = os.umask(0o022)
    try:
        write_atomic(tmp_path / "brief.md", "new")
        assert stat.S_IMODE((tmp_path / "brief.md").stat().st_mode) == 0o644
        (tmp_path / "brief.md").chmod(0o640)
        write_atomic(tmp_path / "brief.md", "again")
        assert stat.S_IMODE((tmp_path / "brief.md").stat().st_mode) == 0o640
        assert (tmp_path / "brief.md").read_text() == "again"
    finally:
        os.umask(before)


def test_cli_analyze_corpus(tmp_path: Path, corpus_dir: Path) -> None:
    res = run_cli("analyze", str(corpus_dir), "--out", str(tmp_path / "o"))
    assert res.returncode == 0, res.stderr
    assert "5 articles" in res.stdout and "1 story," in res.stdout
    for name in ("report.json", "brief.md", "report.html"):
        assert (tmp_path / "o" / name).stat().st_size > 1000


def test_cli_missing_path_exits_2(tmp_path: Path) -> None:
    res = run_cli("analyze", str(tmp_path / "nope"), "--out", str(tmp_path / "o"))
    assert res.returncode == 2
    assert "nope" in res.stderr and "no such file" in res.stderr
    assert not (tmp_path / "o").exists()


def test_cli_unknown_embedding_precision_exits_2_before_any_work(tmp_path: Path, corpus_dir: Path) -> None:
    res = run_cli("analyze", str(corpus_dir), "--out", str(tmp_path / "o"), "--embedding-precision", "half")
    assert res.returncode == 2
    assert "precision 'half' is unknown" in res.stderr and "float32" in res.stderr
    assert not (tmp_path / "o").exists()


def test_cli_bad_inputs_skipped_or_fail(tmp_path: Path, corpus_dir: Path) -> None:
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "empty.txt").write_text("")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 200)
    (d / "good.txt").write_text((corpus_dir / "004_09316e2dac232e01.txt").read_text(encoding="utf-8"))
    res = run_cli("analyze", str(d), "--out", str(tmp_path / "o"))
    assert res.returncode == 0, res.stderr
    rep = json.loads((tmp_path / "o" / "report.json").read_text())
    assert len(rep["articles"]) == 1
    assert {Path(s["source"]).name for s in rep["skipped"]} == {"empty.txt", "binary.txt"}
    assert "empty.txt" in res.stderr and "binary.txt" in res.stderr
    res = run_cli("analyze", str(d), "--out", str(tmp_path / "o2"), "--on-error", "fail")
    assert res.returncode == 1 and not (tmp_path / "o2").exists()


def test_cli_nothing_usable_exits_2_without_output(tmp_path: Path) -> None:
    d = tmp_path / "junk"
    d.mkdir()
    (d / "a.txt").write_text("")
    (d / "b.html").write_text("<html><body><nav>Home</nav></body></html>")
    res = run_cli("analyze", str(d), "--out", str(tmp_path / "o"))
    assert res.returncode == 2, res.stdout + res.stderr
    assert "no usable article" in res.stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("args", [["--help"], ["analyze", "--help"], ["eval", "--help"]])
def test_help(args: list[str]) -> None:
    res = run_cli(*args)
    assert res.returncode == 0 and "Usage" in res.stdout


def test_version() -> None:
    from newsdesk import __version__

    res = run_cli("--version")
    assert res.returncode == 0 and res.stdout.strip() == f"newsdesk {__version__}"


def test_article_over_the_parser_limit_is_skipped_not_a_crash(corpus_dir: Path) -> None:
    from newsdesk.model import RawDocument
    from newsdesk.nlp import MAX_DOC_CHARS
    from newsdesk.pipeline import clean_documents
    from newsdesk.settings import Settings

    body = next(iter(sorted(corpus_dir.glob("*.txt")))).read_text(encoding="utf-8")
    paragraphs = [p for p in body.split("\n") if len(p) > 200]
    lines, n = [], 0
    while sum(map(len, lines)) <= MAX_DOC_CHARS:  # numbered, so no line repeats another
        lines.append(f"Part {n}: {paragraphs[n % len(paragraphs)]}")
        n += 1
    big = RawDocument(source="big.txt", text="\n".join(lines))
    small = RawDocument(source="small.txt", text=body)
    arts, skipped = clean_documents([big, small], Settings())
    assert [a.source for a in arts] == ["small.txt"]
    assert [s.source for s in skipped] == ["big.txt"] and "parser takes" in skipped[0].reason


def test_single_source_claims_listed_most_check_worthy_first(corpus_report) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.report.view import story_view

    view = story_view(corpus_report, corpus_report.stories[0])
    scores = [f.claim.checkworthy for f in view.single_source]
    assert len(scores) >= 20 and scores == sorted(scores, reverse=True)
    # the example corpus's single-source figures ("$3.5 billion", "500 tons of cocaine")
    # are among the claims listed before the rest
    first = " ".join(f.claim.text for f in view.single_source[:len(scores) // 2])
    assert "$3.5 billion" in first and "500 tons of cocaine" in first


def test_who_said_what_marks_quotes_one_could_verify(corpus_report) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.report.view import story_view

    view = story_view(corpus_report, corpus_report.stories[0])
    marked = {text[:40]: view.is_checkable(places) for _, quotes in view.quotes_by_speaker for text, places in quotes}
    # James Story (004_09316e2dac232e01): a figure and a completed act, in the first person
    assert marked["The fact that we have moved more than 10"]
    # Alexei Zhuravlyov (000_3e857aedc49cb5a7): speculation
    assert not marked["America may be in for some surprises"]
    assert 0 < sum(marked.values()) < len(marked)


def test_a_statement_worded_with_one_outlets_figures_says_whose_they_are(corpus_report) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.report.markdown import render_markdown
    from newsdesk.report.view import story_view

    # the example corpus: 004's "Maduro also asked for help in overhauling eight engines and
    # five radars in Russia" words a group with 003's "engine and radar repairs"; the
    # statement has two outlets, its figures one, and the brief had shown them as the two's
    view = story_view(corpus_report, corpus_report.stories[0])
    flagged = [f for f in view.key_facts if f.unshared]
    assert flagged
    for f in flagged:  # whole statements only (a list item's group marks what is shared)
        assert f.claim.focus is None and f.claim.support_count >= 2
        assert all(x in f.claim.text for x in f.unshared)
    engines = next(f for f in flagged if "eight engines" in f.claim.text)
    assert engines.unshared == ["eight engines", "five radars"] and engines.unshared_outlet.startswith("004")
    assert "“eight engines”, “five radars”: 004" in render_markdown(corpus_report)
    # figures every outlet of the group gives are no one outlet's ("14 sets" in 003 and 004)
    assert not any("14" in x for f in view.key_facts for x in f.unshared)
    # so does the summary, after the statement
    assert any(f.unshared for f in view.summary)
    assert all(f"{f.claim.text[-30:]} *(“{f.unshared[0]}”" in render_markdown(corpus_report) for f in view.summary
               if f.unshared)


def test_a_single_source_claim_cites_only_what_its_article_credits_it_to(corpus_report) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.report.markdown import render_markdown

    # the example corpus: 004 declares its source ("This was reported by The Washington
    # Post."), so each of its claims cites it; 002 cites the Post for some sentences only,
    # and its background ("In 2019, Russia provided diplomatic support ...") is its own
    md = render_markdown(corpus_report)
    lines = {line.split(" \u2014 ")[0]: line for line in md.splitlines() if line.startswith("- ")}
    background = next(v for k, v in lines.items() if k.startswith("- In 2019, Russia provided diplomatic support"))
    assert "1 outlet, unattributed (the article cites Washington Post elsewhere)" in background
    plant = next(v for k, v in lines.items() if k.startswith("- In particular, in July, a munitions plant"))
    assert "1 outlet, citing Washington Post" in plant


def test_outlets_citing_one_report_share_an_attribution_claim(corpus_report) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.model import ATTRIBUTION
    from newsdesk.report.markdown import render_markdown
    from newsdesk.report.view import story_view

    # three outlets cite The Washington Post ("Official U.S. memos obtained by The Washington
    # Post", "according to a report by The Washington Post", "This was reported by The
    # Washington Post."): that they do is one statement of three outlets
    story = corpus_report.stories[0]
    attr = [c for c in story.claims if c.kind == ATTRIBUTION]
    citing = {c.article_id for c in story.citations if "Washington Post" in c.cites and c.mention is not None}
    assert len(attr) == 1 and attr[0].support_count == 3 == len(citing)
    assert {e.article_id for e in attr[0].evidence} == citing
    assert all("Washington Post" in e.text for e in attr[0].evidence)
    # the credit sentence is no single-source fact of 004 any more
    assert not [c for c in story.claims if c.kind == "fact" and c.text.startswith("This was reported by")]
    # the brief lists it with the sources, not among the story's facts
    view = story_view(corpus_report, story)
    assert view.attributions == attr
    assert all(f.claim.kind != ATTRIBUTION for f in view.key_facts + view.summary + view.single_source)
    assert "- **Washington Post**: 3 outlets (" in render_markdown(corpus_report)


def test_a_story_naming_a_person_by_surname_only_shows_that_name() -> None:
    # giveme5w1h: a tweet's "Button" (North Korea story) had joined "Jenson Button" of the
    # Formula One story and been shown under his full name there
    from newsdesk.model import Entity, Evidence
    from newsdesk.pipeline import local_entities

    def ev(aid: str, text: str) -> Evidence:
        return Evidence(aid, 0, len(text), text)

    person = Entity("p1", "Jenson Button", "PERSON", ("Jenson Button", "Button"), ("f1", "nk"),
                    (ev("f1", "Jenson Button"), ev("f1", "Button"), ev("nk", "Button")))
    agency = Entity("o1", "National Aeronautics and Space Administration", "ORG",
                    ("National Aeronautics and Space Administration", "NASA"), ("a", "b"),
                    (ev("a", "National Aeronautics and Space Administration"), ev("b", "NASA")))
    assert [e.name for e in local_entities([person, agency], ["nk", "b"])] == ["Button", "National Aeronautics and Space Administration"]
    assert [e.name for e in local_entities([person], ["f1"])] == ["Jenson Button"]
    # ... but where the full name stands before the word the tagger took alone, it is the name
    from newsdesk.model import Article

    text = "London mayor Sadiq Khan has said the city is reviewing its own safety."
    at = text.index("Khan")
    mayor = Entity("p2", "Sadiq Khan", "PERSON", ("Sadiq Khan", "Khan"), ("bbc", "sun"),
                   (ev("bbc", "Sadiq Khan"), Evidence("sun", at, at + 4, "Khan")))
    sun = Article(id="sun", source="sun", text=text, raw_text=text)
    assert [e.name for e in local_entities([mayor], ["sun"], {"sun": sun})] == ["Sadiq Khan"]
    assert [e.name for e in local_entities([mayor], ["sun"])] == ["Khan"]


def test_cli_marks_an_article_not_in_english(tmp_path: Path, corpus_dir: Path, data_dir: Path) -> None:
    # fundus-evaluation's Reuters_4 page, in its English set, is a French market report
    # ("PARIS, 4 mars (Reuters) - Wall Street est attendue mitigée ..."): the brief, the
    # HTML report and the run's warnings name it; the English article beside it is not named
    import gzip

    page = data_dir / "fundus-evaluation" / "html" / "Reuters_4.html.gz"
    if not page.exists():
        pytest.skip(f"{page} is absent")
    d = tmp_path / "in"
    d.mkdir()
    (d / "reuters-paris.html").write_bytes(gzip.decompress(page.read_bytes()))
    (d / "english.txt").write_text((corpus_dir / "004_09316e2dac232e01.txt").read_text(encoding="utf-8"))
    res = run_cli("analyze", str(d), "--out", str(tmp_path / "o"))
    assert res.returncode == 0, res.stderr
    rep = json.loads((tmp_path / "o" / "report.json").read_text())
    langs = {Path(a["source"]).name: a["language"] for a in rep["articles"]}
    assert langs == {"reuters-paris.html": "fr", "english.txt": "en"}
    warned = [line for line in res.stderr.splitlines() if line.startswith("warning:")]
    assert len(warned) == 1 and "reuters-paris.html" in warned[0] and "'fr'" in warned[0]
    brief = (tmp_path / "o" / "brief.md").read_text()
    notes = [line for line in brief.splitlines() if line.startswith("**Not in English**")]
    assert len(notes) == 1 and "(fr)" in notes[0] and "english" not in notes[0]
    assert "Not in English</strong>" in (tmp_path / "o" / "report.html").read_text()


def test_a_storys_entities_list_only_the_names_its_articles_use(data_dir: Path) -> None:
    # giveme5w1h: a boy named Zhao who fell into a well (the Daily Mail) and Tong Zhao, an
    # analyst CNN quotes on North Korea, are one entity of the run by surname; the boy's
    # story listed him as 'Zhao; also “Tong Zhao”'
    from tests.test_figures import _event_records

    paths = [str(p) for p, _ in _event_records(data_dir, "china_boy_well")]
    paths += [str(p) for p, rec in _event_records(data_dir, "north_Korea_hokkaido_missile")
              if "Tong Zhao" in rec.get("text", "")]
    if len(paths) < 2:
        pytest.skip("giveme5w1h's well and Hokkaido stories are absent")
    report = analyze(paths)
    assert any("Zhao" in e.aliases for s in report.stories for e in s.entities), "no story names a Zhao"
    for story in report.stories:
        for e in story.entities:
            assert set(e.aliases) <= {m.text for m in e.mentions}, (story.headline, e.name, e.aliases)
    assert any("Tong Zhao" in e.aliases for s in report.stories for e in s.entities)
