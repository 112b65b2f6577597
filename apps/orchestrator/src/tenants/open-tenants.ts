import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FileTenantDirectory, type Settings } from '@mcp-crew/config';
import type { DocumentStore, TenantDirectory } from '@mcp-crew/core';
import { EmbeddedDocumentStore } from '@mcp-crew/docstore-embedded';
import { MongoDocumentStore } from '@mcp-crew/docstore-mongodb';
import { readEncryptionKeyring, SecretBox, seedTenantsFromFile, TenantStore } from '@mcp-crew/tenant-store';
import type { Logger } from 'pino';
import { TenantSnapshot } from './tenant-snapshot.js';

export interface OpenTenantsOptions {
  settings: Settings;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  sandboxUrl?: string;
}

/** The tenant directory the runtime serves from, and the store behind it when configuration is editable. */
export interface RuntimeTenants {
  tenants: TenantSnapshot;
  /** Present when tenants live in the document store (MONGODB_URL or TENANT_STORE=embedded): the admin API edits it. */
  store?: TenantStore;
  documents?: DocumentStore;
  close(): Promise<void>;
}

/** How often the webhook's snapshot is re-read, so a change made by another replica shows within this time. */
const SNAPSHOT_REFRESH_MS = 5000;

/**
 * Picks the tenant directory: the document store when MONGODB_URL is set (or TENANT_STORE=embedded: the
 * embedded store under DATA_DIR), seeded from TENANTS_FILE on first start (idempotent); the tenants file
 * otherwise. The store needs CONFIG_ENCRYPTION_KEY (its absence is a startup error naming the variable).
 */
export async function openTenants(options: OpenTenantsOptions): Promise<RuntimeTenants> {
  const { settings, env, logger } = options;
  const file = resolve(settings.TENANTS_FILE);
  const useStore = Boolean(env.MONGODB_URL) || env.TENANT_STORE === 'embedded';
  const onRefreshError = (error: unknown) => logger.warn({ err: error }, 'tenant snapshot refresh failed; serving the previous one');
  if (!useStore) {
    const directory = await FileTenantDirectory.load(file, { env, sandboxUrl: options.sandboxUrl });
    return { tenants: await TenantSnapshot.over(directory), close: async () => undefined };
  }
  // Read the key before connecting anything, so a missing key fails fast and leaves nothing open.
  const secrets = new SecretBox(readEncryptionKeyring(env));
  const documents: DocumentStore = env.MONGODB_URL
    ? await MongoDocumentStore.connect({ url: env.MONGODB_URL })
    : EmbeddedDocumentStore.inDataDir(resolve(settings.DATA_DIR));
  try {
    const store = new TenantStore({ tenants: documents.tenants, secrets, auditLog: documents.auditLog, sandboxUrl: options.sandboxUrl });
    if (existsSync(file)) {
      const seeded = await seedTenantsFromFile(store, file, { env });
      logger.info({ store: documents.id, created: seeded.created, kept: seeded.skipped }, 'tenant store seeded from the tenants file');
    }
    const tenants = await TenantSnapshot.over(store as TenantDirectory, { refreshMs: SNAPSHOT_REFRESH_MS, onRefreshError });
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
