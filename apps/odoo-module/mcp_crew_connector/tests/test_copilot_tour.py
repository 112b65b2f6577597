import importlib.util
import shutil

from odoo.tests import HttpCase, tagged

from .common import API_KEY, CrewStandInMixin


@tagged("post_install", "-at_install")
class TestCopilotTour(CrewStandInMixin, HttpCase):
    """The panel in a real browser (skipped by Odoo when no Chrome/Chromium is installed)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start_crew()

    def test_panel_round_trip(self):
        # Checked here so that a machine without a browser skips quietly (Odoo itself logs a warning).
        if importlib.util.find_spec("websocket") is None:
            self.skipTest("browser tour needs the websocket-client Python package (python3-websocket)")
        if not any(shutil.which(b) for b in ("google-chrome", "chromium", "chromium-browser", "google-chrome-stable")):
            self.skipTest("browser tour needs Chrome or Chromium")
        self.configure(api_key=API_KEY)
        partner = self.env["res.partner"].create({"name": "S00042 Tour Customer"})
        self.crew.default(
            200,
            {"reply": "Quotation S00042 is ready.", "records": [{"model": "res.partner", "id": partner.id, "display_name": "S00042 Tour Customer"}], "session_id": "tour"},
        )
        self.start_tour("/odoo", "mcp_crew_copilot_tour", login="admin")
        self.assertEqual(self.crew.requests[0].json()["message"], "crea una cotización para Deco Addict")
