from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import API_KEY, SECRET, CrewStandInMixin


@tagged("post_install", "-at_install")
class TestSettings(CrewStandInMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start_crew()
        cls.salesman = new_test_user(cls.env, login="mcp_salesman", groups="base.group_user")

    def save_settings(self, **values):
        settings = self.env["res.config.settings"].create(
            {
                "mcp_crew_base_url": self.crew.url,
                "mcp_crew_tenant_id": "demo",
                "mcp_crew_api_key": API_KEY,
                "mcp_crew_copilot_timeout": 40,
                **values,
            }
        )
        settings.execute()
        return settings

    def test_settings_are_stored_as_system_parameters(self):
        self.save_settings(mcp_crew_signing_secret=SECRET, mcp_crew_events_enabled=False)
        stored = self.env["mcp.crew.connection"]._settings()
        self.assertEqual(
            {k: stored[k] for k in ("base_url", "tenant_id", "api_key", "signing_secret", "copilot_timeout", "events_enabled")},
            {"base_url": self.crew.url, "tenant_id": "demo", "api_key": API_KEY, "signing_secret": SECRET, "copilot_timeout": 40, "events_enabled": False},
        )
        self.assertEqual(stored["connect_timeout"], 5)

    def test_only_administrators_can_read_the_secrets(self):
        self.save_settings()
        with self.assertRaises(AccessError):
            self.env["ir.config_parameter"].with_user(self.salesman).search([("key", "=", "mcp_crew_connector.api_key")]).read(["value"])
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.salesman).create({})
        field = self.env["res.config.settings"]._fields["mcp_crew_api_key"]
        self.assertEqual(field.groups, "base.group_system")

    def test_connection_check_reports_each_step(self):
        self.crew.reply(200, {"status": "ok"})
        self.crew.reply(404, {"error": {"code": "JOB_NOT_FOUND", "message": "no copilot job"}})
        action = self.save_settings().action_mcp_crew_test_connection()
        params = action["params"]
        self.assertEqual(params["type"], "success", params["message"])
        self.assertEqual(str(params["message"]).count("✓"), 3)
        self.assertEqual([r.path for r in self.crew.requests], ["/health", "/odoo/demo/copilot/jobs/connection-test"])
        self.assertEqual(self.crew.requests[1].headers["authorization"], "Bearer " + API_KEY)

    def test_connection_check_names_refused_credentials_without_the_key(self):
        self.crew.reply(200, {"status": "ok"})
        self.crew.reply(401, {"error": {"code": "AUTH_INVALID", "message": 'the credentials are not valid for tenant "demo"'}})
        params = self.save_settings().action_mcp_crew_test_connection()["params"]
        self.assertEqual(params["type"], "danger")
        self.assertIn("AUTH_INVALID", params["message"])
        self.assertNotIn(API_KEY, params["message"])

    def test_connection_check_when_unreachable_or_unconfigured(self):
        checks = self.env["mcp.crew.connection"]._check_connection(
            dict(self.env["mcp.crew.connection"]._settings(), base_url="http://127.0.0.1:9", tenant_id="demo", api_key=API_KEY)
        )
        self.assertEqual([(c[0], c[1]) for c in checks], [("Settings", True), ("Reachable", False)])
        checks = self.env["mcp.crew.connection"]._check_connection(dict(self.env["mcp.crew.connection"]._settings(), base_url=""))
        self.assertEqual([(c[0], c[1]) for c in checks], [("Settings", False)])
