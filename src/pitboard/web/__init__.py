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
    """Run the app with uvicorn until interrupted (prints its address first)."""
    import uvicorn

    app = create_app(db_path)
    print(f"pitboard is serving on http://{host}:{port}/  (Ctrl-C to stop)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
