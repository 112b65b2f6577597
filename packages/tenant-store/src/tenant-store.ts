import mergePatch from 'json-merge-patch';
import {
  isCrewError,
  tenantId,
  type AuditLogRepository,
  type CrewName,
  type SpecialistKind,
  type TenantConfig,
  type TenantDirectory,
  type TenantDocument,
  type TenantId,
  type TenantRepository,
} from '@mcp-crew/core';
import type { SecretBox } from './secrets/secret-box.js';
import { openToInput, redactSecrets, sealEntry } from './sealing.js';
import { TenantCache } from './tenant-cache.js';
import {
  parseTenantEntry,
  toTenantConfig,
  type ModelCredential,
  type TenantStoreEntry,
} from './tenant-entry.js';
import { tenantIdImmutable, tenantMissing } from './tenant-errors.js';

export interface TenantStoreOptions {
  tenants: TenantRepository;
  secrets: SecretBox;
  /** When given, every change is appended as a `config_change` entry (secrets redacted). */
  auditLog?: AuditLogRepository;
  /** How long a read stays cached (default 5 s; 0 disables). Writes through this store invalidate at once. */
  cacheTtlMs?: number;
  /** Base URL that replaces `odoo.url: sandbox`. */
  sandboxUrl?: string;
  now?: () => number;
}

/** A plain-text credential in, sealed before it is stored; `null` removes it. */
type SecretInput = string | null;

const CONFLICT_RETRIES = 3;

/**
 * Tenant configuration over the document store: validated with the tenants-file schema, secrets sealed at
 * rest and only ever handed out as `Secret`, cached briefly and invalidated on every write through it.
 * Every change is a JSON merge patch (RFC 7396) over the tenant's configuration, applied with optimistic
 * locking, so two admins writing at once never lose an update.
 */
export class TenantStore implements TenantDirectory {
  readonly #cache: TenantCache;
  readonly #now: () => number;

  constructor(private readonly options: TenantStoreOptions) {
    this.#now = options.now ?? Date.now;
    this.#cache = new TenantCache(options.cacheTtlMs ?? 5000, this.#now);
  }

  async get(id: TenantId): Promise<TenantConfig | undefined> {
    const cached = this.#cache.get(id);
    if (cached) return cached.config;
    const doc = await this.options.tenants.get(id);
    const config = doc ? toTenantConfig(this.#entryOf(doc), this.options.sandboxUrl) : undefined;
    this.#cache.set(id, config);
    return config;
  }

  async list(): Promise<TenantConfig[]> {
    const cached = this.#cache.getAll();
    if (cached) return cached;
    const docs = await this.options.tenants.list();
    const configs = docs.map((d) => toTenantConfig(this.#entryOf(d), this.options.sandboxUrl));
    this.#cache.setAll(configs);
    return configs;
  }

  /** Model provider credentials (name → key), which `TenantConfig` does not carry. */
  async modelCredentials(id: TenantId): Promise<Record<string, ModelCredential>> {
    const doc = await this.options.tenants.get(id);
    if (!doc) throw tenantMissing(id);
    return this.#entryOf(doc).models;
  }

  /** Creates a tenant from a tenants-file entry (plus `models`); `DOCUMENT_CONFLICT` if the id is taken. */
  async create(input: unknown): Promise<TenantConfig> {
    const entry = parseTenantEntry(input);
    const config = toTenantConfig(entry, this.options.sandboxUrl);
    const id = tenantId(entry.id);
    await this.options.tenants.create(id, sealEntry(entry, this.options.secrets), this.#iso());
    this.#cache.invalidate(id);
    await this.#audit(id, 'tenant.create', input);
    return config;
  }

  /** Applies a JSON merge patch (objects merge, `null` deletes, arrays replace) and validates the result. */
  async update(
    id: TenantId,
    patch: Record<string, unknown>,
    operation = 'tenant.update',
  ): Promise<TenantConfig> {
    if ('id' in patch && patch.id !== id) throw tenantIdImmutable(id);
    for (let attempt = 1; ; attempt++) {
      const doc = await this.options.tenants.get(id);
      if (!doc) throw tenantMissing(id);
      const input = mergePatch.apply(
        openToInput(id, doc.config, this.options.secrets),
        structuredClone(patch),
      );
      const entry = parseTenantEntry(input);
      const config = toTenantConfig(entry, this.options.sandboxUrl);
      try {
        await this.options.tenants.replace(
          id,
          sealEntry(entry, this.options.secrets),
          doc.revision,
          this.#iso(),
        );
      } catch (error) {
        if (isCrewError(error, 'DOCUMENT_CONFLICT') && attempt < CONFLICT_RETRIES) continue;
        throw error;
      } finally {
        this.#cache.invalidate(id);
      }
      await this.#audit(id, operation, patch);
      return config;
    }
  }

  disable(id: TenantId): Promise<TenantConfig> {
    return this.update(id, { enabled: false }, 'tenant.disable');
  }

  enable(id: TenantId): Promise<TenantConfig> {
    return this.update(id, { enabled: true }, 'tenant.enable');
  }

  setChatwootCredentials(
    id: TenantId,
    credentials: {
      baseUrl?: string | null;
      botToken?: SecretInput;
      webhookSecret?: SecretInput;
      agentToken?: SecretInput;
    },
  ): Promise<TenantConfig> {
    return this.update(id, { chatwoot: credentials }, 'tenant.set_chatwoot_credentials');
  }

  setOdooConnection(
    id: TenantId,
    odoo: {
      url?: string;
      db?: string;
      user?: string;
      apiKey?: SecretInput;
      protocol?: 'jsonrpc' | 'xmlrpc' | 'json2' | 'auto';
    },
  ): Promise<TenantConfig> {
    return this.update(id, { odoo }, 'tenant.set_odoo_connection');
  }

  /** Sets (or with `null` removes) one model provider's credentials. */
  setModelCredentials(
    id: TenantId,
    provider: string,
    credential: { apiKey: string; baseUrl?: string } | null,
  ): Promise<TenantConfig> {
    return this.update(id, { models: { [provider]: credential } }, 'tenant.set_model_credentials');
  }

  /** Routes a Chatwoot inbox to a crew; `null` goes back to the choice by channel type. */
  mapInbox(id: TenantId, inboxId: number, crew: CrewName | null): Promise<TenantConfig> {
    return this.update(id, { inboxCrews: { [String(inboxId)]: crew } }, 'tenant.map_inbox');
  }

  setEnabledSpecialists(id: TenantId, specialists: SpecialistKind[]): Promise<TenantConfig> {
    return this.update(id, { enabledSpecialists: specialists }, 'tenant.set_specialists');
  }

  /** Turns Odoo write tools on or off (the tenant must have an Odoo connection). */
  setWriteTools(id: TenantId, enabled: boolean): Promise<TenantConfig> {
    return this.update(id, { odoo: { allowWrites: enabled } }, 'tenant.set_write_tools');
  }

  /** Re-seals every tenant's secrets with the current key (after rotating CONFIG_ENCRYPTION_KEY). */
  async reseal(): Promise<TenantId[]> {
    const done: TenantId[] = [];
    for (const doc of await this.options.tenants.list()) {
      await this.update(doc.id, {}, 'tenant.reseal');
      done.push(doc.id);
    }
    return done;
  }

  /** Drops cached copies, e.g. when another process announces a change. */
  invalidate(id?: TenantId): void {
    this.#cache.invalidate(id);
  }

  #entryOf(doc: TenantDocument): TenantStoreEntry {
    return parseTenantEntry(openToInput(doc.id, doc.config, this.options.secrets));
  }

  #iso(): string {
    return new Date(this.#now()).toISOString();
  }

  async #audit(id: TenantId, tool: string, change: unknown): Promise<void> {
    if (!this.options.auditLog) return;
    const redacted = JSON.parse(JSON.stringify(redactSecrets(change, id) ?? {}));
    await this.options.auditLog.append(id, {
      kind: 'config_change',
      tool,
      arguments: redacted,
      outcome: 'ok',
      at: this.#iso(),
    });
  }
}
