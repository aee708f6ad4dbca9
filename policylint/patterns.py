"""Pattern compilation for packs: lexicon terms (with inflections) and vetted regexes, time-bounded."""
from __future__ import annotations

import re as _stdre
from dataclasses import dataclass
from typing import Iterable, Iterator

import regex

MATCH_TIMEOUT = 0.5          # seconds per search; no pack pattern can hang a check
MAX_PATTERN_CHARS = 2000
_NESTED_QUANTIFIER = _stdre.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d*,\})")
_WORD = _stdre.compile(r"^[A-Za-z]+$")


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


def check_regex(source: str) -> None:
    """Reject regexes that do not compile or that are shaped for catastrophic backtracking."""
    if len(source) > MAX_PATTERN_CHARS:
        raise PatternError(f"pattern is longer than {MAX_PATTERN_CHARS} characters")
    if _NESTED_QUANTIFIER.search(source):
        raise PatternError("pattern nests quantifiers (e.g. (a+)+), which can hang on some input")
    try:
        regex.compile(source, regex.V0)
    except regex.error as error:
        raise PatternError(f"pattern does not compile: {error}") from None


@dataclass(frozen=True)
class Matcher:
    """A compiled alternation of terms, matched on word boundaries, case-insensitive by default."""

    source: str
    compiled: "regex.Pattern[str]"

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        try:
            for m in self.compiled.finditer(text, timeout=MATCH_TIMEOUT):
                if m.end() > m.start():
                    yield m.start(), m.end()
        except TimeoutError:
            return

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> tuple[int, int] | None:
        try:
            m = self.compiled.search(text, pos, endpos if endpos is not None else len(text), timeout=MATCH_TIMEOUT)
        except TimeoutError:
            return None
        return (m.start(), m.end()) if m else None


def build_matcher(terms: Iterable[str], *, case_sensitive: bool = False) -> Matcher:
    """Plain terms match on word boundaries (with inflections); ``re:`` entries keep their own boundaries."""
    alternatives = []
    for term in terms:
        source = term_to_regex(term)
        check_regex(source)
        if term.startswith("re:"):
            alternatives.append(f"(?:{source})")
        else:
            alternatives.append(f"(?<![\\w])(?:{source})(?![\\w])")
    if not alternatives:
        source = r"(?!x)x"
    else:
        alternatives.sort(key=len, reverse=True)
        source = "|".join(alternatives)
    flags = regex.V0 | (0 if case_sensitive else regex.IGNORECASE)
    return Matcher(source, regex.compile(source, flags))
