import { createHash } from 'node:crypto';
import { QdrantVector } from '@mastra/qdrant';
import type { QdrantClient } from '@qdrant/js-client-rest';
import {
  CrewError,
  assertPointOwned,
  type CollectionKind,
  type EmbeddedPoint,
  type KnowledgePoint,
  type ScoredPoint,
  type Secret,
  type TenantId,
  type VectorQueryOptions,
  type VectorStore,
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
        throw new CrewError(
          'knowledge.dimension_mismatch',
          `Qdrant collection "${name}" holds ${vectors?.size}-dimension vectors, the embedder makes ${dimension}; run "crew reindex" to re-embed it with the current embedder`,
          { domain: 'knowledge', category: 'system', details: { kind, existing: vectors?.size, dimension } },
        );
      }
      return;
    }
    await this.#call(() => this.#qdrant.createIndex({ indexName: name, dimension, metric: 'cosine' }));
    await this.#call(() =>
      raw.createPayloadIndex(name, {
        field_name: 'tenant_id',
        field_schema: { type: 'keyword', is_tenant: true },
        wait: true,
      }),
    );
    await this.#call(() =>
      raw.createPayloadIndex(name, { field_name: 'source', field_schema: 'keyword', wait: true }),
    );
  }

  async upsert(tenantId: TenantId, kind: CollectionKind, points: EmbeddedPoint[]): Promise<void> {
    if (points.length === 0) return;
    for (const p of points) assertPointOwned(tenantId, kind, p);
    await this.#call(() =>
      this.#qdrant.upsert({
        indexName: this.collectionName(kind),
        ids: points.map((p) => qdrantPointId(tenantId, kind, p.id)),
        vectors: points.map((p) => p.vector),
        metadata: points.map(toPayload),
      }),
    );
  }

  async deleteBySource(tenantId: TenantId, kind: CollectionKind, source: string): Promise<void> {
    await this.#call(() =>
      this.#qdrant.deleteVectors({
        indexName: this.collectionName(kind),
        filter: tenantFilter(tenantId, { source }),
      }),
    );
  }

  async query(
    tenantId: TenantId,
    kind: CollectionKind,
    vector: number[],
    options: VectorQueryOptions,
  ): Promise<ScoredPoint[]> {
    const hits = await this.#call(() =>
      this.#qdrant.query({
        indexName: this.collectionName(kind),
        queryVector: vector,
        topK: options.topK,
        filter: tenantFilter(tenantId, options.filter),
      }),
    );
    return (
      hits
        .map((hit) => ({ point: fromPayload(hit.metadata ?? {}), score: hit.score }))
        // Belt and braces: a point that somehow lacks our tenant never leaves the adapter.
        .filter((hit) => hit.point.tenantId === tenantId)
    );
  }

  async listSources(tenantId: TenantId, kind: CollectionKind): Promise<Map<string, string>> {
    const sources = new Map<string, string>();
    for (const p of await this.#scroll(tenantId, kind, ['source', 'source_hash', 'tenant_id'])) {
      sources.set(String(p['source']), String(p['source_hash']));
    }
    return sources;
  }

  async listPoints(tenantId: TenantId, kind: CollectionKind): Promise<KnowledgePoint[]> {
    return (await this.#scroll(tenantId, kind, true))
      .map(fromPayload)
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Digest of the tenant's sources and hashes: Qdrant keeps no per-tenant counter, so this scrolls (cost grows with size). */
  async revision(tenantId: TenantId, kind: CollectionKind): Promise<string> {
    const points = await this.#scroll(tenantId, kind, ['point_id', 'source_hash']);
    const entries = points.map((p) => `${String(p['point_id'])}\u0000${String(p['source_hash'])}`).sort();
    return createHash('sha256').update(entries.join('\n')).digest('hex').slice(0, 16);
  }

  async collectionDimension(kind: CollectionKind): Promise<number | undefined> {
    const name = this.collectionName(kind);
    const raw = this.#qdrant.raw;
    if (!(await this.#call(() => raw.collectionExists(name))).exists) return undefined;
    const info = await this.#call(() => raw.getCollection(name));
    return (info.config.params.vectors as { size?: number } | undefined)?.size;
  }

  async listTenants(kind: CollectionKind): Promise<TenantId[]> {
    if ((await this.collectionDimension(kind)) === undefined) return [];
    const tenants = new Set<string>();
    for (const p of await this.#scrollAll(kind, ['tenant_id'])) tenants.add(String(p['tenant_id']));
    return [...tenants].sort() as TenantId[];
  }

  /**
   * Qdrant cannot swap a collection in one transaction: the collection is dropped, re-created at the new
   * dimension and filled. The caller has embedded every point beforehand, so only these writes can fail
   * midway, leaving part of the points: take a Qdrant snapshot before `crew reindex` (see the README).
   */
  async replaceCollection(kind: CollectionKind, dimension: number, points: EmbeddedPoint[]): Promise<void> {
    const name = this.collectionName(kind);
    const raw = this.#qdrant.raw;
    if ((await this.#call(() => raw.collectionExists(name))).exists)
      await this.#call(() => raw.deleteCollection(name));
    await this.ensureCollection(kind, dimension);
    const byTenant = new Map<TenantId, EmbeddedPoint[]>();
    for (const p of points) byTenant.set(p.tenantId, [...(byTenant.get(p.tenantId) ?? []), p]);
    for (const [tenant, list] of byTenant) {
      for (let i = 0; i < list.length; i += SCROLL_PAGE)
        await this.upsert(tenant, kind, list.slice(i, i + SCROLL_PAGE));
    }
  }

  async close(): Promise<void> {
    // The REST client keeps no connection open.
  }

  async #scroll(
    tenantId: TenantId,
    kind: CollectionKind,
    withPayload: true | string[],
  ): Promise<Record<string, unknown>[]> {
    // tenant_id is always read, so the belt-and-braces check below can see it (revision asked without it).
    const fields = withPayload === true ? true : [...new Set([...withPayload, 'tenant_id'])];
    return (await this.#scrollAll(kind, fields, tenantId)).filter((p) => p['tenant_id'] === tenantId);
  }

  /** Every point's payload, of one tenant when `tenantId` is given (listTenants alone reads across tenants). */
  async #scrollAll(
    kind: CollectionKind,
    withPayload: true | string[],
    tenantId?: TenantId,
  ): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    const name = this.collectionName(kind);
    let offset: string | number | undefined;
    do {
      const page = await this.#call(() =>
        this.#qdrant.raw.scroll(name, {
          ...(tenantId ? { filter: { must: [{ key: 'tenant_id', match: { value: tenantId } }] } } : {}),
          limit: SCROLL_PAGE,
          with_payload: withPayload,
          with_vector: false,
          ...(offset !== undefined ? { offset } : {}),
        }),
      );
      for (const p of page.points) {
        if (p.payload) out.push(p.payload);
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
      throw new CrewError(
        'knowledge.qdrant_failed',
        `Qdrant request failed: ${(cause as Error).message ?? String(cause)}`,
        { domain: 'knowledge', category: 'third_party', retryable: true, cause },
      );
    }
  }
}
