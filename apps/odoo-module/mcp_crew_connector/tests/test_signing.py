from odoo.tests import TransactionCase, tagged

from ..lib import crew_signing
from ..lib.crew_client import CrewClient
from .common import SECRET, CrewStandInMixin

# The vector the orchestrator's verifier spec also checks (apps/orchestrator/src/odoo-api/odoo-module-signing.spec.ts).
BODY = '{"events":[{"model":"product.product","ids":[7],"operation":"write"}]}'
EXPECTED = "sha256=e0b93c2d06f9869bed617f385bb13d5cb277c8ac469c4c06dd8e29c3d42fb5e2"


@tagged("post_install", "-at_install")
class TestSigning(CrewStandInMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start_crew()

    def test_signature_matches_the_shared_vector(self):
        self.assertEqual(crew_signing.signature(SECRET, 1700000000, BODY), EXPECTED)

    def test_client_from_settings_signs_when_a_secret_is_set(self):
        self.configure(signing_secret=SECRET, api_key="unused-key-0123456789")
        client = self.env["mcp.crew.connection"]._client()
        self.assertEqual(client.auth_mode, "hmac")
        self.crew.reply(202, {"results": []})
        client.send_events([{"model": "product.product", "ids": [7], "operation": "write"}])
        sent = self.crew.requests[0]
        self.assertTrue(crew_signing.verify(SECRET, sent.headers["x-crew-timestamp"], sent.body, sent.headers["x-crew-signature"]))
        self.assertNotIn("authorization", sent.headers)

    def test_bearer_key_without_a_secret(self):
        self.configure(api_key="bearer-key-0123456789")
        client = self.env["mcp.crew.connection"]._client()
        self.assertEqual(client.auth_mode, "api_key")
        client.health()
        self.assertNotIn("authorization", self.crew.requests[0].headers)  # /health is public
        client.copilot_job("x")
        self.assertEqual(self.crew.requests[1].headers["authorization"], "Bearer bearer-key-0123456789")

    def test_client_refuses_incomplete_settings(self):
        from odoo.exceptions import UserError

        self.configure()
        with self.assertRaises(UserError):
            self.env["mcp.crew.connection"]._client()
        self.assertIsInstance(CrewClient(self.crew.url, "demo", api_key="k"), CrewClient)
