import { toFault } from '../rpc/faults.js';
import type { RpcServices } from '../rpc/services.js';
import type { HttpReply } from './reply.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** `/jsonrpc`: `{"method": "call", "params": {"service", "method", "args"}}` → `{"result"}` or `{"error"}`, always HTTP 200. */
export function handleJsonRpc(services: RpcServices, body: string): HttpReply {
  let request: { id?: unknown; params?: { service?: unknown; method?: unknown; args?: unknown } };
  try {
    request = JSON.parse(body);
  } catch {
    // Odoo answers a body it cannot parse with a bare werkzeug 400, not a JSON-RPC envelope.
    return { status: 400, contentType: 'text/html; charset=utf-8', body: 'Invalid JSON data' };
  }
  const id = request?.id ?? null;
  const params = request?.params ?? {};
  try {
    const result = services.dispatch(
      String(params.service),
      String(params.method),
      Array.isArray(params.args) ? params.args : [],
    );
    // Python None: Odoo's JSON-RPC leaves the `result` key out entirely.
    const envelope = result === undefined ? { jsonrpc: '2.0', id } : { jsonrpc: '2.0', id, result };
    return { status: 200, contentType: JSON_TYPE, body: JSON.stringify(envelope) };
  } catch (error) {
    const fault = toFault(error);
    const data = {
      name: fault.pyName,
      debug: fault.traceback(`jsonrpc/${String(params.service)}`),
      message: fault.message,
      arguments: fault.args,
      context: {},
    };
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: JSON.stringify({ jsonrpc: '2.0', id, error: { code: 200, message: 'Odoo Server Error', data } }),
    };
  }
}
