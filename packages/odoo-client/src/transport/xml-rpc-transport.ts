import { OdooError } from '../errors/odoo-error.js';
import { faultToError, type Redactor } from '../errors/map-fault.js';
import { unexpectedStatus, type OdooHttp } from './http.js';
import type { RpcTransport } from './rpc-transport.js';
import { decodeXmlRpcResponse, encodeXmlRpcCall } from './xml-rpc-codec.js';

// Odoo marshals results with allow_none=False: a method returning None (action_lock, ...) fails
// *after* it ran and committed, with this TypeError as fault 1. It is a success returning null.
const NONE_RESULT = /cannot marshal None/;

/** `POST {path}/{service}` (`/xmlrpc/2/common`, `/xmlrpc/2/object`; legacy `/xmlrpc/...`). */
export class XmlRpcTransport implements RpcTransport {
  readonly protocol = 'xmlrpc' as const;

  constructor(
    private readonly http: OdooHttp,
    private readonly redact: Redactor,
    private readonly basePath = '/xmlrpc/2',
  ) {}

  async service(service: string, method: string, args: unknown[]): Promise<unknown> {
    const path = `${this.basePath}/${service}`;
    const response = await this.http.send({
      path,
      body: encodeXmlRpcCall(method, args),
      headers: { 'Content-Type': 'text/xml' },
    });
    if (response.status !== 200) throw unexpectedStatus(response, path, this.redact);
    let outcome;
    try {
      outcome = await decodeXmlRpcResponse(response.body);
    } catch (cause) {
      throw new OdooError(
        'ODOO_PROTOCOL_ERROR',
        `Odoo's ${path} answer is not XML-RPC: ${this.redact(response.body.slice(0, 120))}`,
        {
          details: { contentType: response.contentType },
          cause,
        },
      );
    }
    if (outcome.ok) return outcome.value;
    const { fault } = outcome;
    if (fault.name === 'TypeError' && NONE_RESULT.test(fault.message)) return null;
    throw faultToError(fault, this.redact);
  }
}
