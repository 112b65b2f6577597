# Pure-Python helpers of the MCP-Crew connector: no Odoo imports, so they are unit-tested without an Odoo
# server (`python3 -m unittest discover -s lib -p 'test_*.py'` from the module folder, and by the repository's CI).
