import { OdooError } from '../errors/odoo-error.js';
import { faultToError, type Redactor } from '../errors/map-fault.js';
import { unexpectedStatus, type OdooHttp } from './http.js';
import type { RpcTransport } from './rpc-transport.js';
import { toJsonWire } from './wire-values.js';

interface JsonRpcEnvelope {
  result?: unknown;
  error?: { code?: number; message?: string; data?: { name?: string; message?: string; debug?: string } };
}

/** `POST /jsonrpc` with `{"jsonrpc": "2.0", "method": "call", "params": {service, method, args}}`. */
export class JsonRpcTransport implements RpcTransport {
  readonly protocol = 'jsonrpc' as const;
  #nextId = 1;

  constructor(
    private readonly http: OdooHttp,
    private readonly redact: Redactor,
  ) {}

  async service(service: string, method: string, args: unknown[]): Promise<unknown> {
    const id = this.#nextId++;
    const body = JSON.stringify({
      jsonrpc: '2.0',
      method: 'call',
      params: { service, method, args: toJsonWire(args) },
      id,
    });
    const response = await this.http.send({
      path: '/jsonrpc',
      body,
      headers: { 'Content-Type': 'application/json' },
    });
    if (response.status !== 200) throw unexpectedStatus(response, '/jsonrpc', this.redact);
    let envelope: JsonRpcEnvelope;
    try {
      envelope = JSON.parse(response.body) as JsonRpcEnvelope;
    } catch (cause) {
      throw new OdooError(
        'ODOO_PROTOCOL_ERROR',
        `Odoo's /jsonrpc answer is not JSON: ${this.redact(response.body.slice(0, 120))}`,
        {
          details: { contentType: response.contentType },
          cause,
        },
      );
    }
    if (envelope.error) {
      // Odoo always sends code 200 here; the exception class in data.name is what tells errors apart.
      const data = envelope.error.data ?? {};
      throw faultToError(
        { name: data.name ?? '', message: data.message ?? envelope.error.message ?? '', debug: data.debug },
        this.redact,
      );
    }
    // A method returning None comes back as an envelope with no `result` key at all.
    return 'result' in envelope ? envelope.result : null;
  }
}
