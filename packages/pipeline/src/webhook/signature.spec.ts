import { FIXTURE_SECRET, loadChatwootFixture } from '@mcp-crew/testing';
import { Secret } from '@mcp-crew/core';
import { checkChatwootSignature, signatureKey, signChatwootBody } from './signature.js';

const fixture = loadChatwootFixture('whatsapp_incoming_text');
const at = Number(fixture.headers['x-chatwoot-timestamp']) * 1000;
const base = {
  secret: FIXTURE_SECRET,
  timestamp: fixture.headers['x-chatwoot-timestamp'],
  signature: fixture.headers['x-chatwoot-signature'],
  rawBody: fixture.rawBody,
  nowMs: at + 1000,
  maxAgeSeconds: 300,
};

describe('checkChatwootSignature', () => {
  it.each([
    'whatsapp_incoming_text',
    'whatsapp_outgoing_echo',
    'whatsapp_private_note',
    'whatsapp_human_owns',
    'email_incoming',
  ])('accepts the recorded signature of %s over the raw bytes', (name) => {
    const f = loadChatwootFixture(name);
    const now = Number(f.headers['x-chatwoot-timestamp']) * 1000;
    const input = {
      ...base,
      timestamp: f.headers['x-chatwoot-timestamp'],
      signature: f.headers['x-chatwoot-signature'],
      rawBody: f.rawBody,
      nowMs: now,
    };
    expect(checkChatwootSignature(input)).toBeUndefined();
  });

  it('rejects a re-serialised body (Chatwoot escapes <, >, & and key order is not ours to keep)', () => {
    const reserialised = Buffer.from(
      JSON.stringify(JSON.parse(fixture.rawBody.toString())).replace('¿', '\\u00bf'),
    );
    expect(checkChatwootSignature({ ...base, rawBody: reserialised })).toBe('bad_signature');
  });

  it.each([
    [{ signature: undefined }, 'missing_signature'],
    [{ timestamp: undefined }, 'missing_timestamp'],
    [{ timestamp: 'yesterday' }, 'missing_timestamp'],
    [{ signature: 'sha1=abc' }, 'malformed_signature'],
    [{ signature: `sha256=${'0'.repeat(64)}` }, 'bad_signature'],
    [{ secret: 'another-secret' }, 'bad_signature'],
    [{ nowMs: at + 301_000 }, 'stale_timestamp'],
    [{ nowMs: at - 301_000 }, 'stale_timestamp'],
  ])('fails %j with %s', (override, reason) => {
    expect(checkChatwootSignature({ ...base, ...override })).toBe(reason);
  });

  it('signs the way Chatwoot does', () => {
    expect(signChatwootBody(FIXTURE_SECRET, base.timestamp!, fixture.rawBody)).toBe(base.signature);
  });
});

describe('signatureKey', () => {
  it("is made once per secret and verifies like the secret itself; another secret's key does not", () => {
    const secret = new Secret(FIXTURE_SECRET);
    const key = signatureKey(secret);
    expect(signatureKey(secret)).toBe(key);
    expect(checkChatwootSignature({ ...base, secret: key })).toBeUndefined();
    const other = signatureKey(new Secret('another-webhook-secret'));
    expect(other).not.toBe(key);
    expect(checkChatwootSignature({ ...base, secret: other })).toBe('bad_signature');
  });
});
