"""Unit tests of the HTTP client against the recording stand-in on loopback (plain unittest)."""

import socket
import unittest

from . import crew_signing
from .crew_client import CrewClient, CrewUnreachable, backoff_seconds
from .recording_server import RecordingServer

SECRET = "test-signing-secret-0123456789abcdef"


class CrewClientTest(unittest.TestCase):
    def setUp(self):
        self.crew = RecordingServer().start()
        self.addCleanup(self.crew.stop)

    def test_events_are_signed_over_the_exact_body(self):
        self.crew.reply(202, {"results": []})
        client = CrewClient(self.crew.url + "/", "demo", signing_secret=SECRET)
        response = client.send_events([{"model": "product.product", "ids": [7], "operation": "write"}])
        self.assertEqual(response.status, 202)
        sent = self.crew.requests[0]
        self.assertEqual((sent.method, sent.path), ("POST", "/odoo/demo/events"))
        self.assertTrue(crew_signing.verify(SECRET, sent.headers["x-crew-timestamp"], sent.body, sent.headers["x-crew-signature"]))
        self.assertNotIn("authorization", sent.headers)
        self.assertEqual(sent.json(), {"events": [{"model": "product.product", "ids": [7], "operation": "write"}]})

    def test_bearer_key_when_no_secret_and_path_prefix_kept(self):
        self.crew.reply(202, {"tracking_id": "t-1", "status": "queued"})
        client = CrewClient(self.crew.url + "/crew", "a tenant", api_key="key-0123456789")
        response = client.copilot({"message": "hola"}, wait=False)
        sent = self.crew.requests[0]
        self.assertEqual(sent.path, "/crew/odoo/a%20tenant/copilot?async=1")
        self.assertEqual(sent.headers["authorization"], "Bearer key-0123456789")
        self.assertEqual(response.data["tracking_id"], "t-1")
        self.assertEqual(client.auth_mode, "api_key")

    def test_error_body_and_retry_after_are_read(self):
        self.crew.reply(429, {"error": {"code": "RATE_LIMITED", "message": "slow down"}}, {"Retry-After": "7"})
        self.crew.reply(401, {"error": {"code": "AUTH_INVALID", "message": "no"}})
        client = CrewClient(self.crew.url, "demo", api_key="k")
        limited = client.copilot_job("abc/def")
        self.assertEqual((limited.status, limited.error_code, limited.retry_after, limited.retryable), (429, "RATE_LIMITED", 7, True))
        self.assertEqual(self.crew.requests[0].path, "/odoo/demo/copilot/jobs/abc%2Fdef")
        refused = client.health()
        self.assertEqual((refused.error_code, refused.retryable), ("AUTH_INVALID", False))
        self.assertNotIn("authorization", self.crew.requests[1].headers)

    def test_unreachable_names_the_host_but_no_secret(self):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        client = CrewClient("http://127.0.0.1:%d" % port, "demo", api_key="very-secret-key", connect_timeout=1)
        with self.assertRaises(CrewUnreachable) as caught:
            client.send_events([{"model": "product.product", "ids": [1], "operation": "write"}])
        self.assertIn("127.0.0.1", str(caught.exception))
        self.assertNotIn("very-secret-key", str(caught.exception))
        self.assertFalse(caught.exception.sent)

    def test_configuration_is_validated(self):
        for args in (("ftp://x", "t", "k"), ("", "t", "k"), ("http://x", "", "k"), ("http://x", "t", None)):
            with self.assertRaises(ValueError):
                CrewClient(args[0], args[1], api_key=args[2])

    def test_backoff_grows_is_capped_and_honours_retry_after(self):
        self.assertEqual([backoff_seconds(n) for n in (1, 2, 3)], [30, 60, 120])
        self.assertEqual(backoff_seconds(20), 3600)
        self.assertEqual(backoff_seconds(1, retry_after=90), 90)


if __name__ == "__main__":
    unittest.main()
