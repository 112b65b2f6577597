import copy
import logging
import re
import secrets
from datetime import datetime, timezone

from odoo import _, http
from odoo.exceptions import UserError
from odoo.http import request

from ..lib.crew_client import CrewUnreachable

_logger = logging.getLogger(__name__)

SESSION_KEY = "mcp_crew_copilot"
HISTORY_LIMIT = 40
MAX_MESSAGE = 8000
MODEL_NAME = re.compile(r"^[a-z_][a-z0-9_.]*$")
#: The models the crew's tools read or write; the user's own rights on them go with every request.
PERMISSION_MODELS = ("res.partner", "product.product", "sale.order", "crm.lead", "stock.quant", "calendar.event", "account.move", "helpdesk.ticket")
OPERATIONS = ("read", "create", "write", "unlink")


class CopilotController(http.Controller):
    """The copilot panel's routes. The browser talks to Odoo only; Odoo calls MCP-Crew with the key it keeps."""

    @http.route("/mcp_crew/copilot/history", type="json", auth="user", methods=["POST"])
    def history(self):
        state = _session_state()
        return {"messages": state["messages"], "pending": state.get("pending")}

    @http.route("/mcp_crew/copilot/reset", type="json", auth="user", methods=["POST"])
    def reset(self):
        request.session[SESSION_KEY] = _new_state()
        return {"messages": []}

    @http.route("/mcp_crew/copilot/ask", type="json", auth="user", methods=["POST"])
    def ask(self, message, context=None):
        text = (message or "").strip() if isinstance(message, str) else ""
        if not text:
            return {"status": "error", "message": _("Write a message first.")}
        if len(text) > MAX_MESSAGE:
            return {"status": "error", "message": _("The message is too long (at most %s characters).", MAX_MESSAGE)}
        state = _session_state()
        if state.get("pending"):
            return {"status": "error", "message": _("The copilot is still working on your previous request.")}
        _append(state, {"role": "user", "text": text})
        payload = {"user": _user_identity(), "message": text, "session_id": state["session_id"]}
        record = _record_on_screen(context)
        if record:
            payload["context"] = record
        try:
            client = request.env["mcp.crew.connection"]._client()
            response = _post_once_retrying_connect(client, payload)
        except UserError as error:
            return _fail(state, error.args[0])
        except CrewUnreachable as error:
            _logger.info("MCP-Crew copilot unreachable: %s", error)
            return _fail(state, _("MCP-Crew cannot be reached right now. Try again in a moment."))
        return _handle(state, response)

    @http.route("/mcp_crew/copilot/job", type="json", auth="user", methods=["POST"])
    def job(self, tracking_id):
        state = _session_state()
        # Only the job this session started can be followed, so one user cannot read another user's answer.
        if not tracking_id or state.get("pending") != tracking_id:
            return {"status": "error", "message": _("This request is not pending in your session.")}
        try:
            client = request.env["mcp.crew.connection"]._client()
            response = client.copilot_job(tracking_id)
        except UserError as error:
            return _fail(state, error.args[0])
        except CrewUnreachable:
            return {"status": "pending", "tracking_id": tracking_id}
        if response.status == 200 and isinstance(response.data, dict):
            status = response.data.get("status")
            if status == "completed":
                state["pending"] = None
                return _answer(state, response.data.get("output") or {})
            if status == "failed":
                state["pending"] = None
                error = response.data.get("error") or {}
                return _fail(state, _("MCP-Crew could not complete the request (%s).", error.get("code") or "failed"))
            return {"status": "pending", "tracking_id": tracking_id}
        if response.retryable:
            return {"status": "pending", "tracking_id": tracking_id}
        state["pending"] = None
        return _fail(state, _("MCP-Crew lost track of the request (%s).", response.error_code or response.status))


def _post_once_retrying_connect(client, payload):
    """A copilot request may create records, so it is retried only when it never left this server."""
    try:
        return client.copilot(payload)
    except CrewUnreachable as error:
        if error.sent:
            raise
        return client.copilot(payload)


def _handle(state, response):
    if response.status == 200 and isinstance(response.data, dict):
        return _answer(state, response.data)
    if response.status == 202 and isinstance(response.data, dict) and response.data.get("tracking_id"):
        state["pending"] = response.data["tracking_id"]
        _save(state)
        return {"status": "pending", "tracking_id": state["pending"]}
    if response.status in (401, 403):
        return _fail(state, _("MCP-Crew refused this Odoo's credentials (%s). Ask an administrator to run Test connection in Settings → MCP-Crew.", response.error_code or response.status))
    if response.status == 429:
        return _fail(state, _("MCP-Crew is busy; try again in %s seconds.", response.retry_after or 60))
    return _fail(state, _("MCP-Crew could not answer (%s).", response.error_code or response.status))


def _answer(state, output):
    if output.get("session_id"):
        state["session_id"] = str(output["session_id"])[:128]
    records = [r for r in (_link(r) for r in output.get("records") or []) if r]
    message = {"role": "assistant", "text": str(output.get("reply") or ""), "records": records}
    _append(state, message)
    return {"status": "done", "message": message}


def _link(record):
    """A touched record the panel can open, if it names a model of this database and an integer id."""
    if not isinstance(record, dict):
        return None
    model, res_id = record.get("model"), record.get("id")
    if not isinstance(model, str) or model not in request.env or not isinstance(res_id, int) or res_id <= 0:
        return None
    return {"model": model, "id": res_id, "display_name": str(record.get("display_name") or "%s,%s" % (model, res_id))[:200]}


def _fail(state, text):
    _append(state, {"role": "error", "text": str(text)})
    return {"status": "error", "message": str(text)}


def _user_identity():
    user = request.env.user
    access = request.env["ir.model.access"]
    permissions = {}
    for model in PERMISSION_MODELS:
        if model in request.env:
            allowed = [op for op in OPERATIONS if access.check(model, op, raise_exception=False)]
            permissions[model] = allowed
    groups = sorted(x for x in user.groups_id.get_external_id().values() if x)
    return {
        "id": user.id,
        "name": user.name,
        "login": user.login,
        "lang": user.lang or "en_US",
        "company": {"id": user.company_id.id, "name": user.company_id.name},
        "permissions": permissions,
        "groups": groups[:300],
    }


def _record_on_screen(context):
    if not isinstance(context, dict):
        return None
    model, res_id = context.get("model"), context.get("id")
    if isinstance(model, str) and MODEL_NAME.match(model) and model in request.env and isinstance(res_id, int) and res_id > 0:
        return {"model": model, "id": res_id}
    return None


def _new_state():
    return {"uid": request.env.uid, "session_id": "odoo-%s-%s" % (request.env.uid, secrets.token_hex(12)), "messages": [], "pending": None}


def _session_state():
    # A copy: the session notices a change only when a different value is stored back (see _save).
    state = copy.deepcopy(request.session.get(SESSION_KEY))
    # A session that changed user (or an old format) starts a new conversation.
    if not isinstance(state, dict) or state.get("uid") != request.env.uid or not state.get("session_id"):
        state = _new_state()
        request.session[SESSION_KEY] = state
    return state


def _append(state, message):
    message["at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    state["messages"] = (state["messages"] + [message])[-HISTORY_LIMIT:]
    _save(state)


def _save(state):
    request.session[SESSION_KEY] = copy.deepcopy(state)
    request.session.is_dirty = True
