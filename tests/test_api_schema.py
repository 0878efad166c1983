"""Property-based test of the API from its own OpenAPI schema: no 5xx, and every response
matches the schema it declares."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

import exonym
from exonym.api.app import create_app

app = create_app(exonym.load())
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_from_its_schema(case) -> None:
    # the whole world as TBX (80 MB, about 13 s on this machine, more under load) is a valid request
    response = case.call(timeout=180)
    assert response.status_code < 500, response.text
    case.validate_response(response, checks=[response_schema_conformance, status_code_conformance])
