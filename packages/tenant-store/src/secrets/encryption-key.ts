import { createHash } from 'node:crypto';
import { CrewError } from '@mcp-crew/core';

/** An AES-256 key and the short id written in front of every value it seals (so rotation can find it). */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** The key that seals new values, and older keys that may still open stored ones. */
export interface EncryptionKeyring {
  current: EncryptionKey;
  previous: EncryptionKey[];
}

const HEX_32 = /^[0-9a-fA-F]{64}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Reads `CONFIG_ENCRYPTION_KEY` (32 bytes, as 64 hex characters or base64, e.g. `openssl rand -base64 32`)
 * and the optional `CONFIG_ENCRYPTION_KEY_PREVIOUS` (comma-separated older keys, kept while rotating).
 * Errors name the variable and never echo its value.
 */
export function readEncryptionKeyring(env: Record<string, string | undefined>): EncryptionKeyring {
  const current = env.CONFIG_ENCRYPTION_KEY?.trim();
  if (!current) throw keyError('CONFIG_ENCRYPTION_KEY', 'is required to encrypt tenant secrets at rest');
  const previous = (env.CONFIG_ENCRYPTION_KEY_PREVIOUS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
  return {
    current: parseKey(current, 'CONFIG_ENCRYPTION_KEY'),
    previous: previous.map((k, i) => parseKey(k, `CONFIG_ENCRYPTION_KEY_PREVIOUS[${i}]`)),
  };
}

/** Parses one key; `variable` is only used in the error. */
export function parseKey(value: string, variable: string): EncryptionKey {
  const key = decode(value);
  if (!key || key.length !== 32)
    throw keyError(
      variable,
      'must be 32 bytes written as 64 hex characters or base64 (openssl rand -base64 32)',
    );
  return { id: keyId(key), key };
}

/** A non-reversible 8-character fingerprint: enough to pick the key, nothing about the key itself. */
function keyId(key: Buffer): string {
  return createHash('sha256').update('mcp-crew key id\0').update(key).digest('hex').slice(0, 8);
}

function decode(value: string): Buffer | undefined {
  if (HEX_32.test(value)) return Buffer.from(value, 'hex');
  if (!BASE64.test(value)) return undefined;
  return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function keyError(variable: string, problem: string): CrewError {
  return new CrewError('CONFIG_INVALID', `${variable} ${problem}`, {
    domain: 'config',
    category: 'user',
    details: { variable },
  });
}
