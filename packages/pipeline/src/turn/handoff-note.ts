import type { CrewDefinition, Turn } from '@mcp-crew/core';

/** The private note a person reads when MCP-Crew hands a conversation over: why, and what the customer said. */
export function handoffNote(turn: Turn, crew: CrewDefinition, why: string): string {
  const said = turn.messages
    .map((m) => `> ${m.content.trim() || '(no text: attachment or empty message)'}`)
    .join('\n');
  return `MCP-Crew handed this conversation to a human (${crew.name} crew).\n${why}\n\nCustomer's last messages:\n${said}`;
}
