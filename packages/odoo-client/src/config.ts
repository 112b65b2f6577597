import { Secret, type OdooConnection } from '@mcp-crew/core';
import type { FetchLike } from './transport/http.js';

export type OdooProtocol = 'jsonrpc' | 'xmlrpc' | 'json2';

/** How to reach one tenant's Odoo. One client instance per tenant; instances share nothing. */
export interface OdooClientConfig {
  /** Base URL, e.g. `https://acme.odoo.com` (no path). */
  url: string;
  db: string;
  /** Login of the API user (JSON-RPC / XML-RPC `authenticate`; unused by JSON-2). */
  user: string;
  /** API key (or password, RPC protocols only). Never logged or put in an error. */
  apiKey: Secret | string;
  /**
   * `auto` (default) asks `common.version` once and uses JSON-2 on Odoo >= 19, JSON-RPC before.
   * Choose `jsonrpc` explicitly to use a password (not an API key) on Odoo 19.
   */
  protocol?: OdooProtocol | 'auto';
  /** Tenant id, copied into every error's details. */
  tenant?: string;
  /** Per HTTP request. Default 15 000 ms. */
  timeoutMs?: number;
  /** Extra attempts after a transport failure, for idempotent calls only. Default 2. */
  retries?: number;
  /** First backoff pause, doubled each attempt. Default 250 ms. */
  retryBaseDelayMs?: number;
  /** XML-RPC endpoint prefix. Default `/xmlrpc/2`; `/xmlrpc` is the legacy one. */
  xmlrpcPath?: string;
  userAgent?: string;
  /** Replaces Node's fetch (tests). */
  fetch?: FetchLike;
}

export interface ResolvedConfig extends Required<Omit<OdooClientConfig, 'apiKey' | 'fetch' | 'tenant'>> {
  apiKey: Secret;
  tenant?: string;
  fetch?: FetchLike;
}

export function resolveConfig(config: OdooClientConfig): ResolvedConfig {
  if (!/^https?:\/\//.test(config.url)) {
    throw new TypeError(`Odoo url must start with http:// or https:// (got "${config.url}")`);
  }
  return {
    url: config.url,
    db: config.db,
    user: config.user,
    apiKey: typeof config.apiKey === 'string' ? new Secret(config.apiKey) : config.apiKey,
    protocol: config.protocol ?? 'auto',
    timeoutMs: config.timeoutMs ?? 15_000,
    retries: config.retries ?? 2,
    retryBaseDelayMs: config.retryBaseDelayMs ?? 250,
    xmlrpcPath: (config.xmlrpcPath ?? '/xmlrpc/2').replace(/\/+$/, ''),
    userAgent: config.userAgent ?? 'mcp-crew-odoo-client',
    ...(config.tenant === undefined ? {} : { tenant: config.tenant }),
    ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
  };
}

/** The client config for a tenant's `OdooConnection` (from `@mcp-crew/core`). */
export function configFromConnection(connection: OdooConnection, tenant?: string): OdooClientConfig {
  return {
    url: connection.url,
    db: connection.db,
    user: connection.user,
    apiKey: connection.apiKey,
    protocol: connection.protocol ?? 'auto',
    ...(tenant === undefined ? {} : { tenant }),
  };
}
