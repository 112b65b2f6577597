import json

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import API_KEY, CrewStandInMixin


@tagged("post_install", "-at_install")
class TestCopilotController(CrewStandInMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start_crew()
        cls.user = new_test_user(cls.env, login="mcp_copilot_user", groups="base.group_user,base.group_partner_manager", name="Laura Ventas", lang="en_US")
        cls.partner = cls.env["res.partner"].create({"name": "Deco Addict Test"})

    def setUp(self):
        super().setUp()
        self.configure(api_key=API_KEY)
        self.authenticate("mcp_copilot_user", "mcp_copilot_user")

    def rpc(self, route, **params):
        return self.make_jsonrpc_request(route, params)

    def answer(self, reply="Quotation S00042 is ready.", session_id=None, records=None):
        return {
            "reply": reply,
            "records": records if records is not None else [{"model": "res.partner", "id": self.partner.id, "display_name": "Deco Addict Test", "url": "http://x/odoo/res.partner/1"}],
            "session_id": session_id or "crew-session-1",
        }

    def test_ask_sends_the_user_and_record_on_screen_and_returns_links(self):
        self.crew.reply(200, self.answer(records=[
            {"model": "res.partner", "id": self.partner.id, "display_name": "Deco Addict Test"},
            {"model": "no.such.model", "id": 3, "display_name": "ignored"},
        ]))
        result = self.rpc("/mcp_crew/copilot/ask", message="crea una cotización", context={"model": "res.partner", "id": self.partner.id})
        self.assertEqual(result["status"], "done")
        self.assertEqual(result["message"]["text"], "Quotation S00042 is ready.")
        self.assertEqual(result["message"]["records"], [{"model": "res.partner", "id": self.partner.id, "display_name": "Deco Addict Test"}])

        sent = self.crew.requests[0]
        self.assertEqual((sent.method, sent.path), ("POST", "/odoo/demo/copilot"))
        self.assertEqual(sent.headers["authorization"], "Bearer " + API_KEY)
        body = sent.json()
        self.assertEqual(body["message"], "crea una cotización")
        self.assertEqual(body["context"], {"model": "res.partner", "id": self.partner.id})
        self.assertTrue(body["session_id"].startswith("odoo-%s-" % self.user.id))
        user = body["user"]
        self.assertEqual((user["id"], user["login"], user["name"], user["lang"]), (self.user.id, "mcp_copilot_user", "Laura Ventas", "en_US"))
        self.assertEqual(user["company"]["id"], self.user.company_id.id)
        self.assertIn("base.group_user", user["groups"])
        self.assertEqual(user["permissions"]["res.partner"], ["read", "create", "write", "unlink"])
        self.assertNotIn("write", user["permissions"]["product.product"])
        # The browser never sees the key.
        self.assertNotIn(API_KEY, json.dumps(result))

    def test_conversation_persists_in_the_session_and_reuses_the_crew_session(self):
        self.crew.reply(200, self.answer(session_id="crew-session-7"))
        self.crew.reply(200, self.answer(reply="Confirmed.", session_id="crew-session-7"))
        self.rpc("/mcp_crew/copilot/ask", message="crea una cotización")
        self.rpc("/mcp_crew/copilot/ask", message="sí, confírmala")
        self.assertEqual(self.crew.requests[1].json()["session_id"], "crew-session-7")
        history = self.rpc("/mcp_crew/copilot/history")
        self.assertEqual([m["role"] for m in history["messages"]], ["user", "assistant", "user", "assistant"])
        self.assertEqual(history["messages"][3]["text"], "Confirmed.")
        self.rpc("/mcp_crew/copilot/reset")
        self.assertEqual(self.rpc("/mcp_crew/copilot/history")["messages"], [])

    def test_long_work_is_followed_by_job_id(self):
        self.crew.reply(202, {"tracking_id": "job-1", "status": "processing"})
        self.crew.reply(200, {"tracking_id": "job-1", "status": "processing"})
        self.crew.reply(200, {"tracking_id": "job-1", "status": "completed", "output": self.answer(reply="Done at last.")})
        first = self.rpc("/mcp_crew/copilot/ask", message="informe largo")
        self.assertEqual(first, {"status": "pending", "tracking_id": "job-1"})
        self.assertEqual(self.rpc("/mcp_crew/copilot/history")["pending"], "job-1")
        # A new question waits for the running one.
        self.assertEqual(self.rpc("/mcp_crew/copilot/ask", message="otra")["status"], "error")
        self.assertEqual(self.rpc("/mcp_crew/copilot/job", tracking_id="job-1")["status"], "pending")
        done = self.rpc("/mcp_crew/copilot/job", tracking_id="job-1")
        self.assertEqual((done["status"], done["message"]["text"]), ("done", "Done at last."))
        self.assertEqual([r.path for r in self.crew.requests[1:]], ["/odoo/demo/copilot/jobs/job-1"] * 2)
        self.assertIsNone(self.rpc("/mcp_crew/copilot/history")["pending"])

    def test_only_the_sessions_own_job_can_be_followed(self):
        result = self.rpc("/mcp_crew/copilot/job", tracking_id="someone-elses-job")
        self.assertEqual(result["status"], "error")
        self.assertEqual(self.crew.requests, [])

    def test_refusals_and_outages_become_messages(self):
        self.crew.reply(401, {"error": {"code": "AUTH_INVALID", "message": "no"}})
        refused = self.rpc("/mcp_crew/copilot/ask", message="hola")
        self.assertEqual(refused["status"], "error")
        self.assertIn("AUTH_INVALID", refused["message"])
        self.crew.reply(500, {"error": {"code": "INTERNAL_ERROR", "message": "boom"}})
        self.assertIn("INTERNAL_ERROR", self.rpc("/mcp_crew/copilot/ask", message="hola")["message"])
        self.configure(api_key=API_KEY, url="http://127.0.0.1:9")
        with mute_logger("odoo.addons.mcp_crew_connector.controllers.copilot"):
            down = self.rpc("/mcp_crew/copilot/ask", message="hola")
        self.assertEqual(down["status"], "error")
        self.assertNotIn(API_KEY, json.dumps(down))

    def test_empty_message_and_unconfigured_connector(self):
        self.assertEqual(self.rpc("/mcp_crew/copilot/ask", message="  ")["status"], "error")
        self.configure()
        result = self.rpc("/mcp_crew/copilot/ask", message="hola")
        self.assertIn("not configured", result["message"])
        self.assertEqual(self.crew.requests, [])

    def test_routes_need_a_logged_in_user(self):
        self.logout()
        response = self.url_open("/mcp_crew/copilot/ask", data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": {"message": "hola"}}), headers={"Content-Type": "application/json"})
        self.assertIn("SessionExpired", response.text)
        self.assertEqual(self.crew.requests, [])
