/** The four kinds of knowledge a tenant has; each is one collection (Qdrant) or one partition (embedded store). */
export const COLLECTION_KINDS = [
  'products',
  'support_procedures',
  'business_rules',
  'interaction_history',
] as const;
export type CollectionKind = (typeof COLLECTION_KINDS)[number];

export function isCollectionKind(value: string): value is CollectionKind {
  return (COLLECTION_KINDS as readonly string[]).includes(value);
}
