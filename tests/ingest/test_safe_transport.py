from __future__ import annotations

import ipaddress

import httpcore
import pytest

from storyline.ingest._safe_transport import refusal_reason, vetted_addresses


@pytest.mark.parametrize(
    "ip",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "fd00::7",
        "::ffff:127.0.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "100.64.0.1",
    ],
)
def test_refusal_reason_refuses_local_private_and_metadata_addresses(ip: str) -> None:
    assert refusal_reason(ipaddress.ip_address(ip), allow_private=False) is not None


@pytest.mark.parametrize("ip", ["93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8"])
def test_refusal_reason_allows_global_addresses(ip: str) -> None:
    assert refusal_reason(ipaddress.ip_address(ip), allow_private=False) is None


def test_refusal_reason_allow_private_lets_loopback_through_but_not_unspecified() -> None:
    assert refusal_reason(ipaddress.ip_address("127.0.0.1"), allow_private=True) is None
    assert refusal_reason(ipaddress.ip_address("::1"), allow_private=True) is None
    assert refusal_reason(ipaddress.ip_address("0.0.0.0"), allow_private=True) is not None


def test_vetted_addresses_refuses_a_host_when_any_resolved_address_is_private() -> None:
    def resolve(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.5"]

    with pytest.raises(httpcore.ConnectError, match=r"10\.0\.0\.5 is a private"):
        vetted_addresses("mixed.test", 80, allow_private=False, resolve=resolve)


def test_vetted_addresses_checks_ip_literals_without_resolving() -> None:
    def resolve(host: str, port: int) -> list[str]:
        raise AssertionError("an IP literal must not be resolved")

    with pytest.raises(httpcore.ConnectError, match="loopback"):
        vetted_addresses("[::1]", 80, allow_private=False, resolve=resolve)
    assert vetted_addresses("8.8.8.8", 80, allow_private=False, resolve=resolve) == ["8.8.8.8"]
