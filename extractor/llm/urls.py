"""Endpoint URLs as they may be shown: a password in `user:pw@host` never reaches a message."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def without_password(url: str) -> str:
    """`url` with the password of its user part masked (`http://me:***@host/v1`), else as is."""
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:  # a malformed port or host: show no user part at all
        return url.rpartition("@")[2] if "@" in url else url
    if password is None:
        return url
    user, _, host = parts.netloc.rpartition("@")
    name = user.partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{name}:***@{host}"))
