from markupsafe import Markup

from odoo import _, fields, models

SECRET_GROUP = "base.group_system"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    mcp_crew_base_url = fields.Char("MCP-Crew URL", config_parameter="mcp_crew_connector.base_url", groups=SECRET_GROUP)
    mcp_crew_tenant_id = fields.Char("Tenant id", config_parameter="mcp_crew_connector.tenant_id", groups=SECRET_GROUP)
    mcp_crew_api_key = fields.Char("API key", config_parameter="mcp_crew_connector.api_key", groups=SECRET_GROUP)
    mcp_crew_signing_secret = fields.Char("Signing secret", config_parameter="mcp_crew_connector.signing_secret", groups=SECRET_GROUP)
    mcp_crew_connect_timeout = fields.Integer("Connect timeout (s)", config_parameter="mcp_crew_connector.connect_timeout", default=5, groups=SECRET_GROUP)
    mcp_crew_copilot_timeout = fields.Integer("Copilot timeout (s)", config_parameter="mcp_crew_connector.copilot_timeout", default=30, groups=SECRET_GROUP)
    mcp_crew_events_timeout = fields.Integer("Events timeout (s)", config_parameter="mcp_crew_connector.events_timeout", default=10, groups=SECRET_GROUP)
    # Not a config_parameter field: Odoo deletes the parameter of an unticked box, which would read back as
    # the default (on); "False" is stored explicitly instead.
    mcp_crew_events_enabled = fields.Boolean("Send change events", default=True, groups=SECRET_GROUP)

    def get_values(self):
        values = super().get_values()
        values["mcp_crew_events_enabled"] = self.env["mcp.crew.connection"]._settings()["events_enabled"]
        return values

    def set_values(self):
        super().set_values()
        self.env["ir.config_parameter"].sudo().set_param("mcp_crew_connector.events_enabled", str(bool(self.mcp_crew_events_enabled)))

    def action_mcp_crew_test_connection(self):
        """Saves the settings, then reports each check (settings, reachability, credentials) in a notification."""
        self.ensure_one()
        self.execute()
        connection = self.env["mcp.crew.connection"]
        checks = connection._check_connection(connection._settings())
        ok = all(passed for _label, passed, _detail in checks)
        lines = ["%s %s: %s" % ("✓" if passed else "✗", label, detail) for label, passed, detail in checks]
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": _("MCP-Crew connection works") if ok else _("MCP-Crew connection failed"),
                "message": Markup("<br/>").join(lines),
                "type": "success" if ok else "danger",
                "sticky": not ok,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
