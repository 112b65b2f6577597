import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { signChatwootBody } from '@mcp-crew/pipeline';
import { loadChatwootFixture } from '@mcp-crew/testing';
import { loadSettings } from '@mcp-crew/config';
import type { SpecialistRegistry } from '@mcp-crew/core';
import { createRuntime } from '../src/runtime/create-runtime.js';
import { startHttp } from '../src/bootstrap.js';

export const CREWS_DIR = fileURLToPath(new URL('../../../crews', import.meta.url));

/** A tenants file for tests: the demo tenant pointed at a local fake Chatwoot. */
export function writeTenantsFile(chatwootUrl: string, extra = '', agentToken?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-crew-e2e-'));
  const file = join(dir, 'tenants.yaml');
  writeFileSync(
    file,
    `tenants:
  - id: demo
    name: Pinturas El Arcoíris
    chatwootAccountId: 3
    chatwoot: {baseUrl: "${chatwootUrl}", botToken: bot-token-e2e-123, webhookSecret: whsec_test_secret${agentToken ? `, agentToken: ${agentToken}` : ''}}
    inboxCrews: {"77": mercadolivre}
${extra}`,
  );
  return file;
}

export interface AppOptions {
  tenantsFile: string;
  redisUrl?: string;
  specialists?: SpecialistRegistry;
  env?: Record<string, string>;
  /** The clock business hours are read with; default a Monday 10:00 in Bogotá, in the demo shop's hours. */
  now?: () => number;
  /** The app's logger (a test that reads the log lines); default silent. */
  logger?: Logger;
}

/** In the demo shop's business hours (Mon–Fri 7:30–18:00 Bogotá), so hand-overs in e2e tests do not depend on when they run. */
export const IN_BUSINESS_HOURS = Date.parse('2026-11-30T10:00:00-05:00');

export async function startApp(options: AppOptions) {
  const env = {
    TENANTS_FILE: options.tenantsFile,
    // Embedded stores of each test app live in their own temporary folder.
    DATA_DIR: mkdtempSync(join(tmpdir(), 'mcp-crew-data-')),
    COLLECTIONS_DIR: fileURLToPath(new URL('../../../collections', import.meta.url)),
    CREWS_DIR,
    REDIS_URL: options.redisUrl ?? '',
    COALESCE_WINDOW_MS: '150',
    QUEUE_BACKOFF_MS: '50',
    QUEUE_ATTEMPTS: '3',
    QUEUE_PREFIX: `e2e-${process.pid}-${Date.now()}`,
    LOG_LEVEL: 'silent',
    ...options.env,
  };
  const settings = loadSettings(env);
  const runtime = await createRuntime({
    settings,
    logger: options.logger ?? pino({ level: 'silent' }),
    env,
    specialists: options.specialists,
    now: options.now ?? (() => IN_BUSINESS_HOURS),
  });
  const http = await startHttp(runtime, 0, '127.0.0.1');
  // Not awaited: with Redis down the worker waits for it, while HTTP must already answer (500, 503).
  void runtime.startWorker().catch(() => undefined);
  return {
    runtime,
    url: http.url,
    close: async () => {
      await http.close();
      await runtime.close();
    },
  };
}

/** A fixture re-signed with the current time (the recorded timestamps are months old). */
export function signedFixture(name: string, mutate?: (body: Record<string, unknown>) => void) {
  const fixture = loadChatwootFixture(name);
  let raw = fixture.rawBody;
  if (mutate) {
    const body = structuredClone(fixture.body);
    mutate(body);
    raw = Buffer.from(JSON.stringify(body));
  }
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    body: raw,
    headers: {
      'content-type': 'application/json',
      'x-chatwoot-delivery': crypto.randomUUID(),
      'x-chatwoot-timestamp': timestamp,
      'x-chatwoot-signature': signChatwootBody('whsec_test_secret', timestamp, raw),
    },
  };
}

export async function post(url: string, request: { body: Buffer; headers: Record<string, string> }) {
  const response = await fetch(url, { method: 'POST', body: request.body, headers: request.headers });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/**
 * A customer's WhatsApp text with Chatwoot message id `id`, signed and posted to `tenant`'s webhook at `url`
 * (from `account` when the tenant is not the fixture's Chatwoot account 3).
 */
export function sendText(
  url: string,
  id: number,
  content: string,
  tenant = 'demo',
  account?: { id: number; name: string },
) {
  return post(
    `${url}/webhooks/chatwoot/${tenant}`,
    signedFixture('whatsapp_incoming_text', (body) => {
      body['id'] = id;
      body['content'] = content;
      if (account) body['account'] = account;
    }),
  );
}

/** Polls until `check` returns a truthy value (bounded), instead of sleeping a fixed time. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 8000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
