from odoo import api, models

#: Fields whose change matters to MCP-Crew's product search and answers (name, price, text, sale availability, archive).
TEMPLATE_FIELDS = {"name", "list_price", "description", "description_sale", "sale_ok", "active", "default_code", "barcode", "categ_id"}
VARIANT_FIELDS = {"active", "default_code", "barcode", "lst_price", "price_extra", "product_template_attribute_value_ids"}


class ProductTemplate(models.Model):
    _inherit = "product.template"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env["mcp.crew.outbox"]._enqueue(self._name, records.ids, "create")
        return records

    def write(self, vals):
        result = super().write(vals)
        if TEMPLATE_FIELDS.intersection(vals):
            self.env["mcp.crew.outbox"]._enqueue(self._name, self.ids, "write")
        return result

    def unlink(self):
        ids = self.ids
        result = super().unlink()
        self.env["mcp.crew.outbox"]._enqueue(self._name, ids, "unlink")
        return result


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env["mcp.crew.outbox"]._enqueue(self._name, records.ids, "create")
        return records

    def write(self, vals):
        result = super().write(vals)
        # Template fields written through a variant reach product.template.write, which reports them.
        if VARIANT_FIELDS.intersection(vals):
            self.env["mcp.crew.outbox"]._enqueue(self._name, self.ids, "write")
        return result

    def unlink(self):
        ids = self.ids
        result = super().unlink()
        self.env["mcp.crew.outbox"]._enqueue(self._name, ids, "unlink")
        return result
