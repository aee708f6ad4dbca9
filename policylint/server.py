"""``policylint server``: a warm local process, so that a pre-commit check of one file answers at once.

The server keeps the spaCy pipeline and the engines (packs parsed, matchers compiled) in memory and runs
exactly the command line a client sends (``policylint.cli.main``: same code path, same findings, same
report, same exit code) in the client's working directory with the client's environment.

- **Started on demand** by ``policylint check --server`` (or ``POLICYLINT_SERVER=1``): the client connects;
  when nothing answers it starts ``policylint server`` in the background and waits for it. If the server
  cannot be started or used, the client checks in its own process, as without ``--server``.
- **Unix socket, owner only**: ``$XDG_RUNTIME_DIR/policylint/`` (else ``$XDG_CACHE_HOME/policylint/``, else
  ``~/.cache/policylint/``; ``$POLICYLINT_SERVER_DIR`` overrides), folder 0700, socket 0600, one socket per
  installation (Python executable and policylint version). Peers with another uid are refused.
- **One server per socket**: the server holds an exclusive lock on ``<socket>.lock`` while it lives, so a
  socket file nobody listens on (a server that was killed) is recognised as stale and replaced, and two
  clients starting at once start one server.
- **Stops itself** after ``--idle-timeout`` (default 15 minutes) without requests, when its socket file is
  removed or replaced, or when the installed policylint changes (a client with other code asks it to go).
- Requests are served one at a time, in arrival order; concurrent clients wait their turn.
"""
from __future__ import annotations

import errno
import json
import os
import socket
import struct
import sys
import time
from pathlib import Path
from typing import Any, Mapping, Sequence

from policylint.launch import wanted  # noqa: F401 - part of this module's interface

PROTOCOL = 1
DEFAULT_IDLE = 15 * 60
START_TIMEOUT = 120.0           # seconds a client waits for a server it started (model load on a busy box)
MAX_FRAME = 512 * 1024 * 1024


class ServerError(Exception):
    pass


# ------------------------------------------------------------------------------------------------------
# where
# ------------------------------------------------------------------------------------------------------

def runtime_dir(environ: Mapping[str, str]) -> Path:
    explicit = environ.get("POLICYLINT_SERVER_DIR")
    if explicit:
        return Path(explicit)
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        return Path(runtime) / "policylint"
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "policylint"


def socket_path(environ: Mapping[str, str]) -> Path:
    """The socket of this installation's server (short enough for AF_UNIX, else under /tmp)."""
    import hashlib

    from policylint import __version__

    tag = hashlib.blake2b(f"{os.path.realpath(sys.executable)}\0{__version__}\0{Path(__file__).resolve().parent}"
                          .encode(), digest_size=6).hexdigest()
    path = runtime_dir(environ) / f"server-{tag}.sock"
    if len(os.fsencode(path)) > 100:
        path = Path("/tmp") / f"policylint-{os.getuid()}" / f"server-{tag}.sock"
    return path


def _private_dir(folder: Path) -> None:
    """Create ``folder`` 0700, or check that an existing one is ours and not open to others."""
    try:
        folder.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        pass
    st = os.lstat(folder)
    import stat

    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid():
        raise ServerError(f"{folder} is not a folder owned by this user")
    if st.st_mode & 0o077:
        try:
            os.chmod(folder, 0o700)
        except OSError:
            raise ServerError(f"{folder} is open to other users") from None


# ------------------------------------------------------------------------------------------------------
# framing: 4-byte length + JSON
# ------------------------------------------------------------------------------------------------------

def send_frame(sock: socket.socket, message: Any) -> None:
    data = json.dumps(message, ensure_ascii=True).encode("ascii")
    sock.sendall(struct.pack(">I", len(data)) + data)


def _recv_exact(sock: socket.socket, size: int) -> bytes:
    chunks = []
    while size:
        chunk = sock.recv(min(size, 1 << 20))
        if not chunk:
            raise ConnectionError("connection closed")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def recv_frame(sock: socket.socket) -> Any:
    (size,) = struct.unpack(">I", _recv_exact(sock, 4))
    if size > MAX_FRAME:
        raise ConnectionError("frame too large")
    return json.loads(_recv_exact(sock, size).decode("ascii"))


# ------------------------------------------------------------------------------------------------------
# client
# ------------------------------------------------------------------------------------------------------

def _connect(path: Path, timeout: float | None) -> socket.socket | None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(str(path))
    except (FileNotFoundError, ConnectionRefusedError, socket.timeout, OSError):
        sock.close()
        return None
    return sock


def _server_alive(path: Path) -> bool:
    """True if a server holds the socket's lock (running or starting)."""
    import fcntl

    try:
        fd = os.open(str(path) + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return True
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)
    return False


def start_server(path: Path, environ: Mapping[str, str], *, idle_timeout: float = DEFAULT_IDLE) -> None:
    """Start ``policylint server`` detached from this process (its output goes to ``server.log``)."""
    import subprocess

    env = {k: v for k, v in environ.items() if k != "POLICYLINT_SERVER"}
    log = path.parent / "server.log"
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        subprocess.Popen([sys.executable, "-m", "policylint", "server", "--socket", str(path),
                          "--idle-timeout", str(idle_timeout)], stdin=subprocess.DEVNULL,
                         stdout=fd, stderr=fd, env=env, start_new_session=True, close_fds=True)
    finally:
        os.close(fd)


def ensure_server(path: Path, environ: Mapping[str, str], *, start: bool = True,
                  wait: float = START_TIMEOUT) -> socket.socket | None:
    """A connection to a live server: the running one, or one started now (stale sockets are replaced)."""
    sock = _connect(path, None)
    if sock is not None or not start:
        return sock
    _private_dir(path.parent)
    if not _server_alive(path):
        try:
            path.unlink()                  # stale: nobody holds the lock, nobody listens
        except FileNotFoundError:
            pass
        start_server(path, environ, idle_timeout=_idle_from_env(environ))
    deadline = time.monotonic() + wait
    delay = 0.02
    while time.monotonic() < deadline:
        sock = _connect(path, None)
        if sock is not None:
            return sock
        time.sleep(delay)
        delay = min(delay * 1.5, 0.25)
    return None


def _idle_from_env(environ: Mapping[str, str]) -> float:
    try:
        return parse_duration(environ.get("POLICYLINT_SERVER_IDLE", "") or str(DEFAULT_IDLE))
    except ValueError:
        return DEFAULT_IDLE


def client_check(args: Sequence[str], *, environ: Mapping[str, str], stdin: Any = None, stdout: Any = None,
                 stderr: Any = None) -> int | None:
    """Run ``policylint <args>`` in the server; None when no server could answer (then check locally)."""
    from policylint.cache import code_fingerprint

    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    stderr = sys.stderr if stderr is None else stderr
    argv = [a for a in args if a not in ("--server", "--no-server")]
    data = None
    if "-" in argv[1:]:
        try:
            raw = stdin.buffer.read() if stdin is not None else None
        except (OSError, ValueError, AttributeError):
            raw = None
        if raw is not None:
            import base64

            data = base64.b64encode(raw).decode("ascii")
    request = {"protocol": PROTOCOL, "argv": argv, "cwd": os.getcwd(), "env": dict(environ), "stdin": data,
               "stdout_tty": bool(getattr(stdout, "isatty", lambda: False)()), "code": code_fingerprint()}
    try:
        path = socket_path(environ)
    except Exception:  # noqa: BLE001
        return None
    for attempt in range(2):
        try:
            sock = ensure_server(path, environ)
        except (OSError, ServerError):
            return None
        if sock is None:
            return None
        try:
            with sock:
                send_frame(sock, request)
                reply = recv_frame(sock)
        except (OSError, ConnectionError, ValueError):
            return None
        if reply.get("restart") and attempt == 0:
            _wait_gone(path)
            continue                      # the server had other code: it stopped; start a fresh one
        if "exit" not in reply:
            return None
        if data is None and "-" in argv[1:] and reply.get("needs_stdin"):
            return None
        stdout.write(reply.get("stdout", ""))
        stdout.flush()
        stderr.write(reply.get("stderr", ""))
        stderr.flush()
        return int(reply["exit"])
    return None


def _wait_gone(path: Path, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _server_alive(path):
        time.sleep(0.05)


def stop_server(path: Path) -> bool:
    sock = _connect(path, 5.0)
    if sock is None:
        return False
    try:
        with sock:
            send_frame(sock, {"protocol": PROTOCOL, "stop": True})
            recv_frame(sock)
    except (OSError, ConnectionError, ValueError):
        return False
    _wait_gone(path)
    return True


def server_status(path: Path) -> dict[str, Any] | None:
    sock = _connect(path, 5.0)
    if sock is None:
        return None
    try:
        with sock:
            send_frame(sock, {"protocol": PROTOCOL, "ping": True})
            return dict(recv_frame(sock))
    except (OSError, ConnectionError, ValueError):
        return None


def parse_duration(text: str) -> float:
    """``900``, ``900s``, ``15m``, ``1h`` -> seconds."""
    value = text.strip().lower()
    scale = 1.0
    if value and value[-1] in "smh":
        scale = {"s": 1.0, "m": 60.0, "h": 3600.0}[value[-1]]
        value = value[:-1]
    seconds = float(value) * scale
    if seconds <= 0:
        raise ValueError("must be positive")
    return seconds


# ------------------------------------------------------------------------------------------------------
# server
# ------------------------------------------------------------------------------------------------------

class _Capture:
    """A text stream that remembers what was written; ``isatty`` answers as the client's terminal."""

    def __init__(self, tty: bool) -> None:
        import io

        self._buffer = io.StringIO()
        self._tty = tty

    def write(self, text: str) -> int:
        return self._buffer.write(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return self._tty

    def getvalue(self) -> str:
        return self._buffer.getvalue()


class Warm:
    """What the server keeps between requests: pipelines by requested name and engines by their inputs.

    An engine is reused only while every pack file it was built from is unchanged (SHA-256)."""

    MAX_ENGINES = 8

    def __init__(self) -> None:
        self.pipelines: dict[str | None, Any] = {}
        self.engines: dict[str, tuple[Any, list[tuple[Path, str]] | None]] = {}

    def load_pipeline(self, real: Any, requested: str | None = None) -> Any:
        if requested not in self.pipelines:
            self.pipelines[requested] = real(requested)
        return self.pipelines[requested]

    def build_engine(self, real: Any, config: Any, selection: Any, extra_packs: Sequence[str] = ()) -> Any:
        from policylint.cache import _digest, _sha256_file, pack_files

        key = _digest(repr(config), repr(selection), tuple(extra_packs), os.getcwd())
        known = self.engines.get(key)
        if known is not None:
            engine, files = known
            if files is not None and all(_sha256_file(p) == d for p, d in files):
                return engine
        engine = real(config, selection, extra_packs)
        paths = pack_files(engine)
        files = None
        if paths is not None:
            digests = [(p, _sha256_file(p)) for p in paths]
            files = None if any(d is None for _, d in digests) else [(p, str(d)) for p, d in digests]
        if len(self.engines) >= self.MAX_ENGINES:
            self.engines.pop(next(iter(self.engines)))
        self.engines[key] = (engine, files)
        return engine


class Server:
    def __init__(self, path: Path, *, idle_timeout: float = DEFAULT_IDLE) -> None:
        self.path = path
        self.idle_timeout = idle_timeout
        self.warm = Warm()
        self.code = ""
        self._lock_fd: int | None = None
        self._sock: socket.socket | None = None
        self._inode: tuple[int, int] | None = None
        self._stop = False
        self.served = 0

    # -- life cycle -------------------------------------------------------------------------------------
    def acquire(self) -> bool:
        """Take the socket's lock and bind; False if another server holds it."""
        import fcntl

        _private_dir(self.path.parent)
        fd = os.open(str(self.path) + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._lock_fd = fd
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)
        try:
            sock.bind(str(self.path))
        finally:
            os.umask(old)
        os.chmod(self.path, 0o600)
        sock.listen(64)
        st = os.stat(self.path)
        self._inode = (st.st_dev, st.st_ino)
        self._sock = sock
        return True

    def install(self) -> None:
        """Route the CLI's pipeline and engine construction through the warm cache (this process only)."""
        import policylint.memo as memo_module
        import policylint.nlp as nlp_module
        import policylint.runner as runner_module
        from policylint.cache import code_fingerprint

        real_load, real_build = nlp_module.load_pipeline, runner_module.build_engine

        def load_pipeline(requested: str | None = None) -> Any:
            return self.warm.load_pipeline(real_load, requested)

        def build_engine(config: Any, selection: Any, extra_packs: Sequence[str] = ()) -> Any:
            return self.warm.build_engine(real_build, config, selection, extra_packs)

        nlp_module.load_pipeline = load_pipeline  # type: ignore[assignment]
        runner_module.build_engine = build_engine  # type: ignore[assignment]
        memo_module.CURRENT = memo_module.Memo()   # unchanged files are not read again (policylint.memo)
        self.code = code_fingerprint()

    def warm_up(self) -> None:
        """Load the default pipeline and the engine for the folder the server was started in."""
        try:
            from policylint.config import load_config
            from policylint.engine import Selection
            from policylint.nlp import load_pipeline
            from policylint.runner import build_engine

            load_pipeline(None)
            build_engine(load_config(), Selection(), ())
        except Exception as error:  # noqa: BLE001 - a request will report the real problem
            sys.stderr.write(f"policylint server: warm-up: {type(error).__name__}: {error}\n")

    def _still_ours(self) -> bool:
        try:
            st = os.stat(self.path)
        except OSError:
            return False
        return (st.st_dev, st.st_ino) == self._inode

    def serve(self) -> None:
        assert self._sock is not None
        last = time.monotonic()
        while not self._stop:
            remaining = self.idle_timeout - (time.monotonic() - last)
            if remaining <= 0 or not self._still_ours():
                break
            self._sock.settimeout(min(remaining, 5.0))
            try:
                conn, _ = self._sock.accept()
            except socket.timeout:
                continue
            except OSError as error:
                if error.errno == errno.EINTR:
                    continue
                break
            with conn:
                conn.settimeout(60.0)
                try:
                    self.handle(conn)
                except (OSError, ConnectionError, ValueError) as error:
                    sys.stderr.write(f"policylint server: request failed: {type(error).__name__}\n")
            last = time.monotonic()

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None
        if self._inode is not None and self._still_ours():
            try:
                self.path.unlink()
            except OSError:
                pass
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    # -- requests ---------------------------------------------------------------------------------------
    def _peer_ok(self, conn: socket.socket) -> bool:
        option = getattr(socket, "SO_PEERCRED", None)
        if option is None:
            return True                   # not Linux: the 0700 folder and 0600 socket still apply
        creds = conn.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
        _pid, uid, _gid = struct.unpack("3i", creds)
        return uid == os.getuid()

    def handle(self, conn: socket.socket) -> None:
        if not self._peer_ok(conn):
            return
        request = recv_frame(conn)
        if request.get("protocol") != PROTOCOL:
            send_frame(conn, {"restart": True})
            self._stop = True
            return
        if request.get("ping"):
            send_frame(conn, {"pid": os.getpid(), "served": self.served, "code": self.code,
                              "idle_timeout": self.idle_timeout})
            return
        if request.get("stop"):
            send_frame(conn, {"stopping": True})
            self._stop = True
            return
        if request.get("code") != self.code:
            send_frame(conn, {"restart": True})     # the installed policylint changed under us
            self._stop = True
            return
        send_frame(conn, self.run_request(request))
        self.served += 1

    def run_request(self, request: Mapping[str, Any]) -> dict[str, Any]:
        import io

        from policylint.cli import main

        argv = [a for a in request["argv"] if a not in ("--server", "--no-server")]
        env = {str(k): str(v) for k, v in dict(request.get("env") or {}).items()}
        env["POLICYLINT_SERVER"] = "0"
        out, err = _Capture(bool(request.get("stdout_tty"))), _Capture(False)
        raw = b""
        if request.get("stdin"):
            import base64

            raw = base64.b64decode(request["stdin"])
        saved_env = dict(os.environ)
        saved_cwd = os.getcwd()
        saved_streams = sys.stdin, sys.stdout, sys.stderr
        try:
            os.chdir(request["cwd"])
            os.environ.clear()
            os.environ.update(env)
            sys.stdin = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
            sys.stdout, sys.stderr = out, err  # type: ignore[assignment]
            try:
                code = main(argv)
            except SystemExit as error:          # pragma: no cover - main() returns codes
                code = int(error.code or 0) if not isinstance(error.code, str) else 2
        except OSError as error:
            return {"exit": 2, "stdout": "", "stderr": f"policylint: {request.get('cwd')}: {error.strerror}\n"}
        finally:
            sys.stdin, sys.stdout, sys.stderr = saved_streams
            os.environ.clear()
            os.environ.update(saved_env)
            try:
                os.chdir(saved_cwd)
            except OSError:
                pass
        return {"exit": code, "stdout": out.getvalue(), "stderr": err.getvalue()}


def serve(path: Path, *, idle_timeout: float = DEFAULT_IDLE, warm: bool = True) -> int:
    """Run a server on ``path`` until idle; 0 also when another server already owns the socket."""
    import signal

    server = Server(path, idle_timeout=idle_timeout)
    if not server.acquire():
        return 0
    previous = signal.getsignal(signal.SIGTERM)

    def on_term(signum: int, frame: Any) -> None:
        server._stop = True
        if server._sock is not None:
            server._sock.close()

    signal.signal(signal.SIGTERM, on_term)
    try:
        server.install()
        if warm:
            server.warm_up()
        server.serve()
    finally:
        server.close()
        signal.signal(signal.SIGTERM, previous)
    return 0
