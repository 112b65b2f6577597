import type { ChatwootGateway, ConversationRef, ConversationStatus } from '@mcp-crew/core';

/**
 * Wraps `crew chat`'s console gateway to notice a handoff: once the bot sets the conversation `open`, a
 * person owns it, and (as with a real Chatwoot inbox) the bot answers nothing more.
 */
export function watchHandoff(inner: ChatwootGateway): { gateway: ChatwootGateway; handedOver: () => boolean } {
  let open = false;
  const gateway: ChatwootGateway = {
    sendMessage: (ref, message) => inner.sendMessage(ref, message),
    addPrivateNote: (ref, content) => inner.addPrivateNote(ref, content),
    addLabels: (ref, labels) => inner.addLabels(ref, labels),
    setCustomAttributes: (ref, attributes) => inner.setCustomAttributes(ref, attributes),
    getConversation: (ref) => inner.getConversation(ref),
    async toggleStatus(ref: ConversationRef, status: ConversationStatus) {
      if (status === 'open') open = true;
      await inner.toggleStatus(ref, status);
    },
  };
  return { gateway, handedOver: () => open };
}
