import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The recorded Chatwoot deliveries in ../shared/fixtures/chatwoot (signed with `whsec_test_secret`). */
export const FIXTURE_SECRET = 'whsec_test_secret';

const dir = fileURLToPath(new URL('../../../../shared/fixtures/chatwoot/', import.meta.url));

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
