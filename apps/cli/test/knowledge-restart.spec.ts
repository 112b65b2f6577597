import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ensureBuilt } from '@mcp-crew/testing';
import { crew, freePort, startServe } from './crew-process.js';

let root: string;
let env: Record<string, string>;

beforeAll(async () => {
  await ensureBuilt();
  root = mkdtempSync(join(tmpdir(), 'crew-restart-'));
  // The shipped config (demo tenant on the sandbox), its own data folder and ports; embedded stores, local embedder.
  env = { DATA_DIR: join(root, 'data'), ODOO_SANDBOX_PORT: String(await freePort()), LOG_LEVEL: 'warn' };
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('knowledge survives ingestion and restarts of the main job', () => {
  it("ingests a user folder, restarts crew serve, and search finds the user's documents and the demo's", async () => {
    const first = await startServe(await freePort(), env);
    expect(await first.stop()).toBe(0);

    const folder = join(root, 'mis-reglas');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'parqueadero.md'),
      '# Parqueadero\n\nLos clientes parquean gratis dos horas en el sótano del local.\n',
    );
    const ingest = await crew(['ingest', '--tenant', 'demo', '--collection', 'business_rules', folder], env);
    expect(ingest.stderr).toBe('');
    expect(ingest.stdout).toMatch(/demo\/business_rules: 1 added, 0 replaced, 0 unchanged, 0 deleted/);

    const second = await startServe(await freePort(), env);
    expect(await second.stop()).toBe(0);

    const user = await crew(
      [
        'search',
        '--tenant',
        'demo',
        '--collection',
        'business_rules',
        '--top',
        '1',
        'dónde parqueo el carro?',
      ],
      env,
    );
    expect(user.stdout).toMatch(/^1\. \d\.\d{3} {2}business_rules\/parqueadero\.md/);
    const demo = await crew(
      [
        'search',
        '--tenant',
        'demo',
        '--collection',
        'business_rules',
        '--top',
        '1',
        'puedo pagar con nequi?',
      ],
      env,
    );
    // Without a language the original or one of its translations (medios-de-pago.pt.md) may come first.
    expect(demo.stdout).toMatch(/^1\. \d\.\d{3} {2}business_rules\/medios-de-pago(?:\.\w\w)?\.md/);
    const products = await crew(
      ['search', '--tenant', 'demo', '--collection', 'products', '--top', '1', 'esmalte blanco galón'],
      env,
    );
    expect(products.stdout).toContain('[ESM-BLA-GL]');
  }, 240_000);
});
