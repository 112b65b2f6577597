import type { ChatwootAgent } from '@mcp-crew/core';

/**
 * The team member with the fewest open conversations. Members online are preferred when any is (Chatwoot's
 * own auto-assignment picks among online agents); out of hours, when nobody is, any member is chosen so the
 * conversation waits in someone's queue. Ties go to the lowest agent id, so the choice is reproducible.
 */
export function leastLoaded(
  members: readonly ChatwootAgent[],
  openByAgent: ReadonlyMap<number, number>,
): { agent: ChatwootAgent; open: number } | undefined {
  const online = members.filter((m) => m.availability === 'online');
  const pool = online.length > 0 ? online : members;
  let best: { agent: ChatwootAgent; open: number } | undefined;
  for (const agent of [...pool].sort((a, b) => a.id - b.id)) {
    const open = openByAgent.get(agent.id) ?? 0;
    if (!best || open < best.open) best = { agent, open };
  }
  return best;
}
