import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TenantId } from '@mcp-crew/core';

/**
 * Where each tenant's sync cursor (the highest Odoo `write_date` already synced) is kept between runs.
 * `key` names what is synced (`product.product`).
 */
export interface SyncCursorStore {
  get(tenantId: TenantId, key: string): Promise<string | undefined>;
  set(tenantId: TenantId, key: string, cursor: string): Promise<void>;
}

/** Cursors of one process only (tests, and callers that keep the cursor themselves). */
export class MemorySyncCursorStore implements SyncCursorStore {
  readonly #cursors = new Map<string, string>();

  async get(tenantId: TenantId, key: string): Promise<string | undefined> {
    return this.#cursors.get(`${tenantId}\u0000${key}`);
  }

  async set(tenantId: TenantId, key: string, cursor: string): Promise<void> {
    this.#cursors.set(`${tenantId}\u0000${key}`, cursor);
  }
}

type CursorFile = Record<string, Record<string, string>>;

/**
 * Cursors in one small JSON file beside the embedded store (`<dataDir>/odoo-sync-cursors.json`),
 * `{ "<tenant>": { "<key>": "<write_date>" } }`. Written to a temporary file and renamed, so a crash never
 * leaves half a file. A lost file only costs one full sync (hashes keep it from re-embedding).
 */
export class FileSyncCursorStore implements SyncCursorStore {
  constructor(readonly file: string) {}

  static inDataDir(dataDir: string): FileSyncCursorStore {
    return new FileSyncCursorStore(join(dataDir, 'odoo-sync-cursors.json'));
  }

  async get(tenantId: TenantId, key: string): Promise<string | undefined> {
    return this.#read()[tenantId]?.[key];
  }

  async set(tenantId: TenantId, key: string, cursor: string): Promise<void> {
    const all = this.#read();
    all[tenantId] = { ...all[tenantId], [key]: cursor };
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(all, null, 2)}\n`);
    renameSync(temporary, this.file);
  }

  #read(): CursorFile {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as CursorFile;
    } catch (error) {
      // Missing or unreadable: no cursor is always safe (a full sync, which hashes keep cheap).
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return {};
      throw error;
    }
  }
}
