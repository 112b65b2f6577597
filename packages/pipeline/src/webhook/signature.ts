import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

export type SignatureFailure =
  'missing_signature' | 'missing_timestamp' | 'malformed_signature' | 'stale_timestamp' | 'bad_signature';

export interface SignatureInput {
  /** The tenant's webhook secret, or its precomputed key (`signatureKey`): no key set-up per request. */
  secret: string | KeyObject;
  /** `X-Chatwoot-Timestamp`: epoch seconds. */
  timestamp: string | undefined;
  /** `X-Chatwoot-Signature`: `sha256=<hex>`. */
  signature: string | undefined;
  rawBody: Buffer;
  nowMs: number;
  maxAgeSeconds: number;
}

const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks Chatwoot's webhook signature: HMAC-SHA256(secret, `"{timestamp}.{raw body}"`), compared in
 * constant time, over the raw bytes (Chatwoot escapes <, >, & in JSON, so re-serialising would break it).
 * Returns the failure reason, or undefined when the request is authentic and fresh.
 */
export function checkChatwootSignature(input: SignatureInput): SignatureFailure | undefined {
  if (!input.signature) return 'missing_signature';
  if (!input.timestamp) return 'missing_timestamp';
  const match = SIGNATURE_FORMAT.exec(input.signature);
  if (!match?.[1]) return 'malformed_signature';
  const seconds = Number(input.timestamp);
  if (!Number.isInteger(seconds)) return 'missing_timestamp';
  // Allow the same skew into the future as into the past: clocks drift both ways.
  if (Math.abs(input.nowMs / 1000 - seconds) > input.maxAgeSeconds) return 'stale_timestamp';
  const expected = createHmac('sha256', input.secret)
    .update(`${input.timestamp}.`)
    .update(input.rawBody)
    .digest();
  const given = Buffer.from(match[1], 'hex');
  return timingSafeEqual(expected, given) ? undefined : 'bad_signature';
}

const keys = new WeakMap<object, KeyObject>();

/**
 * The HMAC key of a secret holder (a tenant's `Secret`), made once and kept while the holder lives: a changed
 * secret is a new holder, so it gets a new key without any invalidation.
 */
export function signatureKey(holder: { reveal(): string }): KeyObject {
  let key = keys.get(holder);
  if (!key) {
    key = createSecretKey(Buffer.from(holder.reveal(), 'utf8'));
    keys.set(holder, key);
  }
  return key;
}

/** Signs a body the way Chatwoot does (tests, the benchmark, and local tools). */
export function signChatwootBody(secret: string, timestamp: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}
