"""A posted article runs under the per-document limit, and a slow one holds up no other write."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient

from sitrep.api.app import create_app
from sitrep.api.worker import shared_workers
from sitrep.config import Config
from tests.api.conftest import LOCAL, TOKEN, assert_error

SENTENCE = ("A column of armoured vehicles moved from Belgorod toward Kharkiv overnight, the "
            "regional governor said, and 40 soldiers were wounded near the border. ")
SMALL = ("Patrol report (time limit test).\n\nTwo frigates sailed from Sevastopol toward "
         "Novorossiysk on Tuesday, the navy said.")


@pytest.mark.slow
def test_a_slow_article_is_stopped_at_the_limit_while_a_small_one_is_answered(
        store_url: str) -> None:
    config = Config(doc_timeout_s=8)
    app = create_app(store_url, token=TOKEN, max_body_bytes=6 * 1024 * 1024, config=config)
    one_line = (SENTENCE * (5_000_000 // len(SENTENCE) + 1))[:5_000_000]  # 5 MB, no line break
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False,
                    headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        workers = shared_workers(config)
        workers.wait_ready()  # the limit counts from a loaded worker, as in a running server
        answers: dict[str, object] = {}

        def post_slow() -> None:
            answers["slow"] = c.post("/api/ingest", content=one_line.encode(),
                                     headers={"Content-Type": "text/plain"})

        slow = threading.Thread(target=post_slow)
        slow.start()
        for _ in range(600):  # until a worker has the slow article (polling, not timing)
            if workers.busy:
                break
            time.sleep(0.05)
        small = c.post("/api/ingest", json={"text": SMALL, "name": "time-limit-small"})
        assert small.status_code == 201, small.text
        assert slow.is_alive()  # the small article did not wait for the slow one
        slow.join(120)
        assert not slow.is_alive()
    err = assert_error(answers["slow"], 422)
    assert err["code"] == "document_timeout" and "8 s" in err["message"]
    assert small.json()["name"] == "time-limit-small"
