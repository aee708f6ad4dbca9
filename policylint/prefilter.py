"""Required-literal prefilters: skip a matcher that cannot match a document, without running it.

For a compiled pattern (a lexicon's alternation of terms, or a rule's regex) ``required(source)`` finds a
set of lowercase strings such that **every** match of the pattern contains at least one of them. If a
document (lowercased) contains none of them, the pattern cannot match it, so the scan is skipped; this
changes no result, it only saves time (most lexicons match nothing in most posts). The same idea as the
literal prefilters of RE2, Hyperscan and ripgrep, kept deliberately conservative:

- only constructs read the same way by ``re``'s parser and by the ``regex`` module in V0 mode are
  analysed; a pattern with anything else (POSIX classes, fuzzy ``{e<=1}``, ``\\p{..}``, set operations...)
  gets no prefilter (``None``), and so does any part that is optional, zero-width or a large class;
- case is ignored everywhere (patterns are matched case-insensitively, and a case-sensitive match is
  also a case-insensitive one); literals outside ASCII are not used (their case folding differs);
- a document containing a character that ``regex`` folds onto an ASCII letter while ``str.lower`` does
  not (U+0130, U+017F, U+212A) is never prefiltered (see :func:`lowered`).
"""
from __future__ import annotations

import re
from typing import Any, Iterable, NamedTuple

from policylint import facts

try:                                            # Python 3.11+
    from re import _constants as _C  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

Needles = tuple[str, ...]
# `[[` (POSIX classes, nested sets) and `{` that is not a counted repeat (fuzzy matching) mean something
# else to the `regex` module than to `re`: no prefilter for such patterns.
_UNSAFE = re.compile(r"\[\[|\{(?!\d*(?:,\d*)?\})")
_FOLDS_TO_ASCII = frozenset("\u0130\u017f\u212a")      # İ ſ K: regex IGNORECASE matches i/s/k with them
_MAX_CLASS = 6
_WORD = re.compile(r"^[A-Za-z]+$")              # as patterns._WORD: words that take inflections
_ASCII_WORD_PREFIX = re.compile(r"[a-z0-9_]+")   # ASCII word characters are \w to `regex` too
MAX_WORD_NEEDLE = 12


def _parse(source: str) -> list[Any] | None:
    """``source`` as ``re``'s parser reads it, or None where the `regex` module may read it differently."""
    if _UNSAFE.search(source):
        return None
    try:
        return list(_sre_parse.parse(source))
    except Exception:  # noqa: BLE001 - syntax only the `regex` module knows: no prefilter
        return None


@facts.remembered("required", decode=facts.as_tuple)
def required(source: str) -> Needles | None:
    """Lowercase strings one of which every match of ``source`` contains, or None if unknown."""
    parsed = _parse(source)
    found = _sequence(parsed) if parsed is not None else None
    return _minimal(found) if found else None


class LexNeedles(NamedTuple):
    """A lexicon's prefilter: one of ``words`` starts a word of the text (a token prefix), or one of
    ``strings`` occurs in it. Plain terms give words (stronger than substrings: "er" from the term ER
    must start a word, it is not enough that "her" or "were" contain it)."""

    words: tuple[str, ...]
    strings: tuple[str, ...]


def lexicon_needles(terms: Iterable[str]) -> LexNeedles | None:
    """``required`` for a lexicon, term by term (cheap: plain terms need no parsing). A plain term's
    alternative is ``(?<![\\w])`` + its first word (patterns.term_to_regex inflects only the last word; a
    one-word term ending in y may change its y): when that word starts with a word character, every match
    starts a word of the text, and that word begins with the word-character prefix of the term's word."""
    words: set[str] = set()
    strings: set[str] = set()
    for term in terms:
        if term.startswith("re:"):
            needed = required(term[3:])
            if needed is None:
                return None
            strings.update(needed)
            continue
        split = term.split()
        if not split:
            continue                       # an empty term matches only the empty string: never reported
        first = split[0]
        if len(split) == 1 and _WORD.match(first) and len(first) > 3 and first.endswith("y"):
            first = first[:-1]
        needle = first.lower()
        if not needle.isascii() or len(needle) != len(first):
            return None
        prefix = _ASCII_WORD_PREFIX.match(needle)
        if prefix:
            words.add(prefix.group()[:MAX_WORD_NEEDLE])
        else:
            strings.add(needle)
    return LexNeedles(_minimal_prefixes(words), _minimal(strings))


def pattern_needles(ref: str) -> Needles | None:
    """``required`` for a rule's own pattern (``re:...`` or a bare regex)."""
    return required(ref[3:] if ref.startswith("re:") else ref)


@facts.remembered("start_words", decode=facts.as_tuple)
def start_words(source: str) -> tuple[str, ...] | None:
    """Lowercase word prefixes one of which begins the text at every match of ``source``, where every match
    starts a word (a ``\\b`` before a word character): ``\\b(?:pain|ache)s?`` -> ("ache", "pain"). Then a match
    can start only at a word of the text with one of these prefixes (word_prefixes has their offsets), and
    the pattern need not be scanned for its start positions (speed only; see analysis.Analysis.find).
    None when the pattern does not have that shape (or has syntax only the `regex` module reads)."""
    parsed = _parse(source)
    found = _starts(parsed, False) if parsed is not None else None
    if not found:
        return None
    return _minimal_prefixes(w[:MAX_WORD_NEEDLE] for w in found)


def _starts(items: list[Any], bounded: bool) -> set[str] | None:
    """The word prefixes that begin every match of the sequence ``items`` (``bounded``: a \\b was just
    passed), or None. Zero-width items before the first character are skipped: a \\b sets ``bounded``,
    lookarounds only narrow where a match can be."""
    for index, (op, av) in enumerate(items):
        if op is _C.AT:
            if av is _C.AT_BOUNDARY:
                bounded = True
                continue
            return None
        if op in (_C.ASSERT, _C.ASSERT_NOT):
            continue
        if op is _C.LITERAL:
            prefix = _literal_run(items[index:])
            return {prefix} if bounded and prefix else None
        if op is _C.SUBPATTERN:
            return _starts(list(av[-1]), bounded)
        if op is _C.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                found = _starts(list(branch), bounded)
                if not found:
                    return None
                union |= found
            return union
        if op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            body = _starts(list(av[2]), bounded)
            if av[0] >= 1 or not body:
                return body
            rest = _starts(items[index + 1:], bounded)       # optional: a match may also start after it
            return body | rest if rest else None
        if op is _C.IN and bounded:
            chars = {_char(item_av) if item_op is _C.LITERAL else None for item_op, item_av in av}
            if None in chars or not chars or not all(_ASCII_WORD_PREFIX.fullmatch(c) for c in chars):  # type: ignore[arg-type]
                return None
            return chars  # type: ignore[return-value]
        return None
    return None


def _literal_run(items: list[Any]) -> str:
    """The ASCII word characters that open ``items`` (lowercase)."""
    run = []
    for op, av in items:
        ch = _char(av) if op is _C.LITERAL else None
        if ch is None or not _ASCII_WORD_PREFIX.fullmatch(ch):
            break
        run.append(ch)
    return "".join(run)


def lowered(text: str) -> str | None:
    """``text.lower()`` for prefiltering, or None if the text has characters that make it unsafe."""
    if not text.isascii() and not _FOLDS_TO_ASCII.isdisjoint(text):
        return None
    return text.lower()


def word_prefixes(text: str) -> dict[str, list[int]]:
    """Every prefix (up to MAX_WORD_NEEDLE characters) of every word of ``text``, lowercase, with the
    offsets of the words that start with it; words as the `regex` module's ``\\w`` (the matchers' word
    boundaries) sees them."""
    import regex

    found: dict[str, list[int]] = {}
    for m in regex.finditer(r"\w+", text):
        word = m.group()[:MAX_WORD_NEEDLE].lower()
        start = m.start()
        for i in range(1, len(word) + 1):
            found.setdefault(word[:i], []).append(start)
    return found


def may_match(needles: Needles | LexNeedles | None, low: str | None, prefixes: Any = None) -> bool:
    """False only if no match is possible: ``low`` is lowered(text), ``prefixes`` word_prefixes(text)."""
    if needles is None or low is None:
        return True
    if isinstance(needles, LexNeedles):
        if prefixes is None:
            strings: Iterable[str] = needles.words + needles.strings    # a word prefix is also a substring
        else:
            if not prefixes.keys().isdisjoint(needles.words):     # C loop: any word in the prefixes
                return True
            strings = needles.strings
    else:
        strings = needles
    for needle in strings:
        if needle in low:
            return True
    return False


def _minimal_prefixes(words: Iterable[str]) -> tuple[str, ...]:
    """Drop words that start with another one (if the shorter starts no word, neither does the longer)."""
    keep: list[str] = []
    for w in sorted(set(words), key=lambda x: (len(x), x)):
        if not any(w.startswith(k) for k in keep):
            keep.append(w)
    return tuple(keep)


def _minimal(strings: Iterable[str]) -> Needles:
    """Drop strings that contain another one (if the shorter is absent, so is the longer)."""
    keep: list[str] = []
    for s in sorted(set(strings), key=lambda x: (len(x), x)):
        if not any(k in s for k in keep):
            keep.append(s)
    return tuple(keep)


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """Of several sets each of which is required, the most selective: longest shortest string, fewest."""
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(len(x) for x in s), -len(s)))


def _char(code: int) -> str | None:
    ch = chr(code).lower()
    return ch if len(ch) == 1 and ch.isascii() else None


def _sequence(items: list[Any]) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is _C.LITERAL:
            ch = _char(av)
            if ch is not None:
                run.append(ch)
                continue
            end_run()
            continue
        end_run()
        found = _node(op, av)
        if found is not None:
            candidates.append(found)
    end_run()
    return _best(candidates)


def _node(op: Any, av: Any) -> frozenset[str] | None:
    if op is _C.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _C.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(list(branch))
            if found is None:
                return None
            union |= found
        return frozenset(union)
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT) or op is getattr(_C, "POSSESSIVE_REPEAT", None):
        low, _high, body = av
        return _sequence(list(body)) if low >= 1 else None
    if op is getattr(_C, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op is _C.LITERAL:
        ch = _char(av)
        return frozenset([ch]) if ch is not None else None
    if op is _C.IN:
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is not _C.LITERAL:
                return None
            ch = _char(item_av)
            if ch is None:
                return None
            chars.add(ch)
        return frozenset(chars) if 0 < len(chars) <= _MAX_CLASS else None
    return None                  # any, categories, ranges, negations, anchors, lookarounds, backreferences
