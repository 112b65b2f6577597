import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { isDeepStrictEqual } from 'node:util';
import { domain } from '../src/domain/domain.js';
import { OdooError, type OdooErrorCode } from '../src/errors/odoo-error.js';
import { OdooClient } from '../src/odoo-client.js';
import { decodeXmlRpcResponse } from '../src/transport/xml-rpc-codec.js';
import { parseVersion } from '../src/version.js';
import { startFakeServer, type FakeReply, type FakeServer, type SeenRequest } from './fake-http.js';
import {
  asExecuteKw,
  loadFixtures,
  parseRequest,
  type ExecuteKw,
  type OdooFixture,
  type ParsedCall,
} from './fixtures.js';

// Replays every exchange recorded from a real Odoo 18: the fake server checks that the client
// sends an equivalent request (compared structurally, JSON-RPC ids aside), answers the recorded
// body, status and content type, and the test checks the client's result or mapped error.

const fixtures = loadFixtures();

/** Error codes the client must raise, per recorded case (both protocols). */
const EXPECTED_ERRORS: Record<string, OdooErrorCode> = {
  common_authenticate_bad_password: 'ODOO_AUTH_FAILED',
  fault_user_error_unlink_confirmed: 'ODOO_USER_ERROR',
  fault_access_denied_wrong_password: 'ODOO_ACCESS_DENIED',
  fault_unknown_model: 'ODOO_UNKNOWN_MODEL',
  fault_unknown_field_in_fields: 'ODOO_UNKNOWN_FIELD',
  fault_bad_domain_field: 'ODOO_UNKNOWN_FIELD',
  fault_unknown_method: 'ODOO_UNKNOWN_METHOD',
  fault_private_method: 'ODOO_ACCESS_ERROR',
  fault_missing_error: 'ODOO_MISSING_RECORD',
  fault_validation_error: 'ODOO_VALIDATION_ERROR',
  fault_access_error_demo_create_user: 'ODOO_ACCESS_ERROR',
  fault_unknown_database: 'ODOO_UNKNOWN_DATABASE',
  fault_malformed_body: 'ODOO_PROTOCOL_ERROR',
  fault_unknown_service: 'ODOO_PROTOCOL_ERROR',
  fault_legacy_endpoint_string_code: 'ODOO_UNKNOWN_MODEL',
};

// The client never sends a malformed body, so for these the request is not compared: the
// point is how the client reads the server's answer.
const ANY_REQUEST = new Set(['fault_malformed_body']);

type Invoke = (client: OdooClient, call: ParsedCall, kw: ExecuteKw | undefined) => Promise<unknown>;

/** Cases written out with the typed helpers; the rest go through `byMethod`. */
const INVOKE: Record<string, Invoke> = {
  common_version: (c) => c.version(),
  common_authenticate_ok: (c) => c.authenticate(),
  common_authenticate_bad_password: (c) => c.authenticate(),
  common_login: (c, call) => c.service('common', 'login', call.args),
  fault_malformed_body: (c) => c.version(),
  fault_unknown_service: (c) => c.service('no_such_service', 'version', []),
  partner_search_read_or_ilike: (c) =>
    c.searchRead(
      'res.partner',
      domain()
        .where('name', 'ilike', 'deco')
        .or(domain().where('email', 'ilike', 'wood')),
      {
        fields: ['id', 'name', 'email'],
        order: 'id asc',
      },
    ),
  partner_search_count: (c) => c.searchCount('res.partner', [['is_company', '=', true]]),
  partner_name_search: (c) => c.nameSearch('res.partner', 'Deco'),
  types_none_in_request: (c) =>
    c.searchRead('res.partner', [['id', 'in', [10, 15]]], { fields: ['name'], limit: null, order: 'id asc' }),
  // A JS Date goes out as <dateTime.iso8601>20000101T00:00:00 over XML-RPC and as Odoo's string over JSON.
  types_datetime_param: (c) =>
    c.searchCount('sale.order', [['date_order', '>=', new Date(Date.UTC(2000, 0, 1))]]),
  sale_order_action_cancel_no_wizard: (c, _call, kw) =>
    c.call('sale.order', 'action_cancel', kw!.args, { context: { disable_cancel_warning: true } }),
};

/** The typed helper for an `execute_kw` recording, fed with the recorded arguments. */
function byMethod(c: OdooClient, kw: ExecuteKw): Promise<unknown> {
  const { model, method, args, kwargs } = kw;
  const k = kwargs as Record<string, never>;
  switch (method) {
    case 'search_read':
      return c.searchRead(model, args[0] as never, k);
    case 'search':
      return c.search(model, args[0] as never, k);
    case 'read':
      return c.read(model, args[0] as number[], k.fields);
    case 'fields_get':
      return c.fieldsGet(model, k.attributes);
    case 'create':
      return c.create(model, args[0] as Record<string, unknown>);
    case 'write':
      return c.write(model, args[0] as number[], args[1] as Record<string, unknown>);
    case 'unlink':
      return c.unlink(model, args[0] as number[]);
    default:
      return c.call(model, method, args, kwargs);
  }
}

/** What the server recorded as the result, before the helper's own shaping. */
async function recordedResult(f: OdooFixture): Promise<unknown> {
  if (f.protocol === 'jsonrpc') {
    const envelope = JSON.parse(f.response_body) as { result?: unknown };
    return 'result' in envelope ? envelope.result : null;
  }
  const outcome = await decodeXmlRpcResponse(f.response_body);
  if (!outcome.ok) return null; // only "cannot marshal None" faults are successes
  return outcome.value;
}

function expectedValue(f: OdooFixture, call: ParsedCall, raw: unknown): unknown {
  if (call.method === 'version') return parseVersion(raw);
  const kw = asExecuteKw(call);
  if (kw?.method === 'write' || kw?.method === 'unlink') return raw === true;
  return raw;
}

/** A synthetic `common.authenticate` answer, so a recorded object call can run on a fresh client. */
function authExchange(f: OdooFixture, kw: ExecuteKw, prefix: string): Exchange {
  return {
    endpoint: f.protocol === 'xmlrpc' ? `${prefix}/common` : '/jsonrpc',
    check: async (req) => {
      const call = await parseRequest(f.protocol, req.path, req.body);
      const ok =
        call.method === 'authenticate' &&
        call.args[0] === kw.db &&
        call.args[2] === kw.key &&
        (f.protocol === 'xmlrpc' || call.service === 'common');
      return ok ? undefined : `expected common.authenticate, got ${JSON.stringify(call)}`;
    },
    reply: (req) =>
      f.protocol === 'xmlrpc'
        ? {
            contentType: 'text/xml',
            body: `<?xml version="1.0"?>\n<methodResponse><params><param><value><int>${kw.uid}</int></value></param></params></methodResponse>`,
          }
        : {
            body: JSON.stringify({
              jsonrpc: '2.0',
              id: (JSON.parse(req.body) as { id: number }).id,
              result: kw.uid,
            }),
          },
  };
}

interface Exchange {
  endpoint: string | undefined;
  check: (req: SeenRequest) => Promise<string | undefined>;
  reply: (req: SeenRequest) => FakeReply;
}

function fixtureExchange(f: OdooFixture, expected: ParsedCall): Exchange {
  const anyRequest = ANY_REQUEST.has(f.case);
  return {
    endpoint: anyRequest ? undefined : f.endpoint,
    check: async (req) => {
      if (anyRequest) return undefined;
      const actual = await parseRequest(f.protocol, req.path, req.body);
      return isDeepStrictEqual(actual, expected)
        ? undefined
        : `request differs:\n  sent     ${JSON.stringify(actual)}\n  recorded ${JSON.stringify(expected)}`;
    },
    reply: () => ({ status: f.response_status, contentType: f.response_content_type, body: f.response_body }),
  };
}

describe('replay of recorded Odoo 18 exchanges', () => {
  let server: FakeServer;
  let script: Exchange[] = [];
  const mismatches: string[] = [];

  beforeAll(async () => {
    server = await startFakeServer(async (req) => {
      const next = script.shift();
      if (!next) {
        mismatches.push(`unexpected request to ${req.path}`);
        return { status: 500, contentType: 'text/plain', body: 'unexpected request' };
      }
      const problem =
        next.endpoint !== undefined && next.endpoint !== req.path
          ? `path ${req.path} instead of ${next.endpoint}`
          : await next.check(req);
      if (problem) {
        mismatches.push(problem);
        return { status: 500, contentType: 'text/plain', body: 'request mismatch' };
      }
      return next.reply(req);
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    mismatches.length = 0;
    script = [];
  });

  it('has all 97 recordings', () => {
    expect(fixtures).toHaveLength(97);
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s', async (_file, f) => {
    const recorded: ParsedCall = ANY_REQUEST.has(f.case)
      ? { method: '', args: [] }
      : await parseRequest(f.protocol, f.endpoint, f.request_body);
    const kw = asExecuteKw(recorded);
    const legacy = f.endpoint.startsWith('/xmlrpc/') && !f.endpoint.startsWith('/xmlrpc/2/');
    const prefix = legacy ? '/xmlrpc' : '/xmlrpc/2';
    const credentials =
      kw !== undefined
        ? { db: kw.db, user: kw.uid === 6 ? 'demo' : 'admin', apiKey: kw.key }
        : recorded.method === 'authenticate' || recorded.method === 'login'
          ? {
              db: recorded.args[0] as string,
              user: recorded.args[1] as string,
              apiKey: recorded.args[2] as string,
            }
          : { db: 'odoo_ref', user: 'admin', apiKey: 'admin' };
    const client = new OdooClient({
      url: server.url,
      protocol: f.protocol,
      xmlrpcPath: prefix,
      retries: 0,
      ...credentials,
    });

    const exchange = fixtureExchange(f, recorded);
    if (kw) {
      script.push(authExchange(f, kw, prefix), exchange);
      // AccessDenied makes the client authenticate again and retry once before giving up.
      if (EXPECTED_ERRORS[f.case] === 'ODOO_ACCESS_DENIED')
        script.push(authExchange(f, kw, prefix), exchange);
    } else {
      script.push(exchange);
    }

    const invoke = INVOKE[f.case] ?? ((c: OdooClient) => byMethod(c, kw!));
    const outcome = await invoke(client, recorded, kw).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );

    expect(mismatches).toEqual([]);
    expect(script).toEqual([]); // every scripted exchange happened
    const code = EXPECTED_ERRORS[f.case];
    if (code) {
      expect('error' in outcome).toBe(true);
      const error = (outcome as { error: unknown }).error;
      expect(error).toBeInstanceOf(OdooError);
      expect((error as OdooError).code).toBe(code);
      expect((error as OdooError).domain).toBe('odoo');
      expect((error as OdooError).message).not.toMatch(/Traceback|File "/);
      // Over JSON-RPC the message is exactly Odoo's (data.message).
      const envelope =
        f.protocol === 'jsonrpc' && f.response_status === 200
          ? (JSON.parse(f.response_body) as { error?: { data: { message: string } } })
          : {};
      if (envelope.error && f.case !== 'fault_unknown_service') {
        expect((error as OdooError).message).toBe(envelope.error.data.message.trim());
      }
    } else {
      if ('error' in outcome) throw outcome.error;
      expect(outcome.value).toEqual(expectedValue(f, recorded, await recordedResult(f)));
    }
  });
});
