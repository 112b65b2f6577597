import type { Language, TenantId } from '@mcp-crew/core';

/** One finished conversation's summary, ready to be stored. */
export interface InteractionSummary {
  tenantId: TenantId;
  conversationId: number;
  language: Language;
  text: string;
  /** Small searchable facts (channel, crew, contact id, date); never contact data. */
  metadata: Record<string, string | number>;
}

/** Where summaries go (the tenant's `interaction_history` collection). One summary per conversation: writing again replaces it. */
export interface SummaryWriter {
  write(summary: InteractionSummary): Promise<void>;
}

/** The knowledge source a conversation's summary is stored under. */
export function summarySource(conversationId: number): string {
  return `chatwoot:conversation/${conversationId}`;
}
