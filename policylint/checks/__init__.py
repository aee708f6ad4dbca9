"""Check kinds: pure functions (rule, analysis) -> Hits, registered in a plain dict."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable, Iterator

from policylint.analysis import EMOJI, IMPERATIVE, Analysis
from policylint.detect.recognizers import HANDLE, HASHTAG
from policylint.findings import Hit

DEFAULT_DISCLAIMER = ("This post is for general information only and is not a substitute for professional "
                      "medical advice. Talk to your doctor about your own situation.")

if TYPE_CHECKING:
    from policylint.packs import Rule

Span = tuple[int, int]
QUOTED = "\0quoted"          # the _cache key of a document's quoted spans (no lexicon ref starts with NUL)
QUOTES = re.compile(r"[\"“][^\"“”\n]{0,300}[\"”]|(?<!\w)'[^'\n]{0,200}'(?!\w)")


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _scope(analysis: Analysis, span: Span, scope: str) -> Span:
    if scope == "document":
        return 0, len(analysis.text)
    if scope == "window":
        return max(0, span[0] - 120), min(len(analysis.text), span[1] + 120)
    return analysis.sentence_of(span[0])


def _any_in(analysis: Analysis, refs: tuple[str, ...], window: Span) -> bool:
    return any(_overlap(hit, window) for hit in analysis.find_all(refs))


def _quoted(analysis: Analysis) -> list[Span]:
    found = analysis._cache.get(QUOTED)          # once per document, shared by the rules that skip quotes
    if found is None:
        found = analysis._cache[QUOTED] = [(m.start(), m.end()) for m in QUOTES.finditer(analysis.text)]
    return found


def check_phi(rule: Rule, analysis: Analysis) -> Iterator[Hit]:
    wanted = set(rule.params["entities"])
    strict = rule.params.get("context") == "any"
    respect = rule.params.get("authorization", "respect") == "respect"
    sensitive = tuple(rule.params.get("sensitive", ()))
    if sensitive and not analysis.find_all(sensitive):
        return
    seen: list[Span] = []
    for cand in analysis.phi:
        if cand.type not in wanted:
            continue
        if not strict:
            if not cand.linked or (respect and cand.authorized):
                continue
        span = (cand.start, cand.end)
        if any(_overlap(span, s) for s in seen):
            continue
        seen.append(span)
        what = cand.type.replace("_", " ").lower()
        yield Hit(cand.start, cand.end, detail={"type": cand.type, "reason": cand.reason, "what": what})
        if sensitive:
            return


def _refs(ref: str) -> tuple[str, ...]:
    return tuple(ref.split("|")) if ref.startswith("@") else (ref,)


def check_require(rule: Rule, analysis: Analysis) -> Iterator[Hit]:
    p = rule.params
    if any(not analysis.find(ref) for ref in p.get("gate", ())):
        return
    topics = sum(1 for ref in p.get("topics", ()) if analysis.find_all(_refs(ref)))
    if topics < p.get("min_topics", 0):
        return
    need = p.get("min_signals", 1)
    if p.get("strong_topics") and topics >= p["strong_topics"]:
        need -= 1
    need = max(need, 1)
    # Signals read without the tagger first; the imperative reading (a tagger pass) only when it can change
    # the outcome, to reach the number of signals. The finding is placed at the earliest signal found without
    # the tagger, or at the first imperative sentence when there is none (placing it used to tag 13% of posts).
    triggers = [(_refs(ref), [r for r in _refs(ref) if r != IMPERATIVE]) for ref in p["trigger"]]
    eager = [analysis.find_all(tuple(cheap)) for _, cheap in triggers]
    fired = sum(1 for hits in eager if hits)
    pending = [i for i, (refs, cheap) in enumerate(triggers) if not eager[i] and len(cheap) < len(refs)]
    if fired + len(pending) < need:
        return
    for i in pending:
        if fired >= need:
            break
        if analysis.find(IMPERATIVE):
            fired += 1
    if fired < need:
        return
    if p.get("unless") and analysis.find_all(tuple(p["unless"])):
        return
    accept = analysis.find_all(tuple(p["accept"]))
    approved = analysis.context.disclaimer_text if p.get("accept_config") == "disclaimer" else None
    if approved and approved.strip().lower() in analysis.text.lower():
        accept.append((analysis.text.lower().index(approved.strip().lower()), len(analysis.text)))
    if not accept:
        if p.get("placement_only"):
            return
        signals = [h for hits in eager for h in hits] or analysis.find(IMPERATIVE)
        anchor = min(signals, key=lambda h: h[0])
        fix = None
        if p.get("accept_config") == "disclaimer":
            fix = (analysis.context.disclaimer_text or DEFAULT_DISCLAIMER).strip()
        yield Hit(anchor[0], anchor[1], fix=fix, detail={"missing": True})
        return
    if not p.get("placement_only"):
        return
    block = analysis.hashtag_block
    in_body = [a for a in accept if not (block and a[0] >= block[0])]
    if not p.get("hashtags_count", True) and not in_body:
        yield Hit(accept[0][0], accept[0][1], message=None, detail={"placement": "hashtags"})
        return
    if p.get("before_cut") and analysis.cut is not None and len(analysis.text.strip()) > analysis.cut:
        if all(a[0] >= analysis.cut for a in accept):
            yield Hit(accept[0][0], accept[0][1], detail={"placement": "after_cut", "cut": analysis.cut})


def _pattern_hits(rule: Rule, analysis: Analysis, key: str) -> Iterator[Span]:
    p = rule.params
    quoted = _quoted(analysis) if p.get("skip_quoted") else []
    with_refs = tuple(p.get("with", ()))
    unless = tuple(p.get("unless", ()))
    for span in analysis.find_all(tuple(p[key])):
        if quoted and any(q[0] <= span[0] and span[1] <= q[1] for q in quoted):
            continue
        if with_refs and not _any_in(analysis, with_refs, _scope(analysis, span, p.get("with_scope", "sentence"))):
            continue
        if unless and _any_in(analysis, unless, _scope(analysis, span, p.get("unless_scope", "sentence"))):
            continue
        yield span


# Words that do not single out an organisation ("Cedar Ridge Urgent Care" is named by "Cedar")
ORG_GENERIC = frozenset("""the of and at for in on a an inc llc pc pllc co corp company health healthcare care urgent
    clinic clinics hospital hospitals medical medicine center centre centers group system systems services service
    associates partners practice family physicians doctors dental dentistry pharmacy network foundation university
    regional community memorial general st saint it dept department team office main street north south east west
    new""".split())


def organisation_word(value: str) -> str | None:
    """The word that names an organisation given in front matter: its first word that is not generic."""
    for word in re.findall(r"[^\W\d_]{3,}", value):
        if word.lower() not in ORG_GENERIC:
            return word
    return None


def names_organisation(text: str, value: str) -> bool:
    """Whether ``text`` names the organisation ``value``: its distinctive word starts a word ("Cedar Ridge"),
    sits inside a hashtag or handle (#CedarRidgeStrong, @cedarridge) or is a hump of a brand name (MyCedar)."""
    word = organisation_word(value)
    if word is None:
        return False
    escaped = re.escape(word)
    return bool(re.search(rf"(?i)(?<![^\W\d_]){escaped}", text)
                or re.search(rf"(?i)[#@]\w*{escaped}", text)
                or re.search(rf"(?<=[a-z]){re.escape(word[:1].upper() + word[1:].lower())}", text))


def check_forbid(rule: Rule, analysis: Analysis) -> Iterator[Hit]:
    p = rule.params
    for key in p.get("metadata_unless", ()):
        if analysis.document.metadata.get(key):
            return
    detail: dict[str, object] = {}
    if p.get("metadata_named"):         # only where the text names the organisation a front-matter key gives
        metadata = analysis.document.metadata
        named = [metadata[key] for key in p["metadata_named"]
                 if isinstance(metadata.get(key), str) and names_organisation(analysis.text, metadata[key])]
        if not named:
            return
        detail = {"organisation": named[0].strip()}
    hits = list(_pattern_hits(rule, analysis, "patterns"))
    if p.get("only_in_hashtag_block"):     # reported only when every match sits in the trailing hashtag run
        block = analysis.hashtag_block
        if block is None or not hits or any(not (block[0] <= s < block[1]) for s, _ in hits):
            return
        if len(HASHTAG.findall(analysis.text[block[0]:block[1]])) < 3:
            return
        hits = hits[:1]
    if p.get("before_cut"):
        cut = analysis.cut
        if cut is None or len(analysis.text.strip()) <= cut or any(s < cut for s, _ in hits):
            return
    for span in hits:
        yield Hit(span[0], span[1], detail=detail)
        if p.get("once"):
            return


PROPER = re.compile(r"^[A-Z][a-z]+(?:\s+|-)[A-Z][a-z]+")


def check_prefer(rule: Rule, analysis: Analysis) -> Iterator[Hit]:
    p = rule.params
    text = analysis.text
    for span in _pattern_hits(rule, analysis, "avoid"):
        if p.get("skip_proper_nouns"):
            word = text[span[0]:span[1]]
            following = text[span[0]:span[1] + 30]
            if word[:1].isupper() and PROPER.match(following) and span[0] > 0 and \
                    not re.search(r"[.!?]\s*$", text[:span[0]]):
                continue
            if any(label in ("ORG", "WORK_OF_ART", "FAC", "EVENT") and s <= span[0] and span[1] <= e
                   for label, s, e in analysis.ents):
                continue
        yield Hit(span[0], span[1], fix=p["use"])


def check_limit(rule: Rule, analysis: Analysis) -> Iterator[Hit]:
    p = rule.params
    text = analysis.document.text
    platform = analysis.platform
    limits = p.get("max_chars", {})
    if platform and platform in limits and len(text.strip()) > limits[platform]:
        yield Hit(limits[platform], len(text.rstrip()), detail={"limit": limits[platform], "length": len(text.strip())})
    for key, pattern in (("max_hashtags", HASHTAG), ("max_mentions", HANDLE), ("max_emoji", EMOJI)):
        if key in p:
            hits = list(pattern.finditer(analysis.text))
            if len(hits) > p[key]:
                yield Hit(hits[p[key]].start(), hits[-1].end(), detail={"limit": p[key], "count": len(hits)})
    if "max_emoji_run" in p:
        run = re.compile("(?:" + EMOJI.pattern + r"[\uFE0F\u200D\s]*){" + str(p["max_emoji_run"] + 1) + ",}")
        for m in run.finditer(analysis.text):
            yield Hit(m.start(), m.end(), detail={"limit": p["max_emoji_run"]})


def check_metadata(rule: Rule, analysis: Analysis) -> Iterator[Hit]:
    p = rule.params
    doc = analysis.document
    if p.get("when_format") and doc.format not in p["when_format"]:
        return
    if p.get("when_platform") and analysis.platform not in p["when_platform"]:
        return
    for key in p["require_keys"]:
        if not doc.metadata.get(key):
            yield Hit(0, min(len(doc.text), len(doc.text.split("\n", 1)[0])) or 0, detail={"key": key})


CHECKS: dict[str, Callable[[Rule, Analysis], Iterator[Hit]]] = {
    "phi": check_phi,
    "require": check_require,
    "forbid": check_forbid,
    "prefer": check_prefer,
    "limit": check_limit,
    "metadata": check_metadata,
}
