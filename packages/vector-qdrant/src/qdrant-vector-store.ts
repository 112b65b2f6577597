import { createHash } from 'node:crypto';
import { QdrantVector } from '@mastra/qdrant';
import type { QdrantClient } from '@qdrant/js-client-rest';
import {
  CrewError, assertPointOwned, type CollectionKind, type EmbeddedPoint, type KnowledgePoint, type ScoredPoint,
  type Secret, type TenantId, type VectorQueryOptions, type VectorStore,
} from '@mcp-crew/core';
import { fromPayload, qdrantPointId, tenantFilter, toPayload } from './payload.js';

export interface QdrantVectorStoreOptions {
  url: string;
  apiKey?: Secret;
  /** Prefix of the collection names (`<prefix><kind>`), to share one Qdrant between deployments. */
  collectionPrefix?: string;
}

/**
 * Mastra's adapter plus the two calls it lacks: a payload index with `is_tenant: true` (Mastra's
 * `createPayloadIndex` takes only a type name) and `scroll`, to list a tenant's sources.
 */
class MultitenantQdrant extends QdrantVector {
  get raw(): QdrantClient {
    return this.client;
  }
}

const SCROLL_PAGE = 256;

/**
 * Qdrant adapter: one collection per kind, the tenant as a payload field indexed with `is_tenant: true`
 * (Qdrant's multitenancy guide), and every query, delete and scroll filtered by it.
 * Upsert, query and delete go through Mastra's `QdrantVector`.
 */
export class QdrantVectorStore implements VectorStore {
  readonly id = 'qdrant';
  readonly #qdrant: MultitenantQdrant;
  readonly #prefix: string;

  constructor(options: QdrantVectorStoreOptions) {
    this.#prefix = options.collectionPrefix ?? 'crew_';
    this.#qdrant = new MultitenantQdrant({
      id: 'crew-qdrant',
      url: options.url,
      ...(options.apiKey ? { apiKey: options.apiKey.reveal() } : {}),
      // No version probe at construction: it would be a request before any call is made.
      checkCompatibility: false,
    });
  }

  collectionName(kind: CollectionKind): string {
    return `${this.#prefix}${kind}`;
  }

  async ensureCollection(kind: CollectionKind, dimension: number): Promise<void> {
    const name = this.collectionName(kind);
    const raw = this.#qdrant.raw;
    if ((await this.#call(() => raw.collectionExists(name))).exists) {
      const info = await this.#call(() => raw.getCollection(name));
      const vectors = info.config.params.vectors as { size?: number } | undefined;
      if (vectors?.size !== dimension) {
        throw new CrewError('knowledge.dimension_mismatch', `Qdrant collection "${name}" holds ${vectors?.size}-dimension vectors, the embedder makes ${dimension}`,
          { domain: 'knowledge', category: 'system', details: { kind, existing: vectors?.size, dimension } });
      }
      return;
    }
    await this.#call(() => this.#qdrant.createIndex({ indexName: name, dimension, metric: 'cosine' }));
    await this.#call(() => raw.createPayloadIndex(name, { field_name: 'tenant_id', field_schema: { type: 'keyword', is_tenant: true }, wait: true }));
    await this.#call(() => raw.createPayloadIndex(name, { field_name: 'source', field_schema: 'keyword', wait: true }));
  }

  async upsert(tenantId: TenantId, kind: CollectionKind, points: EmbeddedPoint[]): Promise<void> {
    if (points.length === 0) return;
    for (const p of points) assertPointOwned(tenantId, kind, p);
    await this.#call(() => this.#qdrant.upsert({
      indexName: this.collectionName(kind),
      ids: points.map((p) => qdrantPointId(tenantId, kind, p.id)),
      vectors: points.map((p) => p.vector),
      metadata: points.map(toPayload),
    }));
  }

  async deleteBySource(tenantId: TenantId, kind: CollectionKind, source: string): Promise<void> {
    await this.#call(() => this.#qdrant.deleteVectors({ indexName: this.collectionName(kind), filter: tenantFilter(tenantId, { source }) }));
  }

  async query(tenantId: TenantId, kind: CollectionKind, vector: number[], options: VectorQueryOptions): Promise<ScoredPoint[]> {
    const hits = await this.#call(() => this.#qdrant.query({
      indexName: this.collectionName(kind), queryVector: vector, topK: options.topK, filter: tenantFilter(tenantId, options.filter),
    }));
    return hits
      .map((hit) => ({ point: fromPayload(hit.metadata ?? {}), score: hit.score }))
      // Belt and braces: a point that somehow lacks our tenant never leaves the adapter.
      .filter((hit) => hit.point.tenantId === tenantId);
  }

  async listSources(tenantId: TenantId, kind: CollectionKind): Promise<Map<string, string>> {
    const sources = new Map<string, string>();
    for (const p of await this.#scroll(tenantId, kind, ['source', 'source_hash', 'tenant_id'])) {
      sources.set(String(p['source']), String(p['source_hash']));
    }
    return sources;
  }

  async listPoints(tenantId: TenantId, kind: CollectionKind): Promise<KnowledgePoint[]> {
    return (await this.#scroll(tenantId, kind, true)).map(fromPayload).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Digest of the tenant's sources and hashes: Qdrant keeps no per-tenant counter, so this scrolls (cost grows with size). */
  async revision(tenantId: TenantId, kind: CollectionKind): Promise<string> {
    const points = await this.#scroll(tenantId, kind, ['point_id', 'source_hash']);
    const entries = points.map((p) => `${String(p['point_id'])}\u0000${String(p['source_hash'])}`).sort();
    return createHash('sha256').update(entries.join('\n')).digest('hex').slice(0, 16);
  }

  async close(): Promise<void> {
    // The REST client keeps no connection open.
  }

  async #scroll(tenantId: TenantId, kind: CollectionKind, withPayload: true | string[]): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    const name = this.collectionName(kind);
    let offset: string | number | undefined;
    do {
      const page = await this.#call(() => this.#qdrant.raw.scroll(name, {
        filter: { must: [{ key: 'tenant_id', match: { value: tenantId } }] },
        limit: SCROLL_PAGE, with_payload: withPayload, with_vector: false, ...(offset !== undefined ? { offset } : {}),
      }));
      for (const p of page.points) {
        if (p.payload && p.payload['tenant_id'] === tenantId) out.push(p.payload);
      }
      const next = page.next_page_offset;
      offset = typeof next === 'string' || typeof next === 'number' ? next : undefined;
    } while (offset !== undefined);
    return out;
  }

  async #call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (cause) {
      if (cause instanceof CrewError) throw cause;
      throw new CrewError('knowledge.qdrant_failed', `Qdrant request failed: ${(cause as Error).message ?? String(cause)}`,
        { domain: 'knowledge', category: 'third_party', retryable: true, cause });
    }
  }
}
