/** An Odoo domain in prefix notation: `['|', ['name', 'ilike', 'x'], ['email', 'ilike', 'x']]`. */
export type OdooDomain = Array<string | [string, string, unknown]>;

export interface SearchReadOptions {
  fields?: string[];
  limit?: number;
  offset?: number;
  order?: string;
  context?: Record<string, unknown>;
}

export type OdooRecord = Record<string, unknown> & { id: number };

/**
 * What the tools need from an Odoo client (`@mcp-crew/odoo-client` provides it). Kept as a narrow
 * interface so the tools are tested against the sandbox and a fake alike.
 */
export interface OdooApi {
  searchRead(model: string, domain: OdooDomain, options?: SearchReadOptions): Promise<OdooRecord[]>;
  read(model: string, ids: number[], fields?: string[]): Promise<OdooRecord[]>;
  searchCount(model: string, domain: OdooDomain): Promise<number>;
  create(model: string, values: Record<string, unknown>): Promise<number>;
  write(model: string, ids: number[], values: Record<string, unknown>): Promise<boolean>;
  fieldsGet(
    model: string,
    attributes?: string[],
  ): Promise<Record<string, { type: string; string?: string; relation?: string }>>;
  call(model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<unknown>;
}
