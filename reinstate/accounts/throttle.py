"""Slowing down password guessing without locking anybody out.

Only failures count (a driver signing in and out all day costs nothing), and they slow the
next attempt down rather than block it: after a few free failures, each one doubles the wait
before the next attempt is even checked, up to a cap, and the count is forgotten a quarter of an
hour after the last failure (as Nextcloud does). Failures are counted per client address and
per user name. The name's wait is capped at half a minute, so somebody who types a driver's name
with wrong passwords can delay them a little but never lock them out; the address's grows to
five minutes, which is what stops one machine trying thousands of passwords.

The client address is the connection's, or, behind a proxy named in REINSTATE_TRUSTED_PROXIES,
the last address in X-Forwarded-For that is not one of those proxies: behind the documented
HTTPS proxy, every request otherwise comes from the proxy, and the whole site would share one
count.
"""

from __future__ import annotations

import hashlib
import ipaddress
import math
import time
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import ngettext

FORGET_AFTER_S = 15 * 60


@dataclass(frozen=True)
class Rule:
    name: str
    free: int  # failures before any wait
    cap_s: int  # the longest wait


BY_ADDRESS = Rule("address", free=10, cap_s=300)
BY_NAME = Rule("name", free=5, cap_s=30)
# New accounts from one address (every sign-up counts) and wrong organisation codes by one
# driver (codes are 32 bits: guessing them must stay slow).
SIGNUPS = Rule("signups", free=10, cap_s=600)
CODE_GUESSES = Rule("codes", free=5, cap_s=600)


def normalise_name(name: str) -> str:
    """One counter for "Dana", "dana " and "dana" typed in fullwidth letters."""
    return unicodedata.normalize("NFKC", name).strip().casefold()


def client_address(request: HttpRequest) -> str:
    remote = str(request.META.get("REMOTE_ADDR", ""))
    trusted = _trusted_proxies()
    if not trusted or not _within(remote, trusted):
        return remote
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        if not _within(hop, trusted):
            return hop
    return remote


def wait_seconds(scope: str, keys: dict[Rule, str], *, now: float | None = None) -> int:
    """How long before another attempt may be checked (0: now), the longest of the keys'."""
    now = time.time() if now is None else now
    longest = 0.0
    for rule, key in keys.items():
        failures, last = cache.get(_key(scope, rule, key), (0, 0.0))
        over = failures - rule.free
        if over >= 0:
            wait = min(float(rule.cap_s), 2.0**over)
            longest = max(longest, last + wait - now)
    return max(0, math.ceil(longest))


def record_failure(scope: str, keys: dict[Rule, str], *, now: float | None = None) -> None:
    now = time.time() if now is None else now
    for rule, key in keys.items():
        cache_key = _key(scope, rule, key)
        failures, _ = cache.get(cache_key, (0, 0.0))
        cache.set(cache_key, (failures + 1, now), FORGET_AFTER_S)


def forget(scope: str, rule: Rule, key: str) -> None:
    cache.delete(_key(scope, rule, key))


def _key(scope: str, rule: Rule, key: str) -> str:
    # The cache's keys are limited in length and characters: a hash stands for the value.
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"throttle:{scope}:{rule.name}:{digest}"


def _trusted_proxies() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    networks = []
    for entry in settings.TRUSTED_PROXIES:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            continue  # the settings check says which entry is wrong
    return networks


def _within(address: str, networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def wait_words(seconds: int) -> str:
    """How long to wait, in the reader's language: "1 second", "5 minutes"."""
    if seconds < 60:
        return ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
