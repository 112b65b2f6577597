import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The secret the recorded Chatwoot deliveries in fixtures/chatwoot are signed with (see its README). */
export const FIXTURE_SECRET = 'whsec_test_secret';

/** The recorded Chatwoot deliveries, kept in this package. */
export const CHATWOOT_FIXTURE_DIR = fileURLToPath(new URL('../fixtures/chatwoot/', import.meta.url));
const dir = CHATWOOT_FIXTURE_DIR;

export interface ChatwootFixture {
  rawBody: Buffer;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

export function loadChatwootFixture(name: string): ChatwootFixture {
  const rawBody = readFileSync(`${dir}${name}.json`);
  const headers = JSON.parse(readFileSync(`${dir}${name}.headers.json`, 'utf8')) as Record<string, string>;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { rawBody, headers: lower, body: JSON.parse(rawBody.toString('utf8')) as Record<string, unknown> };
}
