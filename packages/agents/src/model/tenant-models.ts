import { createHash } from 'node:crypto';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createOpenAI } from '@ai-sdk/openai';
import {
  ENVIRONMENT_PROVIDER,
  SPECIALIST_KINDS,
  type ImageDescriber,
  Secret,
  type MediaModels,
  type SpecialistKind,
  type TenantConfig,
  type Transcriber,
} from '@mcp-crew/core';
import { createHostedModel, type ModelBreakers } from './hosted-model.js';
import { OpenAiTranscriber } from './openai-transcriber.js';
import { VisionDescriber } from './vision-describer.js';

/** The environment's model settings: every tenant's default. */
export interface ModelDefaults {
  apiKey?: Secret;
  baseUrl?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  /** Tokens per conversation before the offline engine answers (0 = no limit). */
  tokenBudget: number;
  vision: boolean;
  /** Speech-to-text model of the environment's endpoint; unset = none. */
  transcriptionModel?: string;
}

/** A model on an endpoint, with its call timeout. */
export interface ModelChoice {
  apiKey: Secret;
  baseUrl?: string;
  model: string;
  timeoutMs: number;
}

/** One specialist's model once the tenant's settings are applied over the environment's. */
export interface ResolvedModel extends ModelChoice {
  tokenBudget: number;
  vision: boolean;
}

/** The model a tenant's specialist uses: its choice over the tenant's default over the environment's; no key = none. */
export function resolveModel(
  tenant: TenantConfig,
  kind: SpecialistKind,
  env: ModelDefaults,
): ResolvedModel | undefined {
  const top = tenant.model ?? {};
  const own = top.specialists?.[kind] ?? {};
  const choice = layered(tenant, own, env);
  if (!choice) return undefined;
  return {
    ...choice,
    tokenBudget: own.tokenBudget ?? top.tokenBudget ?? env.tokenBudget,
    // Vision belongs to the model: a tenant's own model is not assumed to see because the environment's does.
    vision: own.vision ?? (own.name ? false : (top.vision ?? (top.name ? false : env.vision))),
  };
}

/** The tenant's speech-to-text endpoint, else the environment's when it names a transcription model. */
export function resolveTranscription(tenant: TenantConfig, env: ModelDefaults): ModelChoice | undefined {
  const own = tenant.model?.transcription;
  const model = own?.name ?? env.transcriptionModel;
  if (!model) return undefined;
  const endpoint = endpointOf(tenant, own?.provider, env);
  return endpoint ? { ...endpoint, model, timeoutMs: own?.timeoutMs ?? env.timeoutMs } : undefined;
}

/** The tenant's photo-only vision model (`model.images`), when it names one and has a key for it. */
export function resolveImages(tenant: TenantConfig, env: ModelDefaults): ModelChoice | undefined {
  const own = tenant.model?.images;
  if (!own?.name) return undefined;
  const endpoint = endpointOf(tenant, own.provider, env);
  return endpoint ? { ...endpoint, model: own.name, timeoutMs: own.timeoutMs ?? env.timeoutMs } : undefined;
}

/** The selector's model: the tenant's `model.selector` over its default choice over the environment's; no key = none. */
export function resolveSelector(tenant: TenantConfig, env: ModelDefaults): ModelChoice | undefined {
  return layered(tenant, tenant.model?.selector ?? {}, env);
}

/** `own` (provider, name, timeout) over the tenant's default model over the environment's; no key = none. */
function layered(
  tenant: TenantConfig,
  own: { provider?: string; name?: string; timeoutMs?: number },
  env: ModelDefaults,
): ModelChoice | undefined {
  const top = tenant.model ?? {};
  const endpoint = endpointOf(tenant, own.provider ?? top.provider, env);
  if (!endpoint) return undefined;
  return {
    ...endpoint,
    model: own.name ?? top.name ?? env.model,
    timeoutMs: own.timeoutMs ?? top.timeoutMs ?? env.timeoutMs,
  };
}

function endpointOf(
  tenant: TenantConfig,
  provider: string | undefined,
  env: ModelDefaults,
): { apiKey: Secret; baseUrl?: string } | undefined {
  const name = provider ?? ENVIRONMENT_PROVIDER;
  const own = tenant.models?.[name];
  if (own) return { apiKey: own.apiKey, ...(own.baseUrl ? { baseUrl: own.baseUrl } : {}) };
  if (name !== ENVIRONMENT_PROVIDER || !env.apiKey) return undefined;
  return { apiKey: env.apiKey, ...(env.baseUrl ? { baseUrl: env.baseUrl } : {}) };
}

export interface TenantModelsOptions extends ModelBreakers {
  defaults: ModelDefaults;
}

interface Cached<T> {
  key: string;
  value: T;
}

/**
 * Every tenant's models, built from its settings and kept while those settings stay the same: the same
 * object for the same configuration, so agents built on a model are built once and rebuilt only when the
 * tenant's model settings (endpoint, key, name, timeout, budget) change.
 */
export class TenantModels implements MediaModels {
  readonly #chat = new Map<string, Cached<{ model: LanguageModelV3; resolved: ResolvedModel }>>();
  readonly #transcribers = new Map<string, Cached<Transcriber>>();
  readonly #describers = new Map<string, Cached<ImageDescriber>>();
  readonly #selectors = new Map<string, Cached<LanguageModelV3>>();

  constructor(private readonly options: TenantModelsOptions) {}

  /** The hosted chat model of a tenant's specialist; undefined = no key anywhere: the offline engine answers. */
  chat(
    tenant: TenantConfig,
    kind: SpecialistKind,
  ): { model: LanguageModelV3; resolved: ResolvedModel } | undefined {
    const resolved = resolveModel(tenant, kind, this.options.defaults);
    if (!resolved) return undefined;
    return this.#cached(this.#chat, `${tenant.id}:${kind}`, resolved, () => ({
      resolved,
      model: this.#hosted(resolved),
    }));
  }

  #hosted(resolved: { apiKey: Secret; baseUrl?: string; model: string; timeoutMs: number }): LanguageModelV3 {
    return createHostedModel(
      {
        apiKey: resolved.apiKey,
        model: resolved.model,
        timeoutMs: resolved.timeoutMs,
        maxRetries: this.options.defaults.maxRetries,
        ...(resolved.baseUrl ? { baseUrl: resolved.baseUrl } : {}),
      },
      this.options,
    );
  }

  /** The hosted model of the tenant's specialist selector; undefined = no key anywhere: the deterministic one. */
  selector(tenant: TenantConfig): LanguageModelV3 | undefined {
    const resolved = resolveSelector(tenant, this.options.defaults);
    if (!resolved) return undefined;
    return this.#cached(this.#selectors, tenant.id, resolved, () => this.#hosted(resolved));
  }

  transcriber(tenant: TenantConfig): Transcriber | undefined {
    const resolved = resolveTranscription(tenant, this.options.defaults);
    if (!resolved) return undefined;
    return this.#cached(this.#transcribers, tenant.id, resolved, () => {
      const provider = createOpenAI({
        apiKey: resolved.apiKey.reveal(),
        ...(resolved.baseUrl ? { baseURL: resolved.baseUrl } : {}),
      });
      return new OpenAiTranscriber(provider.transcription(resolved.model), resolved.timeoutMs);
    });
  }

  describer(tenant: TenantConfig, kind: SpecialistKind): ImageDescriber | undefined {
    const images = resolveImages(tenant, this.options.defaults);
    if (images)
      return this.#cached(
        this.#describers,
        tenant.id,
        images,
        () => new VisionDescriber(this.#hosted(images)),
      );
    // Else the crew's default specialist's model when it sees, else the first of the tenant's that does.
    for (const candidate of [kind, ...SPECIALIST_KINDS.filter((k) => k !== kind)]) {
      const chosen = this.chat(tenant, candidate);
      if (!chosen?.resolved.vision) continue;
      return this.#cached(
        this.#describers,
        tenant.id,
        chosen.resolved,
        () => new VisionDescriber(chosen.model),
      );
    }
    return undefined;
  }

  #cached<T>(map: Map<string, Cached<T>>, slot: string, config: object, build: () => T): T {
    const key = fingerprint(config);
    const found = map.get(slot);
    if (found?.key === key) return found.value;
    const value = build();
    map.set(slot, { key, value });
    return value;
  }
}

/** A digest of a resolved model's settings; the key counts by its hash, so no secret is kept in the digest. */
function fingerprint(config: object): string {
  // Secret.toJSON redacts before a replacer sees the value, so the raw property is read from the holder.
  const json = JSON.stringify(config, function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = key === '' ? value : this[key];
    return raw instanceof Secret
      ? `secret:${createHash('sha256').update(raw.reveal()).digest('hex')}`
      : value;
  });
  return createHash('sha256').update(json).digest('hex');
}
