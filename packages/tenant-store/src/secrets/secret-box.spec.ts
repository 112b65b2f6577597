import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { isCrewError, Secret } from '@mcp-crew/core';
import { parseKey, readEncryptionKeyring } from './encryption-key.js';
import { SecretBox } from './secret-box.js';

const hexKey = randomBytes(32).toString('hex');
const b64Key = randomBytes(32).toString('base64');
const box = new SecretBox(readEncryptionKeyring({ CONFIG_ENCRYPTION_KEY: hexKey }));
const TOKEN = 'odoo-api-key-0123456789';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('readEncryptionKeyring', () => {
  it('accepts 32 bytes as hex or base64 (standard or url-safe)', () => {
    expect(readEncryptionKeyring({ CONFIG_ENCRYPTION_KEY: hexKey }).current.key.toString('hex')).toBe(hexKey);
    expect(readEncryptionKeyring({ CONFIG_ENCRYPTION_KEY: b64Key }).current.key.toString('base64')).toBe(
      b64Key,
    );
    const urlSafe = Buffer.from(b64Key, 'base64').toString('base64url');
    expect(parseKey(urlSafe, 'X').key.toString('base64')).toBe(b64Key);
  });

  it('names the variable and never echoes the value', () => {
    const missing = thrown(() => readEncryptionKeyring({}));
    expect(isCrewError(missing, 'CONFIG_INVALID')).toBe(true);
    expect((missing as Error).message).toMatch(/^CONFIG_ENCRYPTION_KEY is required/);
    const short = 'c2hvcnQta2V5LXZhbHVl';
    const wrong = thrown(() => readEncryptionKeyring({ CONFIG_ENCRYPTION_KEY: short }));
    expect((wrong as Error).message).toMatch(/CONFIG_ENCRYPTION_KEY must be 32 bytes/);
    expect(JSON.stringify([(wrong as Error).message, wrong])).not.toContain(short);
    const previous = thrown(() =>
      readEncryptionKeyring({ CONFIG_ENCRYPTION_KEY: hexKey, CONFIG_ENCRYPTION_KEY_PREVIOUS: 'zz' }),
    );
    expect((previous as Error).message).toMatch(/CONFIG_ENCRYPTION_KEY_PREVIOUS\[0\]/);
  });
});

describe('SecretBox', () => {
  it('round-trips, with a fresh IV per value and no plain text in the sealed form', () => {
    const a = box.seal(new Secret(TOKEN), 'demo/odoo.apiKey');
    const b = box.seal(new Secret(TOKEN), 'demo/odoo.apiKey');
    expect(a).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(TOKEN);
    expect(box.open(a, 'demo/odoo.apiKey').reveal()).toBe(TOKEN);
  });

  it('refuses a value moved to another tenant or field, or tampered with', () => {
    const sealed = box.seal(new Secret(TOKEN), 'demo/odoo.apiKey');
    expect(
      isCrewError(
        thrown(() => box.open(sealed, 'otra/odoo.apiKey')),
        'SECRET_TAMPERED',
      ),
    ).toBe(true);
    expect(
      isCrewError(
        thrown(() => box.open(sealed, 'demo/chatwoot.botToken')),
        'SECRET_TAMPERED',
      ),
    ).toBe(true);
    const parts = sealed.split(':');
    parts[4] = Buffer.from('x' + TOKEN).toString('base64url');
    expect(
      isCrewError(
        thrown(() => box.open(parts.join(':'), 'demo/odoo.apiKey')),
        'SECRET_TAMPERED',
      ),
    ).toBe(true);
    expect(
      isCrewError(
        thrown(() => box.open('plain-text', 'demo/odoo.apiKey')),
        'SECRET_MALFORMED',
      ),
    ).toBe(true);
  });

  it('opens values sealed with a previous key and reports them as stale', () => {
    const old = new SecretBox(readEncryptionKeyring({ CONFIG_ENCRYPTION_KEY: b64Key }));
    const sealed = old.seal(new Secret(TOKEN), 'demo/odoo.apiKey');
    const rotated = new SecretBox(
      readEncryptionKeyring({ CONFIG_ENCRYPTION_KEY: hexKey, CONFIG_ENCRYPTION_KEY_PREVIOUS: b64Key }),
    );
    expect(rotated.open(sealed, 'demo/odoo.apiKey').reveal()).toBe(TOKEN);
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.isStale(rotated.seal(new Secret(TOKEN), 'demo/odoo.apiKey'))).toBe(false);
    const error = thrown(() => box.open(sealed, 'demo/odoo.apiKey'));
    expect(isCrewError(error, 'SECRET_KEY_UNKNOWN')).toBe(true);
    expect((error as Error).message).not.toContain(b64Key);
  });
});
