import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LocalEmbedder } from '@mcp-crew/embeddings';
import { EmbeddedVectorStore } from '@mcp-crew/vector-libsql';
import { startOdooSandbox, type OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { runSearchCommand } from '../cli-commands.js';
import { runSyncCommand } from './run-sync-command.js';

describe('runSyncCommand (crew ingest --collection products --from-odoo)', () => {
  let sandbox: OdooSandbox;
  let dataDir: string;
  beforeAll(async () => {
    sandbox = await startOdooSandbox({ port: 0 });
    dataDir = mkdtempSync(join(tmpdir(), 'crew-sync-cli-'));
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('syncs over HTTP, prints the counts and the cursor, and resumes from the cursor file', async () => {
    const lines: string[] = [];
    const options = {
      tenant: 'tienda-x',
      dataDir,
      openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
      embedder: new LocalEmbedder(),
      progressBar: false,
      print: (l: string) => lines.push(l),
      odoo: {
        url: sandbox.url,
        db: sandbox.db,
        user: sandbox.login,
        apiKey: sandbox.apiKey,
        protocol: 'jsonrpc' as const,
      },
    };
    const first = await runSyncCommand(options);
    expect(first).toMatchObject({ full: true, added: 49 });
    expect(lines[0]).toBe(
      `tienda-x/products from Odoo (full, 49 read): 49 added, 0 replaced, 0 unchanged, 0 deleted (49 points written), cursor 2026-01-05 12:00:00 [embedded, ${options.embedder.id}]`,
    );
    expect(existsSync(join(dataDir, 'odoo-sync-cursors.json'))).toBe(true);
    expect(lines.join('\n')).not.toContain(sandbox.apiKey);

    const second = await runSyncCommand(options);
    expect(second).toMatchObject({ full: false, synced: 0, points: 0, unchanged: 49 });
    expect(lines[1]).toMatch(
      /^tienda-x\/products from Odoo \(changed, 49 read\): 0 added, 0 replaced, 49 unchanged, 0 deleted \(0 points written\)/,
    );

    await runSearchCommand({
      tenant: 'tienda-x',
      collection: 'products',
      query: 'rodillo de felpa',
      topK: 1,
      openStore: options.openStore,
      embedder: options.embedder,
      print: options.print,
    });
    expect(lines[2]).toMatch(
      /^1\. \d\.\d{3} {2}odoo:product\.product\/\d+ {2}Rodillo de Felpa 9" {2}\[ROD-FEL-9\] {2}list price 18900\.00$/,
    );
  });
});
