import type { ChatwootGateway, ConversationRef, Handoff } from '@mcp-crew/core';

export interface HandoffPlan {
  handoff: Handoff;
  labels: readonly string[];
  /** Already shaped by the channel policy; empty when the customer was told already. */
  customerParts: readonly string[];
  /** Sends the conversation to the right person (assignment, CRM lead); its lines go into the private note. */
  route?: () => Promise<string[]>;
}

/**
 * Hands a conversation to humans in Chatwoot: tell the customer, send it to the right person (when a route is
 * given), leave a private note saying why and where it went, label it, and set it `open` (after which the loop
 * guard keeps the bot silent).
 * The status change goes last so that a failure before it leaves the bot owning the conversation
 * and the turn is retried rather than half-handed-over.
 */
export async function handOver(
  gateway: ChatwootGateway,
  ref: ConversationRef,
  plan: HandoffPlan,
): Promise<void> {
  for (const part of plan.customerParts) await gateway.sendMessage(ref, { content: part });
  // Routing never stops a hand-over: whatever it could not do becomes a line of the note.
  const routed = plan.route
    ? await plan
        .route()
        .catch((error: unknown) => [
          `Could not route the conversation: ${error instanceof Error ? error.message : String(error)}`,
        ])
    : [];
  const note = routed.length > 0 ? `${plan.handoff.note}\n\n${routed.join('\n')}` : plan.handoff.note;
  await gateway.addPrivateNote(ref, note);
  if (plan.labels.length > 0) await gateway.addLabels(ref, [...plan.labels]);
  await gateway.toggleStatus(ref, 'open');
}
