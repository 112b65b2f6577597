import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { tenantId } from '@mcp-crew/core';
import { describeVectorStoreContract } from '@mcp-crew/testing';
import { EmbeddedVectorStore } from './embedded-vector-store.js';

describeVectorStoreContract('embedded (libSQL file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crew-vectors-'));
  const store = EmbeddedVectorStore.inDataDir(dir);
  return {
    store,
    destroy: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('EmbeddedVectorStore on disk', () => {
  it("persists across instances and sees another instance's writes", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crew-vectors-'));
    const demo = tenantId('demo');
    const reader = EmbeddedVectorStore.inDataDir(dir);
    const writer = EmbeddedVectorStore.inDataDir(dir);
    try {
      await writer.ensureCollection('business_rules', 2);
      expect(await reader.query(demo, 'business_rules', [1, 0], { topK: 3 })).toEqual([]);
      await writer.upsert(demo, 'business_rules', [
        {
          id: 'r1',
          tenantId: demo,
          collection: 'business_rules',
          text: 'Horario: lunes a sábado',
          source: 'horario.md',
          sourceHash: 'h',
          language: 'es',
          metadata: {},
          vector: [3, 4],
        },
      ]);
      const hits = await reader.query(demo, 'business_rules', [1, 0], { topK: 3 });
      expect(hits.map((h) => h.point.id)).toEqual(['r1']);
      expect(hits[0]!.score).toBeCloseTo(0.6, 5);
    } finally {
      await reader.close();
      await writer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
