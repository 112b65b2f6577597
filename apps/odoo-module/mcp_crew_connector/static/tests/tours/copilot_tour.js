/** @odoo-module */
import { registry } from '@web/core/registry';

// Driven by tests/test_copilot_tour.py, whose MCP-Crew stand-in answers with quotation S00042 (the partner
// record open on screen is sent along).
registry.category('web_tour.tours').add('mcp_crew_copilot_tour', {
  steps: () => [
    { trigger: '.o_mcp_crew_copilot_toggle', run: 'click' },
    { trigger: '.o_mcp_crew_copilot_input', run: 'edit crea una cotización para Deco Addict' },
    { trigger: '.o_mcp_crew_copilot_send:enabled', run: 'click' },
    { trigger: '.o_mcp_crew_copilot_assistant:contains(Quotation S00042 is ready)' },
    { trigger: '.o_mcp_crew_copilot_record:contains(S00042)', run: 'click' },
    { trigger: '.o_form_view .o_breadcrumb:contains(S00042)' },
  ],
});
