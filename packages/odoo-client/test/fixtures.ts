import { decodeXmlRpcCall } from '../src/transport/xml-rpc-codec.js';

export { loadOdooFixtures as loadFixtures, type OdooFixture } from '@mcp-crew/testing';

/** A request reduced to what must match: the RPC method and its arguments (not the JSON-RPC id). */
export interface ParsedCall {
  service?: string;
  method: string;
  args: unknown[];
}

export async function parseRequest(
  protocol: 'xmlrpc' | 'jsonrpc',
  endpoint: string,
  body: string,
): Promise<ParsedCall> {
  if (protocol === 'xmlrpc') {
    const { method, params } = await decodeXmlRpcCall(body);
    return { service: endpoint.slice(endpoint.lastIndexOf('/') + 1), method, args: params };
  }
  const envelope = JSON.parse(body) as {
    jsonrpc: string;
    method: string;
    params: { service: string; method: string; args: unknown[] };
  };
  if (envelope.jsonrpc !== '2.0' || envelope.method !== 'call')
    throw new Error(`not a JSON-RPC call: ${body.slice(0, 80)}`);
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
  const [db, uid, key, model, method, args, kwargs] = call.args as [
    string,
    number,
    string,
    string,
    string,
    unknown[],
    Record<string, unknown>?,
  ];
  return { db, uid, key, model, method, args, kwargs: kwargs ?? {} };
}
