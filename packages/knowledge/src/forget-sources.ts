import { CrewError, type CollectionKind, type TenantId, type VectorStore } from '@mcp-crew/core';

export interface ForgetSourcesOptions {
  tenantId: TenantId;
  collection: CollectionKind;
  /** Exact sources as `crew search` prints them (`business_rules/horarios.md`); a trailing `/` means every source under it. */
  sources: string[];
  store: VectorStore;
}

/**
 * `crew forget`: the one way (with `crew ingest --prune`) knowledge is deleted. Every name must match: one
 * unknown name deletes nothing and fails listing what is there, so a typo never removes the wrong thing.
 */
export async function forgetSources(options: ForgetSourcesOptions): Promise<string[]> {
  const { tenantId, collection, store } = options;
  const existing = [...(await store.listSources(tenantId, collection)).keys()].sort();
  const chosen = new Set<string>();
  const unknown: string[] = [];
  for (const name of options.sources) {
    const matches = name.endsWith('/')
      ? existing.filter((s) => s.startsWith(name))
      : existing.filter((s) => s === name);
    if (matches.length === 0) unknown.push(name);
    matches.forEach((m) => chosen.add(m));
  }
  if (unknown.length > 0 || chosen.size === 0) {
    throw new CrewError(
      'knowledge.unknown_source',
      `${tenantId}/${collection} has no source ${unknown.map((u) => `"${u}"`).join(', ') || '(none named)'}; nothing was deleted`,
      {
        domain: 'knowledge',
        category: 'user',
        details: { unknown, available: existing.slice(0, 50) },
      },
    );
  }
  for (const source of chosen) await store.deleteBySource(tenantId, collection, source);
  return [...chosen];
}
