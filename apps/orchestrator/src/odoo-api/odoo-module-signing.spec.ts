import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Secret, type TenantConfigWithOdooApi } from '@mcp-crew/core';
import { demoTenant } from '@mcp-crew/testing';
import { authenticateOdooCall } from './odoo-auth.js';

// The Odoo module signs in Python (apps/odoo-module/mcp_crew_connector/lib/crew_signing.py); this checks that
// what it produces is exactly what this verifier accepts.
const MODULE_DIR = join(import.meta.dirname, '..', '..', '..', 'odoo-module', 'mcp_crew_connector');
const SECRET = 'test-signing-secret-0123456789abcdef';
const python = ['python3'].find((p) => spawnSync(p, ['--version']).status === 0);
const withPython = python ? describe : describe.skip;

function signInPython(body: string, now: number): Record<string, string> {
  const script =
    'import json, sys; from lib import crew_signing; print(json.dumps(crew_signing.signed_headers(sys.argv[1], sys.stdin.buffer.read(), now=float(sys.argv[2]))))';
  const result = spawnSync(python!, ['-c', script, SECRET, String(now)], {
    cwd: MODULE_DIR,
    input: body,
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Record<string, string>;
}

function tenant(): TenantConfigWithOdooApi {
  return { ...demoTenant('chatwoot-secret'), odooApi: { signingSecret: new Secret(SECRET) } };
}

withPython(
  `the Odoo module's Python signer against this verifier${python ? '' : ' (SKIPPED: python3 not found on PATH)'}`,
  () => {
    const body = JSON.stringify({
      events: [{ model: 'product.template', ids: [7, 9], operation: 'write' }],
      note: 'ñandú €',
    });

    it('a body signed by the module is accepted', () => {
      const nowMs = Date.now();
      const headers = signInPython(body, Math.floor(nowMs / 1000));
      const request = {
        headers: {
          'x-crew-timestamp': headers['X-Crew-Timestamp'],
          'x-crew-signature': headers['X-Crew-Signature'],
        },
        rawBody: Buffer.from(body, 'utf8'),
        nowMs,
      };
      expect(authenticateOdooCall(tenant(), 'demo', request).id).toBe('demo');
    });

    it('the same signature over another body, or too old, is refused', () => {
      const nowMs = Date.now();
      const headers = signInPython(body, Math.floor(nowMs / 1000));
      const tampered = {
        headers: {
          'x-crew-timestamp': headers['X-Crew-Timestamp'],
          'x-crew-signature': headers['X-Crew-Signature'],
        },
        rawBody: Buffer.from(body + ' '),
        nowMs,
      };
      expect(() => authenticateOdooCall(tenant(), 'demo', tampered)).toThrow(
        expect.objectContaining({ code: 'AUTH_INVALID' }),
      );
      const old = signInPython(body, Math.floor(nowMs / 1000) - 301);
      const stale = {
        headers: { 'x-crew-timestamp': old['X-Crew-Timestamp'], 'x-crew-signature': old['X-Crew-Signature'] },
        rawBody: Buffer.from(body),
        nowMs,
      };
      expect(() => authenticateOdooCall(tenant(), 'demo', stale)).toThrow(
        expect.objectContaining({ code: 'SIGNATURE_STALE' }),
      );
    });

    it('matches the fixed vector both sides test', () => {
      const vector = '{"events":[{"model":"product.product","ids":[7],"operation":"write"}]}';
      expect(signInPython(vector, 1700000000)['X-Crew-Signature']).toBe(
        'sha256=e0b93c2d06f9869bed617f385bb13d5cb277c8ac469c4c06dd8e29c3d42fb5e2',
      );
      const request = {
        headers: {
          'x-crew-timestamp': '1700000000',
          'x-crew-signature': 'sha256=e0b93c2d06f9869bed617f385bb13d5cb277c8ac469c4c06dd8e29c3d42fb5e2',
        },
        rawBody: Buffer.from(vector),
        nowMs: 1700000000_000,
      };
      expect(authenticateOdooCall(tenant(), 'demo', request).id).toBe('demo');
    });
  },
);
