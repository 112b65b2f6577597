"""HMAC request signing for MCP-Crew's Odoo API (no Odoo imports).

MCP-Crew verifies ``X-Crew-Signature: sha256=<hex>`` where the hex is
``HMAC-SHA256(signing_secret, "{X-Crew-Timestamp}.{raw body}")`` over the exact bytes sent, and refuses
timestamps more than 300 s away from its clock (``apps/orchestrator/src/odoo-api/odoo-auth.ts``).
"""

import hashlib
import hmac
import time

TIMESTAMP_HEADER = "X-Crew-Timestamp"
SIGNATURE_HEADER = "X-Crew-Signature"


def _as_bytes(value):
    if isinstance(value, bytes):
        return value
    if value is None:
        return b""
    return str(value).encode("utf-8")


def signature(secret, timestamp, body):
    """``sha256=<hex>`` for ``body`` (bytes or str; ``None`` = empty body) sent at ``timestamp`` (epoch seconds)."""
    if not secret:
        raise ValueError("a signing secret is required")
    message = _as_bytes(str(int(timestamp))) + b"." + _as_bytes(body)
    digest = hmac.new(_as_bytes(secret), message, hashlib.sha256).hexdigest()
    return "sha256=" + digest


def signed_headers(secret, body, now=None):
    """The two headers that sign ``body``; a new timestamp per call, so every retry is signed afresh."""
    timestamp = int(time.time() if now is None else now)
    return {TIMESTAMP_HEADER: str(timestamp), SIGNATURE_HEADER: signature(secret, timestamp, body)}


def verify(secret, timestamp, body, presented, now=None, max_age=300):
    """True when ``presented`` signs ``body`` at ``timestamp`` within ``max_age`` seconds (used by tests and stand-ins)."""
    try:
        ts = int(timestamp)
    except (TypeError, ValueError):
        return False
    current = time.time() if now is None else now
    if abs(current - ts) > max_age:
        return False
    return hmac.compare_digest(signature(secret, ts, body), presented or "")
