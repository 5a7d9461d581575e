"""No test may reach the network: prove the guard is on, for raw sockets and for HTTP."""

from __future__ import annotations

import socket
import urllib.request

import pytest
from pytest_socket import SocketBlockedError

# pytest-socket warns each time it blocks something; here that is the point.
pytestmark = pytest.mark.filterwarnings("ignore:A test tried to use socket:UserWarning")


def test_a_raw_socket_cannot_be_opened() -> None:
    with pytest.raises(SocketBlockedError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)  # TEST-NET-1, never routed


def test_an_http_request_cannot_be_made() -> None:
    with pytest.raises(SocketBlockedError):
        urllib.request.urlopen("http://192.0.2.1/", timeout=1)


def test_even_loopback_is_blocked_unless_a_test_asks_for_it() -> None:
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
