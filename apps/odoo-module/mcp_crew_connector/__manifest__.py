{
    "name": "MCP-Crew Connector",
    "summary": "In-ERP copilot backed by MCP-Crew, and product/stock change events for MCP-Crew's catalogue",
    "description": """
MCP-Crew Connector
==================
* A copilot in the top bar: Odoo users ask MCP-Crew's internal-operations crew to look things up and act in
  Odoo (quotations, leads, ...); replies link to the records it touched.
* Change events: product and stock changes are queued in an outbox and sent to MCP-Crew, batched and signed,
  by a scheduled action with retries, so MCP-Crew's product search stays current.
* Settings -> MCP-Crew (administrators only): URL, tenant, API key or signing secret, timeouts, Test connection.
""",
    "version": "18.0.1.0.0",
    "category": "Productivity",
    "author": "MCP-Crew",
    "website": "https://github.com/mcp-crew/mcp-crew",
    "license": "LGPL-3",
    "depends": ["base_setup", "web", "product", "stock"],
    "data": [
        "security/ir.model.access.csv",
        "data/ir_cron.xml",
        "views/mcp_crew_outbox_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "mcp_crew_connector/static/src/copilot/copilot_helpers.js",
            "mcp_crew_connector/static/src/copilot/copilot_panel.js",
            "mcp_crew_connector/static/src/copilot/copilot_panel.xml",
            "mcp_crew_connector/static/src/copilot/copilot_panel.scss",
        ],
        "web.assets_tests": [
            "mcp_crew_connector/static/tests/tours/copilot_tour.js",
        ],
    },
    "installable": True,
    "application": False,
}
