from odoo import models


class StockMove(models.Model):
    _inherit = "stock.move"

    def _action_done(self, cancel_backorder=False):
        moves = super()._action_done(cancel_backorder=cancel_backorder)
        # MCP-Crew tags its cached stock figures with product ids, so a done move is reported as a change of
        # the products it moved.
        products = moves.filtered(lambda m: m.state == "done").product_id
        if products:
            self.env["mcp.crew.outbox"]._enqueue("product.product", products.ids, "write")
        return moves
