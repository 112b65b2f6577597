import { Inject, Injectable } from '@nestjs/common';
import type { TenantConfig, TenantId } from '@mcp-crew/core';
import type { TenantStore } from '@mcp-crew/tenant-store';
import type { Logger } from 'pino';
import { LOGGER, TENANT_STORE } from '../runtime/providers.js';
import { TenantSnapshot } from '../tenants/tenant-snapshot.js';
import type {
  ChatwootCredentialsBody,
  InboxesBody,
  ModelCredentialsBody,
  ModelSettingsBody,
  OdooApiCredentialsBody,
  OdooConnectionBody,
  UpdateTenantBody,
} from './admin-schemas.js';
import { tenantNotFound, tenantsReadOnly } from './admin-errors.js';
import { checkChatwoot, checkOdoo, type ConnectionCheck } from './connection-checks.js';
import { tenantView, type TenantView } from './tenant-view.js';

/**
 * The admin API's operations over the tenant store. Every change goes through `TenantStore` (validated,
 * secrets sealed, audited as `config_change` with secrets redacted) and then refreshes the webhook's
 * snapshot, so it takes effect without a restart.
 */
@Injectable()
export class TenantAdminService {
  constructor(
    @Inject(TenantSnapshot) private readonly tenants: TenantSnapshot,
    @Inject(TENANT_STORE) private readonly store: TenantStore | null,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async list(): Promise<TenantView[]> {
    const tenants = await this.tenants.list();
    return Promise.all(tenants.map((t) => this.#view(t)));
  }

  async read(id: TenantId): Promise<TenantView> {
    return this.#view(await this.#tenant(id));
  }

  create(body: Record<string, unknown>): Promise<TenantView> {
    return this.#change(body['id'] as TenantId, (store) => store.create(body));
  }

  update(id: TenantId, body: UpdateTenantBody): Promise<TenantView> {
    return this.#change(id, (store) => store.update(id, body));
  }

  setEnabled(id: TenantId, enabled: boolean): Promise<TenantView> {
    return this.#change(id, (store) => (enabled ? store.enable(id) : store.disable(id)));
  }

  setChatwoot(id: TenantId, body: ChatwootCredentialsBody): Promise<TenantView> {
    const { allowUnsignedWebhooks, ...credentials } = body;
    if (allowUnsignedWebhooks === undefined)
      return this.#change(id, (store) => store.setChatwootCredentials(id, credentials));
    return this.#change(id, (store) =>
      store.update(id, { chatwoot: body }, 'tenant.set_chatwoot_credentials'),
    );
  }

  setOdoo(id: TenantId, body: OdooConnectionBody): Promise<TenantView> {
    return this.#change(id, (store) => store.setOdooConnection(id, body));
  }

  setModel(id: TenantId, provider: string, body: ModelCredentialsBody | null): Promise<TenantView> {
    return this.#change(id, (store) => store.setModelCredentials(id, provider, body));
  }

  /** The tenant's model settings as a merge patch (`null` removes); applied to the next turn, agents rebuilt. */
  setModelSettings(id: TenantId, body: ModelSettingsBody): Promise<TenantView> {
    return this.#change(id, (store) => store.update(id, { model: body }, 'tenant.set_model_settings'));
  }

  mapInboxes(id: TenantId, body: InboxesBody): Promise<TenantView> {
    return this.#change(id, (store) => store.update(id, { inboxCrews: body.inboxes }, 'tenant.map_inbox'));
  }

  setSpecialists(id: TenantId, specialists: TenantConfig['enabledSpecialists']): Promise<TenantView> {
    return this.#change(id, (store) => store.setEnabledSpecialists(id, specialists));
  }

  setWriteTools(id: TenantId, enabled: boolean): Promise<TenantView> {
    return this.#change(id, (store) => store.setWriteTools(id, enabled));
  }

  setOdooApi(id: TenantId, body: OdooApiCredentialsBody): Promise<TenantView> {
    return this.#change(id, (store) =>
      store.update(id, { odooApi: body }, 'tenant.set_odoo_api_credentials'),
    );
  }

  async testConnections(id: TenantId): Promise<{ tenant: string; ok: boolean; checks: ConnectionCheck[] }> {
    const tenant = await this.#tenant(id);
    const checks = await Promise.all([checkChatwoot(tenant), checkOdoo(tenant)]);
    return { tenant: id, ok: checks.every((c) => c.ok || c.skipped), checks };
  }

  /** The tenant's configuration (secrets inside: never answer with it, only with a view). */
  config(id: TenantId): Promise<TenantConfig> {
    return this.#tenant(id);
  }

  /**
   * Applies a change through the tenant store, then refreshes the snapshot: the next turn sees it (agents are
   * rebuilt only when the tenant's model settings changed). Returns the new configuration.
   */
  async change(id: TenantId, apply: (store: TenantStore) => Promise<TenantConfig>): Promise<TenantConfig> {
    const store = this.store;
    if (!store) throw tenantsReadOnly();
    const config = await apply(store);
    await this.tenants.refresh();
    this.logger.info({ tenant: id ?? config.id }, 'tenant configuration changed');
    return config;
  }

  async #tenant(id: TenantId): Promise<TenantConfig> {
    const tenant = await this.tenants.get(id);
    if (!tenant) throw tenantNotFound(id);
    return tenant;
  }

  async #view(tenant: TenantConfig): Promise<TenantView> {
    return tenantView(tenant);
  }

  async #change(id: TenantId, apply: (store: TenantStore) => Promise<TenantConfig>): Promise<TenantView> {
    return this.#view(await this.change(id, apply));
  }
}
