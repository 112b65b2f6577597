import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FileTenantDirectory, type Settings } from '@mcp-crew/config';
import type { DocumentStore, TenantDirectory } from '@mcp-crew/core';
import { readEncryptionKeyring, SecretBox, seedTenantsFromFile, TenantStore } from '@mcp-crew/tenant-store';
import type { Logger } from 'pino';
import { TenantSnapshot } from './tenant-snapshot.js';
import { openDocumentStore } from '../runtime/adapters/documents.js';

export interface OpenTenantsOptions {
  settings: Settings;
  /** Only for `${VAR}` references inside the tenants file (tenant secrets), not for process settings. */
  env: Record<string, string | undefined>;
  logger: Logger;
  sandboxUrl?: string;
}

/** The tenant directory the runtime serves from, and the store behind it when configuration is editable. */
export interface RuntimeTenants {
  tenants: TenantSnapshot;
  /** Present when tenants live in a document store (settings.adapters.tenants): the admin API edits it. */
  store?: TenantStore;
  documents?: DocumentStore;
  close(): Promise<void>;
}

/** How often the webhook's snapshot is re-read, so a change made by another replica shows within this time. */
const SNAPSHOT_REFRESH_MS = 5000;

/**
 * The tenant directory settings.adapters.tenants names: a document store (MongoDB or embedded under DATA_DIR),
 * seeded from TENANTS_FILE on first start (idempotent), or the tenants file itself. A store needs
 * CONFIG_ENCRYPTION_KEY (loadSettings already refused to start without it).
 */
export async function openTenants(options: OpenTenantsOptions): Promise<RuntimeTenants> {
  const { settings, env, logger } = options;
  const file = resolve(settings.TENANTS_FILE);
  const onRefreshError = (error: unknown) =>
    logger.warn({ err: error }, 'tenant snapshot refresh failed; serving the previous one');
  if (settings.adapters.tenants === 'file') {
    const directory = await FileTenantDirectory.load(file, { env, sandboxUrl: options.sandboxUrl });
    return { tenants: await TenantSnapshot.over(directory), close: async () => undefined };
  }
  // Read the key before connecting anything, so a missing key fails fast and leaves nothing open.
  const secrets = new SecretBox(
    readEncryptionKeyring({
      CONFIG_ENCRYPTION_KEY: settings.CONFIG_ENCRYPTION_KEY?.reveal(),
      CONFIG_ENCRYPTION_KEY_PREVIOUS: settings.CONFIG_ENCRYPTION_KEY_PREVIOUS?.reveal(),
    }),
  );
  const documents: DocumentStore = await openDocumentStore(settings);
  try {
    const store = new TenantStore({
      tenants: documents.tenants,
      secrets,
      auditLog: documents.auditLog,
      sandboxUrl: options.sandboxUrl,
    });
    if (existsSync(file)) {
      const seeded = await seedTenantsFromFile(store, file, { env });
      logger.info(
        { store: documents.id, created: seeded.created, kept: seeded.skipped },
        'tenant store seeded from the tenants file',
      );
    }
    const tenants = await TenantSnapshot.over(store as TenantDirectory, {
      refreshMs: SNAPSHOT_REFRESH_MS,
      onRefreshError,
    });
    // Another replica's change, seen by the snapshot's poll: this process's reads of the tenant go to the store.
    tenants.onChange((id) => store.invalidate(id));
    return {
      tenants,
      store,
      documents,
      close: async () => {
        tenants.close();
        await documents.close();
      },
    };
  } catch (error) {
    await documents.close();
    throw error;
  }
}
