import logging
import threading
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError
from odoo.modules.registry import Registry

from ..lib.crew_client import CrewUnreachable, backoff_seconds
from ..lib.event_batches import merge_events, split_calls

_logger = logging.getLogger(__name__)

#: Tries before an event is left as failed (about 2 h of back-off: 30 s, 1 min, 2 min … 1 h).
MAX_ATTEMPTS = 8
#: Outbox rows taken per flush round.
ROWS_PER_ROUND = 500
#: Sent rows are kept this long for the record, then vacuumed.
KEEP_SENT_DAYS = 7


class McpCrewOutbox(models.Model):
    """Change notices waiting to be sent to MCP-Crew. Rows are written in the user's transaction (a plain
    insert, no network), and sent later by the scheduled action, or right after the commit by a background
    thread, so an unreachable MCP-Crew never slows or fails the user's save."""

    _name = "mcp.crew.outbox"
    _description = "MCP-Crew change event"
    _order = "id desc"

    res_model = fields.Char("Model", required=True, readonly=True)
    res_ids = fields.Json("Record ids", required=True, readonly=True)
    operation = fields.Selection([("create", "Create"), ("write", "Write"), ("unlink", "Delete")], required=True, readonly=True)
    state = fields.Selection([("pending", "Pending"), ("sent", "Sent"), ("failed", "Failed")], default="pending", required=True, index=True, readonly=True)
    attempts = fields.Integer(readonly=True)
    next_attempt_at = fields.Datetime("Next attempt", readonly=True)
    sent_at = fields.Datetime("Sent", readonly=True)
    last_error = fields.Char("Last error", readonly=True)

    # -- queueing (called from the product and stock hooks) --------------------------------------------------
    @api.model
    def _enqueue(self, model, ids, operation):
        ids = [i for i in ids if isinstance(i, int)]
        if not ids:
            return
        connection = self.env["mcp.crew.connection"]
        settings = connection._settings()
        if not settings["events_enabled"] or not connection._is_configured(settings):
            return
        self.sudo().create({"res_model": model, "res_ids": ids, "operation": operation})
        self._schedule_flush()

    @api.model
    def _schedule_flush(self):
        cr = self.env.cr
        if cr.postcommit.data.get("mcp_crew.flush_scheduled"):
            return
        cr.postcommit.data["mcp_crew.flush_scheduled"] = True
        cron = self.env.ref("mcp_crew_connector.ir_cron_mcp_crew_outbox", raise_if_not_found=False)
        if cron:
            cron.sudo()._trigger()
        # Servers often run without cron threads (or with a long poll interval): send right after the commit
        # from a background thread as well. Both paths lock the rows they take, so nothing is sent twice.
        if not _testing(self.env):
            cr.postcommit.add(lambda dbname=cr.dbname: _flush_in_background(dbname))

    # -- sending ---------------------------------------------------------------------------------------------
    @api.model
    def _cron_flush(self):
        self._send_pending()

    @api.model
    def _send_pending(self, max_rounds=20):
        """Sends due pending rows in batches; returns the number of rows sent."""
        connection = self.env["mcp.crew.connection"]
        settings = connection._settings()
        if not connection._is_configured(settings):
            return 0
        client = connection._client(read_timeout=settings["events_timeout"], settings=settings)
        sent = 0
        for _round in range(max_rounds):
            rows = self._take_due_rows()
            if not rows:
                break
            sent += self._send(client, rows)
            # Each round is committed on its own when running outside a test, so a later failure keeps it.
            if not _testing(self.env):
                self.env.cr.commit()
        return sent

    def _take_due_rows(self):
        # Pending writes of the previous round must reach the table before it is queried in SQL.
        self.flush_model(["state", "next_attempt_at"])
        self.env.cr.execute(
            """SELECT id FROM mcp_crew_outbox
                WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= %s)
             ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED""",
            [fields.Datetime.now(), ROWS_PER_ROUND],
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    def _send(self, client, rows):
        events = merge_events([(row.res_model, row.res_ids, row.operation) for row in rows])
        try:
            for call in split_calls(events):
                response = client.send_events(call)
                if not response.ok:
                    return rows._record_failure(
                        "%s %s" % (response.status, response.error_code or ""), response.retryable, response.retry_after
                    )
        except CrewUnreachable as error:
            return rows._record_failure(str(error), True, None)
        # Events are idempotent, so a batch resent after a partial failure does no harm.
        rows.write({"state": "sent", "sent_at": fields.Datetime.now(), "last_error": False})
        return len(rows)

    def _record_failure(self, error, retryable, retry_after):
        now = fields.Datetime.now()
        for row in self:
            attempts = row.attempts + 1
            if retryable and attempts < MAX_ATTEMPTS:
                delay = backoff_seconds(attempts, retry_after)
                row.write({"attempts": attempts, "last_error": error[:250], "next_attempt_at": now + timedelta(seconds=delay)})
            else:
                row.write({"attempts": attempts, "last_error": error[:250], "state": "failed"})
        _logger.warning("MCP-Crew events not delivered (%s rows, retry=%s): %s", len(self), retryable, error)
        return 0

    def action_retry(self):
        """Puts failed rows back in the queue (from the outbox list)."""
        self.filtered(lambda r: r.state == "failed").write({"state": "pending", "attempts": 0, "next_attempt_at": False})
        self._schedule_flush()

    @api.autovacuum
    def _gc_sent(self):
        cutoff = fields.Datetime.now() - timedelta(days=KEEP_SENT_DAYS)
        self.sudo().search([("state", "=", "sent"), ("sent_at", "<", cutoff)]).unlink()


def _testing(env):
    """Inside Odoo's tests: no commits and no background threads (the test transaction is rolled back)."""
    return env.registry.in_test_mode() or getattr(threading.current_thread(), "testing", False)


def _flush_in_background(dbname):
    def run():
        try:
            with Registry(dbname).cursor() as cr:
                api.Environment(cr, SUPERUSER_ID, {})["mcp.crew.outbox"]._send_pending()
        except UserError:
            pass  # settings removed meanwhile: the rows wait for the scheduled action
        except Exception:
            _logger.exception("MCP-Crew outbox: background flush failed; the scheduled action will retry")

    threading.Thread(target=run, name="mcp-crew-outbox", daemon=True).start()
