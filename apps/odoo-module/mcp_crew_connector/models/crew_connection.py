from odoo import _, api, models
from odoo.exceptions import UserError

from ..lib.crew_client import CrewClient, CrewUnreachable

PARAM = "mcp_crew_connector.%s"

#: Defaults of the settings stored as system parameters (seconds for timeouts).
DEFAULTS = {
    "base_url": "",
    "tenant_id": "",
    "api_key": "",
    "signing_secret": "",
    "connect_timeout": 5,
    "copilot_timeout": 30,
    "events_timeout": 10,
    "events_enabled": True,
}


class McpCrewConnection(models.AbstractModel):
    """The connector's settings (system parameters, readable by administrators only) and its HTTP client."""

    _name = "mcp.crew.connection"
    _description = "MCP-Crew connection"

    @api.model
    def _settings(self):
        # sudo: the secrets live in ir.config_parameter, which only Settings administrators can read; the
        # values never leave the server (the copilot route uses them on the user's behalf).
        params = self.env["ir.config_parameter"].sudo()
        values = {}
        for key, default in DEFAULTS.items():
            raw = params.get_param(PARAM % key)
            if raw in (None, False, ""):
                values[key] = default
            elif isinstance(default, bool):
                values[key] = raw not in ("False", "0", "false")
            elif isinstance(default, int):
                try:
                    values[key] = max(1, int(raw))
                except ValueError:
                    values[key] = default
            else:
                values[key] = raw.strip()
        return values

    @api.model
    def _is_configured(self, settings=None):
        s = settings or self._settings()
        return bool(s["base_url"] and s["tenant_id"] and (s["api_key"] or s["signing_secret"]))

    @api.model
    def _client(self, read_timeout=None, settings=None):
        """A client for MCP-Crew, or a UserError naming what is missing in Settings → MCP-Crew."""
        s = settings or self._settings()
        if not self._is_configured(s):
            raise UserError(_("MCP-Crew is not configured: set its URL, tenant id and API key or signing secret in Settings → MCP-Crew."))
        try:
            return CrewClient(
                s["base_url"],
                s["tenant_id"],
                api_key=s["api_key"] or None,
                signing_secret=s["signing_secret"] or None,
                connect_timeout=s["connect_timeout"],
                read_timeout=read_timeout or s["copilot_timeout"],
            )
        except ValueError as error:
            raise UserError(_("MCP-Crew settings are invalid: %s", error)) from None

    @api.model
    def _check_connection(self, settings):
        """Each check of Test connection as ``(label, ok, detail)``; stops at the first failure that hides the next ones."""
        checks = []
        if not self._is_configured(settings):
            checks.append((_("Settings"), False, _("URL, tenant id and an API key or signing secret are required.")))
            return checks
        try:
            client = self._client(read_timeout=settings["events_timeout"], settings=settings)
        except UserError as error:
            checks.append((_("Settings"), False, str(error.args[0])))
            return checks
        checks.append((_("Settings"), True, _("authentication by %s", _("signature (HMAC)") if client.auth_mode == "hmac" else _("API key"))))
        try:
            health = client.health()
        except CrewUnreachable as error:
            checks.append((_("Reachable"), False, str(error)))
            return checks
        checks.append((_("Reachable"), health.status in (200, 503), _("GET /health answered %s", health.status)))
        # A job id that cannot exist: 404 JOB_NOT_FOUND proves the credentials were accepted, without side effects.
        try:
            probe = client.copilot_job("connection-test")
        except CrewUnreachable as error:
            checks.append((_("Credentials"), False, str(error)))
            return checks
        if probe.status == 404:
            checks.append((_("Credentials"), True, _("accepted for tenant %s", settings["tenant_id"])))
        else:
            detail = "%s %s" % (probe.status, probe.error_code or "")
            if probe.error_message:
                detail += ": " + probe.error_message
            checks.append((_("Credentials"), False, detail.strip()))
        return checks
