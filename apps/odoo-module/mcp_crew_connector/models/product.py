from odoo import api, models


class McpCrewChangeHooks(models.AbstractModel):
    """Queues an MCP-Crew change event when a record is created, unlinked or written in one of
    ``_mcp_crew_fields``: the outbox insert is all that happens inside the user's transaction."""

    _name = "mcp.crew.change.hooks"
    _description = "MCP-Crew change hooks"

    #: Fields whose change matters to MCP-Crew's product search and answers.
    _mcp_crew_fields = frozenset()

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env["mcp.crew.outbox"]._enqueue(self._name, records.ids, "create")
        return records

    def write(self, vals):
        result = super().write(vals)
        if self._mcp_crew_fields.intersection(vals):
            self.env["mcp.crew.outbox"]._enqueue(self._name, self.ids, "write")
        return result

    def unlink(self):
        ids = self.ids
        result = super().unlink()
        self.env["mcp.crew.outbox"]._enqueue(self._name, ids, "unlink")
        return result


class ProductTemplate(models.Model):
    _name = "product.template"
    _inherit = ["product.template", "mcp.crew.change.hooks"]

    # Name, price, text, sale availability, archive.
    _mcp_crew_fields = frozenset(
        {"name", "list_price", "description", "description_sale", "sale_ok", "active", "default_code", "barcode", "categ_id"}
    )


class ProductProduct(models.Model):
    _name = "product.product"
    _inherit = ["product.product", "mcp.crew.change.hooks"]

    # Template fields written through a variant reach product.template.write, which reports them.
    _mcp_crew_fields = frozenset(
        {"active", "default_code", "barcode", "lst_price", "price_extra", "product_template_attribute_value_ids"}
    )
