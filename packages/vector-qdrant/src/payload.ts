import { createHash } from 'node:crypto';
import type {
  CollectionKind,
  EmbeddedPoint,
  KnowledgePoint,
  Language,
  PointFilter,
  TenantId,
} from '@mcp-crew/core';

/** Payload fields; `tenant_id` is the indexed tenant field every filter includes. */
export interface PointPayload {
  tenant_id: string;
  collection: string;
  point_id: string;
  source: string;
  source_hash: string;
  text: string;
  language: string;
  title?: string;
  odoo_product_id?: number;
  default_code?: string;
  metadata: Record<string, string | number | boolean>;
}

/**
 * Qdrant accepts only unsigned integers or UUIDs as point ids, so our string id (unique within a tenant's
 * collection) becomes a name-based UUID of tenant + collection + id; the original travels in the payload.
 */
export function qdrantPointId(tenantId: TenantId, kind: CollectionKind, id: string): string {
  const hex = createHash('sha256').update(`${tenantId}\u0000${kind}\u0000${id}`).digest('hex');
  // RFC 9562 layout, version 8 (custom), variant 10.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function toPayload(point: EmbeddedPoint): PointPayload {
  return {
    tenant_id: point.tenantId,
    collection: point.collection,
    point_id: point.id,
    source: point.source,
    source_hash: point.sourceHash,
    text: point.text,
    language: point.language,
    metadata: point.metadata,
    ...(point.title !== undefined ? { title: point.title } : {}),
    ...(point.odooProductId !== undefined ? { odoo_product_id: point.odooProductId } : {}),
    ...(point.defaultCode !== undefined ? { default_code: point.defaultCode } : {}),
  };
}

export function fromPayload(payload: Record<string, unknown>): KnowledgePoint {
  const p = payload as unknown as PointPayload;
  const point: KnowledgePoint = {
    id: p.point_id,
    tenantId: p.tenant_id as TenantId,
    collection: p.collection as CollectionKind,
    text: p.text,
    source: p.source,
    sourceHash: p.source_hash,
    language: p.language as Language,
    metadata: p.metadata ?? {},
  };
  if (p.title !== undefined && p.title !== null) point.title = p.title;
  if (p.odoo_product_id !== undefined && p.odoo_product_id !== null) point.odooProductId = p.odoo_product_id;
  if (p.default_code !== undefined && p.default_code !== null) point.defaultCode = p.default_code;
  return point;
}

/** Mastra's (Mongo-like) filter for the tenant plus the caller's conditions; the tenant is never optional. */
export function tenantFilter(
  tenantId: TenantId,
  filter: PointFilter = {},
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = { tenant_id: tenantId };
  if (filter.source !== undefined) out['source'] = filter.source;
  if (filter.language !== undefined) out['language'] = filter.language;
  if (filter.defaultCode !== undefined) out['default_code'] = filter.defaultCode;
  if (filter.odooProductId !== undefined) out['odoo_product_id'] = filter.odooProductId;
  for (const [key, value] of Object.entries(filter.metadata ?? {})) out[`metadata.${key}`] = value;
  return out;
}
