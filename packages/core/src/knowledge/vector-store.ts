import type { TenantId } from '../tenant/tenant.js';
import type { CollectionKind } from './collections.js';
import type { EmbeddedPoint, KnowledgePoint, PointFilter, ScoredPoint } from './knowledge-point.js';

export interface VectorQueryOptions {
  topK: number;
  filter?: PointFilter;
}

/**
 * Port of a vector store. Every call names the tenant (a branded `TenantId`, so an untenanted call does
 * not compile) and every read and delete is filtered by it inside the adapter.
 * Adapters: the embedded store (one file, one machine) and Qdrant.
 */
export interface VectorStore {
  /** Short name for logs and reports: `embedded`, `qdrant`. */
  readonly id: string;
  /** Creates the collection for `kind` if missing; fails if it exists with another dimension. */
  ensureCollection(kind: CollectionKind, dimension: number): Promise<void>;
  /** Inserts or overwrites points by id; every point must belong to `tenantId`. */
  upsert(tenantId: TenantId, kind: CollectionKind, points: EmbeddedPoint[]): Promise<void>;
  /** Removes every point of the tenant that came from `source`. */
  deleteBySource(tenantId: TenantId, kind: CollectionKind, source: string): Promise<void>;
  /** Nearest points of the tenant to `vector`, best first. */
  query(
    tenantId: TenantId,
    kind: CollectionKind,
    vector: number[],
    options: VectorQueryOptions,
  ): Promise<ScoredPoint[]>;
  /** The tenant's sources in this collection and the content hash each was ingested with. */
  listSources(tenantId: TenantId, kind: CollectionKind): Promise<Map<string, string>>;
  /** Every point of the tenant in this collection, without vectors (feeds the keyword index). */
  listPoints(tenantId: TenantId, kind: CollectionKind): Promise<KnowledgePoint[]>;
  /** Changes whenever the tenant's points in this collection change; lets callers cache derived indexes. */
  revision(tenantId: TenantId, kind: CollectionKind): Promise<string>;
  /** The dimension the collection holds, undefined when it does not exist yet (startup checks it against the embedder). */
  collectionDimension(kind: CollectionKind): Promise<number | undefined>;
  /**
   * Operator-level (`crew reindex`), across tenants: the tenants that have points in this collection.
   * Every other call stays scoped to one tenant.
   */
  listTenants(kind: CollectionKind): Promise<TenantId[]>;
  /**
   * Operator-level (`crew reindex`): re-creates the collection at `dimension` holding exactly `points`, of any
   * tenants (each point carries its own). The embedded store swaps in one transaction; see each adapter.
   */
  replaceCollection(kind: CollectionKind, dimension: number, points: EmbeddedPoint[]): Promise<void>;
  close(): Promise<void>;
}
