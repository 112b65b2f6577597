import { describe, expect, it } from '@jest/globals';
import { parseSandboxArgs } from './options.js';

describe('odoo-sandbox options', () => {
  it('defaults to port 8169, no latency, demo seed', () => {
    expect(parseSandboxArgs(['node', 'main'])).toEqual({ port: 8169, latencyMs: 0, seed: 'demo' });
  });
  it('reads --port and --latency-ms', () => {
    expect(parseSandboxArgs(['node', 'main', '--port', '9000', '--latency-ms', '25'])).toMatchObject({
      port: 9000,
      latencyMs: 25,
    });
  });
  it('rejects a negative latency', () => {
    expect(() => parseSandboxArgs(['node', 'main', '--latency-ms', '-1'])).toThrow();
  });
});
