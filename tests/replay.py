"""A geopy adapter that answers from recorded JSON and fails the test on any other request."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from email.message import Message
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import GeocoderTimedOut

RECORDED = Path(__file__).parent / "recorded" / "geocoder.json"
HOSTS = {"api.pdok.nl": "pdok", "nominatim.openstreetmap.org": "nominatim"}
REQUIRED = {"pdok": {"fq": ["type:adres"]}, "nominatim": {"countrycodes": ["nl"]}}


@dataclass
class Recorder:
    """What the adapter was asked; answers may be overridden per test as a list per query."""

    answers: dict[str, dict[str, list[dict[str, Any]]]] = field(
        default_factory=lambda: json.loads(RECORDED.read_text(encoding="utf-8"))
    )
    calls: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)

    def factory(self) -> Any:
        return partial(ReplayAdapter, recorder=self)

    def answer(self, url: str, headers: dict[str, str]) -> Any:
        parts = urlsplit(url)
        provider = HOSTS.get(parts.netloc)
        assert provider is not None, f"request to an unrecorded host: {url}"
        params = parse_qs(parts.query)
        for name, value in REQUIRED[provider].items():
            assert params.get(name) == value, f"{provider} request without {name}={value}: {url}"
        query = params["q"][0]
        self.calls.append((provider, query, headers))
        queue = self.answers.get(provider, {}).get(query)
        assert queue, f"no recorded answer for {provider} {query!r}"
        return queue.pop(0) if len(queue) > 1 else queue[0]


def _http_headers(headers: dict[str, str]) -> Message:
    """Case-insensitive headers, as real HTTP clients hand them to geopy."""
    message = Message()
    for name, value in headers.items():
        message[name] = value
    return message


class ReplayAdapter(BaseSyncAdapter):  # type: ignore[misc]
    def __init__(self, *, proxies: Any, ssl_context: Any, recorder: Recorder) -> None:
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.recorder = recorder

    def get_json(self, url: str, *, timeout: float, headers: dict[str, str]) -> Any:
        answer = self.recorder.answer(url, headers)
        if answer.get("timeout"):
            raise GeocoderTimedOut("Service timed out")
        if answer["status"] != 200:
            raise AdapterHTTPError(
                f"Non-successful status code {answer['status']}",
                status_code=answer["status"],
                headers=_http_headers(answer.get("headers", {})),
                text=json.dumps(answer.get("body", "")),
            )
        return answer["body"]

    def get_text(self, url: str, *, timeout: float, headers: dict[str, str]) -> str:
        raise AssertionError(f"unexpected text request: {url}")
