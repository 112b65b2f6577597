import type { CollectionKind, EmbeddedPoint, KnowledgePoint, Language, TenantId } from '@mcp-crew/core';
import type { InValue, Row } from '@libsql/client';

/** Column values for one point, in the order of the INSERT in the store. */
export function pointToArgs(point: EmbeddedPoint, vector: Float32Array): InValue[] {
  return [
    point.tenantId,
    point.collection,
    point.id,
    point.source,
    point.sourceHash,
    point.text,
    point.language,
    point.title ?? null,
    point.odooProductId ?? null,
    point.defaultCode ?? null,
    JSON.stringify(point.metadata),
    new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength),
  ];
}

export function rowToPoint(row: Row): KnowledgePoint {
  const point: KnowledgePoint = {
    id: String(row['id']),
    tenantId: String(row['tenant_id']) as TenantId,
    collection: String(row['kind']) as CollectionKind,
    text: String(row['text']),
    source: String(row['source']),
    sourceHash: String(row['source_hash']),
    language: String(row['language']) as Language,
    metadata: JSON.parse(String(row['metadata'])) as KnowledgePoint['metadata'],
  };
  if (row['title'] !== null) point.title = String(row['title']);
  if (row['odoo_product_id'] !== null) point.odooProductId = Number(row['odoo_product_id']);
  if (row['default_code'] !== null) point.defaultCode = String(row['default_code']);
  return point;
}

export function rowVector(row: Row): Float32Array {
  const blob = row['vector'] as ArrayBuffer;
  return new Float32Array(blob.slice(0));
}

/** Unit-length copy (cosine similarity then is a dot product). */
export function normalised(vector: number[]): Float32Array {
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm);
  return Float32Array.from(vector, (v) => (norm === 0 ? 0 : v / norm));
}
