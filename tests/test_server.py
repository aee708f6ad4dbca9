"""policylint server: same output as a cold check (formats, stdin, env, exit codes), started on demand,
stale sockets and killed servers replaced, one server for concurrent clients, owner-only socket, idle
stop, restart when the installed code changes, fallback to a local check."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from policylint import server as srv

EXE = str(Path(sys.executable).parent / "policylint")
DRAFTS = {
    "phi.txt": "Huge congratulations to Eleanor Vasquez, who rang our bell on Tuesday, May 6 after her last round "
               "of chemo! Call her at (555) 201-7788.\n",
    "advice.md": "---\nplatform: instagram\n---\nFlu season is here! Everyone 6 months and older should get a "
                 "flu shot every year. #FluSeason\n",
    "clean.txt": "Our new parking garage opens Monday.\n",
}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    root = tmp_path_factory.mktemp("srv")
    (root / "project" / ".git").mkdir(parents=True)
    for name, text in DRAFTS.items():
        (root / "project" / name).write_text(text)
    yield root
    env = _env(root)
    subprocess.run([EXE, "server", "--stop"], env=env, capture_output=True, timeout=60)
    for pid in _server_pids(root):                    # only servers of this test's socket folder
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def _env(root: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "POLICYLINT_SERVER", "GITHUB_ACTIONS",
                                                             "POLICYLINT_NO_CACHE")}
    env.update(POLICYLINT_SERVER_DIR=str(root / "run"), XDG_CACHE_HOME=str(root / "xdg"), NO_COLOR="1")
    env.update(extra)
    return env


def _server_pids(root: Path) -> list[int]:
    marker = str(root / "run").encode()
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if b"server\x00--socket\x00" + marker in cmdline:
                pids.append(int(entry))
    return pids


def run(root: Path, *args: str, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([EXE, *args], cwd=root / "project", env=_env(root, **env), input=stdin,
                          capture_output=True, timeout=600)


def status(root: Path) -> dict[str, Any] | None:
    return srv.server_status(srv.socket_path(_env(root)))


CASES = [
    ["check", "phi.txt", "advice.md", "clean.txt"],
    ["check", "--format", "json", "--no-mask", "phi.txt", "advice.md"],
    ["check", "--format", "json", "phi.txt"],
    ["check", "--fail-on", "warning", "clean.txt"],
    ["check", "--select", "PHI", "--show-suppressed", "phi.txt", "advice.md"],
    ["check", "missing.txt", "phi.txt"],
    ["check", "--format", "yaml", "phi.txt"],
]


@pytest.mark.parametrize("args", CASES)
def test_same_output_as_cold_check(home: Path, args: list[str]) -> None:
    cold = run(home, *args, "--no-cache")
    warm = run(home, *args, "--no-cache", "--server")
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)
    assert status(home) is not None


def test_env_variable_and_stdin_and_ci(home: Path) -> None:
    text = DRAFTS["phi.txt"].encode()
    cold = run(home, "check", "--no-cache", "--format", "json", "-", stdin=text, CI="true")
    warm = run(home, "check", "--no-cache", "--format", "json", "-", stdin=text, CI="true", POLICYLINT_SERVER="1")
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)
    assert b"Eleanor" not in warm.stdout                    # CI masks, in the server too
    unmasked = run(home, "check", "--no-cache", "--format", "json", "-", stdin=text, POLICYLINT_SERVER="1")
    assert b"Eleanor" in unmasked.stdout
    served = status(home)["served"]                         # type: ignore[index]
    run(home, "check", "--no-cache", "--no-server", "clean.txt", POLICYLINT_SERVER="1")
    assert status(home)["served"] == served                 # type: ignore[index]


def test_output_file_relative_to_client(home: Path) -> None:
    result = run(home, "check", "--server", "--format", "json", "-o", "out.json", "phi.txt")
    assert result.returncode == 1 and result.stdout == b""
    report = json.loads((home / "project" / "out.json").read_text())
    assert report["summary"]["documents"] == 1


def test_socket_is_owner_only(home: Path) -> None:
    run(home, "check", "--server", "clean.txt")
    path = srv.socket_path(_env(home))
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700


def test_killed_server_leaves_a_stale_socket_that_is_replaced(home: Path) -> None:
    run(home, "check", "--server", "clean.txt")
    before = status(home)
    assert before is not None
    os.kill(before["pid"], signal.SIGKILL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and before["pid"] in _server_pids(home):
        time.sleep(0.05)
    path = srv.socket_path(_env(home))
    assert path.exists() and status(home) is None            # the socket file outlived its server
    result = run(home, "check", "--server", "phi.txt")
    assert result.returncode == 1 and b"PHI" in result.stdout
    after = status(home)
    assert after is not None and after["pid"] != before["pid"]


def test_stale_socket_file_from_elsewhere(home: Path) -> None:
    run(home, "server", "--stop")
    path = srv.socket_path(_env(home))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()                                            # bound, never listening, file left behind
    result = run(home, "check", "--server", "clean.txt")
    assert result.returncode == 0 and status(home) is not None


def test_concurrent_clients_start_one_server(home: Path) -> None:
    run(home, "server", "--stop")
    assert status(home) is None
    argv = [EXE, "check", "--server", "--format", "json", "--no-mask", "phi.txt", "advice.md"]
    procs = [subprocess.Popen(argv, cwd=home / "project", env=_env(home), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(4)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [1] * 4
    assert len({o for o in outs}) == 1
    cold = run(home, "check", "--no-cache", "--format", "json", "--no-mask", "phi.txt", "advice.md")
    assert outs[0] == (cold.stdout, cold.stderr)
    deadline = time.monotonic() + 60                         # a second server, if started, gives up at once
    while time.monotonic() < deadline and len(_server_pids(home)) > 1:
        time.sleep(0.1)
    assert len(_server_pids(home)) == 1
    assert status(home)["served"] >= 4                      # type: ignore[index]


def test_client_with_other_code_restarts_server(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    run(home, "check", "--server", "clean.txt")
    before = status(home)
    assert before is not None
    monkeypatch.setattr("policylint.cache.code_fingerprint", lambda: "a different policylint")
    monkeypatch.chdir(home / "project")
    out, err = io.StringIO(), io.StringIO()
    code = srv.client_check(["check", "clean.txt"], environ=_env(home), stdout=out, stderr=err)
    assert code is None                       # the servers (old and new) do not run that code: check locally
    after = status(home)
    assert after is None or after["pid"] != before["pid"]


def test_idle_timeout_stops_the_server(home: Path) -> None:
    run(home, "server", "--stop")
    path = srv.socket_path(_env(home))
    proc = subprocess.Popen([EXE, "server", "--socket", str(path), "--idle-timeout", "1s"], cwd=home / "project",
                            env=_env(home), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert proc.wait(timeout=300) == 0
    assert not path.exists()


def test_second_server_on_the_same_socket_exits(home: Path) -> None:
    run(home, "check", "--server", "clean.txt")
    pid = status(home)["pid"]                                # type: ignore[index]
    path = srv.socket_path(_env(home))
    second = subprocess.run([EXE, "server", "--socket", str(path)], cwd=home / "project", env=_env(home),
                            capture_output=True, timeout=300)
    assert second.returncode == 0
    assert status(home)["pid"] == pid                        # type: ignore[index]


def test_stop(home: Path) -> None:
    run(home, "check", "--server", "clean.txt")
    assert b"stopped" in run(home, "server", "--stop").stdout
    assert status(home) is None
    assert run(home, "server", "--status").returncode == 1


def test_falls_back_to_a_local_check(home: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cold = run(home, "check", "--no-cache", "phi.txt")
    result = run(home, "check", "--server", "phi.txt", POLICYLINT_SERVER_DIR=str(blocker / "run"))
    assert (result.returncode, result.stdout) == (cold.returncode, cold.stdout)


def test_wanted() -> None:
    assert srv.wanted(["check", "--server", "a"], {})
    assert srv.wanted(["check", "a"], {"POLICYLINT_SERVER": "1"})
    assert not srv.wanted(["check", "--no-server", "a"], {"POLICYLINT_SERVER": "1"})
    assert not srv.wanted(["rules", "--server"], {})
    assert not srv.wanted(["check", "a"], {})


def test_durations() -> None:
    assert [srv.parse_duration(t) for t in ("900", "900s", "15m", "1h", "0.5")] == [900, 900, 900, 3600, 0.5]
    with pytest.raises(ValueError):
        srv.parse_duration("0")
    with pytest.raises(ValueError):
        srv.parse_duration("soon")


def test_private_dir_is_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir()
    folder.chmod(0o777)
    srv._private_dir(folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    link = tmp_path / "link"
    link.symlink_to(folder)
    with pytest.raises(srv.ServerError):
        srv._private_dir(link)
