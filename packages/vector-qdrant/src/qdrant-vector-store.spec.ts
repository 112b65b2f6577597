import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Secret, tenantId, type EmbeddedPoint } from '@mcp-crew/core';
import { describeVectorStoreContract } from '@mcp-crew/testing';
import { QdrantVectorStore } from './qdrant-vector-store.js';

const QDRANT_URL = process.env['QDRANT_URL'];

if (QDRANT_URL) {
  describeVectorStoreContract(`qdrant (${QDRANT_URL})`, async () => {
    const store = new QdrantVectorStore({
      url: QDRANT_URL,
      collectionPrefix: `test_${randomUUID().slice(0, 8)}_`,
    });
    return {
      store,
      destroy: async () => {
        const res = await fetch(`${QDRANT_URL}/collections/${store.collectionName('products')}`, {
          method: 'DELETE',
        });
        await res.body?.cancel();
      },
    };
  });
} else {
  describe('VectorStore contract: qdrant', () => {
    it.skip('skipped: set QDRANT_URL (e.g. http://127.0.0.1:6333) to run the Qdrant contract suite', () =>
      undefined);
  });
}

interface Recorded {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** Answers like Qdrant 1.x with canned results, recording every request. */
function fakeQdrant(requests: Recorded[]): Server {
  return createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const path = req.url ?? '';
      requests.push({
        method: req.method ?? '',
        path,
        headers: req.headers,
        body: raw ? JSON.parse(raw) : undefined,
      });
      let result: unknown = { operation_id: 1, status: 'completed' };
      if (path.endsWith('/exists')) result = { exists: false };
      else if (req.method === 'PUT' && /^\/collections\/[^/]+$/.test(path)) result = true;
      else if (path.includes('/points/query')) {
        result = {
          points: [
            {
              id: 'x',
              version: 1,
              score: 0.9,
              payload: {
                tenant_id: 'demo',
                collection: 'products',
                point_id: 'p1',
                source: 'a.md',
                source_hash: 'h',
                text: 't',
                language: 'es',
                metadata: {},
              },
            },
          ],
        };
      } else if (path.includes('/points/scroll')) {
        result = {
          points: [{ id: 'x', payload: { tenant_id: 'demo', source: 'a.md', source_hash: 'h' } }],
          next_page_offset: null,
        };
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ result, status: 'ok', time: 0 }));
    });
  });
}

describe('QdrantVectorStore request shapes (local fake server, no Qdrant)', () => {
  const requests: Recorded[] = [];
  const demo = tenantId('demo');
  let server: Server;
  let store: QdrantVectorStore;

  beforeAll(async () => {
    server = fakeQdrant(requests);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = new QdrantVectorStore({ url, apiKey: new Secret('qdrant-key-1'), collectionPrefix: 'crew_' });
  });

  afterAll(async () => {
    await store.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  const take = (): Recorded[] => requests.splice(0, requests.length);

  it('creates one collection per kind with a tenant payload index (is_tenant)', async () => {
    await store.ensureCollection('products', 4);
    const sent = take();
    expect(sent.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /collections/crew_products/exists',
      'PUT /collections/crew_products',
      'PUT /collections/crew_products/index',
      'PUT /collections/crew_products/index',
    ]);
    expect(sent[1]!.body).toMatchObject({ vectors: { size: 4, distance: 'Cosine' } });
    expect(sent[2]!.body).toEqual({
      field_name: 'tenant_id',
      field_schema: { type: 'keyword', is_tenant: true },
    });
    expect(sent[3]!.body).toEqual({ field_name: 'source', field_schema: 'keyword' });
    expect(sent[0]!.headers['api-key']).toBe('qdrant-key-1');
  });

  it('upserts with UUID ids and the tenant in the payload', async () => {
    const point: EmbeddedPoint = {
      id: 'vt1#0',
      tenantId: demo,
      collection: 'products',
      text: 'Vinilo',
      source: 'vt1.md',
      sourceHash: 'h',
      language: 'es',
      defaultCode: 'VT1-BLA-GL',
      odooProductId: 2,
      metadata: {},
      vector: [1, 0, 0, 0],
    };
    await store.upsert(demo, 'products', [point]);
    const [sent] = take();
    expect(sent!.method).toBe('PUT');
    expect(sent!.path).toMatch(/^\/collections\/crew_products\/points\?wait=true/);
    const body = sent!.body as {
      points: { id: string; vector: number[]; payload: Record<string, unknown> }[];
    };
    expect(body.points[0]!.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(body.points[0]!.payload).toMatchObject({
      tenant_id: 'demo',
      point_id: 'vt1#0',
      source: 'vt1.md',
      default_code: 'VT1-BLA-GL',
      odoo_product_id: 2,
    });
  });

  it('always filters queries, deletes and scrolls by tenant', async () => {
    const hits = await store.query(demo, 'products', [1, 0, 0, 0], {
      topK: 3,
      filter: { defaultCode: 'VT1-BLA-GL' },
    });
    await store.deleteBySource(demo, 'products', 'vt1.md');
    const sources = await store.listSources(demo, 'products');
    const [query, del, scroll] = take();
    expect(hits.map((h) => [h.point.id, h.score])).toEqual([['p1', 0.9]]);
    expect(sources).toEqual(new Map([['a.md', 'h']]));

    expect(query!.path).toBe('/collections/crew_products/points/query');
    expect(query!.body).toMatchObject({ query: [1, 0, 0, 0], limit: 3, with_payload: true });
    const must = (query!.body as { filter: { must: unknown[] } }).filter.must;
    expect(must).toEqual(
      expect.arrayContaining([
        { key: 'tenant_id', match: { value: 'demo' } },
        { key: 'default_code', match: { value: 'VT1-BLA-GL' } },
      ]),
    );

    expect(del!.path).toMatch(/^\/collections\/crew_products\/points\/delete/);
    expect((del!.body as { filter: { must: unknown[] } }).filter.must).toEqual(
      expect.arrayContaining([
        { key: 'tenant_id', match: { value: 'demo' } },
        { key: 'source', match: { value: 'vt1.md' } },
      ]),
    );

    expect(scroll!.path).toBe('/collections/crew_products/points/scroll');
    expect(scroll!.body).toMatchObject({
      filter: { must: [{ key: 'tenant_id', match: { value: 'demo' } }] },
      with_vector: false,
    });
  });
});
