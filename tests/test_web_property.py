"""Issue 12: a property test of the JSON API from its own OpenAPI document (schemathesis).

Schemathesis reads ``/openapi.json`` and generates requests for every operation: valid and
invalid seasons, names, classes, metrics, views, formats, limits. Whatever it sends, the API must
answer with a 2xx, a 304, or a 4xx in the one error shape, never a 500. Derandomised, so a run is
repeatable; the examples per operation are bounded to keep the suite fast (``bench/`` is the
place for longer runs: ``PITBOARD_API_EXAMPLES``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from pitboard.web import create_app

pytestmark = pytest.mark.full

EXAMPLES = int(os.environ.get("PITBOARD_API_EXAMPLES", "20"))
#: The claim checker reads a whole article per example: fewer of them.
EXAMPLES_BY_LABEL = {"POST /api/check": max(5, EXAMPLES // 4)}


@pytest.fixture(scope="module")
def api_schema(full_db: Path):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(full_db))


def _labels() -> list[str]:
    """The operations, read from the route table (the schema itself needs the database)."""
    from pitboard.web.app import ROUTES

    gets = ["GET /api" + (re.sub(r":\w+}", "}", path) if path != "/" else "") for path, *_ in ROUTES]
    return [*gets, "POST /api/check"]


@pytest.mark.parametrize("label", _labels())
def test_api_never_fails_with_a_server_error(api_schema, label: str) -> None:
    operations = {op.ok().label: op.ok() for op in api_schema.get_all_operations()}
    assert label in operations, sorted(operations)
    assert len(operations) == len(_labels()), "an API operation the property test does not cover"
    operation = operations[label]

    @given(operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_BY_LABEL.get(label, EXAMPLES),
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def check(case) -> None:
        response = case.call()
        assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.text[:300]}"
        if response.status_code >= 400:
            error = response.json()["error"]
            assert set(error) == {"status", "type", "message", "choices", "candidates"}
            assert error["status"] == response.status_code

    check()
