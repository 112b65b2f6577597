from datetime import timedelta

from odoo import fields
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from ..lib import crew_signing
from ..models.mcp_crew_outbox import MAX_ATTEMPTS
from .common import SECRET, CrewStandInMixin

LOGGER = "odoo.addons.mcp_crew_connector.models.mcp_crew_outbox"


@tagged("post_install", "-at_install")
class TestOutbox(CrewStandInMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start_crew()
        cls.Outbox = cls.env["mcp.crew.outbox"]
        cls.template = cls.env["product.template"].create({"name": "MCP Test Chair", "list_price": 100.0, "type": "consu", "is_storable": True})
        cls.product = cls.template.product_variant_id

    def setUp(self):
        super().setUp()
        self.configure(signing_secret=SECRET)
        self.Outbox.search([]).unlink()

    def pending(self):
        return self.Outbox.search([("state", "=", "pending")], order="id")

    def test_watched_product_changes_are_queued_not_sent(self):
        self.template.write({"list_price": 120.0})
        self.template.write({"name": "MCP Test Chair (new)"})
        self.template.action_archive()
        rows = self.pending()
        templates = rows.filtered(lambda r: r.res_model == "product.template")
        self.assertEqual(len(templates), 3)
        self.assertTrue(all(r.res_ids == [self.template.id] and r.operation == "write" for r in templates))
        # Archiving a template archives its variants, which are reported as well.
        self.assertEqual([(r.res_model, r.res_ids) for r in rows - templates], [("product.product", [self.product.id])])
        self.assertEqual(self.crew.requests, [], "nothing is sent inside the user's transaction")

    def test_unwatched_fields_and_unconfigured_or_disabled_connector_queue_nothing(self):
        self.template.write({"weight": 3.5})
        self.assertFalse(self.pending())
        self.configure(signing_secret=SECRET, events=False)
        self.template.write({"list_price": 130.0})
        self.assertFalse(self.pending())
        self.configure()  # no credentials
        self.template.write({"list_price": 140.0})
        self.assertFalse(self.pending())

    def test_create_and_unlink_are_queued(self):
        other = self.env["product.template"].create({"name": "MCP Test Lamp"})
        variant_id = other.product_variant_id.id
        template_id = other.id
        other.unlink()
        events = {(r.res_model, r.operation, tuple(r.res_ids)) for r in self.pending()}
        self.assertIn(("product.template", "create", (template_id,)), events)
        self.assertIn(("product.product", "create", (variant_id,)), events)
        self.assertIn(("product.template", "unlink", (template_id,)), events)

    def test_flush_sends_one_signed_batch_and_marks_rows_sent(self):
        self.template.write({"list_price": 150.0})
        self.template.write({"description_sale": "Ergonomic"})
        self.product.write({"default_code": "MCP-CHAIR"})
        self.crew.reply(202, {"results": []})
        self.assertEqual(self.Outbox._send_pending(), 3)
        self.assertEqual(len(self.crew.requests), 1)
        sent = self.crew.requests[0]
        self.assertEqual(sent.path, "/odoo/demo/events")
        self.assertTrue(crew_signing.verify(SECRET, sent.headers["x-crew-timestamp"], sent.body, sent.headers["x-crew-signature"]))
        self.assertEqual(
            sent.json(),
            {
                "events": [
                    {"model": "product.template", "ids": [self.template.id], "operation": "write"},
                    {"model": "product.product", "ids": [self.product.id], "operation": "write"},
                ]
            },
        )
        self.assertFalse(self.pending())
        self.assertEqual(set(self.Outbox.search([]).mapped("state")), {"sent"})

    @mute_logger(LOGGER)
    def test_server_errors_are_retried_with_backoff_then_given_up(self):
        self.template.write({"list_price": 160.0})
        row = self.pending()
        self.crew.reply(503, {"error": {"code": "UNAVAILABLE", "message": "down"}})
        self.assertEqual(self.Outbox._send_pending(), 0)
        self.assertEqual((row.state, row.attempts), ("pending", 1))
        self.assertIn("503", row.last_error)
        self.assertGreater(row.next_attempt_at, fields.Datetime.now())
        # Not due yet: a second flush leaves it alone.
        self.Outbox._send_pending()
        self.assertEqual(len(self.crew.requests), 1)
        row.write({"attempts": MAX_ATTEMPTS - 1, "next_attempt_at": fields.Datetime.now() - timedelta(seconds=1)})
        self.crew.reply(500, {})
        self.Outbox._send_pending()
        self.assertEqual((row.state, row.attempts), ("failed", MAX_ATTEMPTS))

    @mute_logger(LOGGER)
    def test_client_errors_fail_at_once_and_can_be_retried(self):
        self.template.write({"list_price": 170.0})
        row = self.pending()
        self.crew.reply(400, {"error": {"code": "REQUEST_INVALID", "message": "bad"}})
        self.Outbox._send_pending()
        self.assertEqual((row.state, row.last_error), ("failed", "400 REQUEST_INVALID"))
        row.action_retry()
        self.assertEqual((row.state, row.attempts), ("pending", 0))
        self.crew.reply(202, {})
        self.assertEqual(self.Outbox._send_pending(), 1)
        self.assertEqual(row.state, "sent")

    @mute_logger(LOGGER)
    def test_unreachable_crew_never_fails_the_save(self):
        self.configure(signing_secret=SECRET, url="http://127.0.0.1:9")  # discard port: connection refused
        self.template.write({"list_price": 180.0})
        self.assertEqual(self.template.list_price, 180.0)
        row = self.pending()
        self.assertEqual(len(row), 1)
        self.Outbox._cron_flush()
        self.assertEqual((row.state, row.attempts), ("pending", 1))
        self.assertIn("127.0.0.1:9", row.last_error)

    def test_done_stock_move_reports_its_products(self):
        stock = self.env.ref("stock.stock_location_stock")
        supplier = self.env.ref("stock.stock_location_suppliers")
        move = self.env["stock.move"].create(
            {
                "name": "MCP receipt",
                "product_id": self.product.id,
                "product_uom_qty": 2,
                "product_uom": self.product.uom_id.id,
                "location_id": supplier.id,
                "location_dest_id": stock.id,
            }
        )
        move._action_confirm()
        move._action_assign()
        move.quantity = 2
        move.picked = True
        self.Outbox.search([]).unlink()
        move._action_done()
        self.assertEqual(move.state, "done")
        rows = self.pending()
        self.assertEqual([(r.res_model, r.operation, r.res_ids) for r in rows], [("product.product", "write", [self.product.id])])

    def test_sent_rows_are_vacuumed_after_a_week(self):
        self.template.write({"list_price": 190.0})
        row = self.pending()
        row.write({"state": "sent", "sent_at": fields.Datetime.now() - timedelta(days=8)})
        self.Outbox._gc_sent()
        self.assertFalse(row.exists())
