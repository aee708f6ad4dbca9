"""--jobs (forked workers): same findings in input order; the streamed JSON report is byte-identical to
the ordinary one; big JSONL exports are read record by record with the same documents; progress only
on a terminal."""
from __future__ import annotations

import io
import json
import random
from pathlib import Path
from typing import Any

import pytest

from policylint import runner

POSTS = [
    "Huge congratulations to Eleanor Vasquez, who rang our bell on Tuesday, May 6 after her last round of chemo!",
    "Flu season is here! Everyone 6 months and older should get a flu shot every year.",
    "Our new parking garage opens Monday with 300 more spaces. See you soon!",
    "Prayers for little Mateo in PICU bed 4 tonight. Call his mom at (555) 201-7788.",
    "Free support group for addicts every Monday. #recovery",
    "Hi Gordon, we're sorry you waited so long for your MRI last Thursday. - Brookside Imaging",
    "",
    "Know the signs of a stroke: face drooping, arm weakness, speech trouble.",
]


@pytest.fixture
def corpus(isolated: Path) -> Path:
    rng = random.Random(6)
    folder = isolated / "posts"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:03d}.txt").write_text(" ".join(rng.sample(POSTS, 2)) + "\n")
    (folder / "empty.txt").write_text("")
    with open(isolated / "export.jsonl", "w") as handle:
        for i in range(150):
            handle.write(json.dumps({"id": f"r{i}", "platform": rng.choice(["x", "facebook"]),
                                     "text": rng.choice(POSTS) or "ok"}) + "\n")
        handle.write("not json\n")
    return isolated


def test_jobs_same_report_in_input_order(cli: Any, corpus: Path) -> None:
    args = ["check", "--format", "json", "--no-mask", "--no-cache", "posts", "export.jsonl"]
    one = cli(*args)
    two = cli(*args, "--jobs", "2")
    three = cli(*args, "--jobs", "3")
    assert one.code == two.code == three.code == 2            # the bad JSONL line is an input error
    assert one.out == two.out == three.out
    assert one.err == two.err == three.err
    findings = json.loads(two.out)["findings"]
    order = [(f["path"].endswith(".jsonl"), f["path"], int(f["record"][1:]) if f["record"] else -1)
             for f in findings]                          # command-line order, then files, then records
    assert order == sorted(order)
    assert json.loads(two.out)["summary"]["documents"] == 40 + 150


def test_jobs_text_format_and_suppressed(cli: Any, corpus: Path) -> None:
    args = ["check", "--format", "text", "--no-cache", "--show-suppressed", "posts"]
    assert cli(*args).out == cli(*args, "--jobs", "2").out


def test_jobs_with_cache(cli: Any, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["check", "--format", "json", "--cache-dir", str(tmp_path / "c"), "posts", "--jobs", "2"]
    first = cli(*args)
    import multiprocessing

    def no_pool(*a: Any, **k: Any) -> Any:
        raise AssertionError("workers started although every document is cached")

    monkeypatch.setattr(multiprocessing.context.ForkContext, "Pool", no_pool)
    second = cli(*args)
    assert first.out == second.out


def test_worker_error_is_one_line(cli: Any, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import policylint.engine as engine_module

    def boom(self: Any, analysis: Any) -> Any:
        raise RuntimeError("secret draft text: Eleanor Vasquez")

    monkeypatch.setattr(engine_module.Engine, "check", boom)
    result = cli("check", "--no-cache", "--jobs", "2", "posts")
    assert result.code == 2
    assert result.err.count("\n") == 1 and "Eleanor" not in result.err + result.out


def test_default_jobs() -> None:
    assert runner.default_jobs(3) == 3
    assert runner.default_jobs(0) >= 1


# ------------------------------------------------------------------------------------------------------
# streamed JSON report
# ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mask", [False, True])
@pytest.mark.parametrize("paths", [["posts", "export.jsonl"], ["posts/empty.txt"], ["posts/000.txt"]])
def test_streamed_json_is_byte_identical(corpus: Path, nlp: Any, mask: bool, paths: list[str]) -> None:
    from policylint.config import load_config
    from policylint.engine import Selection
    from policylint.report import Report
    from policylint.report.json_report import render
    from policylint.sources import SourceOptions

    config = load_config()
    engine = runner.build_engine(config, Selection())
    whole = runner.run(paths, engine=engine, options=SourceOptions(), nlp_loader=lambda: nlp)
    expected = io.StringIO()
    render(Report(findings=whole.findings, files=whole.files, documents=whole.documents,
                  suppressed=whole.suppressed, mask=mask), expected)
    out = io.StringIO()
    stream = runner.JsonStream(out, mask=mask)
    streamed = runner.run(paths, engine=engine, options=SourceOptions(), nlp_loader=lambda: nlp, on_document=stream,
                          keep_findings=False, keep_texts=False)
    stream.finish(streamed)
    assert out.getvalue() == expected.getvalue()
    assert streamed.findings == [] and streamed.texts == {}
    assert streamed.worst == max((int(f.severity) for f in whole.findings), default=0)


def test_stream_output_file_created_only_with_a_report(cli: Any, corpus: Path) -> None:
    result = cli("check", "--format", "json", "--no-cache", "--model", "not_a_model", "-o", "report.json", "posts")
    assert result.code == 2 and not (corpus / "report.json").exists()
    assert cli("check", "--format", "json", "--no-cache", "-o", "report.json", "posts").code == 1
    assert json.loads((corpus / "report.json").read_text())["summary"]["documents"] == 40


# ------------------------------------------------------------------------------------------------------
# big JSONL exports are read record by record
# ------------------------------------------------------------------------------------------------------

def _both(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Any], list[Any]]:
    import policylint.sources as sources
    from policylint.sources import SourceOptions, read_file

    monkeypatch.setattr(sources, "STREAM_BYTES", 10**12)
    whole = list(read_file(path, SourceOptions()))
    monkeypatch.setattr(sources, "STREAM_BYTES", 0)
    streamed = list(read_file(path, SourceOptions()))
    return whole, streamed


BIG = "".join(json.dumps({"id": i, "text": f"Post {i} ✨ for Maria Gonzalez 🎉 on May {i % 28 + 1}"}) + "\n"
              for i in range(30_000)).encode()


@pytest.mark.parametrize("data", [
    BIG,
    BIG.replace(b"\n", b"\r\n"),
    BIG.replace(b"\n", b"\r")[:300_000],
    b"\xef\xbb\xbf" + BIG[:200_000],
    BIG[:(1 << 20) - 1] + "€".encode() + BIG[(1 << 20) + 2:(1 << 20) + 4000],      # a character across reads
    BIG[:1_500_000] + b"\xff" + BIG[1_500_000:1_600_000],                           # invalid UTF-8: its line
    BIG[:(1 << 20) - 1] + b"\xe2\x82x" + BIG[(1 << 20) + 2:(1 << 20) + 4000],
    BIG[:5000] + b"\xe2\x82",                                                        # truncated at the end
    b'{"text": "a\x00"}\n', b" \n\n  ", b'{"text":"a"}\r\r\n{"text":"b"}\r{"text":"c"}', b"\n\n" + BIG[:3000],
    '{"text": "x"}\n'.encode("utf-16"),
    b"\xef\xbb\xbf" + b" " * 8190 + b"\x00x\n",
], ids=["lf", "crlf", "cr", "bom", "split-char", "bad-byte", "bad-at-boundary", "truncated", "nul", "blank",
        "mixed-ends", "leading-blank-lines", "utf16", "nul-after-bom"])
def test_streamed_jsonl_reading_is_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes(data)
    whole, streamed = _both(path, monkeypatch)
    assert whole == streamed


# ------------------------------------------------------------------------------------------------------
# progress
# ------------------------------------------------------------------------------------------------------

def test_progress_draws_then_erases() -> None:
    err = io.StringIO()
    progress = runner.Progress(err, delay=0)
    progress.update(1234)
    progress.close()
    assert err.getvalue().startswith("\rpolicylint: 1,234 documents") and err.getvalue().endswith("\r\x1b[K")


def test_progress_quiet_early_and_when_piped(cli: Any, corpus: Path) -> None:
    err = io.StringIO()
    progress = runner.Progress(err)             # the first two seconds draw nothing
    progress.update(10)
    progress.close()
    assert err.getvalue() == ""
    assert "\r" not in cli("check", "--no-cache", "posts").err          # stderr is not a terminal here


def test_progress_off_in_ci(cli: Any, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    captured: list[Any] = []
    real_run = runner.run

    def spy(*args: Any, **kwargs: Any) -> Any:
        captured.append(kwargs.get("progress"))
        return real_run(*args, **kwargs)

    monkeypatch.setattr(runner, "run", spy)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("CI", "true")
    cli("check", "--no-cache", "--format", "json", "posts/000.txt")
    monkeypatch.delenv("CI")
    cli("check", "--no-cache", "--format", "json", "posts/000.txt")
    assert captured[0] is None and isinstance(captured[1], runner.Progress)


# ------------------------------------------------------------------------------------------------------
# prefilters never hide a match
# ------------------------------------------------------------------------------------------------------

def test_required_literals() -> None:
    from policylint.prefilter import lexicon_needles, lowered, may_match, required, word_prefixes

    assert required(r"\bmiracle\s+cures?\b") in (("miracle",), ("cure",))
    assert set(required(r"(?:drug|substance)\s+abusers?") or ()) == {"abuser"}
    assert set(required(r"\b(?:flu|covid)\b") or ()) == {"flu", "covid"}
    assert required(r"\d{3}-\d{4}") == ("-",)
    for unknown in (r"\w+", r"a?", r"[[:alpha:]]+", r"(?:cure){e<=1}", r"\p{L}+", r"(?|a|b)", ".*"):
        assert required(unknown) is None
    assert lexicon_needles(["heart attack", "therapy", "re:\\bER\\b", "l&d"]) == (("l", "heart", "therap"), ("er",))
    assert lexicon_needles(["re:\\w+"]) is None and lexicon_needles([]) == ((), ())
    er = lexicon_needles(["ER"])
    assert not may_match(er, "her sister were here", word_prefixes("Her sister were here"))
    assert may_match(er, "an error", word_prefixes("an ERror"))
    assert may_match(er, "her", None)                     # without word prefixes: substrings, still safe
    assert lowered("ſtroke") is None and lowered("Stroke") == "stroke"
    assert may_match(("stroke",), None) and not may_match(("stroke",), "a flu shot") and not may_match((), "x")


def test_prefilters_never_hide_a_match(nlp: Any) -> None:
    import sys

    from policylint.config import Config
    from policylint.packs import builtin_names, load_packs
    from policylint.prefilter import lowered, may_match, word_prefixes
    from policylint.runner import build_engine
    from policylint.engine import Selection

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import corpus

    config = Config(packs=tuple(builtin_names()))
    engine = build_engine(config, Selection())
    texts = [corpus.post(i)["text"] for i in range(600)]
    for pack in load_packs(list(config.packs)):
        for rule in pack.rules:
            texts.extend(example.text for example in rule.fail_examples + rule.pass_examples)
    texts += ["ſtroke and ſeizure", "Dr. K. visited", "İstanbul clinic", "HEART ATTACK!!", "heart-attack"]
    context = engine.context
    refs = {"@" + name for name in context.lexicons}
    for rule in engine.rules:
        for value in rule.params.values():
            if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
                for v in value:
                    refs.update(v.split("|") if v.startswith("@") else [v])
    refs.discard("@:imperative")
    refs.discard("")
    for ref in sorted(refs):
        matcher, needles = context.matcher(ref), context.needles(ref)
        for text in texts:
            found = list(matcher.finditer(text))
            if found:
                assert may_match(needles, lowered(text), word_prefixes(text)), (ref, text)
            low = lowered(text)
            plain = matcher
            if low is not None and ref.startswith("@"):
                variant = matcher.without(context.impossible_terms(ref, low))
                assert variant is None or list(variant.finditer(text)) == found, (ref, text)
            if low is not None and context.plain_suffices(ref, low):
                plain = matcher.plain_only()
                assert list(plain.finditer(text)) == found, (ref, text)
            words = context.anchor_words(ref)
            if words is not None and low is not None and (plain is not matcher or not context.has_patterns(ref)):
                index = word_prefixes(text)
                positions = sorted({p for w in words for p in index.get(w, ())})
                assert list(plain.finditer_at(text, positions)) == found, (ref, text)
