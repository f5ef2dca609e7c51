"""Issue 11: the library's layers point one way (import-linter contracts in pyproject.toml), and
SQL lives only in the query layer, the database handle, the export and the ingest."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "pitboard"
#: Where SQL may be written.
SQL_HOMES = ("queries/", "ingestion/", "db.py", "export.py", "schema.py")  # schema.py: the DDL it declares
SQL = re.compile(r"""["'(]\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|COPY|WITH)\s""")


def _lint_imports() -> subprocess.CompletedProcess[str]:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("import-linter is not installed: `pip install -e '.[dev]'`")
    return subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_import_contracts_are_kept() -> None:
    result = _lint_imports()
    assert result.returncode == 0, result.stdout[-3000:]
    assert "3 kept, 0 broken" in result.stdout


def test_no_sql_outside_the_query_layer() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith(SQL_HOMES) or rel in SQL_HOMES:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if SQL.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{rel}:{number}: {line.strip()}")
    assert not offenders, offenders
