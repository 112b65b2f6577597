import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Deserializer, serializeMethodCall, type XmlRpcValue } from '@foxglove/xmlrpc';
import { loadOdooFixtures } from '@mcp-crew/testing';
import { startOdooSandbox, type OdooSandbox } from '../src/index.js';
import { decodeXmlResponse, shapeDiff } from './fixture-shapes.js';

/*
 * Replays every recorded Odoo 18 exchange (packages/testing/fixtures/odoo/18.0) against the sandbox, in recording
 * order, and compares the response's SHAPE. Requests are rewritten only where the recording's data
 * differs: database and passwords, and ids the recording created (orders, lines, leads, events) are
 * mapped to the ids the sandbox created in the same step.
 */
const fixtures = loadOdooFixtures();

const RECORDSET_METHODS = new Set([
  'read',
  'write',
  'unlink',
  'action_confirm',
  'action_cancel',
  'action_lock',
  'action_unlock',
]);

describe('Odoo 18 fixture replay (shape)', () => {
  let sandbox: OdooSandbox;
  const idMap = new Map<number, number>();
  const mapId = (v: unknown) => (typeof v === 'number' && idMap.has(v) ? idMap.get(v)! : v);

  beforeAll(async () => {
    sandbox = await startOdooSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  /** Rewrites credentials and created ids in the decoded params of a call. */
  function rewrite(service: string, method: string, params: unknown[]): unknown[] {
    const p = [...params];
    const passwords: Record<string, string> = { admin: sandbox.apiKey, demo: sandbox.demo.apiKey };
    if (p[0] === 'odoo_ref') p[0] = sandbox.db;
    if (service === 'common' && (method === 'authenticate' || method === 'login')) {
      if (typeof p[2] === 'string' && passwords[p[2]]) p[2] = passwords[p[2]];
    }
    if (service === 'object') {
      if (typeof p[2] === 'string' && passwords[p[2]]) p[2] = passwords[p[2]];
      const modelMethod = String(p[4]);
      const args = Array.isArray(p[5]) ? [...(p[5] as unknown[])] : p[5];
      if (Array.isArray(args)) {
        if (RECORDSET_METHODS.has(modelMethod) && Array.isArray(args[0]))
          args[0] = (args[0] as unknown[]).map(mapId);
        if (modelMethod === 'write' && args[1] && typeof args[1] === 'object') {
          const vals = { ...(args[1] as Record<string, unknown>) };
          if (Array.isArray(vals['order_line']))
            vals['order_line'] = (vals['order_line'] as unknown[][]).map((c) =>
              c[0] === 1 || c[0] === 2 ? [c[0], mapId(c[1]), ...c.slice(2)] : c,
            );
          args[1] = vals;
        }
        if ((modelMethod === 'search_read' || modelMethod === 'search') && Array.isArray(args[0])) {
          args[0] = (args[0] as unknown[]).map((leaf) =>
            Array.isArray(leaf) && leaf[0] === 'order_id' ? [leaf[0], leaf[1], mapId(leaf[2])] : leaf,
          );
        }
        p[5] = args;
      }
    }
    return p;
  }

  /** Learns which sandbox ids stand for the recording's ids. */
  function learn(expected: unknown, actual: unknown, method: string): void {
    if (method === 'create' && typeof expected === 'number' && typeof actual === 'number')
      idMap.set(expected, actual);
    if (Array.isArray(expected) && Array.isArray(actual)) {
      expected.forEach((e, i) => {
        const a = actual[i] as Record<string, unknown> | undefined;
        if (e && a && typeof e === 'object' && Array.isArray((e as Record<string, unknown>)['order_line'])) {
          ((e as Record<string, unknown>)['order_line'] as number[]).forEach((id, j) => {
            const mine = (a['order_line'] as number[])[j];
            if (mine !== undefined) idMap.set(id, mine);
          });
        }
      });
    }
  }

  for (const fx of fixtures) {
    it(fx.file, async () => {
      let body = fx.request_body;
      let service = '';
      let method = '';
      let modelMethod = '';
      if (fx.protocol === 'jsonrpc') {
        try {
          const req = JSON.parse(body);
          service = req.params.service;
          method = req.params.method;
          modelMethod = String(req.params.args?.[4] ?? '');
          req.params.args = rewrite(service, method, req.params.args);
          body = JSON.stringify(req);
        } catch {
          // malformed on purpose: send as recorded
        }
      } else {
        service = fx.endpoint.split('/').pop()!;
        try {
          const [name, params] = await new Deserializer().deserializeMethodCall(body);
          method = name;
          modelMethod = String(params[4] ?? '');
          body = serializeMethodCall(name, rewrite(service, name, params) as XmlRpcValue[]);
        } catch {
          // malformed on purpose
        }
      }
      const res = await fetch(sandbox.url + fx.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': fx.protocol === 'jsonrpc' ? 'application/json' : 'text/xml' },
        body,
      });
      const text = await res.text();
      expect(res.status).toBe(fx.response_status);
      expect(res.headers.get('content-type')).toBe(fx.response_content_type);

      if (fx.response_content_type.startsWith('text/html')) {
        expect(text).toBe(fx.response_body);
        return;
      }
      let expected: Record<string, unknown>;
      let actual: Record<string, unknown>;
      if (fx.protocol === 'jsonrpc') {
        expected = JSON.parse(fx.response_body);
        actual = JSON.parse(text);
        expect(actual['id']).toEqual(expected['id']);
        const ee = expected['error'] as { data: { name: string } } | undefined;
        if (ee)
          expect((actual['error'] as { data: { name: string } } | undefined)?.data.name).toBe(ee.data.name);
      } else {
        expected = await decodeXmlResponse(fx.response_body);
        actual = await decodeXmlResponse(text);
        if (expected['fault']) expect(actual['faultCode']).toEqual(expected['faultCode']);
      }
      // fields_get: every field the sandbox describes must be a real Odoo 18 field with the same attributes.
      const subsetKeys = modelMethod === 'fields_get';
      const compare = (e: unknown, a: unknown) =>
        subsetKeys && e && a && typeof e === 'object'
          ? shapeDiff(e, a, '$', { subsetKeys: true })
          : shapeDiff(e, a);
      const diff = subsetKeys ? compareFieldsGet(expected, actual) : compare(expected, actual);
      expect(diff).toBeUndefined();
      learn(expected['result'], actual['result'], modelMethod);
    });
  }
});

function compareFieldsGet(
  expected: Record<string, unknown>,
  actual: Record<string, unknown>,
): string | undefined {
  const e = expected['result'] as Record<string, Record<string, unknown>>;
  const a = actual['result'] as Record<string, Record<string, unknown>>;
  if (!a || typeof a !== 'object') return 'no fields_get result';
  for (const [name, attrs] of Object.entries(a)) {
    if (!e[name]) return `field ${name} is not a sale.order field in Odoo 18`;
    const diff = shapeDiff(e[name], attrs, `$.${name}`);
    if (diff) return diff;
    if (attrs['type'] !== e[name]['type'])
      return `${name}: type ${String(attrs['type'])} != ${String(e[name]['type'])}`;
  }
  for (const must of ['name', 'partner_id', 'state', 'order_line', 'amount_total', 'date_order'])
    if (!a[must]) return `missing ${must}`;
  return undefined;
}
