import { CrewError } from '../errors/crew-error.js';
import type { Language, TenantId } from '../tenant/tenant.js';
import type { CollectionKind } from './collections.js';

/** Scalar values a point's free-form metadata may hold (they must survive JSON and Qdrant payloads). */
export type MetadataValue = string | number | boolean;

/**
 * One retrievable piece of knowledge: a product, a section of a procedure, a rule, a past interaction.
 * Every point carries its tenant; a store never returns a point of another tenant.
 */
export interface KnowledgePoint {
  /** Stable id, derived from tenant, collection, source and chunk index, so re-ingesting overwrites. */
  id: string;
  tenantId: TenantId;
  collection: CollectionKind;
  text: string;
  /** Where it came from: `products/esmalte-blanco-galon.md#uso`, `odoo:product.product/42`, ... */
  source: string;
  /** Hash of the whole source's content (and the embedder that embedded it); unchanged hash = nothing to do. */
  sourceHash: string;
  language: Language;
  title?: string;
  /** `products` only: lets an agent check price and stock live in Odoo. */
  odooProductId?: number;
  defaultCode?: string;
  metadata: Record<string, MetadataValue>;
}

/** A point with its embedding, as written to a store. */
export interface EmbeddedPoint extends KnowledgePoint {
  vector: number[];
}

/** A query hit: the point and its similarity (cosine, higher is closer). */
export interface ScoredPoint {
  point: KnowledgePoint;
  score: number;
}

/** Equality filters ANDed together (the tenant is always added by the store, never by the caller). */
export interface PointFilter {
  source?: string;
  language?: Language;
  defaultCode?: string;
  odooProductId?: number;
  metadata?: Record<string, MetadataValue>;
}

/** True when the point passes every condition of the filter (shared by in-process stores and the keyword index). */
export function matchesPointFilter(point: KnowledgePoint, filter: PointFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.source !== undefined && point.source !== filter.source) return false;
  if (filter.language !== undefined && point.language !== filter.language) return false;
  if (filter.defaultCode !== undefined && point.defaultCode !== filter.defaultCode) return false;
  if (filter.odooProductId !== undefined && point.odooProductId !== filter.odooProductId) return false;
  for (const [key, value] of Object.entries(filter.metadata ?? {})) {
    if (point.metadata[key] !== value) return false;
  }
  return true;
}

/** Guards a write: every point must belong to the tenant and collection the call names. */
export function assertPointOwned(tenantId: TenantId, kind: CollectionKind, point: KnowledgePoint): void {
  if (point.tenantId !== tenantId || point.collection !== kind) {
    throw new CrewError(
      'knowledge.tenant_mismatch',
      `point ${point.id} does not belong to the ${kind} collection of the calling tenant`,
      {
        domain: 'knowledge',
        category: 'system',
        details: { kind, pointId: point.id },
      },
    );
  }
}
