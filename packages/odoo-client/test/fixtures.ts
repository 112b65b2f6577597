import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeXmlRpcCall } from '../src/transport/xml-rpc-codec.js';

/** One recorded exchange with a real Odoo 18 (see fixtures/README.md). */
export interface OdooFixture {
  file: string;
  case: string;
  protocol: 'xmlrpc' | 'jsonrpc';
  endpoint: string;
  request_body: string;
  response_status: number;
  response_content_type: string;
  response_body: string;
  notes: string;
}

// The recorded exchanges live in the shared fixtures beside the repository (CI clones it with shared/ next to it).
export const FIXTURE_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'odoo', '18.0');

export function loadFixtures(): OdooFixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as Omit<OdooFixture, 'file'>) }));
}

/** A request reduced to what must match: the RPC method and its arguments (not the JSON-RPC id). */
export interface ParsedCall {
  service?: string;
  method: string;
  args: unknown[];
}

export async function parseRequest(protocol: 'xmlrpc' | 'jsonrpc', endpoint: string, body: string): Promise<ParsedCall> {
  if (protocol === 'xmlrpc') {
    const { method, params } = await decodeXmlRpcCall(body);
    return { service: endpoint.slice(endpoint.lastIndexOf('/') + 1), method, args: params };
  }
  const envelope = JSON.parse(body) as { jsonrpc: string; method: string; params: { service: string; method: string; args: unknown[] } };
  if (envelope.jsonrpc !== '2.0' || envelope.method !== 'call') throw new Error(`not a JSON-RPC call: ${body.slice(0, 80)}`);
  return { service: envelope.params.service, method: envelope.params.method, args: envelope.params.args };
}

/** The pieces of an `execute_kw` call. */
export interface ExecuteKw {
  db: string;
  uid: number;
  key: string;
  model: string;
  method: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

export function asExecuteKw(call: ParsedCall): ExecuteKw | undefined {
  if (call.method !== 'execute_kw') return undefined;
  const [db, uid, key, model, method, args, kwargs] = call.args as [string, number, string, string, string, unknown[], Record<string, unknown>?];
  return { db, uid, key, model, method, args, kwargs: kwargs ?? {} };
}
