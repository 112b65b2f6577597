from . import crew_connection, mcp_crew_outbox, product, res_config_settings, stock_move
