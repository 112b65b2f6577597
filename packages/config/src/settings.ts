import { z } from 'zod';
import { CrewError } from '@mcp-crew/core';

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional();

/**
 * Every process setting, with its default. The README's configuration table mirrors this list;
 * `describe()` texts are what `crew serve --help-config` would print.
 */
export const settingsSchema = z.object({
  PORT: int(3000, 1).describe('HTTP port of the orchestrator.'),
  HOST: z.string().default('127.0.0.1').describe('Interface to bind; use 0.0.0.0 in a container.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: optionalUrl.describe('Redis for the queue and conversation state; unset = in-process.'),
  QUEUE_PREFIX: z.string().regex(/^[a-zA-Z0-9:_-]+$/).default('mcp-crew').describe('Prefix of every Redis key the queue and state use.'),
  TENANTS_FILE: z.string().default('config/tenants.yaml').describe('Tenant directory file (YAML or JSON).'),
  CREWS_DIR: z.string().default('crews').describe('Folder of crew definitions.'),
  DATA_DIR: z.string().default('.data').describe('Where embedded stores keep their files.'),
  COLLECTIONS_DIR: z.string().default('collections').describe('Seed knowledge ingested for the demo tenant on start.'),
  COALESCE_WINDOW_MS: int(1500).describe('Messages of one conversation within this window form one turn.'),
  QUEUE_ATTEMPTS: int(4, 1).describe('Attempts per turn before handing the conversation to a human.'),
  QUEUE_BACKOFF_MS: int(1000, 1).describe('First retry delay; doubles each attempt.'),
  WORKER_CONCURRENCY: int(16, 1).describe('Conversations one worker process handles at once.'),
  IDEMPOTENCY_TTL_SECONDS: int(86_400, 1).describe('How long a received message and its delivery id are remembered to drop copies.'),
  TURN_DEADLINE_MS: int(15_000, 1000).describe('Time from a turn\'s first message to the answer; past it the conversation is handed over.'),
  ODOO_CALL_TIMEOUT_MS: int(5000, 100).describe('Longest wait for one Odoo read inside a turn (cut to what is left of the turn).'),
  BREAKER_FAILURES: int(3, 1).describe('Consecutive failures of a tenant\'s Odoo or model endpoint that open its circuit breaker.'),
  BREAKER_OPEN_SECONDS: int(30, 1).describe('How long an open breaker fails calls at once before trying one again.'),
  QUEUE_LOCK_MS: int(5000, 1000).describe('BullMQ job lock: a worker that stops renewing it (dead) loses its turn after this long.'),
  QUEUE_STALLED_CHECK_MS: int(4000, 500).describe('How often workers look for turns whose worker died (BullMQ stalledInterval).'),
  WEBHOOK_MAX_AGE_SECONDS: int(300, 1).describe('Signed webhooks older than this are refused.'),
  ODOO_SANDBOX_PORT: int(8169, 1).describe('Port of the Odoo sandbox the main job starts when a tenant uses it.'),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Reads settings from an environment, failing with every invalid variable named. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new CrewError('CONFIG_INVALID', `invalid environment: ${problems.join('; ')}`, {
    domain: 'config',
    category: 'user',
    details: { problems },
  });
}
