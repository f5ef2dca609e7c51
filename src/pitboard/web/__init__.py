"""The web app and JSON API (``pitboard serve``): ``create_app(db_path)`` and ``serve``."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def create_app(db_path: str | Path | None = None) -> Any:
    """The FastAPI app over the database at ``db_path`` (see ``pitboard.web.app``)."""
    from pitboard.web.app import create_app as create

    return create(db_path)


def serve(
    host: str = "127.0.0.1", port: int = 8000, db_path: str | Path | None = None, *, log_level: str = "warning"
) -> None:
    """Run the app with uvicorn until interrupted. The socket is bound first, so the address
    printed is one that answers (a port in use is an error before anything is printed)."""
    import socket

    import uvicorn

    from pitboard.exceptions import InputError

    app = create_app(db_path)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}", []) from None
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    print(f"pitboard is serving on http://{shown}:{port}/  (Ctrl-C to stop)", flush=True)
    config = uvicorn.Config(app, log_level=log_level, access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
