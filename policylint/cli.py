"""Command line: the only module that reads argv/env, prints and exits."""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from policylint import __version__

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="policylint: a compliance linter for healthcare social-media drafts "
                       "(PHI, medical-advice disclaimers, ethics, inclusive language).")
packs_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Work with rule packs.")
app.add_typer(packs_app, name="packs")

CI_FORMATS = {"sarif", "junit", "github", "gitlab"}
FAIL_LEVELS = {"error": 3, "warning": 2, "info": 1, "none": 99}


class UsageError(Exception):
    """Exit 2 with one line."""


def _split(values: Optional[List[str]]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(out)


def _err(message: str) -> None:
    sys.stderr.write(f"policylint: {message}\n")


def _load_config(config_path: Optional[str]):  # type: ignore[no-untyped-def]
    from policylint.config import ConfigError, load_config

    try:
        return load_config(config_path)
    except ConfigError as error:
        raise UsageError(str(error)) from None


def _engine(config, select=(), ignore=(), extra_packs=()):  # type: ignore[no-untyped-def]
    from policylint.engine import Selection
    from policylint.packs import PackError
    from policylint.runner import build_engine

    try:
        return build_engine(config, Selection(tuple(select), tuple(ignore)), extra_packs)
    except PackError as error:
        raise UsageError(str(error)) from None


def _nlp_loader(model: Optional[str]):  # type: ignore[no-untyped-def]
    def load():  # type: ignore[no-untyped-def]
        from policylint.nlp import ModelError, load_pipeline

        try:
            return load_pipeline(model)
        except ModelError as error:
            raise UsageError(str(error)) from None
    return load


def _resolve_format(fmt: str) -> str:
    if fmt == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return fmt


def _speed(config, cache_dir, no_cache, jobs, select, ignore, pack, model, stream):  # type: ignore[no-untyped-def]
    """run() options for speed (docs/speed.md): findings cache, worker processes, progress on a terminal."""
    from policylint.runner import Progress, default_jobs

    cache = None
    if not no_cache and os.environ.get("POLICYLINT_NO_CACHE", "").lower() in ("", "0", "false", "no"):
        from policylint.cache import open_cache

        cache = open_cache(cache_dir, config=config, select=_split(select), ignore=_split(ignore),
                           extra_packs=_split(pack), model=model or config.model, environ=os.environ)
    tty = bool(getattr(sys.stderr, "isatty", lambda: False)())
    progress = Progress(sys.stderr) if tty and not os.environ.get("CI") else None
    from policylint import memo

    options = {"cache": cache, "jobs": default_jobs(jobs), "progress": progress, "memo": memo.CURRENT}
    if stream is not None:
        options.update(on_document=stream, keep_findings=False, keep_texts=False)
    return options


def _stream(fmt, mask, output, **when):  # type: ignore[no-untyped-def]
    """A JSON report written while checking (big inputs in constant memory), when the options allow it."""
    from policylint.runner import JsonStream, streamable

    if not streamable(fmt, **when):
        return None
    if mask is None:
        mask = fmt in CI_FORMATS or os.environ.get("CI", "").lower() in ("true", "1")

    def opener():  # type: ignore[no-untyped-def]
        try:
            return open(output, "w", encoding="utf-8")
        except OSError as error:
            raise UsageError(f"{output}: cannot write report ({error.strerror})") from None
    return JsonStream(opener if output else sys.stdout, mask=mask)


@app.command()
def check(
    paths: List[str] = typer.Argument(None, help="Files, folders, or - for standard input."),
    fmt: str = typer.Option("auto", "--format", "-f", help="text, json, sarif, junit, github, gitlab, or auto."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Exit 1 at or above: error (default), warning, info, none."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Only rules with these code prefixes."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip rules with these code prefixes."),
    config_path: Optional[str] = typer.Option(None, "--config", "-c", help="Config file (.policylint.yaml or pyproject.toml)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy pipeline name or path."),
    mask: Optional[bool] = typer.Option(None, "--mask/--no-mask", help="Mask matched text (default: on in CI and CI formats)."),
    text_field: Optional[str] = typer.Option(None, "--text-field", help="Text field/column of JSONL/CSV records."),
    id_field: Optional[str] = typer.Option(None, "--id-field", help="Id field/column of JSONL/CSV records."),
    exclude: Optional[List[str]] = typer.Option(None, "--exclude", help="Glob patterns to skip (adds to config)."),
    platform: Optional[str] = typer.Option(None, "--platform", help="Platform when a draft does not say (x, instagram...)."),
    stdin_format: str = typer.Option("text", "--stdin-format", help="Format of standard input: text, markdown, jsonl, csv."),
    show_suppressed: bool = typer.Option(False, "--show-suppressed", help="Also list suppressed findings."),
    pack: Optional[List[str]] = typer.Option(None, "--pack", help="Extra pack (built-in name or path)."),
    fix: bool = typer.Option(False, "--fix", help="Insert the approved disclaimer where one is missing."),
    diff: bool = typer.Option(False, "--diff", help="With --fix: show the changes without writing."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file."),
    baseline_file: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings not in this baseline (see `policylint baseline`)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, help="Worker processes for big inputs (0: one per CPU)."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Findings cache folder (see docs/speed.md)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the findings cache."),
    server: bool = typer.Option(False, "--server/--no-server", help="Check through a warm local server, started on demand (or POLICYLINT_SERVER=1)."),
    timeout: Optional[float] = typer.Option(None, "--timeout", help="Seconds of checks per document; slower ones are reported as not checked (TMO001)."),
) -> None:
    """Check drafts and report problems."""
    from policylint.report import REPORTERS

    fmt = _resolve_format(fmt)
    if fmt not in REPORTERS:
        raise UsageError(f"unknown --format {fmt!r} (use {', '.join(sorted(REPORTERS))} or auto)")
    config = _load_config(config_path)
    level = (fail_on or config.fail_on or "error").lower()
    if level not in FAIL_LEVELS:
        raise UsageError(f"unknown --fail-on {fail_on!r} (use error, warning, info or none)")
    if stdin_format not in ("text", "markdown", "jsonl", "csv"):
        raise UsageError(f"unknown --stdin-format {stdin_format!r}")
    if not paths:
        raise UsageError("no paths given (use `policylint check PATH...`, or - for standard input)")
    if platform:
        from dataclasses import replace

        config = replace(config, platform=platform.lower())
    if timeout is not None:
        if timeout <= 0:
            raise UsageError("--timeout must be a positive number of seconds")
        from dataclasses import replace

        config = replace(config, timeout=timeout)
    from policylint.runner import LazyEngine

    engine = LazyEngine(lambda: _engine(config, _split(select), _split(ignore), _split(pack)))
    accepted = _load_baseline(baseline_file) if baseline_file else None
    from policylint.sources import DEFAULT_INCLUDE, SourceOptions

    options = SourceOptions(text_field=text_field, id_field=id_field,
                            include=tuple(config.include) or DEFAULT_INCLUDE,
                            exclude=tuple(config.exclude) + _split(exclude), stdin_format=stdin_format)
    stdin_text = None
    if "-" in paths:
        try:
            data = sys.stdin.buffer.read() if sys.stdin is not None else None
        except (OSError, ValueError, AttributeError):
            data = None
        if data is not None:
            from policylint.sources import InputError, decode

            try:
                stdin_text = decode(data)
            except InputError as error:
                raise UsageError(f"<stdin>: {error}") from None
    from policylint.runner import run

    stream = _stream(fmt, mask, output, fix=fix, show_suppressed=show_suppressed, baseline=accepted is not None)
    result = run(paths, engine=engine, options=options, nlp_loader=_nlp_loader(model or config.model),
                 stdin_text=stdin_text, **_speed(config, cache_dir, no_cache, jobs, select, ignore, pack, model, stream))
    if fix:
        from policylint.fix import apply_fixes

        for line in apply_fixes(result, engine, diff_only=diff):
            sys.stdout.write(line)
    for notice in result.notices:
        _err(str(notice))
    baselined = None
    if accepted is not None:
        from policylint.baseline import split as split_baseline

        parts = split_baseline(result.findings, accepted, texts=result.texts, checked=[k[0] for k in result.texts])
        result.findings, baselined = parts.new, parts.baselined
        if parts.stale:
            _err(f"{baseline_file}: {len(parts.stale)} baseline entr{'y' if len(parts.stale) == 1 else 'ies'} "
                 f"no longer match anything (run `policylint baseline update {baseline_file} PATH...`)")
    if mask is None:
        mask = fmt in CI_FORMATS or os.environ.get("CI", "").lower() in ("true", "1")
    from policylint.report import Report

    report = Report(findings=result.findings, files=result.files, documents=result.documents,
                    suppressed=result.suppressed, notices=[str(n) for n in result.notices], mask=mask,
                    fail_on=level, rules=engine.all_rules(), texts=result.texts, show_suppressed=show_suppressed,
                    baselined=baselined)
    if stream is not None:
        stream.finish(result)
    elif output:
        try:
            with open(output, "w", encoding="utf-8") as handle:
                REPORTERS[fmt](report, handle)
        except OSError as error:
            raise UsageError(f"{output}: cannot write report ({error.strerror})") from None
    else:
        REPORTERS[fmt](report, sys.stdout)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from policylint.report.github import summary_markdown

        try:
            with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
                handle.write(summary_markdown(report))
        except OSError as error:
            _err(f"cannot append the job summary to $GITHUB_STEP_SUMMARY ({error.strerror})")
    threshold = FAIL_LEVELS[level]
    if any(n.error for n in result.notices):
        raise typer.Exit(2)
    if any(int(f.severity) >= threshold for f in result.findings) or (stream is not None and result.worst >= threshold):
        raise typer.Exit(1)


@app.command("fix")
def fix_command(
    paths: List[str] = typer.Argument(..., help="Files or folders to fix in place."),
    diff: bool = typer.Option(False, "--diff", help="Show the changes without writing."),
    config_path: Optional[str] = typer.Option(None, "--config", "-c"),
    model: Optional[str] = typer.Option(None, "--model"),
    platform: Optional[str] = typer.Option(None, "--platform"),
) -> None:
    """Insert the approved disclaimer where one is missing (same as `check --fix`, without the report)."""
    config = _load_config(config_path)
    if platform:
        from dataclasses import replace

        config = replace(config, platform=platform.lower())
    engine = _engine(config)
    from policylint.fix import apply_fixes
    from policylint.runner import run
    from policylint.sources import SourceOptions

    result = run(paths, engine=engine, options=SourceOptions(exclude=tuple(config.exclude)),
                 nlp_loader=_nlp_loader(model or config.model))
    for notice in result.notices:
        _err(str(notice))
    for line in apply_fixes(result, engine, diff_only=diff):
        sys.stdout.write(line)
    if any(n.error for n in result.notices):
        raise typer.Exit(2)


@app.command()
def rules(
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    config_path: Optional[str] = typer.Option(None, "--config", "-c"),
    all_packs: bool = typer.Option(False, "--all", help="List every built-in pack, not only the configured ones."),
) -> None:
    """List the rules in use (code, name, pack, category, severity)."""
    import json

    from policylint.config import Config

    config = _load_config(config_path)
    if all_packs:
        from dataclasses import replace

        from policylint.packs import builtin_names

        config = replace(config, packs=tuple(builtin_names()))
    engine = _engine(config)
    selected = {r.code for r in engine.rules}
    rows = [{"code": r.code, "name": r.name, "pack": r.pack, "category": r.category,
             "severity": engine.severity(r, "").label, "kind": r.kind, "enabled": r.code in selected,
             "message": r.message} for r in engine.all_rules()]
    if fmt == "json":
        sys.stdout.write(json.dumps({"rules": rows}, indent=2) + "\n")
        return
    if fmt != "text":
        raise UsageError(f"unknown --format {fmt!r} (use text or json)")
    width = max((len(r["name"]) for r in rows), default=10)
    for r in rows:
        flag = "" if r["enabled"] else "  (disabled)"
        sys.stdout.write(f"{r['code']:<8} {r['severity']:<8} {r['category']:<16} {r['name']:<{width}}  {r['pack']}{flag}\n")
    del Config


@app.command()
def explain(code: str = typer.Argument(..., help="Rule code, e.g. PHI001."),
            config_path: Optional[str] = typer.Option(None, "--config", "-c")) -> None:
    """Explain a rule: why it exists, its source, and examples that fail and pass."""
    from dataclasses import replace

    from policylint.packs import builtin_names

    config = _load_config(config_path)
    config = replace(config, packs=tuple(dict.fromkeys(tuple(config.packs) + tuple(builtin_names()))))
    engine = _engine(config)
    wanted = code.strip().upper()
    for rule in engine.all_rules():
        if rule.code == wanted or wanted in rule.aliases or rule.name == code:
            out = [f"{rule.code} {rule.name} ({rule.pack}, {rule.category}, {rule.severity.label})", "",
                   rule.message, "", rule.why]
            if rule.link:
                out += ["", f"Source: {rule.link}"]
            for label, examples in (("Fails", rule.fail_examples), ("Passes", rule.pass_examples)):
                if examples:
                    out += ["", f"{label}:"] + [f"  - {ex.text}" for ex in examples]
            sys.stdout.write("\n".join(out) + "\n")
            return
    from policylint.suppress import DIRECTIVE_RULES

    for directive_rule in DIRECTIVE_RULES:
        if directive_rule.code == wanted or directive_rule.name == code:
            sys.stdout.write(f"{directive_rule.code} {directive_rule.name} (policylint, {directive_rule.category}, "
                             f"warning)\n\n{directive_rule.message}\n\n{directive_rule.why}\n")
            return
    raise UsageError(f"no rule {code!r} (see `policylint rules`)")


@app.command()
def init(force: bool = typer.Option(False, "--force", help="Overwrite an existing .policylint.yaml."),
         path: Path = typer.Option(Path(".policylint.yaml"), "--path", help="Where to write the config.")) -> None:
    """Write a commented starter .policylint.yaml."""
    from policylint.config import STARTER

    if path.exists() and not force:
        raise UsageError(f"{path} already exists (use --force to overwrite)")
    try:
        path.write_text(STARTER, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{path}: cannot write ({error.strerror})") from None
    sys.stdout.write(f"wrote {path}\n")


@packs_app.command("test")
def packs_test(files: List[str] = typer.Argument(..., help="Pack files (or built-in names) to validate and test."),
               model: Optional[str] = typer.Option(None, "--model")) -> None:
    """Validate packs and run their examples: every `fail` example must fail, every `pass` example pass."""
    from policylint.config import Config
    from policylint.packs import PackError, load_packs

    try:
        packs = load_packs(files, base=Path.cwd())
    except PackError as error:
        raise UsageError(str(error)) from None
    from policylint.testing import run_examples

    failures, total = run_examples(packs, Config(packs=()), _nlp_loader(model)())
    for line in failures:
        sys.stdout.write(line + "\n")
    sys.stdout.write(f"{total - len(failures)} of {total} examples behave as expected\n")
    if failures:
        raise typer.Exit(1)


baseline_app = typer.Typer(add_completion=False, no_args_is_help=True,
                           help="Accept today's findings so that `check --baseline FILE` reports only new ones.")
app.add_typer(baseline_app, name="baseline")


def _load_baseline(path: Path):  # type: ignore[no-untyped-def]
    from policylint.baseline import BaselineError, load

    try:
        return load(path)
    except BaselineError as error:
        raise UsageError(str(error)) from None


def _write_baseline(update: bool, file: Path, paths: List[str], config_path: Optional[str], model: Optional[str],
                    select: Optional[List[str]], ignore: Optional[List[str]], pack: Optional[List[str]],
                    exclude: Optional[List[str]], text_field: Optional[str], id_field: Optional[str],
                    platform: Optional[str], force: bool = False) -> None:
    from dataclasses import replace

    from policylint.baseline import BaselineError, build, save

    previous = _load_baseline(file) if update else None
    if not update and file.exists() and not force:
        raise UsageError(f"{file} already exists (use `policylint baseline update` to keep reviewer notes, "
                         f"or --force to start again)")
    config = _load_config(config_path)
    if platform:
        config = replace(config, platform=platform.lower())
    engine = _engine(config, _split(select), _split(ignore), _split(pack))
    from policylint.runner import run
    from policylint.sources import DEFAULT_INCLUDE, SourceOptions

    options = SourceOptions(text_field=text_field, id_field=id_field,
                            include=tuple(config.include) or DEFAULT_INCLUDE,
                            exclude=tuple(config.exclude) + _split(exclude))
    result = run(paths, engine=engine, options=options, nlp_loader=_nlp_loader(model or config.model))
    for notice in result.notices:
        _err(str(notice))
    if any(n.error for n in result.notices):
        _err(f"{file}: not written (fix or --exclude the inputs above first)")
        raise typer.Exit(2)
    made = build(result.findings, root=file.resolve().parent, texts=result.texts, previous=previous,
                 checked=[k[0] for k in result.texts])
    try:
        save(made.baseline, file)
    except BaselineError as error:
        raise UsageError(str(error)) from None
    sys.stdout.write(f"wrote {file}: {len(made.baseline.entries)} entries ({made.added} added, {made.kept} kept, "
                     f"{made.removed} removed)\n")


_BASELINE_FILE = typer.Argument(..., help="Baseline file (JSON), e.g. .policylint-baseline.json.")
_BASELINE_PATHS = typer.Argument(..., help="Files or folders to check.")


@baseline_app.command("create")
def baseline_create(
    file: Path = _BASELINE_FILE, paths: List[str] = _BASELINE_PATHS,
    force: bool = typer.Option(False, "--force", help="Overwrite an existing baseline (drops its notes)."),
    config_path: Optional[str] = typer.Option(None, "--config", "-c"), model: Optional[str] = typer.Option(None, "--model"),
    select: Optional[List[str]] = typer.Option(None, "--select"), ignore: Optional[List[str]] = typer.Option(None, "--ignore"),
    pack: Optional[List[str]] = typer.Option(None, "--pack"), exclude: Optional[List[str]] = typer.Option(None, "--exclude"),
    text_field: Optional[str] = typer.Option(None, "--text-field"), id_field: Optional[str] = typer.Option(None, "--id-field"),
    platform: Optional[str] = typer.Option(None, "--platform"),
) -> None:
    """Record every current finding in FILE (fingerprints only: no text, no line numbers)."""
    _write_baseline(False, file, paths, config_path, model, select, ignore, pack, exclude, text_field, id_field,
                    platform, force)


@baseline_app.command("update")
def baseline_update(
    file: Path = _BASELINE_FILE, paths: List[str] = _BASELINE_PATHS,
    config_path: Optional[str] = typer.Option(None, "--config", "-c"), model: Optional[str] = typer.Option(None, "--model"),
    select: Optional[List[str]] = typer.Option(None, "--select"), ignore: Optional[List[str]] = typer.Option(None, "--ignore"),
    pack: Optional[List[str]] = typer.Option(None, "--pack"), exclude: Optional[List[str]] = typer.Option(None, "--exclude"),
    text_field: Optional[str] = typer.Option(None, "--text-field"), id_field: Optional[str] = typer.Option(None, "--id-field"),
    platform: Optional[str] = typer.Option(None, "--platform"),
) -> None:
    """Re-check PATHS: add new findings, drop fixed ones, keep reviewer notes and entries for other files."""
    _write_baseline(True, file, paths, config_path, model, select, ignore, pack, exclude, text_field, id_field,
                    platform)


@app.command("server")
def server_command(
    idle_timeout: str = typer.Option("15m", "--idle-timeout", help="Stop after this long without requests (900, 900s, 15m, 1h)."),
    socket_path: Optional[Path] = typer.Option(None, "--socket", help="Socket path (default: in the user runtime folder)."),
    stop: bool = typer.Option(False, "--stop", help="Stop the running server."),
    status: bool = typer.Option(False, "--status", help="Say whether a server is running."),
) -> None:
    """Run the warm local server behind `check --server` (usually started on demand; see docs/speed.md)."""
    from policylint import server as srv

    try:
        seconds = srv.parse_duration(idle_timeout)
        path = socket_path or srv.socket_path(os.environ)
    except ValueError:
        raise UsageError(f"bad --idle-timeout {idle_timeout!r} (use 900, 900s, 15m or 1h)") from None
    if stop:
        sys.stdout.write(f"stopped the server on {path}\n" if srv.stop_server(path) else f"no server on {path}\n")
        return
    if status:
        info = srv.server_status(path)
        if info is None:
            sys.stdout.write(f"no server on {path}\n")
            raise typer.Exit(1)
        sys.stdout.write(f"server pid {info.get('pid')} on {path}: {info.get('served')} requests served, "
                         f"stops after {info.get('idle_timeout')} s idle\n")
        return
    try:
        raise typer.Exit(srv.serve(path, idle_timeout=seconds))
    except (srv.ServerError, OSError) as error:
        raise UsageError(f"server: {error}") from None


@app.command()
def version() -> None:
    """Print the version."""
    sys.stdout.write(f"policylint {__version__}\n")


def _vendored_click_errors() -> tuple[type[Exception], ...]:
    try:
        from typer._click import exceptions as vendored  # typer >= 0.20 ships its own copy of click
    except ImportError:
        return ()
    return (vendored.ClickException,)


def main(argv: Optional[List[str]] = None) -> int:
    import click

    args = list(argv) if argv is not None else sys.argv[1:]
    from policylint.launch import wanted

    if wanted(args, os.environ):
        from policylint.server import client_check

        served = client_check(args, environ=os.environ)     # None: no server could answer; check here
        if served is not None:
            return served
    try:
        code = app(args=args, prog_name="policylint", standalone_mode=False)
        return int(code or 0)
    except UsageError as error:
        _err(str(error))
        return 2
    except click.exceptions.Exit as error:
        return int(error.exit_code)
    except (click.ClickException, *_vendored_click_errors()) as error:
        _err(" ".join(error.format_message().split()))      # one line, e.g. "No such option: --bogus"
        return 2
    except (click.exceptions.Abort, KeyboardInterrupt):
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # noqa: BLE001 - last line of defence: one line, no traceback, no draft text
        if os.environ.get("POLICYLINT_DEBUG"):
            raise
        _err(f"internal error ({type(error).__name__}); please report it with the command you ran "
             f"(rerun with POLICYLINT_DEBUG=1 for details)")
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
