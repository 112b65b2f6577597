import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  tenantId,
  type CollectionKind,
  type EmbeddedPoint,
  type TenantId,
  type VectorStore,
} from '@mcp-crew/core';

/** A fresh store for one test, and how to delete what the test wrote and close it afterwards. */
export interface VectorStoreHarness {
  store: VectorStore;
  destroy(): Promise<void>;
}

const DIM = 8;
const KIND: CollectionKind = 'products';

/** A unit-ish vector pointing mostly along axis `axis` (so similarity order is known). */
function axisVector(axis: number, lean = 0): number[] {
  return Array.from({ length: DIM }, (_, i) => (i === axis ? 1 : i === (axis + 1) % DIM ? lean : 0));
}

function point(
  tenant: TenantId,
  id: string,
  source: string,
  axis: number,
  extra: Partial<EmbeddedPoint> = {},
): EmbeddedPoint {
  return {
    id,
    tenantId: tenant,
    collection: KIND,
    text: `texto ${id}`,
    source,
    sourceHash: `hash-${source}`,
    language: 'es',
    metadata: {},
    vector: axisVector(axis),
    ...extra,
  };
}

/**
 * What every `VectorStore` adapter must do: keep tenants apart on every call, rank by cosine similarity,
 * filter, overwrite by id, list and delete by source, round-trip every field, and move its revision on writes.
 */
export function describeVectorStoreContract(name: string, factory: () => Promise<VectorStoreHarness>): void {
  describe(`VectorStore contract: ${name}`, () => {
    let harness: VectorStoreHarness;
    let store: VectorStore;
    let tenantA: TenantId;
    let tenantB: TenantId;

    beforeEach(async () => {
      harness = await factory();
      store = harness.store;
      const run = randomUUID().slice(0, 8);
      tenantA = tenantId(`tienda-a-${run}`);
      tenantB = tenantId(`tienda-b-${run}`);
      await store.ensureCollection(KIND, DIM);
    });

    afterEach(async () => {
      await harness.destroy();
    });

    it("ranks the tenant's points by similarity, best first, with at most topK hits", async () => {
      await store.upsert(tenantA, KIND, [
        point(tenantA, 'p1', 's1', 0),
        point(tenantA, 'p2', 's2', 1),
        point(tenantA, 'p3', 's3', 2),
      ]);
      const hits = await store.query(tenantA, KIND, axisVector(1, 0.2), { topK: 2 });
      expect(hits.map((h) => h.point.id)).toEqual(['p2', 'p3']);
      expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
      expect(hits[0]!.score).toBeCloseTo(1 / Math.sqrt(1.04), 3);
    });

    it("never returns, lists or deletes another tenant's points", async () => {
      await store.upsert(tenantA, KIND, [point(tenantA, 'shared-id', 'shared.md', 0, { text: 'de A' })]);
      await store.upsert(tenantB, KIND, [
        point(tenantB, 'shared-id', 'shared.md', 0, { text: 'de B' }),
        point(tenantB, 'b2', 'b2.md', 0),
      ]);

      const hitsA = await store.query(tenantA, KIND, axisVector(0), { topK: 10 });
      expect(hitsA.map((h) => [h.point.tenantId, h.point.text])).toEqual([[tenantA, 'de A']]);
      expect([...(await store.listSources(tenantA, KIND)).keys()]).toEqual(['shared.md']);

      await store.deleteBySource(tenantA, KIND, 'shared.md');
      expect(await store.query(tenantA, KIND, axisVector(0), { topK: 10 })).toEqual([]);
      const hitsB = await store.query(tenantB, KIND, axisVector(0), { topK: 10 });
      expect(hitsB.map((h) => h.point.text).sort()).toEqual(['de B', 'texto b2']);
    });

    it('refuses a point of another tenant in an upsert', async () => {
      await expect(store.upsert(tenantA, KIND, [point(tenantB, 'x', 'x.md', 0)])).rejects.toMatchObject({
        code: 'knowledge.tenant_mismatch',
      });
      expect(await store.listPoints(tenantB, KIND)).toEqual([]);
    });

    it('filters by source, default code and metadata', async () => {
      await store.upsert(tenantA, KIND, [
        point(tenantA, 'p1', 'a.md', 0, { defaultCode: 'VT1-BLA-GL', metadata: { family: 'vinilo' } }),
        point(tenantA, 'p2', 'b.md', 0, { defaultCode: 'ESM-BLA-GL', metadata: { family: 'esmalte' } }),
      ]);
      const ids = async (filter: object) =>
        (await store.query(tenantA, KIND, axisVector(0), { topK: 5, filter })).map((h) => h.point.id);
      expect(await ids({ source: 'b.md' })).toEqual(['p2']);
      expect(await ids({ defaultCode: 'VT1-BLA-GL' })).toEqual(['p1']);
      expect(await ids({ metadata: { family: 'esmalte' } })).toEqual(['p2']);
      expect(await ids({ source: 'nowhere.md' })).toEqual([]);
    });

    it('overwrites a point by id and round-trips every field', async () => {
      await store.upsert(tenantA, KIND, [point(tenantA, 'p1', 'a.md', 0)]);
      const full = point(tenantA, 'p1', 'a.md', 0, {
        text: 'Vinilo Tipo 1 Blanco Galón',
        sourceHash: 'h2',
        title: 'Vinilo T1',
        odooProductId: 2,
        defaultCode: 'VT1-BLA-GL',
        language: 'es',
        metadata: { size: 'galon', coverageM2: 40, interior: true },
      });
      await store.upsert(tenantA, KIND, [full]);
      const points = await store.listPoints(tenantA, KIND);
      expect(points).toHaveLength(1);
      const { vector: _vector, ...expected } = full;
      expect(points[0]).toEqual(expected);
      expect(await store.listSources(tenantA, KIND)).toEqual(new Map([['a.md', 'h2']]));
    });

    it('lists sources with their hashes and deletes every point of a source', async () => {
      await store.upsert(tenantA, KIND, [
        point(tenantA, 'a#0', 'a.md', 0),
        point(tenantA, 'a#1', 'a.md', 1),
        point(tenantA, 'b#0', 'b.md', 2),
      ]);
      expect(await store.listSources(tenantA, KIND)).toEqual(
        new Map([
          ['a.md', 'hash-a.md'],
          ['b.md', 'hash-b.md'],
        ]),
      );
      await store.deleteBySource(tenantA, KIND, 'a.md');
      expect((await store.listPoints(tenantA, KIND)).map((p) => p.id)).toEqual(['b#0']);
    });

    it('moves its revision on every write', async () => {
      const r0 = await store.revision(tenantA, KIND);
      await store.upsert(tenantA, KIND, [point(tenantA, 'p1', 'a.md', 0)]);
      const r1 = await store.revision(tenantA, KIND);
      await store.deleteBySource(tenantA, KIND, 'a.md');
      const r2 = await store.revision(tenantA, KIND);
      expect(r1).not.toBe(r0);
      expect(r2).not.toBe(r1);
    });

    it('keeps ensureCollection idempotent and rejects another dimension', async () => {
      await store.ensureCollection(KIND, DIM);
      await expect(store.ensureCollection(KIND, DIM * 2)).rejects.toMatchObject({
        code: 'knowledge.dimension_mismatch',
      });
    });

    it('reports the collection dimension and the tenants holding points', async () => {
      expect(await store.collectionDimension(KIND)).toBe(DIM);
      expect(await store.collectionDimension('support_procedures')).toBeUndefined();
      await store.upsert(tenantA, KIND, [point(tenantA, 'a#0', 'a.md', 0)]);
      await store.upsert(tenantB, KIND, [point(tenantB, 'b#0', 'b.md', 1)]);
      const tenants = await store.listTenants(KIND);
      expect(tenants).toEqual(expect.arrayContaining([tenantA, tenantB]));
    });

    it("replaces a collection at another dimension with every tenant's points, revisions moved", async () => {
      await store.upsert(tenantA, KIND, [point(tenantA, 'a#0', 'a.md', 0)]);
      await store.upsert(tenantB, KIND, [point(tenantB, 'b#0', 'b.md', 1)]);
      const before = await store.revision(tenantA, KIND);
      const wide = (axis: number) => Array.from({ length: DIM * 2 }, (_, i) => (i === axis ? 1 : 0));
      await store.replaceCollection(KIND, DIM * 2, [
        point(tenantA, 'a#0', 'a.md', 0, { vector: wide(0) }),
        point(tenantB, 'b#0', 'b.md', 1, { vector: wide(9) }),
      ]);
      expect(await store.collectionDimension(KIND)).toBe(DIM * 2);
      expect(await store.revision(tenantA, KIND)).not.toBe(before);
      const hits = await store.query(tenantB, KIND, wide(9), { topK: 5 });
      expect(hits.map((h) => h.point.id)).toEqual(['b#0']);
      expect((await store.listPoints(tenantA, KIND)).map((p) => p.text)).toEqual(['texto a#0']);
      await expect(store.ensureCollection(KIND, DIM)).rejects.toMatchObject({
        code: 'knowledge.dimension_mismatch',
      });
    });
  });
}
