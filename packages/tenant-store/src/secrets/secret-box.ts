import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CrewError, Secret } from '@mcp-crew/core';
import type { EncryptionKey, EncryptionKeyring } from './encryption-key.js';

const PREFIX = 'enc:v1';
const IV_BYTES = 12;

/**
 * Seals credentials with AES-256-GCM: a random 12-byte IV per value, the authentication tag checked on
 * open, and the value bound to where it belongs (`context`, e.g. `demo/odoo.apiKey`) as additional
 * authenticated data, so a sealed value copied into another tenant's document does not open.
 *
 * Sealed form: `enc:v1:<key id>:<iv>:<ciphertext>:<tag>` (base64url parts).
 */
export class SecretBox {
  readonly #keys: Map<string, EncryptionKey>;
  readonly #current: EncryptionKey;

  constructor(keyring: EncryptionKeyring) {
    this.#current = keyring.current;
    this.#keys = new Map([keyring.current, ...keyring.previous].map((k) => [k.id, k]));
  }

  static isSealed(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(`${PREFIX}:`);
  }

  seal(secret: Secret, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(secret.reveal(), 'utf8'), cipher.final()]);
    const parts = [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url'));
    return [PREFIX, this.#current.id, ...parts].join(':');
  }

  open(sealed: string, context: string): Secret {
    const [p1, p2, keyId, iv, body, tag, ...rest] = sealed.split(':');
    if (`${p1}:${p2}` !== PREFIX || !keyId || !iv || body === undefined || !tag || rest.length > 0)
      throw sealError(
        'SECRET_MALFORMED',
        `the stored secret ${context} is not in the sealed format`,
        context,
      );
    const key = this.#keys.get(keyId);
    if (!key)
      throw sealError(
        'SECRET_KEY_UNKNOWN',
        `the stored secret ${context} was sealed with key ${keyId}, which is neither CONFIG_ENCRYPTION_KEY nor in CONFIG_ENCRYPTION_KEY_PREVIOUS`,
        context,
      );
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
      return new Secret(plain.toString('utf8'));
    } catch {
      // The cause is dropped on purpose: nothing about the key or the value should travel further.
      throw sealError(
        'SECRET_TAMPERED',
        `the stored secret ${context} failed authentication (wrong key, tampered, or moved)`,
        context,
      );
    }
  }

  /** True when `sealed` was made with an older key (a write through the tenant store re-seals it). */
  isStale(sealed: string): boolean {
    return sealed.split(':')[2] !== this.#current.id;
  }
}

function sealError(code: string, message: string, context: string): CrewError {
  return new CrewError(code, message, {
    domain: 'secrets',
    category: 'system',
    details: { secret: context },
  });
}
