"""The ``policylint`` console command. ``check --server`` (or ``POLICYLINT_SERVER=1``) is handed to the warm
server before the CLI and its dependencies are imported, so a pre-commit check through the server costs
little more than starting Python; everything else goes to :func:`policylint.cli.main`."""
from __future__ import annotations

import os
import sys
from typing import Mapping, Sequence


def wanted(args: Sequence[str], environ: Mapping[str, str]) -> bool:
    """``check`` with ``--server``, or with ``POLICYLINT_SERVER=1`` and no ``--no-server``."""
    if list(args[:1]) != ["check"] or "--no-server" in args:
        return False
    return "--server" in args or environ.get("POLICYLINT_SERVER", "").lower() in ("1", "true", "yes")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if wanted(args, os.environ):
        from policylint.server import client_check

        try:
            served = client_check(args, environ=os.environ)
        except BrokenPipeError:
            return 0
        if served is not None:
            return served
        args = args[:1] + ["--no-server"] + args[1:]        # no server could answer: check in this process
    from policylint.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
