"""The speed-only paths give exactly the answers of the plain ones: lexicon scans tried only where a match
can start, and the tagger run on demand (only for documents whose rules ask about imperatives)."""
from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

from policylint.analysis import IMPERATIVE, analyze, make_analysis
from policylint.config import Config
from policylint.document import Document
from policylint.engine import Selection
from policylint.nlp import on_demand_components
from policylint.packs import builtin_names, load_packs
from policylint.patterns import QuickMatcher, build_matcher, build_quick_matcher, quick_source
from policylint.prefilter import lowered, start_words, word_prefixes
from policylint.runner import build_engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import corpus  # noqa: E402


def doc(path: str, text: str) -> Document:
    return Document(path=path, text=text, prose=text, metadata={}, directives=text)


@pytest.fixture(scope="module")
def engine() -> Any:
    return build_engine(Config(packs=tuple(builtin_names())), Selection())


@pytest.fixture(scope="module")
def texts() -> list[str]:
    found = [corpus.post(i)["text"] for i in range(300)]
    for pack in load_packs(list(builtin_names())):
        for rule in pack.rules:
            found.extend(example.text for example in rule.fail_examples + rule.pass_examples)
    return found + ["ſtroke and ſeizure", "an appendectomy and a tonsillectomy", "HEART ATTACK!!", "x" * 50]


def test_overlapping_starts() -> None:
    matcher = build_matcher([r"re:\w+ectomy"])
    assert matcher.starts("appendectomy") == list(range(0, 6))       # a match starts at each of a,p,p,e,n,d
    assert list(matcher.finditer("appendectomy")) == [(0, 12)]
    assert build_matcher([r"re:x?"]).starts("abc") == []               # empty matches are never starts


@pytest.mark.parametrize(("source", "words"), [
    (r"\b(?:pain|ache)s?", ("ache", "pain")),
    (r"\b(?<!\bno\s)(?:should|need\s+to)", ("need", "should")),   # a lookbehind is zero-width
    (r"\b(?:for\s+)?(?:info|data)", ("for", "data", "info")),         # an optional group or what follows it
    (r"\b(?-i:ICU|NICU)\b", ("icu", "nicu")),                         # the word index is lowercase
    (r"pain", None),                  # no \b: a match may start inside a word ("back-pain" is fine, "spain" too)
    (r"\b\w+ectomy", None),          # no literal to start with
    (r"\b(?:x|\.y)", None),           # one alternative starts with punctuation
    (r"(?:^|[.!?])\s*Take", None),
    (r"\b(?:foo)?", None),             # may match the empty string
    (r"\bé", None),                    # outside ASCII: case folding differs
])
def test_start_words(source: str, words: tuple[str, ...] | None) -> None:
    assert start_words(source) == words


def test_start_words_begin_every_match(engine: Any, texts: list[str]) -> None:
    """For every re: term of the bundled lexicons that has start words, each match starts at a word of the text
    (of a text read with word prefixes) that begins with one of them (what lets Analysis.find skip scanning such a term for its start positions)."""
    checked = 0
    for terms in engine.context.lexicons.values():
        for term in terms:
            words = start_words(term[3:]) if term.startswith("re:") else None
            if not words:
                continue
            checked += 1
            single = build_matcher([term])
            for text in texts[::3]:
                if lowered(text) is None:        # "ſ" matches s: such texts are never read by start words
                    continue
                index = word_prefixes(text)
                allowed = {p for w in words for p in index.get(w, ())}
                assert set(single.starts(text)) <= allowed, (term, text)
    assert checked > 300


def test_terms_ruled_out_by_start_words_cannot_match(engine: Any, texts: list[str]) -> None:
    """A re: term whose start words begin no word of the text is ruled out without substring searches: the
    lexicon without the ruled-out terms finds the same matches, for every bundled lexicon."""
    context = engine.context
    ruled_out = 0
    for name in context.lexicons:
        ref = "@" + name
        if not context.has_patterns(ref):
            continue
        for text in texts[::5]:
            low = lowered(text)
            if low is None:
                continue
            drop = context.impossible_terms(ref, low, word_prefixes(text))
            ruled_out += len(drop)
            variant = context.matcher(ref).without(drop, force=True)
            assert variant is not None
            assert list(variant.finditer(text)) == list(context.matcher(ref).finditer(text)), (ref, text)
    assert ruled_out > 500


def test_lexicon_lookups_equal_a_plain_scan(engine: Any, texts: list[str]) -> None:
    context = engine.context
    refs = ["@" + name for name in context.lexicons]
    mixed = [ref for ref in refs if context.has_patterns(ref) and context.anchor_words(ref) is not None]
    assert mixed, "no lexicon mixes plain and re: terms: the start-position path is not exercised"
    for text in texts:
        analysis = make_analysis(doc("t.txt", text), context, [(0, len(text))], [], [])
        for ref in refs:
            assert analysis.find(ref) == list(context.matcher(ref).finditer(text)), (ref, text)


def test_quick_matchers_equal_the_regex_ones(engine: Any, texts: list[str]) -> None:
    """The first documents of a run are read with lexicons compiled by ``re`` (faster to compile): the same
    matches as the `regex` matchers, for every lexicon of the bundled packs."""
    context = engine.context
    quick_ones = 0
    for name, terms in context.lexicons.items():
        quick = build_quick_matcher(terms)
        quick_ones += isinstance(quick, QuickMatcher)
        full = context.matcher("@" + name)
        for text in texts:
            assert list(quick.finditer(text)) == list(full.finditer(text)), (name, text)
    assert quick_ones >= len(context.lexicons) * 0.9


def test_a_one_file_run_compiles_no_regex_matchers() -> None:
    """A hook run of one short file looks its lexicons up with the quick matchers only."""
    fresh = build_engine(Config(packs=tuple(builtin_names())), Selection())
    context = fresh.context
    text = "Jo Park was admitted to our ICU. Drink water, rest, and call 911 if it gets worse. #ad"
    analysis = make_analysis(doc("t.txt", text), context, [(0, len(text))], [], [])
    refs = ["@" + name for name in context.lexicons]
    found = {ref: analysis.find(ref) for ref in refs}
    assert any(found.values()) and not context._matchers and context._quick


@pytest.mark.parametrize(("source", "quick"), [
    (r"\bpain(?:s|ful)?\b", True),
    (r"(?-i:ICU)|\bunit\b", True),
    (r"[[:alpha:]]+ectomy", False),       # a POSIX class to `regex`, a set with "[" and ":" to `re`
    (r"colou?r{e<=1}", False),            # fuzzy matching to `regex`, literal braces to `re`
    (r"(?:a|aa)+$", False),               # an unbounded group repeat keeps `regex` and its match timeout
    (r"\p{Lu}\w+", False),                # `re` cannot read it
])
def test_quick_source_only_where_re_reads_the_same(source: str, quick: bool) -> None:
    assert (quick_source(source) is not None) is quick


def test_position_matches_agree_with_the_regex_ones(engine: Any, texts: list[str]) -> None:
    """Lexicons are tried at word positions with the alternation compiled by ``re`` (faster per position): the
    same matches as the `regex` alternation at the same positions, for every lexicon of the bundled packs."""
    with_re = 0
    for name, terms in engine.context.lexicons.items():
        fast = build_matcher(terms)
        slow = build_matcher(terms)
        slow._at.append(slow.pattern())          # force the `regex` pattern for position matches
        with_re += fast.at_pattern() is not slow.at_pattern()
        for text in texts[::3]:
            positions = [m.start() for m in re.finditer(r"\w+|[#@]", text)]
            assert list(fast.finditer_at(text, positions)) == list(slow.finditer_at(text, positions)), (name, text)
            assert fast.starts_at(text, positions) == slow.starts_at(text, positions), (name, text)
    assert with_re >= len(engine.context.lexicons) * 0.9


def test_grouped_position_matches_are_the_same(engine: Any, texts: list[str]) -> None:
    """Trying at each position only the alternatives that can start with its character (Matcher.at_group)
    finds what the whole alternation finds, for every lexicon of the bundled packs, at word starts and at
    every character (a re: term without start words can match anywhere)."""
    extra = ["Kidney STONES? #KidneyHealth @DrLee: 3x daily, i.e. 'ER' visits; 5-HTP & x-ray.",
             "Ibuprofen (Advil) 200 mg: ask your pharmacist. Über-busy ICU; naïve café ideas."]
    grouped_somewhere = 0
    for name, terms in engine.context.lexicons.items():
        matcher = build_matcher(terms)
        for text in texts[::4] + extra:
            if lowered(text) is None:
                continue
            for positions in ([m.start() for m in re.finditer(r"\w+|[#@]", text)], range(len(text))):
                plain = list(matcher.finditer_at(text, positions))
                assert list(matcher.finditer_at(text, positions, grouped=True)) == plain, (name, text)
        grouped_somewhere += any(p is not matcher.at_pattern() for p in matcher._groups.values())
    assert grouped_somewhere >= len(engine.context.lexicons) * 0.8


def test_at_group_keeps_the_alternatives_that_can_start_there() -> None:
    matcher = build_matcher(["chest pain", "re:\\b(?:cough|croup)s?", "re:\\d+\\s*mg", "Fever", "flu"])
    assert matcher.at_group("c").match("Croup season").group() == "Croup"
    assert matcher.at_group("f").match("fever and flu").group() == "fever"
    assert matcher.at_group("5").match("500 mg").group() == "500 mg"     # no start word: in every group
    assert matcher.at_group("x").match("xylitol") is None
    assert "chest" not in matcher.at_group("f").pattern and "\\d+" in matcher.at_group("f").pattern


def test_lexicons_read_at_positions_compile_no_regex_alternation(texts: list[str]) -> None:
    """After the first documents, lexicons are read at word positions; the `regex` alternation (for scans) is
    compiled only for the lexicons that are scanned."""
    fresh = build_engine(Config(packs=tuple(builtin_names())), Selection())
    context = fresh.context
    for text in texts[:60]:
        analysis = make_analysis(doc("t.txt", text), context, [(0, len(text))], [], [])
        for name in context.lexicons:
            analysis.find("@" + name)
    built = list(context._matchers.values())
    never = [m for m in built if m.compiled is None and not m._lazy]
    assert built and len(never) >= len(built) // 2


def test_tagger_is_left_out_of_the_batch_and_run_on_demand(nlp: Any, engine: Any) -> None:
    assert on_demand_components(nlp) == ("tok2vec", "tagger")
    calm = doc("a.txt", "Our new parking garage opens on Monday. See you there!")
    advice = doc("b.txt", "Take ibuprofen every 4 hours for a fever and drink plenty of water.")
    first, second = list(analyze([calm, advice], nlp, engine.context))
    assert first.imperatives is None and second.imperatives is None
    engine.check(first)
    assert first.imperatives is None                     # no health topic: nobody asked for imperatives
    codes = [f.code for f in engine.check(second)]
    assert "DIS001" in codes
    assert second.imperatives is None                    # enough signals without it; placed at the first one
    eager = nlp(advice.text)
    assert [t.tag_ for t in eager][0] == "VB"


def test_the_tagger_runs_when_an_imperative_is_needed_to_count(nlp: Any, engine: Any) -> None:
    # the only advice signal besides the topic: the sentence opens with a verb ("Learn")
    text = "Learn the warning signs of sepsis: fever, confusion, fast breathing. Minutes count, so call 911."
    (analysis,) = analyze([doc("s.txt", text)], nlp, engine.context)
    found = [(f.code, f.line, f.column) for f in engine.check(analysis) if f.code == "DIS001"]
    assert analysis.imperatives == [(0, text.index("Minutes") - 1)]
    assert found == [("DIS001", 1, 1)]


def test_a_missing_disclaimer_is_placed_at_the_first_signal_found_without_the_tagger(nlp: Any, engine: Any) -> None:
    # "Bring ..." is an imperative sentence, but the symptom on line 2 already counts: no tagger pass
    text = "Bring a friend along next Saturday.\nKnee pain after a long run? Ice it for 15 minutes and rest it for two days."
    (analysis,) = analyze([doc("k.txt", text)], nlp, engine.context)
    found = [(f.code, f.line) for f in engine.check(analysis) if f.code == "DIS001"]
    assert analysis.imperatives is None
    assert found == [("DIS001", 2)]


def test_on_demand_tagging_gives_the_same_findings(nlp: Any, engine: Any, texts: list[str]) -> None:
    documents = [doc(f"p{i}.txt", t) for i, t in enumerate(texts)]
    lazy = [sorted((f.code, f.start, f.end, f.message) for f in engine.check(a))
            for a in analyze(documents, nlp, engine.context)]
    eager = []
    for analysis in analyze(documents, nlp, engine.context):
        analysis.find(IMPERATIVE)                         # tag every document first, as a batch pass would
        eager.append(sorted((f.code, f.start, f.end, f.message) for f in engine.check(analysis)))
    assert lazy == eager
    assert any(code.startswith("DIS") for found in eager for code, *_ in found)


def test_social_imperatives_are_not_advice(nlp: Any, engine: Any) -> None:
    texts = ["Guess who's back on our unit today!", "Meet our new midwife, Ana Ruiz.",
             "Swipe to see the new lobby.", "Drink plenty of water on hot days.",
             "Say goodbye to wrinkles forever!"]
    found = [a.find(IMPERATIVE) != [] for a in analyze([doc(f"s{i}.txt", t) for i, t in enumerate(texts)],
                                                     nlp, engine.context)]
    assert found == [False, False, False, True, True]


def test_long_drafts_in_chunks_are_tagged_as_they_go(nlp: Any, engine: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A draft analysed in chunks keeps no spaCy Doc per chunk (memory stays flat): its imperatives are read
    chunk by chunk during the pass, and they are the ones an unchunked pass finds on demand."""
    import policylint.analysis as analysis

    paragraph = "Wash your hands often. Our clinic opened a new wing this spring.\n\n"
    text = paragraph * 12
    whole = list(analyze([doc("w.txt", text)], nlp, engine.context))[0]
    monkeypatch.setattr(analysis, "CHUNK_CHARS", 300)
    chunked = list(analyze([doc("c.txt", text)], nlp, engine.context))[0]
    assert chunked.imperatives is not None and chunked._imperative_reader is None
    assert chunked.find(IMPERATIVE) == whole.find(IMPERATIVE) and len(whole.find(IMPERATIVE)) == 12


def test_analysis_batches_by_length_and_keeps_each_documents_reading(nlp: Any, engine: Any) -> None:
    """Documents go through the pipeline ordered by length (speed only): each one still gets its own
    sentences and entities, in input order, the same as when it is analysed alone."""
    texts = ["Dr. Amara Osei joins our cardiology team in Tulsa on March 3.",
             "Flu shots today.",
             "Ravi Patel, 54, went home from the ICU on Friday. Thank you to the nurses on 4 West! "
             "Our Lakeside clinic in Duluth opens at 8 a.m. on weekdays. Call 555-0142 to book.",
             "Thanks, Jo!"]
    documents = [doc(f"d{i}.txt", t) for i, t in enumerate(texts)]
    together = [(a.document.path, a.sentences, a.ents) for a in analyze(documents, nlp, engine.context)]
    alone = [(a.document.path, a.sentences, a.ents) for d in documents for a in analyze([d], nlp, engine.context)]
    assert [path for path, _s, _e in together] == ["d0.txt", "d1.txt", "d2.txt", "d3.txt"]
    assert together == alone
    assert any(label == "PERSON" for label, _s, _e in together[2][2])
