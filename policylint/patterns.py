"""Pattern compilation for packs: lexicon terms (with inflections) and vetted regexes, time-bounded."""
from __future__ import annotations

import functools
import re as _stdre
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

import regex

from policylint import facts
from policylint.prefilter import start_words

MATCH_TIMEOUT = 0.5          # seconds per search; no pack pattern can hang a check
MAX_PATTERN_CHARS = 2000
MAX_VARIANTS = 256           # compiled subsets of one lexicon kept for speed (Matcher.without)
_NESTED_QUANTIFIER = _stdre.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d*,\})")
_WORD = _stdre.compile(r"^[A-Za-z]+$")
_SCOPED_OFF = _stdre.compile(r"\(\?[a-zA-Z]*-[a-zA-Z]*:")          # (?-i:...) and the like
_GLOBAL_FLAGS = _stdre.compile(r"\(\?[\^a-zA-Z-]*\)")            # (?i), (?-i), (?x): whole-pattern flags
# The sources term_to_regex builds from plain terms: literal characters or escaped punctuation, words joined
# by [\s\-]+, one of its three inflection groups at the end. Any such string is a valid regex.
_ESCAPED_WORD = r"(?:[^\\\[\](){}.*+?^$|\s]|\\[^A-Za-z0-9\s])+"
_PLAIN_TERM_SOURCE = _stdre.compile(
    _ESCAPED_WORD + r"(?:\[\\s\\-\]\+" + _ESCAPED_WORD + r")*"
    r"(?:\(\?:s\|es\|ed\|d\|ing\)\?|\(\?:s\|ies\|ied\)\?|\(\?:y\|ys\|ies\|ied\|ying\))?")


class PatternError(ValueError):
    pass


def term_to_regex(term: str) -> str:
    """A lexicon term -> regex source. ``re:...`` entries are raw regex; words match inflections."""
    if term.startswith("re:"):
        return term[3:]
    words = term.split()
    parts = []
    for i, word in enumerate(words):
        escaped = regex.escape(word, literal_spaces=True)
        if i == len(words) - 1 and _WORD.match(word) and len(word) > 2:
            escaped += r"(?:s|es|ed|d|ing)?" if not word.endswith("y") else r"(?:s|ies|ied)?"
            if word.endswith("y") and len(word) > 3:
                escaped = regex.escape(word[:-1]) + r"(?:y|ys|ies|ied|ying)"
        parts.append(escaped)
    return r"[\s\-]+".join(parts)


def is_plain_term_source(source: str) -> bool:
    """What term_to_regex makes of a plain term: escaped words and one fixed suffix group (no repeats to nest)."""
    return bool(_PLAIN_TERM_SOURCE.fullmatch(source))


def check_regex(source: str) -> None:
    """Reject regexes that do not compile or that are shaped for catastrophic backtracking."""
    problem = _regex_problem(source)
    if problem is not None:
        raise PatternError(problem)


def regex_text_problem(source: str) -> str | None:
    """The checks of check_regex that read the pattern text only (length, nested quantifiers)."""
    if len(source) > MAX_PATTERN_CHARS:
        return f"pattern is longer than {MAX_PATTERN_CHARS} characters"
    if _NESTED_QUANTIFIER.search(source):
        return "pattern nests quantifiers (e.g. (a+)+), which can hang on some input"
    return None


@facts.remembered("regex_problem")
def _regex_problem(source: str) -> str | None:
    # remembered, between runs too: packs, lexicon terms and matchers check the same sources (compiling is slow)
    problem = regex_text_problem(source)
    if problem is not None:
        return problem
    if is_plain_term_source(source):
        return None                  # what term_to_regex makes of a plain term always compiles (speed only)
    try:
        regex.compile(source, regex.V0)
    except regex.error as error:
        return f"pattern does not compile: {error}"
    return None


@dataclass(frozen=True)
class Matcher:
    """A compiled alternation of terms, matched on word boundaries, case-insensitive by default."""

    source: str
    compiled: "regex.Pattern[str] | None"   # None: compiled from ``terms`` on first use (pattern())
    terms: tuple[str, ...] = ()             # as given (build_matcher); used to build plain_only()
    case_sensitive: bool = False
    _variants: dict[str, "Matcher"] = field(default_factory=dict, compare=False, repr=False)
    _at: list[Any] = field(default_factory=list, compare=False, repr=False)   # [pattern for match-at-position]
    _lazy: list[Any] = field(default_factory=list, compare=False, repr=False)  # [the `regex` pattern, once built]
    _groups: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)  # first character -> pattern
    _keyed: list[Any] = field(default_factory=list, compare=False, repr=False)  # _keyed_alternatives(terms), once

    def pattern(self) -> "regex.Pattern[str]":
        """The `regex` alternation (scans, with the match timeout), compiled on first use: a lexicon that is
        only ever tried at word positions (at_pattern) never pays for it."""
        if self.compiled is not None:
            return self.compiled
        if not self._lazy:
            self._lazy.append(_compile_alternation(_alternatives(self.terms), self.case_sensitive))
        return self._lazy[0]

    def at_pattern(self) -> Any:
        """The pattern ``starts_at`` and ``finditer_at`` match with: the same alternation compiled by ``re``,
        about twice as fast as `regex` at trying a big alternation at one position (where ``re`` reads it the
        same way: see quick_source), else the `regex` one."""
        if not self._at:
            quick = quick_source(self.source, self.case_sensitive)
            self._at.append(quick if quick is not None else self.pattern())
        return self._at[0]

    def at_group(self, char: str) -> Any:
        """The pattern to try at a position where the text has ``char`` (lowercase ASCII): the alternatives
        of at_pattern that can start with that character, in the same order, so the same alternative wins
        (a smaller alternation to try). A character is read off each alternative: a plain term's first
        character, the first letters of an ``re:`` term's start words (prefilter.start_words); an alternative
        with neither is in every group. Where ``re`` cannot compile the alternation, at_pattern itself.
        Only for positions where the text is ASCII and without the characters `regex` folds onto ASCII
        letters (callers: analysis.Analysis.find), where matching case-insensitively is comparing lowercase."""
        found = self._groups.get(char)
        if found is None:
            full = self.at_pattern()
            if self.case_sensitive or not isinstance(full, _stdre.Pattern):
                found = full
            else:
                if not self._keyed:
                    self._keyed.extend(_keyed_alternatives(self.terms))
                keep = [alt for alt, first in self._keyed if first is None or char in first]
                found = quick_source("|".join(keep) if keep else r"(?!x)x", False) or full
            self._groups[char] = found
        return found

    def _match_at(self, text: str, pos: int) -> Any:
        pattern = self.at_pattern()
        if isinstance(pattern, _stdre.Pattern):
            return pattern.match(text, pos)
        return pattern.match(text, pos, timeout=MATCH_TIMEOUT)

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        try:
            for m in self.pattern().finditer(text, timeout=MATCH_TIMEOUT):
                if m.end() > m.start():
                    yield m.start(), m.end()
        except TimeoutError:
            return

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> tuple[int, int] | None:
        try:
            m = self.pattern().search(text, pos, endpos if endpos is not None else len(text), timeout=MATCH_TIMEOUT)
        except TimeoutError:
            return None
        return (m.start(), m.end()) if m else None

    def starts(self, text: str) -> list[int]:
        """Every position where a (non-empty) match starts, overlapping matches included."""
        try:
            return [m.start() for m in self.pattern().finditer(text, overlapped=True, timeout=MATCH_TIMEOUT)
                    if m.end() > m.start()]
        except TimeoutError:
            return []

    def starts_at(self, text: str, positions: Iterable[int]) -> list[int]:
        """The ``positions`` where a (non-empty) match starts: ``starts`` when no match can start elsewhere."""
        found = []
        try:
            for pos in positions:
                m = self._match_at(text, pos)
                if m is not None and m.end() > pos:
                    found.append(pos)
        except TimeoutError:
            return []
        return found

    def finditer_at(self, text: str, positions: Iterable[int], *, grouped: bool = False) -> Iterator[tuple[int, int]]:
        """finditer, trying only ``positions`` (ascending): the same matches when no match can start
        anywhere else (speed only; see analysis.Analysis.find). ``grouped``: at an ASCII character, only the
        alternatives that can start with it (at_group; the text must be safe for it, see there)."""
        end = 0
        try:
            for pos in positions:
                if pos < end:
                    continue
                char = text[pos]
                if grouped and char.isascii():
                    m = self.at_group(char.lower()).match(text, pos)
                else:
                    m = self._match_at(text, pos)
                if m is not None and m.end() > m.start():
                    end = m.end()
                    yield m.start(), end
        except TimeoutError:
            return

    def plain_only(self) -> "Matcher":
        """This matcher without its ``re:`` alternatives (see ``without``)."""
        found = self.without(frozenset(i for i, t in enumerate(self.terms) if t.startswith("re:")), force=True)
        assert found is not None
        return found

    def without(self, drop: frozenset[int], *, force: bool = False) -> "Matcher | None":
        """This matcher without the terms at the ``drop`` positions, the others in the same order. On a
        text where none of the dropped alternatives can match anywhere it finds exactly the same matches,
        and it is often much faster: one ``re:`` term (``\\b\\w+ectomy``) can keep the `regex` module from
        skipping ahead on the literal first characters of all the others (speed only; see
        analysis.Analysis.find). None when too many variants were built already (use this matcher)."""
        if not drop:
            return self
        key = ",".join(map(str, sorted(drop)))
        found = self._variants.get(key)
        if found is None:
            if len(self._variants) >= MAX_VARIANTS and not force:
                return None
            found = build_matcher([t for i, t in enumerate(self.terms) if i not in drop],
                                  case_sensitive=self.case_sensitive)
            self._variants[key] = found
        return found


def _alternatives(terms: tuple[str, ...]) -> list[str]:
    return [alternative for alternative, _first in _keyed_alternatives(terms)]


def _keyed_alternatives(terms: tuple[str, ...]) -> list[tuple[str, frozenset[str] | None]]:
    """Each term's alternative, longest first (the order of the alternation), with the lowercase ASCII
    characters every match of it starts with, or None when that is not known (Matcher.at_group)."""
    alternatives = []
    for term in terms:
        source = term_to_regex(term)
        check_regex(source)
        if term.startswith("re:"):
            words = start_words(source)
            first = frozenset(w[0] for w in words) if words and all(w[:1].isascii() for w in words) else None
            alternatives.append((f"(?:{source})", first))
        else:
            opening = term.split()[0][0] if term.split() else ""
            alternatives.append((f"(?<![\\w])(?:{source})(?![\\w])",
                                 frozenset(opening.lower()) if opening and opening.isascii() else None))
    alternatives.sort(key=lambda pair: len(pair[0]), reverse=True)
    return alternatives


# An unbounded repeat of a group ("(a|aa)+"): the one shape that can backtrack for ever and that vetting may not
# see; such lexicons keep the `regex` matcher and its timeout. Repeats of single characters or bounded ones stay.
_GROUP_REPEAT = _stdre.compile(r"(?<!\\)\)(?:[*+]|\{\d*,\})")


class QuickMatcher(Matcher):
    """The same alternation compiled by the standard library's ``re`` (about 4x faster to compile than with
    `regex`, without the match timeout): for the first documents of a run, so that a one-file hook run does not
    pay for compiling every lexicon with `regex`. Only for alternations without an unbounded group repeat
    (_GROUP_REPEAT); packs are also vetted for nested repeats (check_regex)."""

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        for m in self.compiled.finditer(text):
            if m.end() > m.start():
                yield m.start(), m.end()


# Syntax both parsers accept but read differently: `[[` (POSIX classes, nested sets) and a `{` that is not a
# counted repeat (fuzzy matching) mean something else to the `regex` module than to `re`.
_REGEX_ONLY = _stdre.compile(r"\[\[|\{(?!\d*(?:,\d*)?\})")


@functools.lru_cache(maxsize=4096)
def quick_source(source: str, case_sensitive: bool = False) -> "_stdre.Pattern[str] | None":
    """``source`` compiled by ``re`` when that is safe and means the same: no unbounded group repeat (it keeps
    `regex` and its match timeout), no syntax the two modules read differently, and ``re`` can parse it."""
    if _GROUP_REPEAT.search(source) or _REGEX_ONLY.search(source):
        return None
    try:
        return _stdre.compile(source, 0 if case_sensitive else _stdre.IGNORECASE)
    except (_stdre.error, ValueError, OverflowError, RecursionError):
        return None


def build_quick_matcher(terms: Iterable[str], *, case_sensitive: bool = False) -> Matcher:
    """build_matcher's alternation compiled with ``re`` when the standard parser reads it (same matches;
    see QuickMatcher), else the `regex` matcher."""
    terms = tuple(terms)
    alternatives = _alternatives(terms)
    if alternatives:
        source = "|".join(alternatives)
        compiled = quick_source(source, case_sensitive)
        if compiled is not None:
            return QuickMatcher(source, compiled, terms, case_sensitive)  # type: ignore[arg-type]
    return build_matcher(terms, case_sensitive=case_sensitive)


def build_matcher(terms: Iterable[str], *, case_sensitive: bool = False) -> Matcher:
    """Plain terms match on word boundaries (with inflections); ``re:`` entries keep their own boundaries."""
    terms = tuple(terms)
    alternatives = _alternatives(terms)          # vetted now; compiled when first used (Matcher.pattern)
    return Matcher("|".join(alternatives) if alternatives else r"(?!x)x", None, terms, case_sensitive)


def _compile_alternation(alternatives: list[str], case_sensitive: bool) -> "regex.Pattern[str]":
    source = "|".join(alternatives) if alternatives else r"(?!x)x"
    flags = regex.V0 | (0 if case_sensitive else regex.IGNORECASE)
    if not case_sensitive and len(alternatives) > 1 and _SCOPED_OFF.search(source) and not _GLOBAL_FLAGS.search(source):
        # Same matches, much faster: with a global IGNORECASE, one scoped (?-i:...) in any alternative makes
        # the `regex` module scan the whole alternation slowly (16x on the health lexicon). Runs of
        # alternatives wrapped in (?i:...), in the same order, without the global flag, match the same.
        runs: list[list[str]] = []
        for alternative in alternatives:
            if _SCOPED_OFF.search(alternative) or not runs or _SCOPED_OFF.search(runs[-1][-1]):
                runs.append([alternative])
            else:
                runs[-1].append(alternative)
        return regex.compile("|".join("(?i:" + "|".join(run) + ")" for run in runs), regex.V0)
    return regex.compile(source, flags)
