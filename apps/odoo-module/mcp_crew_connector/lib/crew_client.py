"""A small HTTP client for MCP-Crew's Odoo API (no Odoo imports).

Built on the standard library's ``http.client`` rather than ``requests`` so that it runs (and is unit-tested)
on any Python 3 without Odoo's dependencies, and because it needs separate connect and read timeouts.
"""

import http.client
import json
import socket
import ssl
from urllib.parse import quote, urlsplit

from . import crew_signing

USER_AGENT = "mcp-crew-connector/1.0 (Odoo)"


class CrewUnreachable(Exception):
    """No HTTP response: DNS, connection refused, TLS or timeout. ``sent`` tells whether the request may have arrived."""

    def __init__(self, message, sent=False):
        super().__init__(message)
        self.sent = sent


class CrewResponse:
    """An HTTP answer of MCP-Crew: status, decoded JSON body (or None) and the error code it carries, if any."""

    def __init__(self, status, data, headers):
        self.status = status
        self.data = data
        self.headers = headers

    @property
    def ok(self):
        return 200 <= self.status < 300

    @property
    def error_code(self):
        error = self.data.get("error") if isinstance(self.data, dict) else None
        return error.get("code") if isinstance(error, dict) else None

    @property
    def error_message(self):
        error = self.data.get("error") if isinstance(self.data, dict) else None
        return error.get("message") if isinstance(error, dict) else None

    @property
    def retry_after(self):
        """Seconds from a ``Retry-After`` header (None when absent or not a number)."""
        value = self.headers.get("retry-after")
        try:
            return max(0, int(value)) if value is not None else None
        except ValueError:
            return None

    @property
    def retryable(self):
        """Only overload and server failures are worth another try; 4xx would fail the same way again."""
        return self.status == 429 or self.status >= 500


def backoff_seconds(attempt, retry_after=None, base=30, cap=3600):
    """Delay before try number ``attempt + 1`` (attempt counts from 1): 30 s, 60 s, 120 s… capped, or Retry-After if longer."""
    delay = min(cap, base * (2 ** max(0, attempt - 1)))
    return max(delay, retry_after or 0)


class CrewClient:
    """Calls ``{base_url}/odoo/{tenant}/…`` signed with the HMAC secret when set, else with the bearer API key."""

    def __init__(self, base_url, tenant_id, api_key=None, signing_secret=None, connect_timeout=5.0, read_timeout=30.0):
        parts = urlsplit((base_url or "").strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("the MCP-Crew URL must be an absolute http(s) URL, such as https://crew.example.com")
        if not tenant_id:
            raise ValueError("the MCP-Crew tenant id is required")
        if not api_key and not signing_secret:
            raise ValueError("an MCP-Crew API key or signing secret is required")
        self._parts = parts
        self._prefix = parts.path.rstrip("/")
        self.tenant_id = tenant_id
        self._api_key = api_key
        self._signing_secret = signing_secret
        self.connect_timeout = float(connect_timeout)
        self.read_timeout = float(read_timeout)

    @property
    def auth_mode(self):
        return "hmac" if self._signing_secret else "api_key"

    def tenant_path(self, suffix):
        return "/odoo/%s/%s" % (quote(self.tenant_id, safe=""), suffix.lstrip("/"))

    # -- the API --------------------------------------------------------------------------------------------
    def health(self):
        return self.request("GET", "/health", authenticate=False)

    def copilot(self, payload, wait=True):
        """POST the copilot request; 200 carries the answer, 202 a ``tracking_id`` to poll (always 202 when ``wait`` is False)."""
        return self.request("POST", self.tenant_path("copilot" if wait else "copilot?async=1"), payload)

    def copilot_job(self, tracking_id):
        return self.request("GET", self.tenant_path("copilot/jobs/" + quote(str(tracking_id), safe="")))

    def send_events(self, events):
        """POST a batch ``{"events": [{"model", "ids", "operation"}, …]}``."""
        return self.request("POST", self.tenant_path("events"), {"events": events})

    # -- transport ------------------------------------------------------------------------------------------
    def request(self, method, path, payload=None, authenticate=True):
        body = b"" if payload is None else json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        if payload is not None:
            headers["Content-Type"] = "application/json"
        if authenticate:
            headers.update(self._auth_headers(body))
        return self._send(method, self._prefix + path, body, headers)

    def _auth_headers(self, body):
        if self._signing_secret:
            return crew_signing.signed_headers(self._signing_secret, body)
        return {"Authorization": "Bearer " + self._api_key}

    def _send(self, method, path, body, headers):
        parts = self._parts
        if parts.scheme == "https":
            conn = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=self.connect_timeout, context=ssl.create_default_context())
        else:
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=self.connect_timeout)
        sent = False
        try:
            conn.connect()
            # The connect timeout covers the handshake only; the answer may take as long as the read timeout.
            conn.sock.settimeout(self.read_timeout)
            sent = True
            conn.request(method, path, body=body or None, headers=headers)
            raw = conn.getresponse()
            content = raw.read()
            response_headers = {k.lower(): v for k, v in raw.getheaders()}
            return CrewResponse(raw.status, _decode(content), response_headers)
        except (OSError, http.client.HTTPException, socket.timeout) as error:
            # The message names the host and the failure, never headers or secrets.
            raise CrewUnreachable("%s %s://%s: %s" % (method, parts.scheme, parts.netloc, error.__class__.__name__ + (": %s" % error if str(error) else "")), sent=sent) from None
        finally:
            conn.close()


def _decode(content):
    if not content:
        return None
    try:
        return json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
