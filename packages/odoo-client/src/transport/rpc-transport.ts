/** One request/response with Odoo's `common`, `object` or `db` service. Raises `OdooError`. */
export interface RpcTransport {
  readonly protocol: 'jsonrpc' | 'xmlrpc';
  service(service: string, method: string, args: unknown[]): Promise<unknown>;
}
