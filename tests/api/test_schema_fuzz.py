"""Property-based requests generated from the OpenAPI spec (schemathesis): none gets a 500."""

from __future__ import annotations

from collections import Counter

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from sitrep.api.app import create_app  # noqa: E402
from tests.api.conftest import TOKEN  # noqa: E402


@pytest.mark.slow
def test_no_generated_request_gets_a_server_error(store_url: str) -> None:
    # the schemathesis pytest plugin does not load under pytest 9, so each operation's
    # strategy is driven by hypothesis directly
    app = create_app(store_url, token=TOKEN, max_body_bytes=20_000)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    statuses: Counter[int] = Counter()
    for op in operations:

        @given(case=op.as_strategy())
        @settings(max_examples=60, deadline=None, database=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))
        def check(case) -> None:  # type: ignore[no-untyped-def]
            resp = case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"},
                                          checks=[not_a_server_error])
            statuses[resp.status_code] += 1

        check()
    assert len(operations) >= 14
    # the generated requests reached the handlers, reads and writes alike
    assert statuses[200] and statuses[201]
