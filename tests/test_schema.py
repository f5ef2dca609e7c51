"""schema.py is the one declaration: the database, the docs and the code all follow it."""

from __future__ import annotations

import ast

import pitboard
from conftest import ROOT
from pitboard.schema import TABLES, markdown_reference


def test_every_column_is_described_and_typed() -> None:
    for table in TABLES:
        assert table.description
        for column in table.columns:
            assert column.description.strip(), (table.name, column.name)
        assert set(table.key) <= set(table.column_names), table.name


def test_database_tables_match_the_schema(pb: pitboard.Pitboard) -> None:
    for table in TABLES:
        rows = pb.db.rows(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table.name],
        )
        assert [r[0] for r in rows] == table.column_names, table.name


def test_docs_schema_reference_is_current() -> None:
    assert (ROOT / "docs" / "schema.md").read_text(encoding="utf-8") == markdown_reference() + "\n"


def test_sql_lives_in_the_query_layer_and_ingest_only() -> None:
    """The CLI and the API call the library; only queries.py, db.py, export.py and the ingest
    run SQL (STYLE.md principle 1)."""
    allowed = {"db.py", "export.py"}
    for path in (ROOT / "src" / "pitboard").rglob("*.py"):
        rel = path.relative_to(ROOT / "src" / "pitboard")
        if rel.parts[0] in ("ingestion", "queries") or rel.name in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                assert "duckdb" not in names, f"{rel} imports duckdb"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value.upper()
                assert not ("SELECT " in text and " FROM " in text), f"{rel} contains SQL"
