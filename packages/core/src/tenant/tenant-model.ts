import type { Secret } from './secret.js';
import type { SpecialistKind } from './tenant.js';

/** The provider the environment configures (`OPENAI_API_KEY`, `OPENAI_BASE_URL`) unless the tenant names its own. */
export const ENVIRONMENT_PROVIDER = 'openai';

/** One OpenAI or OpenAI-compatible endpoint of a tenant: its key (sealed at rest) and, when not OpenAI, its URL. */
export interface ModelEndpoint {
  apiKey: Secret;
  baseUrl?: string;
}

/** Which model answers, and its limits; unset fields come from the level above (tenant, then environment). */
export interface ModelChoice {
  /** A name in the tenant's `models`, or `openai` (the tenant's `models.openai`, else the environment's key). */
  provider?: string;
  /** The model id the endpoint knows (`gpt-4o-mini`, `llama3.1`). */
  name?: string;
  timeoutMs?: number;
  /** Model tokens one conversation may spend before the offline engine answers its turns (0 = no limit). */
  tokenBudget?: number;
  /** The model takes images: photos become part of the turn. */
  vision?: boolean;
}

/** A tenant's model settings: its default choice, per-specialist choices over it, and speech to text. */
export interface TenantModelSettings extends ModelChoice {
  specialists?: Partial<Record<SpecialistKind, ModelChoice>>;
  /** The `/audio/transcriptions` endpoint for voice notes; absent = only Chatwoot's own transcription. */
  transcription?: Pick<ModelChoice, 'provider' | 'name' | 'timeoutMs'>;
  /**
   * A vision-capable model that only looks at photos (the specialists may run on another model, or on the
   * offline engine); absent = a specialist's model with `vision: true`.
   */
  images?: Pick<ModelChoice, 'provider' | 'name' | 'timeoutMs'>;
  /** The specialist selector's model (one short call per turn); absent = the tenant's default choice above. */
  selector?: Pick<ModelChoice, 'provider' | 'name' | 'timeoutMs'>;
}
