"""Shared fixtures: one spaCy pipeline per session, an Engine builder, an in-process CLI runner, and a
network block for every test (the linter must never need the network)."""
from __future__ import annotations

import ipaddress
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import pytest

from policylint.config import Config
from policylint.nlp import load_pipeline as _real_load_pipeline   # spaCy itself is imported lazily

ROOT = Path(__file__).resolve().parent.parent
RULES_DIR = ROOT / "rules"

# --------------------------------------------------------------------------------------------------------
# options: --run-slow and hypothesis profiles
# --------------------------------------------------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", default=False,
                     help="run tests marked slow and more hypothesis examples")


def pytest_configure(config: pytest.Config) -> None:
    # remembered pattern facts (policylint.facts) go to a folder of this test session, not the user's cache
    if "POLICYLINT_CACHE_DIR" not in os.environ:
        import tempfile

        os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="policylint-tests-")
    try:
        from hypothesis import HealthCheck, settings
    except ImportError:  # pragma: no cover - hypothesis is a dev dependency
        return
    common = dict(deadline=None, derandomize=False,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                         HealthCheck.data_too_large])
    settings.register_profile("policylint", max_examples=50, **common)
    settings.register_profile("policylint-slow", max_examples=500, **common)
    settings.load_profile("policylint-slow" if config.getoption("--run-slow") else "policylint")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: use --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


# --------------------------------------------------------------------------------------------------------
# no network, ever
# --------------------------------------------------------------------------------------------------------


class NetworkBlocked(RuntimeError):
    pass


def _is_local(address: Any, family: int | None) -> bool:
    if family == getattr(socket, "AF_UNIX", object()):
        return True
    if isinstance(address, (str, bytes)):          # AF_UNIX path
        return True
    if isinstance(address, tuple) and address:
        host = address[0]
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        if host in ("localhost", ""):
            return True
        try:
            return ipaddress.ip_address(str(host).split("%", 1)[0]).is_loopback
        except ValueError:
            return False
    return False


@pytest.fixture(autouse=True)
def _block_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every test runs with outbound sockets refused (loopback and AF_UNIX are allowed)."""
    attempts: list[Any] = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded_connect(self: socket.socket, address: Any) -> Any:
        if not _is_local(address, self.family):
            attempts.append(address)
            raise NetworkBlocked(f"network access attempted in a test: {address!r}")
        return real_connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> Any:
        if not _is_local(address, self.family):
            attempts.append(address)
            raise NetworkBlocked(f"network access attempted in a test: {address!r}")
        return real_connect_ex(self, address)

    real_create = socket.create_connection

    def guarded_create(address: Any, *args: Any, **kwargs: Any) -> Any:
        if not _is_local(address, None):
            attempts.append(address)
            raise NetworkBlocked(f"network access attempted in a test: {address!r}")
        return real_create(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "create_connection", guarded_create)
    return attempts


# --------------------------------------------------------------------------------------------------------
# spaCy, engines, checking text
# --------------------------------------------------------------------------------------------------------

_NLP: list[Any] = []


def shared_nlp() -> Any:
    """The spaCy pipeline, loaded once per test session."""
    if not _NLP:
        _NLP.append(_real_load_pipeline())
    return _NLP[0]


@pytest.fixture(scope="session")
def nlp() -> Any:
    return shared_nlp()


def build_engine(packs: Sequence[str] | None = None, config: Config | None = None, *,
                 select: Iterable[str] = (), ignore: Iterable[str] = (), base: Path | None = None) -> Any:
    """An Engine from pack names/paths (default: the config's packs) and a Config."""
    from policylint.engine import Engine, Selection
    from policylint.packs import load_packs

    config = config or Config()
    names = list(packs) if packs is not None else list(config.packs)
    loaded = load_packs(names, base=base or config.root)
    return Engine(loaded, config, Selection(tuple(select), tuple(ignore)))


@pytest.fixture
def make_engine() -> Callable[..., Any]:
    return build_engine


def check_documents(engine: Any, documents: Sequence[Any], nlp: Any | None = None) -> list[Any]:
    """Findings for documents (engine checks only; no suppressions)."""
    from policylint.analysis import analyze

    findings: list[Any] = []
    for analysis in analyze(list(documents), nlp or shared_nlp(), engine.context):
        findings.extend(engine.check(analysis))
    return findings


def check_text(engine: Any, text: str, *, path: str = "draft.txt", metadata: Any = None) -> list[Any]:
    from policylint.document import Document

    doc = Document(path=path, text=text, prose=text, metadata=dict(metadata or {}), directives=text)
    return check_documents(engine, [doc])


def positions(findings: Iterable[Any]) -> list[tuple[int, int, str]]:
    return sorted((f.line, f.column, f.code) for f in findings)


# --------------------------------------------------------------------------------------------------------
# the CLI, in process
# --------------------------------------------------------------------------------------------------------


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        import json

        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliResult]:
    """Run ``policylint.cli.main(argv)`` in this process; the default pipeline is the session's one."""
    import policylint.nlp as nlp_module
    from policylint.cli import main

    def cached_load(requested: str | None = None) -> Any:
        if requested is None:
            return shared_nlp()
        return _real_load_pipeline(requested)

    monkeypatch.setattr(nlp_module, "load_pipeline", cached_load)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("POLICYLINT_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")

    def run(*argv: str | os.PathLike[str], stdin: bytes | None = None) -> CliResult:
        capsys.readouterr()
        if stdin is not None:
            import io

            fake = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
            monkeypatch.setattr(sys, "stdin", fake)
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with a .git marker, so config discovery stops here."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def venv_python() -> str:
    return sys.executable
