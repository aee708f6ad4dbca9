"""Markdown and HTML sources: front matter -> metadata; fenced code, HTML comments, link URLs, inline code
and tags blanked in `prose` with identical length and newlines; findings keep the file's line/column."""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest

from policylint.config import Config
from policylint.document import Document
from policylint.sources import Notice, SourceOptions, iter_inputs
from policylint.sources.markup import html_documents, markdown_documents, markdown_prose

from conftest import build_engine, check_documents, positions

TEST_PACK = """\
pack: testpack
title: Words the tests plant
rules:
  - code: TST001
    name: test.forbidden-phrase
    kind: forbid
    category: claims
    severity: error
    patterns: ["miracle cure"]
    message: planted phrase
    why: used by the tests
    examples:
      fail: ["a miracle cure"]
      pass: ["a cure"]
"""


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("packs") / "testpack.yaml"
    path.write_text(TEST_PACK, encoding="utf-8")
    return build_engine([str(path)], Config(packs=()))


def same_shape(text: str, prose: str) -> None:
    assert len(prose) == len(text)
    assert [i for i, c in enumerate(prose) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]


def md(text: str) -> tuple[str, dict[str, Any], Any]:
    prose, meta, problem = markdown_prose(text)
    same_shape(text, prose)
    return prose, meta, problem


def md_docs(text: str, path: str = "post.md") -> tuple[list[Document], list[Notice]]:
    found = list(markdown_documents(path, text))
    return [d for d in found if isinstance(d, Document)], [n for n in found if isinstance(n, Notice)]


# ---------------------------------------------------------------------------------------------------------
# front matter
# ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_front_matter_becomes_metadata(newline: str) -> None:
    text = newline.join(["---", "platform: instagram", "consent_id: C-113", "tags: [a, b]", "---",
                         "Hello world", ""])
    prose, meta, problem = md(text)
    assert problem is None
    assert meta == {"platform": "instagram", "consent_id": "C-113", "tags": ["a", "b"]}
    assert "platform" not in prose and "consent" not in prose
    assert prose.strip() == "Hello world"


def test_front_matter_dots_terminator_and_empty_block() -> None:
    assert md("---\ntitle: x\n...\nBody")[1] == {"title": "x"}
    prose, meta, problem = md("---\n---\nBody")
    assert meta == {} and problem is None and prose.strip() == "Body"


def test_front_matter_only_at_the_start() -> None:
    prose, meta, _ = md("Intro\n---\ntitle: x\n---\n")
    assert meta == {} and "title" in prose


@pytest.mark.parametrize(("front", "line"), [
    ("title: [unclosed\nplatform: x", None),        # YAML syntax error
    ("- just\n- a list", 2),                      # not a mapping
    ("a: &x [1]\nb: *x", 2),                      # aliases refused
    ("a: !!python/object/apply:os.system ['echo pwned']", 2),
    ("a: " + "[" * 200 + "]" * 200, 2),           # nested too deeply
    ("key: \x00", 2),                               # control character
])
def test_malformed_front_matter_is_a_notice_and_text_still_checked(front: str, line: int | None) -> None:
    text = f"---\n{front}\n---\nBody text\n"
    docs, notices = md_docs(text)
    (n,) = notices
    assert n.error is False
    assert n.line is not None and 2 <= n.line <= 1 + front.count("\n") + 1
    if line is not None:
        assert n.line == line
    (d,) = docs
    assert d.metadata == {}
    assert d.prose.strip() == "Body text"
    assert "\n" not in str(n)


def test_unclosed_front_matter_is_prose() -> None:
    prose, meta, problem = md("---\ntitle: x\nBody without a closing line\n")
    assert meta == {} and problem is None
    assert "Body without" in prose


def test_front_matter_values_are_plain() -> None:
    _, meta, _ = md("---\nnested: {a: {b: 1}}\ndate: 2024-05-01\n---\nx")
    assert meta["nested"] == {"a": {"b": 1}}
    assert type(meta["nested"]) is dict
    assert str(meta["date"]) == "2024-05-01"


# ---------------------------------------------------------------------------------------------------------
# skip regions
# ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
def test_fenced_code_is_blanked(newline: str, fence: str) -> None:
    text = newline.join(["Before", fence + "python", "secret = 1", fence, "After", ""])
    prose, _, _ = md(text)
    assert "secret" not in prose and "python" not in prose and fence not in prose
    assert "Before" in prose and "After" in prose


def test_closing_fence_may_be_longer_but_not_shorter_or_other_char() -> None:
    prose, _, _ = md("```\ncode one\n``\n~~~\ncode two\n`````\nAfter\n")
    assert "code one" not in prose and "code two" not in prose and "After" in prose


def test_unclosed_fence_runs_to_the_end() -> None:
    prose, _, _ = md("Text\n```\nall code\nstill code\n")
    assert prose.strip() == "Text"


def test_indented_fence_up_to_three_spaces() -> None:
    prose, _, _ = md("   ```\n   hidden\n   ```\nshown\n")
    assert "hidden" not in prose and "shown" in prose


def test_html_comments_are_blanked() -> None:
    prose, _, _ = md("Visible <!-- hidden\nacross lines --> shown\n<!-- unclosed till the end")
    assert "hidden" not in prose and "across" not in prose and "unclosed" not in prose
    assert "Visible" in prose and "shown" in prose


@pytest.mark.parametrize(("text", "hidden", "kept"), [
    ("See [our clinic](https://example.org/maria-gonzalez) today", "maria", "our clinic"),
    ('See [the page](https://example.org/a "Title words") now', "Title", "the page"),
    ("See [the page](<https://example.org/a b>) now", "example", "the page"),
    ("Go to <https://example.org/secret-path> now", "secret", "Go to"),
    ("Mail <mailto:someone@example.org> now", "someone", "Mail"),
    ("Text [ref][1]\n\n[1]: https://example.org/hidden-ref \"t\"\n", "hidden", "Text"),
    ("Use `inline code` here", "inline", "here"),
    ("Use ``code with ` tick`` here", "tick", "here"),
    ("A <span class=\"x\">tagged</span> word", "span", "tagged"),
    ("<script>var hidden = 1;</script>shown", "hidden", "shown"),
])
def test_non_prose_regions(text: str, hidden: str, kept: str) -> None:
    prose, _, _ = md(text)
    assert hidden not in prose
    assert kept in prose


def test_unmatched_backtick_is_prose() -> None:
    prose, _, _ = md("It's a ` stray backtick and more words")
    assert "more words" in prose


def test_inline_code_does_not_cross_a_blank_line() -> None:
    prose, _, _ = md("Start `not code\n\nnext paragraph` end")
    assert "not code" in prose and "next paragraph" in prose


def test_image_alt_text_is_prose_and_url_is_not() -> None:
    prose, _, _ = md("![Photo of the new wing](img/wing.png)")
    assert "Photo of the new wing" in prose and "wing.png" not in prose


def test_directives_keep_comments() -> None:
    text = "<!-- policylint-disable-next-line TST001 -- reason: test -->\nA miracle cure\n"
    (d,), _ = md_docs(text)
    assert "policylint-disable" in d.directives
    assert "policylint-disable" not in d.prose


# ---------------------------------------------------------------------------------------------------------
# findings keep the file's (line, column)
# ---------------------------------------------------------------------------------------------------------

FILE = """\
---
platform: facebook
note: miracle cure in metadata is not prose
---
# Heading

A miracle cure for everyone.

```
miracle cure in code
```

<!-- miracle cure in a comment -->
Read [about it](https://example.org/miracle-cure) or `miracle cure` inline.
Final miracle cure here.
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_markdown_findings_positions(planted: Any, tmp_path: Path, newline: str) -> None:
    f = tmp_path / "post.md"
    f.write_bytes(FILE.replace("\n", newline).encode("utf-8"))
    (d,) = [i for i in iter_inputs([str(f)], SourceOptions()) if isinstance(i, Document)]
    assert d.metadata["platform"] == "facebook"
    found = check_documents(planted, [d])
    assert positions(found) == [(7, 3, "TST001"), (15, 7, "TST001")]
    for f_ in found:
        assert d.text[f_.start:f_.end].lower() == "miracle cure"


def test_html_document(planted: Any) -> None:
    text = "<html><head><style>.miracle-cure{}</style></head>\n<body><p>A miracle cure</p>\n<!-- miracle cure --></body></html>"
    (d,) = list(html_documents("p.html", text))
    same_shape(text, d.prose)
    assert positions(check_documents(planted, [d])) == [(2, 12, "TST001")]


def test_markdown_jsonl_record_gets_front_matter() -> None:
    from policylint.sources.batch import jsonl_documents

    line = '{"id": "p1", "format": "markdown", "text": "---\\nplatform: x\\n---\\nBody `code`"}'
    (d,) = list(jsonl_documents("a.jsonl", line, SourceOptions()))
    assert d.metadata.get("platform") == "x"
    assert "code" not in d.prose and "Body" in d.prose


# ---------------------------------------------------------------------------------------------------------
# hostile Markdown: nesting, sizes, pathological patterns (linear time)
# ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "> " * 5000 + "deep quote",
    "".join("  " * i + "- item\n" for i in range(2000)),
    "[" * 10000 + "x" + "]" * 10000 + "(" * 10000,
    "<" * 20000 + "a " * 10000,
    "<!--" * 10000,
    "```\n" * 5001,
    "*" * 50000 + "_" * 50000,
])
def test_deeply_nested_or_odd_markdown(text: str) -> None:
    start = time.perf_counter()
    prose, _, _ = md(text)
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("unit", [
    "[link](https://example.org/x) word ",
    "`a` ",
    "".join("`" * k + " x " for k in range(1, 60)),
    "<b>bold</b> ",
    "<!-- c --> ",
    "```\ncode\n```\n",
    "<a href='x' ",
])
def test_markdown_is_linear_time(unit: str) -> None:
    text = unit * (600_000 // len(unit))
    start = time.perf_counter()
    md(text)
    assert time.perf_counter() - start < 5


def test_prose_regions_never_move_text() -> None:
    text = FILE
    prose, _, _ = md(text)
    for m in re.finditer(r"\S+", prose):
        assert text[m.start():m.end()] == m.group()
