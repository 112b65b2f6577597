"""A recording HTTP stand-in for MCP-Crew on loopback, for tests (no Odoo imports).

Answers from a queue of scripted responses (or a default one) and records every request: method, path,
headers and raw body, so tests can check exactly what the connector sent and verify its signature.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class RecordedRequest:
    def __init__(self, method, path, headers, body):
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body.decode("utf-8")) if self.body else None


class RecordingServer:
    """``with RecordingServer() as crew: crew.reply(200, {...}); … crew.requests``."""

    def __init__(self):
        self.requests = []
        self._script = []
        self._default = (200, {})
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                with server._lock:
                    server.requests.append(RecordedRequest(self.command, self.path, headers, body))
                    status, payload, extra = server._next()
                data = b"" if payload is None else json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in (extra or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _handle

            def log_message(self, *args):  # keep test output quiet
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self._server.server_address[:2]
        return "http://%s:%s" % (host, port)

    def reply(self, status, payload=None, headers=None):
        """Queues the answer to the next request (answers are used in order)."""
        with self._lock:
            self._script.append((status, payload, headers))
        return self

    def default(self, status, payload=None, headers=None):
        """The answer once the queue is empty."""
        self._default = (status, payload, headers)
        return self

    def _next(self):
        if self._script:
            return self._script.pop(0)
        status, payload, *rest = self._default
        return status, payload, rest[0] if rest else None

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
