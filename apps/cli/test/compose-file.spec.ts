import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { tenantId } from '@mcp-crew/core';
import { REPO_ROOT } from '@mcp-crew/testing';
import { interpolate, readComposeFile, readEnvExample, references, strings } from './deploy/compose-env.js';

// What can be checked without a Docker engine (none runs here): the file's rules, and that the default
// stack, with .env.example as shipped, hands the app settings and a demo tenant it accepts.
const { doc } = readComposeFile();
const envExample = readEnvExample();
const services = Object.entries(doc.services);
const defaults = services.filter(([, s]) => !s.profiles?.length);
/** Variables Compose itself reads from .env, not the services. */
const COMPOSE_CLI_VARS = new Set(['COMPOSE_PROFILES']);

describe('docker-compose.yml', () => {
  it('gives every service a health check', () => {
    const without = services.filter(([, s]) => !s.healthcheck?.test || s.healthcheck.disable).map(([n]) => n);
    expect(without).toEqual([]);
  });

  it('references only variables that .env.example lists, and .env.example lists none it does not use', () => {
    const used = new Set(strings(doc).flatMap(([, v]) => references(v)));
    expect([...used].filter((v) => !envExample.has(v)).sort()).toEqual([]);
    const unused = [...envExample.keys()].filter((k) => !used.has(k) && !COMPOSE_CLI_VARS.has(k));
    expect(unused).toEqual([]);
  });

  it('requires no variable through ${VAR:?} (Compose interpolates services of disabled profiles too)', () => {
    const missing: string[] = [];
    for (const [, value] of strings(doc)) interpolate(value, new Map(), missing);
    expect(missing).toEqual([]);
  });

  it('starts the default services with .env.example as shipped: the app settings and the demo tenant validate', async () => {
    expect(defaults.map(([n]) => n).sort()).toEqual(['odoo-sandbox', 'orchestrator', 'redis']);
    for (const [name, service] of defaults) {
      // A default service may not wait for one that only a profile starts.
      for (const dep of Object.keys(service.depends_on ?? {}))
        expect([name, dep, doc.services[dep]?.profiles ?? []]).toEqual([name, dep, []]);
    }
    const env = Object.fromEntries(
      Object.entries(doc.services['orchestrator']!.environment!).map(([k, v]) => [
        k,
        interpolate(String(v), envExample),
      ]),
    );
    // Loaded lazily, as the CLI loads it.
    const { FileTenantDirectory, loadSettings } = await import('@mcp-crew/config');
    const settings = loadSettings(env);
    expect(settings).toMatchObject({ HOST: '0.0.0.0', REDIS_URL: 'redis://redis:6379' });
    expect(env['MONGODB_URL']).toBe('');
    const tenants = await FileTenantDirectory.load(join(REPO_ROOT, 'config/tenants.yaml'), { env });
    const demo = await tenants.get(tenantId('demo'));
    // The bundled sandbox service with its development credentials, not an Odoo nobody configured.
    expect(demo?.odoo).toMatchObject({
      url: 'http://odoo-sandbox:8169',
      db: 'sandbox',
      user: 'admin',
      allowWrites: true,
    });
    expect(demo?.odoo?.apiKey?.reveal()).toBe('sandbox-admin-key');
    expect(doc.services['odoo-sandbox']!.command).toEqual([
      'sandbox',
      'odoo',
      '--port',
      '8169',
      '--host',
      '0.0.0.0',
    ]);
  });

  it('uses the real Odoo and credentials given in .env instead of the sandbox', () => {
    const given = new Map([
      ...envExample,
      ['DEMO_ODOO_URL', 'https://pinturas.odoo.com'],
      ['DEMO_ODOO_DB', 'pinturas'],
      ['DEMO_ODOO_USER', 'bot@pinturas.co'],
      ['DEMO_ODOO_API_KEY', 'k'],
    ]);
    const env = doc.services['orchestrator']!.environment!;
    expect(
      ['DEMO_ODOO_URL', 'DEMO_ODOO_DB', 'DEMO_ODOO_USER'].map((k) => interpolate(env[k]!, given)),
    ).toEqual(['https://pinturas.odoo.com', 'pinturas', 'bot@pinturas.co']);
  });

  it('publishes ports on loopback only and pins every image but its own build', () => {
    for (const [name, s] of services) {
      for (const port of s.ports ?? [])
        expect([name, port]).toEqual([name, expect.stringMatching(/^127\.0\.0\.1:/)]);
      if (s.image !== 'mcp-crew:latest')
        expect([name, s.image]).toEqual([name, expect.stringMatching(/:(?!latest$)[\w.-]+$/)]);
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
  const lines = dockerfile.split('\n').filter((l) => !l.trimStart().startsWith('#'));
  const at = (re: RegExp) => lines.findIndex((l) => re.test(l));

  it('is multi-stage, installs with npm ci from the manifests before copying the sources, and runs as a non-root user', () => {
    expect(lines.filter((l) => /^FROM /.test(l)).length).toBeGreaterThanOrEqual(3);
    const manifests = at(/^COPY package\.json package-lock\.json/);
    const install = at(/npm ci\b/);
    const sources = at(/^COPY \. \./);
    expect(manifests).toBeGreaterThan(-1);
    expect(install).toBeGreaterThan(manifests);
    expect(sources).toBeGreaterThan(install);
    expect(lines.some((l) => /npm install\b/.test(l))).toBe(false);
    const user = lines.filter((l) => /^USER /.test(l)).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER (root|0)\b/);
    expect(at(/^USER /)).toBeLessThan(at(/^ENTRYPOINT /));
  });
});
