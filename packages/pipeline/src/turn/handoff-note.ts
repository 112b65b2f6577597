import type { CrewDefinition, InboundMessage, Turn } from '@mcp-crew/core';

/** The private note a person reads when MCP-Crew hands a conversation over: why, and what the customer said. */
export function handoffNote(turn: Turn, crew: CrewDefinition, why: string): string {
  const said = turn.messages.map((m) => `> ${describeMessage(m)}`).join('\n');
  return `MCP-Crew handed this conversation to a human (${crew.name} crew).\n${why}\n\nCustomer's last messages:\n${said}`;
}

/** One message as the person should read it: voice notes by their transcript, photos by what was seen. */
function describeMessage(message: InboundMessage): string {
  const attachments = message.attachments ?? [];
  if (attachments.length === 0) return message.content.trim() || '(no text: attachment or empty message)';
  const own = message.content.trim();
  const derived = attachments.flatMap((a) => [a.transcript, a.description]).filter((t): t is string => !!t);
  // The content already holds transcripts and descriptions once read; what is left is the customer's caption.
  const caption = derived.reduce((text, part) => text.replace(part, ''), own).trim();
  const parts = caption ? [caption] : [];
  for (const a of attachments) {
    if (a.kind === 'audio')
      parts.push(a.transcript ? `(voice note, transcript) ${a.transcript}` : '(voice note, not transcribed)');
    else if (a.kind === 'image')
      parts.push(
        a.description ? `(photo, as the vision model saw it) ${a.description}` : '(photo, not looked at)',
      );
    else parts.push(`(${a.kind} attachment)`);
  }
  return parts.join(' ');
}
