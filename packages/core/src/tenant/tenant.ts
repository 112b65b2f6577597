import type { TenantLimits } from '../queue/tenant-limits.js';
import type { Secret } from './secret.js';
import type { CrewSettingsOverride } from '../crew/crew-routing.js';
import type { ModelEndpoint, TenantModelSettings } from './tenant-model.js';

/** A tenant is one business (one Chatwoot account). Branded so a plain string cannot stand in for it. */
export type TenantId = string & { readonly __brand: 'TenantId' };

export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function tenantId(value: string): TenantId {
  if (!TENANT_ID_PATTERN.test(value)) {
    throw new Error(`invalid tenant id "${value}": expected lowercase letters, digits, "-" or "_" (max 63)`);
  }
  return value as TenantId;
}

export type Language = 'es' | 'pt' | 'en';

export const SPECIALIST_KINDS = ['sales', 'scheduling', 'business_rules', 'support'] as const;
export type SpecialistKind = (typeof SPECIALIST_KINDS)[number];

export const CREW_NAMES = ['whatsapp', 'facebook', 'instagram', 'email', 'mercadolivre', 'webchat'] as const;
export type CrewName = (typeof CREW_NAMES)[number];

export interface ChatwootConnection {
  /** Base URL of the Chatwoot installation; absent = print outgoing calls instead of sending them. */
  baseUrl?: string;
  botToken?: Secret;
  webhookSecret?: Secret;
  /**
   * An access token of a Chatwoot administrator (Profile settings → Access token), used only to read the
   * account's agents, team members and open-conversation counts when routing a hand-over: an Agent Bot token
   * may not read them. Absent = hand-overs go to the crew's team without choosing an agent.
   */
  agentToken?: Secret;
  /** Explicit opt-out of webhook signature checks (logged at startup). */
  allowUnsignedWebhooks: boolean;
}

export interface OdooConnection {
  url: string;
  db: string;
  user: string;
  apiKey: Secret;
  protocol?: 'jsonrpc' | 'xmlrpc' | 'json2';
  allowWrites: boolean;
  /** True when this is the bundled Odoo sandbox (development), which the main job starts itself. */
  sandbox: boolean;
}

/** How the crew treats big orders: above these, a CRM lead and a salesperson instead of a quotation. */
export interface SalesSettings {
  /** An order line of more units than this goes to a salesperson. */
  bigOrderUnits: number;
  /** An order whose untaxed total at list price (the Odoo company's currency) is above this, too; unset: no amount limit. */
  bigOrderAmount?: number;
}

export const DEFAULT_SALES_SETTINGS: SalesSettings = { bigOrderUnits: 100 };

/** Everything the pipeline needs to serve one tenant. */
export interface TenantConfig {
  id: TenantId;
  name: string;
  /** The Chatwoot account id whose webhooks belong to this tenant. */
  chatwootAccountId?: number;
  language: Language;
  timezone: string;
  enabled: boolean;
  chatwoot: ChatwootConnection;
  odoo?: OdooConnection;
  /** Chatwoot inbox id -> crew, overriding the choice by channel type. */
  inboxCrews: Record<string, CrewName>;
  /** Crew for channels without a crew of their own (web widget, Telegram, SMS, ...). */
  defaultCrew: CrewName;
  enabledSpecialists: SpecialistKind[];
  /** Share of the workers and of the model; `DEFAULT_TENANT_LIMITS` when absent. */
  limits?: TenantLimits;
  /** This tenant's changes to crews' hours and hand-over routing (the Chatwoot team ids are the tenant's). */
  crewSettings?: Partial<Record<CrewName, CrewSettingsOverride>>;
  /** The tenant's own model endpoints by name (keys sealed at rest); none = the environment's. */
  models?: Record<string, ModelEndpoint>;
  /** Which endpoint and model each specialist uses, with timeout and token budget; absent = the environment's. */
  model?: TenantModelSettings;
  /** Big-order thresholds; `DEFAULT_SALES_SETTINGS` when absent. */
  sales?: SalesSettings;
}

/** Where tenant configuration comes from: files on one machine, MongoDB in production. */
export interface TenantDirectory {
  get(id: TenantId): Promise<TenantConfig | undefined>;
  list(): Promise<TenantConfig[]>;
}
