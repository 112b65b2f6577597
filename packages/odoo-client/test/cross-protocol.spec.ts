import { describe, expect, it } from '@jest/globals';
import { decodeXmlRpcResponse } from '../src/transport/xml-rpc-codec.js';
import { loadFixtures } from './fixtures.js';

// The XML-RPC parser is checked against an independent decoder: for a case recorded over both
// protocols on the same data, the parsed XML-RPC result must equal the JSON-RPC one.

// Cases whose two recordings touch different records (ids 25 vs 26, separate creates) or differ by
// nature (faults, None results, the legacy endpoint, the bad-password and login cases are equal).
const DIFFERENT = new Set([
  'sale_order_create',
  'sale_order_read',
  'sale_order_line_read',
  'sale_order_lines_after_write',
  'sale_order_read_after_confirm',
  'sale_order_read_after_cancel',
  'sale_order_read_locked',
  'sale_order_action_cancel_wizard',
  'crm_lead_create',
  'crm_lead_read',
  'calendar_event_create',
  'calendar_event_read',
  'types_datetime_param',
  'fault_malformed_body',
  'sale_order_action_lock_none',
  'sale_order_action_unlock_none',
]);

const fixtures = loadFixtures();
const pairs = [...new Set(fixtures.map((f) => f.case))]
  .map(
    (c) =>
      [
        c,
        fixtures.find((f) => f.case === c && f.protocol === 'xmlrpc'),
        fixtures.find((f) => f.case === c && f.protocol === 'jsonrpc'),
      ] as const,
  )
  .filter(([c, x, j]) => x && j && !DIFFERENT.has(c) && JSON.parse(j.response_body).result !== undefined);

describe('XML-RPC and JSON-RPC recordings decode to the same values', () => {
  it('has pairs to compare', () => expect(pairs.length).toBeGreaterThanOrEqual(20));

  it.each(pairs.map(([c, x, j]) => [c, x!, j!] as const))('%s', async (_case, xml, json) => {
    const outcome = await decodeXmlRpcResponse(xml.response_body);
    expect(outcome).toEqual({
      ok: true,
      value: (JSON.parse(json.response_body) as { result: unknown }).result,
    });
  });
});
