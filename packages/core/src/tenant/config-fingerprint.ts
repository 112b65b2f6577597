import { createHash } from 'node:crypto';
import { Secret } from './secret.js';

// Configurations are immutable objects replaced on change, so each one is fingerprinted once.
const FINGERPRINTS = new WeakMap<object, string>();

/**
 * A digest of a configuration object (a tenant, a crew, part of one): equal digests mean the same
 * configuration. Secrets count by a hash of their value, so a rotated key rebuilds what used it and no
 * secret is kept in the digest.
 */
export function configFingerprint(config: object): string {
  let found = FINGERPRINTS.get(config);
  if (found === undefined) {
    const json = JSON.stringify(
      config,
      function (this: Record<string, unknown>, key: string, value: unknown) {
        const raw = key === '' ? value : this[key];
        return raw instanceof Secret
          ? `secret:${createHash('sha256').update(raw.reveal()).digest('hex')}`
          : value;
      },
    );
    found = createHash('sha256')
      .update(json ?? '')
      .digest('hex');
    FINGERPRINTS.set(config, found);
  }
  return found;
}
