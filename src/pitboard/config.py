"""Where pitboard keeps its database and finds the data: explicit argument, then environment
variable, then default.

* database: ``--db`` / ``db_path=`` → ``PITBOARD_DB`` → ``$XDG_DATA_HOME/pitboard/pitboard.duckdb``
  (``~/.local/share/pitboard/pitboard.duckdb``);
* data: ``DIR`` / ``data_dir=`` → ``PITBOARD_DATA`` → the bundled ``data/imsa`` of the checkout
  pitboard runs from (or of the current folder).
"""

from __future__ import annotations

import os
from pathlib import Path

#: The bundled data, relative to the repository root.
BUNDLED_DATA = Path("data") / "imsa"


def default_db_path() -> Path:
    """The database path when none is given: ``PITBOARD_DB`` or the user data folder."""
    env = os.environ.get("PITBOARD_DB")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "pitboard" / "pitboard.duckdb"


def default_data_dir() -> Path:
    """The data folder when none is given: ``PITBOARD_DATA``, else the bundled ``data/imsa``."""
    env = os.environ.get("PITBOARD_DATA")
    if env:
        return Path(env).expanduser()
    repo = Path(__file__).resolve().parents[2]  # src/pitboard/config.py → repository root
    for root in (Path.cwd(), repo):
        if (root / BUNDLED_DATA).is_dir():
            return root / BUNDLED_DATA
    return Path.cwd() / BUNDLED_DATA
