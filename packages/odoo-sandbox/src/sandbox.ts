import type { AddressInfo } from 'node:net';
import { createSandboxServer } from './http/server.js';
import { CallStats, RpcServices, type SandboxStats } from './rpc/services.js';
import { SANDBOX_USERS, createSandboxDatabase, type SeedName } from './seed/index.js';

export interface OdooSandboxOptions {
  /** TCP port; 0 picks a free one (tests). Default 8169. */
  port?: number;
  /** Default 127.0.0.1: the sandbox is for one machine. */
  host?: string;
  /** Delay added to every RPC call, to feel a real Odoo's round trips. Default 0. */
  latencyMs?: number;
  /** `demo` (the paint shop) or `empty` (users and reference data only). Default `demo`. */
  seed?: SeedName;
  /** Database name clients must send. Default `sandbox`. */
  db?: string;
  /** Server clock (for `create_date`, `date_order`, ...); tests can fix it. */
  now?: () => Date;
}

export interface OdooSandbox {
  /** Base URL, e.g. `http://127.0.0.1:8169`. */
  url: string;
  db: string;
  /** The admin login and API key (also accepted as its password). Sandbox-only values. */
  login: string;
  apiKey: string;
  uid: number;
  /** A read-only user, for AccessError paths. */
  demo: { login: string; apiKey: string; uid: number };
  /** Calls served, per model (or service) and method. */
  stats(): SandboxStats;
  resetStats(): void;
  /**
   * Puts the database back to its seed (the same records, ids and stock as at start), so a test or an eval
   * scenario starts from a known state. Clients stay connected: the server, port and credentials are unchanged.
   */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts the Odoo SANDBOX: an in-memory server speaking Odoo 18's `/jsonrpc`, `/xmlrpc/2/*` (and legacy
 * `/xmlrpc/*`) and Odoo 19's `/json/2/<model>/<method>`, seeded with a Colombian paint shop. For
 * development and tests only; it reports `server_version` "18.0-sandbox".
 */
export async function startOdooSandbox(options: OdooSandboxOptions = {}): Promise<OdooSandbox> {
  const {
    port = 8169,
    host = '127.0.0.1',
    latencyMs = 0,
    seed = 'demo',
    db: dbName = 'sandbox',
    now,
  } = options;
  const db = createSandboxDatabase(dbName, seed, now);
  const stats = new CallStats();
  const services = new RpcServices(db, stats);
  const server = createSandboxServer(services, latencyMs);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    db: dbName,
    login: SANDBOX_USERS.admin.login,
    apiKey: SANDBOX_USERS.admin.apiKey,
    uid: SANDBOX_USERS.admin.uid,
    demo: { ...SANDBOX_USERS.demo },
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    reset: () => services.replaceDatabase(createSandboxDatabase(dbName, seed, now)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
