import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { tenantId } from '@mcp-crew/core';
import { describeDocumentStoreContract } from '@mcp-crew/testing';
import { EmbeddedDocumentStore } from './embedded-document-store.js';

describeDocumentStoreContract('embedded (libSQL file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crew-docs-'));
  const store = EmbeddedDocumentStore.inDataDir(dir);
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('EmbeddedDocumentStore on disk', () => {
  it("persists across instances and sees another instance's writes", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crew-docs-'));
    const demo = tenantId('demo');
    const writer = EmbeddedDocumentStore.inDataDir(dir);
    const reader = EmbeddedDocumentStore.inDataDir(dir);
    try {
      await writer.tenants.create(demo, { name: 'Pinturas El Arcoíris' }, '2025-03-10T14:00:00.000Z');
      await writer.auditLog.append(demo, {
        kind: 'handoff',
        tool: 'chatwoot_handoff_to_human',
        arguments: {},
        outcome: 'ok',
        at: '2025-03-10T14:00:00.000Z',
      });
      expect((await reader.tenants.get(demo))?.config).toEqual({ name: 'Pinturas El Arcoíris' });
      expect(await reader.auditLog.list(demo)).toHaveLength(1);
    } finally {
      await writer.close();
      await reader.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
