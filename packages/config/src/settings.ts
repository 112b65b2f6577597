import { z } from 'zod';
import { DEFAULT_MODEL_TOKEN_BUDGET, Secret } from '@mcp-crew/core';
import { flag, int, optionalInt, port, secret, setting, url, type CatalogValues } from './env/fields.js';
import { configError, parseEnv } from './env/parse-env.js';
import { parseClusterNodes, type RedisEndpoint } from './redis-endpoint.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every setting of the main job (`crew serve`, `crew chat`, `crew ingest`), with its default. Nothing else in
 * the repository reads `process.env` for these; the README's table is rendered from this catalog and a test
 * keeps the two in step (`npm run docs:settings` rewrites it).
 */
export const settingsCatalog = {
  PORT: setting(port(3000), 'HTTP port of the orchestrator', '`3000`', '8080'),
  HOST: setting(
    z.string().default('127.0.0.1'),
    "interface the orchestrator and the MCP servers' HTTP mode bind",
    '`127.0.0.1`',
    '0.0.0.0',
  ),
  LOG_LEVEL: setting(
    z.enum(LOG_LEVELS, { message: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    'pino log level (`silent` turns logs off)',
    '`info`',
    'debug',
  ),
  REDIS_URL: setting(
    url(['redis', 'rediss']).optional(),
    'queue (BullMQ), conversation state, tenant cache and rate limits on Redis',
    'unset: in-process',
    'redis://127.0.0.1:6379',
  ),
  REDIS_CLUSTER_NODES: setting(
    z
      .string()
      .optional()
      .superRefine((value, ctx) => {
        if (value === undefined) return;
        try {
          parseClusterNodes(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
        }
      }),
    'the same on a Redis Cluster (instead of `REDIS_URL`): comma-separated `redis://` or `rediss://` URLs of some of its nodes, credentials in the first; every key carries a hash tag so multi-key commands stay in one slot',
    'unset: `REDIS_URL`',
    'redis://:pass@10.0.0.1:6379,redis://10.0.0.2:6379',
  ),
  QUEUE_PREFIX: setting(
    z
      .string()
      .regex(/^[a-zA-Z0-9:_-]+$/, { message: 'expected letters, digits, ":", "_" or "-"' })
      .default('mcp-crew'),
    "prefix of every Redis key: a tenant's keys under `<prefix>:{<tenant>}:`, BullMQ's under `{<prefix>:bull}` (the braces are Redis Cluster hash tags)",
    '`mcp-crew`',
    'crew-prod',
  ),
  TENANTS_FILE: setting(
    z.string().default('config/tenants.yaml'),
    'the file tenant directory (YAML or JSON); seeds the tenant store when one is used',
    '`config/tenants.yaml`',
    '/etc/crew/tenants.yaml',
  ),
  TENANT_STORE: setting(
    z.enum(['file', 'embedded', 'mongodb'], { message: 'expected file, embedded or mongodb' }).optional(),
    'where tenants live: the tenants file (read-only), or the embedded or MongoDB document store (editable through the admin API)',
    '`mongodb` with `MONGODB_URL`, else `file`',
    'embedded',
  ),
  CREWS_DIR: setting(z.string().default('crews'), 'crew definitions', '`crews`', '/etc/crew/crews'),
  DATA_DIR: setting(
    z.string().default('.data'),
    'files of the embedded stores (vectors, documents, sync cursors)',
    '`.data`',
    '/var/lib/crew',
  ),
  COLLECTIONS_DIR: setting(
    z.string().default('collections'),
    'seed knowledge for the demo tenant: ingested on start into its empty collections, or on request (`crew ingest --tenant demo --seed-demo`)',
    '`collections`',
    'collections',
  ),
  COALESCE_WINDOW_MS: setting(
    int(1500),
    'messages of one conversation within this window form one turn',
    '`1500`',
    '2000',
  ),
  QUEUE_ATTEMPTS: setting(
    int(4, 1, 100),
    'attempts per turn before the conversation goes to a human',
    '`4`',
    '6',
  ),
  QUEUE_BACKOFF_MS: setting(int(1000, 1), 'first retry delay; doubles each attempt', '`1000`', '500'),
  WORKER_CONCURRENCY: setting(
    int(16, 1, 10_000),
    'conversations one worker process handles at once',
    '`16`',
    '32',
  ),
  IDEMPOTENCY_TTL_SECONDS: setting(
    int(86_400, 1),
    'how long a received message (tenant, conversation, Chatwoot message id) and its delivery id are remembered to drop copies',
    '`86400`',
    '3600',
  ),
  TURN_DEADLINE_MS: setting(
    int(15_000, 1000),
    "time from a turn's first message to the customer's answer; past it the customer gets an honest short message, a private note says what was being done and what failed, and the conversation goes `open`",
    '`15000`',
    '10000',
  ),
  ODOO_CALL_TIMEOUT_MS: setting(
    int(5000, 100),
    'longest wait for one Odoo read inside a turn (cut to what is left of the turn; writes run to their end and are recorded)',
    '`5000`',
    '3000',
  ),
  BREAKER_FAILURES: setting(
    int(3, 1),
    "failures in a row that open a circuit breaker (its calls then fail at once): a tenant's Odoo or model endpoint, and each model endpoint (URL, model, key) shared by every tenant on it, counting only its timeouts, 5xx, 408/429 and connection errors",
    '`3`',
    '5',
  ),
  BREAKER_OPEN_SECONDS: setting(
    int(30, 1),
    'how long an open breaker fails calls at once before trying one again',
    '`30`',
    '60',
  ),
  QUEUE_LOCK_MS: setting(
    int(5000, 1000),
    'BullMQ job lock: a turn of a worker that died is resumed by another within this plus `QUEUE_STALLED_CHECK_MS`',
    '`5000`',
    '10000',
  ),
  QUEUE_STALLED_CHECK_MS: setting(
    int(4000, 500),
    'how often workers look for turns whose worker died (BullMQ stalledInterval)',
    '`4000`',
    '5000',
  ),
  WEBHOOK_MAX_AGE_SECONDS: setting(
    int(300, 1),
    'signed webhooks older (or newer) than this are refused',
    '`300`',
    '120',
  ),
  ODOO_SANDBOX_PORT: setting(
    port(8169),
    'port of the Odoo sandbox the main job starts for tenants with `odoo.url: sandbox`',
    '`8169`',
    '18169',
  ),
  OPENAI_API_KEY: setting(
    secret().optional(),
    'OpenAI (or compatible) key for the agents, the selector and embeddings',
    'unset: offline engine, local embedder',
    'sk-…',
  ),
  OPENAI_BASE_URL: setting(
    url(['http', 'https']).optional(),
    'any OpenAI-compatible endpoint (Ollama, vLLM, OpenRouter)',
    'OpenAI',
    'http://127.0.0.1:11434/v1',
  ),
  OPENAI_MODEL: setting(
    z.string().default('gpt-4o'),
    'chat model of the agents and the selector',
    '`gpt-4o`',
    'gpt-4.1-mini',
  ),
  OPENAI_TIMEOUT_MS: setting(
    int(30_000, 1, 600_000),
    'per-call timeout of the model; a call past it is aborted and retried',
    '`30000`',
    '15000',
  ),
  OPENAI_MAX_RETRIES: setting(
    int(2, 0, 10),
    'retries (exponential backoff from 1 s) on 429, 5xx and timeouts before the offline engine answers',
    '`2`',
    '4',
  ),
  MODEL_TOKEN_BUDGET_PER_CONVERSATION: setting(
    int(DEFAULT_MODEL_TOKEN_BUDGET, 0),
    'model tokens (input + output, as the provider reports them) one conversation may spend (`0` = no limit); past it, its turns use the offline engine, with a warning, a per-tenant counter and a private note once. The default is about 30 turns at a measured 6.7k tokens per turn (2–8k for a product question, a quotation or a confirmation)',
    '`200000`',
    '100000',
  ),
  OPENAI_VISION: setting(
    flag(false),
    "the environment's chat model takes images: customers' photos become part of the turn (tenants say so per model)",
    '`false`',
    'true',
  ),
  OPENAI_TRANSCRIPTION_MODEL: setting(
    z.string().min(1).optional(),
    "speech-to-text model of the environment's endpoint (`/audio/transcriptions`) for voice notes Chatwoot has not transcribed",
    "unset: Chatwoot's transcription only (tenants may set their own)",
    'whisper-1',
  ),
  VOICE_TRANSCRIPT_WAIT_MS: setting(
    int(8000, 0, 60_000),
    "how long a voice note's turn waits for Chatwoot's transcription (`message_updated`) before the crew's fallback; cut to leave the turn's deadline room to answer",
    '`8000`',
    '5000',
  ),
  MEDIA_MAX_BYTES: setting(
    int(25 * 1024 * 1024, 1024),
    'largest voice note or photo fetched from Chatwoot for transcription or vision (bigger ones get the fallback)',
    '`26214400` (25 MiB)',
    '10485760',
  ),
  EMBEDDINGS_PROVIDER: setting(
    z.enum(['local', 'openai'], { message: 'expected local or openai' }).optional(),
    'embedder of the knowledge collections; after a switch of dimension the start stops and names `crew reindex`',
    '`openai` with `OPENAI_API_KEY`, else `local`',
    'openai',
  ),
  EMBEDDINGS_MODEL: setting(
    z.string().default('text-embedding-3-small'),
    'OpenAI-compatible embedding model',
    '`text-embedding-3-small`',
    'text-embedding-3-large',
  ),
  EMBEDDINGS_DIMENSION: setting(
    optionalInt(1, 65_536),
    'vector size (must match the model; text-embedding-3-* can shorten theirs)',
    'local: `512`, OpenAI: `1536`',
    '256',
  ),
  QDRANT_URL: setting(
    url(['http', 'https']).optional(),
    'knowledge on Qdrant (one collection per kind, tenant as an indexed payload field)',
    'unset: embedded store',
    'http://127.0.0.1:6333',
  ),
  QDRANT_API_KEY: setting(secret().optional(), 'Qdrant API key', 'unset', 'qdrant-key'),
  QDRANT_COLLECTION_PREFIX: setting(
    z
      .string()
      .regex(/^[a-zA-Z0-9_-]*$/, { message: 'expected letters, digits, "_" or "-"' })
      .default('crew_'),
    'prefix of the Qdrant collections',
    '`crew_`',
    'prod_',
  ),
  MONGODB_URL: setting(
    url(['mongodb', 'mongodb+srv'])
      .transform((v) => new Secret(v))
      .optional(),
    'document store (tenants, business data, audit) on MongoDB',
    'unset: embedded store',
    'mongodb://127.0.0.1:27017/crew',
  ),
  MONGODB_DB: setting(z.string().optional(), 'MongoDB database name', 'the one in `MONGODB_URL`', 'crew'),
  CONFIG_ENCRYPTION_KEY: setting(
    secret().optional(),
    'AES-256-GCM key for tenant secrets at rest (64 hex chars or base64 of 32 bytes); required with a tenant store',
    'unset',
    'output of `openssl rand -base64 32`',
  ),
  CONFIG_ENCRYPTION_KEY_PREVIOUS: setting(
    secret().optional(),
    'comma-separated older keys, kept while rotating',
    'unset',
    'old-key-1,old-key-2',
  ),
  OPERATOR_API_KEY: setting(
    secret(16).optional(),
    'bearer token of the tenant admin API',
    'unset: admin API answers 503',
    '32+ random chars',
  ),
  COPILOT_SYNC_BUDGET_MS: setting(
    int(20_000, 1, 600_000),
    'how long the Odoo copilot endpoint waits before answering 202 with a job to poll',
    '`20000`',
    '10000',
  ),
  COPILOT_JOB_LEASE_MS: setting(
    int(30_000, 1000, 600_000),
    'how long a running copilot job is vouched for without a renewal (renewed every third of it): a job whose process died reads as failed this long after its last renewal',
    '`30000`',
    '10000',
  ),
  ODOO_API_RATE_LIMIT: setting(
    int(120, 1),
    'requests per minute per tenant on the API Odoo calls',
    '`120`',
    '600',
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: setting(
    url(['http', 'https']).optional(),
    'OpenTelemetry traces (webhook → queue → turn → model → tool → Odoo/Chatwoot) over OTLP/HTTP to this collector',
    'unset: tracing off',
    'http://127.0.0.1:4318',
  ),
  OTEL_SERVICE_NAME: setting(
    z.string().default('mcp-crew'),
    'service name on exported traces',
    '`mcp-crew`',
    'mcp-crew-worker',
  ),
};

/** Which adapter runs behind each port: decided here, once, from the settings (the composition root obeys). */
export interface AdapterChoice {
  /** Queue, conversation state, tenant cache and rate limits (Redis: one server or a cluster, see `redisEndpoint`). */
  shared: 'redis' | 'in-process';
  tenants: 'file' | 'embedded' | 'mongodb';
  vectors: 'qdrant' | 'embedded';
  embedder: 'openai' | 'local';
  model: 'openai' | 'offline';
}

export type Settings = CatalogValues<typeof settingsCatalog> & { adapters: AdapterChoice };

/** Reads settings from an environment, failing with every invalid variable named (values never echoed). */
export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  const values = parseEnv(settingsCatalog, env, 'invalid environment');
  return { ...values, adapters: chooseAdapters(values) };
}

function chooseAdapters(s: CatalogValues<typeof settingsCatalog>): AdapterChoice {
  const problems: string[] = [];
  const tenants = s.TENANT_STORE ?? (s.MONGODB_URL ? 'mongodb' : 'file');
  if (tenants === 'mongodb' && !s.MONGODB_URL) problems.push('TENANT_STORE: mongodb needs MONGODB_URL');
  if (tenants !== 'file' && !s.CONFIG_ENCRYPTION_KEY)
    problems.push(
      `CONFIG_ENCRYPTION_KEY: required with TENANT_STORE=${tenants} (secrets are encrypted at rest)`,
    );
  const embedder = s.EMBEDDINGS_PROVIDER ?? (s.OPENAI_API_KEY ? 'openai' : 'local');
  if (embedder === 'openai' && !s.OPENAI_API_KEY)
    problems.push('EMBEDDINGS_PROVIDER: openai needs OPENAI_API_KEY');
  if (s.REDIS_URL && s.REDIS_CLUSTER_NODES)
    problems.push(
      'REDIS_CLUSTER_NODES: set either REDIS_URL (one server) or REDIS_CLUSTER_NODES (a cluster), not both',
    );
  if (problems.length > 0) throw configError('invalid environment', problems);
  return {
    shared: s.REDIS_URL || s.REDIS_CLUSTER_NODES ? 'redis' : 'in-process',
    tenants,
    vectors: s.QDRANT_URL ? 'qdrant' : 'embedded',
    embedder,
    model: s.OPENAI_API_KEY ? 'openai' : 'offline',
  };
}

/** The Redis the shared stores use: `REDIS_URL` (one server) or `REDIS_CLUSTER_NODES` (a cluster); none = in-process. */
export function redisEndpoint(
  settings: Pick<Settings, 'REDIS_URL' | 'REDIS_CLUSTER_NODES'>,
): RedisEndpoint | undefined {
  if (settings.REDIS_CLUSTER_NODES) return { cluster: parseClusterNodes(settings.REDIS_CLUSTER_NODES) };
  return settings.REDIS_URL ? { url: settings.REDIS_URL } : undefined;
}
