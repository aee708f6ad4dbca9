"""Documents -> Analyses: ONE batched NLP pass, then lexicon hits and PHI context, shared by every rule."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from policylint.detect import phi as phi_detect
from policylint.detect.recognizers import HASHTAG, HANDLE
from policylint.document import Document
from policylint.patterns import Matcher, build_matcher, build_quick_matcher
from policylint.prefilter import lexicon_needles, lowered, may_match, pattern_needles, start_words, word_prefixes

Span = tuple[int, int]
CHUNK_CHARS = 100_000
BATCH_CHARS = 200_000      # characters per spaCy batch (see _pipe)
DEFAULT_CUTS = {"instagram": 125, "facebook": 477, "linkedin": 210, "x": 280, "twitter": 280, "tiktok": 100}
EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\U0001F000-\U0001F2FF\u2B00-\u2BFF]")
IMPERATIVE = "@:imperative"       # built-in: sentences that open with a base-form verb (tagger)
# Imperatives that invite or announce rather than advise ("Guess who's back", "Meet Dr. Ames", "Swipe to see")
# ("look for", "watch for", "say goodbye to", "grab some" and "listen to your body" can advise: not here)
SOCIAL_VERBS = frozenset({"guess", "meet", "welcome", "join", "swipe", "tap", "click", "follow", "tag", "share",
                          "celebrate", "congratulate", "thank", "vote", "register", "rsvp", "comment", "retweet",
                          "repost", "happy"})
TITLE_END = re.compile(r"(?<![\w.])(?i:mr|mrs|ms|dr|st|prof|rev|sgt|capt|lt)\.?\s*\Z")
TRAILING_TAGS = re.compile(r"(?:(?:#[\w]+|@[\w.]+)[\s\W]*){2,}\Z")


WARMUP_DOCUMENTS = 8        # documents read with whole lexicon matchers before narrower ones are compiled


@dataclass
class RunContext:
    """Built once per run: compiled matchers for every pattern and lexicon, and run options."""

    lexicons: Mapping[str, tuple[str, ...]]
    org_contacts: tuple[str, ...] = ()
    staff_names: tuple[str, ...] = ()
    disclaimer_text: str | None = None
    cuts: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_CUTS))
    platform: str | None = None
    path_platforms: Callable[[str], str | None] | None = None   # per-path config (paths: {"x/**": {platform: x}})

    def platform_for(self, path: str) -> str | None:
        found = self.path_platforms(path) if self.path_platforms else None
        return found or self.platform
    _matchers: dict[str, Matcher] = field(default_factory=dict)
    _needles: dict[str, Any] = field(default_factory=dict)
    _pattern_needles: dict[str, list[tuple[int, Any]]] = field(default_factory=dict)
    _term_checks: dict[str, list[tuple[int, tuple[str, ...] | None, tuple[str, ...] | None]]] = field(
        default_factory=dict)
    _anchor_words: dict[str, Any] = field(default_factory=dict)
    _has_patterns: dict[str, bool] = field(default_factory=dict)
    _singles: dict[str, list[tuple[int, Matcher, tuple[str, ...] | None]]] = field(default_factory=dict)
    documents_read: int = 0      # documents whose text a lexicon was looked up in (see Analysis.find)
    _quick: dict[str, Matcher] = field(default_factory=dict)

    def terms(self, ref: str) -> Sequence[str]:
        """A lexicon's terms ("@name"), or a rule's own pattern as one ``re:`` term."""
        if ref.startswith("@"):
            return self.lexicons.get(ref[1:], ())
        return [ref if ref.startswith("re:") else "re:" + ref]

    def matcher(self, ref: str) -> Matcher:
        found = self._matchers.get(ref)
        if found is None:
            found = self._matchers[ref] = build_matcher(self.terms(ref))
        return found

    def quick_matcher(self, ref: str) -> Matcher:
        """The matcher for the first documents of a run (build_quick_matcher): the `regex` one if it is built."""
        found = self._matchers.get(ref) or self._quick.get(ref)
        if found is None:
            found = self._quick[ref] = build_quick_matcher(self.terms(ref))
        return found

    def precompile(self, refs: Iterable[str]) -> None:
        for ref in refs:
            self.matcher(ref)

    def has_patterns(self, ref: str) -> bool:
        """Whether a lexicon has ``re:`` terms (a rule's own pattern counts as one)."""
        found = self._has_patterns.get(ref)
        if found is None:
            found = self._has_patterns[ref] = not ref.startswith("@") or any(
                t.startswith("re:") for t in self.lexicons.get(ref[1:], ()))
        return found

    def pattern_terms(self, ref: str) -> list[tuple[int, Any]]:
        """(position, needles) of each ``re:`` term of a lexicon, in term order."""
        if ref not in self._pattern_needles:
            terms = self.lexicons.get(ref[1:], ()) if ref.startswith("@") else ()
            self._pattern_needles[ref] = [(i, lexicon_needles([t])) for i, t in enumerate(terms) if t.startswith("re:")]
        return self._pattern_needles[ref]

    def single_patterns(self, ref: str) -> list[tuple[int, Matcher, tuple[str, ...] | None]]:
        """For each ``re:`` term of a lexicon: its position, the term compiled alone, and the word prefixes that
        begin every match of it (prefilter.start_words) or None."""
        found = self._singles.get(ref)
        if found is None:
            terms = self.lexicons.get(ref[1:], ()) if ref.startswith("@") else ()
            found = self._singles[ref] = [(i, build_matcher([t]), start_words(t[3:]))
                                          for i, t in enumerate(terms) if t.startswith("re:")]
        return found

    def impossible_terms(self, ref: str, low: str, prefixes: Any = None) -> frozenset[int]:
        """Positions of the ``re:`` terms of a lexicon that cannot match ``low`` anywhere. With the text's
        word prefixes (prefilter.word_prefixes), a term with start words cannot match when no word of the text
        begins with one of them (a set operation instead of substring searches)."""
        found = self._term_checks.get(ref)
        if found is None:
            openings = {i: opening for i, _single, opening in self.single_patterns(ref)}
            found = self._term_checks[ref] = [(i, n.words + n.strings if n is not None else None, openings.get(i))
                                              for i, n in self.pattern_terms(ref)]
        keys = prefixes.keys() if prefixes is not None else None
        return frozenset([i for i, strings, opening in found
                          if (keys.isdisjoint(opening) if opening is not None and keys is not None
                              else strings is not None and not any(s in low for s in strings))])

    def plain_suffices(self, ref: str, low: str) -> bool:
        """True if none of a lexicon's ``re:`` terms can match ``low`` (then Matcher.plain_only is exact)."""
        found = self.pattern_terms(ref)
        return bool(found) and len(self.impossible_terms(ref, low)) == len(found)

    def anchor_words(self, ref: str) -> tuple[str, ...] | None:
        """For a lexicon of plain terms that all start with a word character: the word prefixes one of
        which starts every match (matches can start only at such words). None otherwise."""
        if ref not in self._anchor_words:
            found = None
            terms = self.lexicons.get(ref[1:], ()) if ref.startswith("@") else None
            if terms is not None:
                plain = [t for t in terms if not t.startswith("re:")]
                needles = lexicon_needles(plain) if all(t.split() for t in plain) else None
                if needles is not None and not needles.strings:
                    found = needles.words
            self._anchor_words[ref] = found
        return self._anchor_words[ref]

    def needles(self, ref: str) -> tuple[str, ...] | None:
        """Strings one of which every match of ``ref`` contains (lowercase), or None (speed only: a
        matcher that cannot match a document is neither run nor even compiled)."""
        if ref not in self._needles:
            self._needles[ref] = (lexicon_needles(self.lexicons.get(ref[1:], ())) if ref.startswith("@")
                                  else pattern_needles(ref))
        return self._needles[ref]


@dataclass
class Analysis:
    document: Document
    context: RunContext
    sentences: list[Span]
    ents: list[tuple[str, int, int]]
    imperatives: list[Span] | None          # None: read on demand by _imperative_reader
    hashtag_block: Span | None
    cut: int | None
    _imperative_reader: Callable[[], list[Span]] | None = None
    _cache: dict[str, list[Span]] = field(default_factory=dict)
    _phi: list[phi_detect.PhiCandidate] | None = None
    _lower: Any = False          # prose.lower() for prefilters (None: unsafe; False: not computed yet)
    _prefixes: Any = None        # word_prefixes(prose), for prefilters

    @property
    def text(self) -> str:
        return self.document.prose

    @property
    def platform(self) -> str | None:
        return self.document.platform or self.context.platform_for(self.document.path)

    def find(self, ref: str) -> list[Span]:
        hits = self._cache.get(ref)
        if hits is None and ref == IMPERATIVE:
            if self.imperatives is None:
                reader, self._imperative_reader = self._imperative_reader, None
                self.imperatives = reader() if reader is not None else []
            hits = list(self.imperatives)
        if hits is None:
            if self._lower is False:
                self._lower = lowered(self.document.prose)
                self._prefixes = word_prefixes(self.document.prose) if self._lower is not None else None
                self.context.documents_read += 1
            possible = may_match(self.context.needles(ref), self._lower, self._prefixes)  # skip what cannot match
            if possible and self.context.documents_read <= WARMUP_DOCUMENTS:
                # The first documents of a run use the whole compiled lexicon: the narrower matchers below
                # (subsets, single terms, start positions) cost a compile each and pay off only over many
                # documents; a one-file hook run would compile them for nothing. Same matches either way.
                hits = list(self.context.quick_matcher(ref).finditer(self.document.prose))
            elif possible:
                matcher = self.context.matcher(ref)
                plain = not self.context.has_patterns(ref)
                words = self.context.anchor_words(ref) if self._prefixes is not None else None
                starts: set[int] | None = None
                if not plain and self._lower is not None and ref.startswith("@"):
                    drop = self.context.impossible_terms(ref, self._lower, self._prefixes)   # cannot match here
                    if len(drop) == len(self.context.pattern_terms(ref)):
                        matcher, plain = matcher.plain_only(), True
                    elif words is not None:
                        # Where a match can start: a first word of a plain term, a word that opens every match
                        # of an re: term (start_words), or wherever an re: term that may match here matches on
                        # its own (every start, overlapping). Trying the whole alternation only there finds the
                        # same matches as scanning the text with it.
                        starts = set()
                        for i, single, opening in self.context.single_patterns(ref):
                            if i in drop:
                                continue
                            if opening is None:
                                starts.update(single.starts(self.document.prose))
                            else:            # tried only at the words its matches can start with
                                at = {p for w in opening for p in self._prefixes.get(w, ())}  # type: ignore[union-attr]
                                starts.update(single.starts_at(self.document.prose, at))
                    else:
                        variant = matcher.without(drop)
                        if variant is not None:
                            matcher = variant
                if words is not None and (plain or starts is not None):
                    positions = {p for w in words for p in self._prefixes.get(w, ())}   # type: ignore[union-attr]
                    hits = list(matcher.finditer_at(self.document.prose, sorted(positions | (starts or set())),
                                                    grouped=True))      # the text has no İ ſ K (lowered)
                else:
                    hits = list(matcher.finditer(self.document.prose))
            else:
                hits = []
            self._cache[ref] = hits
        return hits

    def find_all(self, refs: Sequence[str]) -> list[Span]:
        result: list[Span] = []
        for ref in refs:
            result.extend(self.find(ref))
        return sorted(result)

    def sentence_of(self, offset: int) -> Span:
        import bisect

        i = bisect.bisect_right(self.sentences, (offset, float("inf"))) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
        return 0, len(self.text)

    @property
    def phi(self) -> list[phi_detect.PhiCandidate]:
        if self._phi is None:
            lex = phi_detect.Lex(self.find, lambda name: self.context.lexicons.get(name, ()))
            self._phi = phi_detect.find_candidates(
                text=self.text, sentences=self.sentences, ents=self.ents, lex=lex,
                metadata=self.document.metadata, platform=self.platform,
                org_contacts=self.context.org_contacts, staff_names=self.context.staff_names,
                original=self.document.text)
        return self._phi


def _chunks(text: str) -> list[tuple[int, str]]:
    """Split very long text at paragraph (or line) boundaries into pieces under CHUNK_CHARS."""
    if len(text) <= CHUNK_CHARS:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK_CHARS)
        if end < len(text):
            cut = max(text.rfind("\n\n", start, end), text.rfind("\n", start, end), text.rfind(" ", start, end))
            if cut > start + CHUNK_CHARS // 2:
                end = cut + 1
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _spacy_input(text: str) -> str:
    # hashtags and handles are not prose for the NER model: keep offsets, hide the markers' words
    return text


def analyze(documents: Sequence[Document], nlp: Any, context: RunContext, *, batch_size: int = 64) -> Iterator[Analysis]:
    """Analyse documents in order with one batched spaCy pass. The tagger (only the imperative reading uses
    it) runs afterwards, per document, and only for documents whose rules ask for it."""
    from policylint.nlp import on_demand_components

    later = on_demand_components(nlp)
    jobs: list[tuple[int, int, str]] = []
    for index, doc in enumerate(documents):
        for offset, piece in _chunks(doc.prose):
            jobs.append((index, offset, piece))
    results: dict[int, dict[str, list[Any]]] = {i: {"sents": [], "ents": [], "docs": [], "imp": []}
                                                for i in range(len(documents))}
    chunks = Counter(index for index, _offset, _piece in jobs)
    huge = {index for index, count in chunks.items() if count > 1}
    # Texts of similar length go through the pipeline together (the same output, NER about 5% faster); a window
    # with a huge draft keeps the input order, so that its chunks are read one at a time and not all held.
    order = sorted(range(len(jobs)), key=lambda j: len(jobs[j][2])) if not huge else range(len(jobs))
    piped = zip(order, _pipe(nlp, (_spacy_input(jobs[j][2]) for j in order), batch_size, list(later)))
    for j, sdoc in (piped if huge else sorted(piped, key=lambda pair: pair[0])):
        index, offset, piece = jobs[j]
        bucket = results[index]
        for sent in sdoc.sents:
            bucket["sents"].append((offset + sent.start_char, offset + sent.end_char))
        for ent in sdoc.ents:
            bucket["ents"].append((ent.label_, offset + ent.start_char, offset + ent.end_char))
        if index in huge:                  # a long draft in chunks: tag each chunk now, keep no spaCy Doc
            bucket["imp"].extend(_imperative_reader(nlp, later, [(offset, piece, sdoc)])())
        else:
            bucket["docs"].append((offset, piece, sdoc))
    for index, doc in enumerate(documents):
        bucket = results.pop(index)
        reader = _imperative_reader(nlp, later, bucket["docs"])
        lazy = bool(later) and index not in huge             # huge drafts were tagged during the pass
        imperatives = None if lazy else bucket["imp"] if index in huge else reader()
        analysis = make_analysis(doc, context, _split_lines(doc.prose, bucket["sents"]), bucket["ents"], imperatives)
        if lazy:
            analysis._imperative_reader = reader
        yield analysis


def _pipe(nlp: Any, texts: Iterable[str], batch_size: int, disable: list[str]) -> Iterator[Any]:
    """``nlp.pipe`` in batches of ``batch_size`` texts and at most BATCH_CHARS characters: posts go 64 at a
    time as before, the 100,000-character chunks of a huge draft one or two at a time (a batch of 64 of
    those held gigabytes of activations)."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and (len(group) >= batch_size or size + len(text) > BATCH_CHARS):
            yield from nlp.pipe(group, batch_size=len(group), disable=disable)
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield from nlp.pipe(group, batch_size=len(group), disable=disable)


def _imperative_reader(nlp: Any, later: Sequence[str], pieces: list[tuple[int, str, Any]]) -> Callable[[], list[Span]]:
    def read() -> list[Span]:
        found: list[Span] = []
        for offset, piece, sdoc in pieces:
            for name in later:
                sdoc = nlp.get_pipe(name)(sdoc)
            found.extend(_imperative_sentences(sdoc, piece, offset))
        return found
    return read


def _imperative_sentences(sdoc: Any, piece: str, offset: int) -> Iterator[Span]:
    for sent in sdoc.sents:
        first = next((t for t in sent if t.is_alpha), None)
        if first is None or first.tag_ != "VB" or first.lower_ in SOCIAL_VERBS:
            continue
        if first.idx == 0 or (first.i == _first_word_index(sent) and piece[first.idx - 1] not in "#@"):
            yield offset + sent.start_char, offset + sent.end_char


def _first_word_index(sent: Any) -> int:
    for token in sent:
        if token.is_alpha:
            return int(token.i)
    return -1


def _split_lines(text: str, sents: list[Span]) -> list[Span]:
    """Sentence spans, also split at blank lines, bullets and line breaks (social posts use them as stops)."""
    result: list[Span] = []
    merged: list[Span] = []
    for s, e in sents or [(0, len(text))]:       # "mrs. begum ...": no sentence ends at a title
        if merged and "\n" not in text[merged[-1][1]:s] and (
                TITLE_END.search(text, max(merged[-1][0], merged[-1][1] - 8), merged[-1][1])
                or not any(ch.isalnum() for ch in text[s:e])):         # "🎉" alone is not a sentence
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    for s, e in merged:
        start = s
        for m in re.finditer(r"\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)]|\S\uFE0F?\u20E3))|\n", text[s:e]):
            cut = s + m.end()
            if text[start:s + m.start()].strip():
                result.append((start, s + m.start()))
            start = cut
        if text[start:e].strip():
            result.append((start, e))
    return result


def make_analysis(doc: Document, context: RunContext, sentences: list[Span], ents: list[tuple[str, int, int]],
                  imperatives: list[Span] | None) -> Analysis:
    text = doc.prose
    block = None
    stripped = text.rstrip()
    m = TRAILING_TAGS.search(stripped)
    if m:
        block = (m.start(), len(stripped))
    platform = doc.platform or context.platform_for(doc.path)
    cut = context.cuts.get(platform) if platform else None
    return Analysis(document=doc, context=context, sentences=sentences, ents=ents, imperatives=imperatives,
                    hashtag_block=block, cut=cut)


__all__ = ["Analysis", "RunContext", "analyze", "make_analysis", "HASHTAG", "HANDLE", "EMOJI"]
