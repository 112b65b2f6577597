import type { ConversationState, CrewDefinition, CrewMediaSettings, Language, Turn } from '@mcp-crew/core';
import { handoffNote } from '../turn/handoff-note.js';
import type { TurnResponse } from '../turn/respond-to-turn.js';
import { IMAGE_ASK_TO_DESCRIBE, VOICE_ASK_TO_WRITE } from './media-texts.js';

/**
 * The crew's answer to a voice note or photo nothing could read: a short reply asking the customer to write
 * (or describe the photo), or a hand-over, as the crew's `media` settings (with the tenant's changes) say.
 * No specialist runs.
 */
export function mediaFallback(
  turn: Turn,
  crew: CrewDefinition,
  state: ConversationState,
  unread: 'voice' | 'image',
  language: Language,
  media: CrewMediaSettings,
): TurnResponse {
  const selection = { specialist: crew.defaultSpecialist, reason: 'default' as const, evidence: [] };
  const handsOver =
    unread === 'voice' ? media.voiceFallback === 'handoff' : media.imageFallback === 'handoff';
  if (handsOver) {
    const why =
      unread === 'voice'
        ? 'The customer sent a voice note that could not be transcribed in time (no transcription from Chatwoot and none from a configured endpoint).'
        : 'The customer sent a photo and no vision-capable model is configured (or it failed), so MCP-Crew could not look at it.';
    return {
      selection,
      replies: [],
      handoff: { reason: 'media_unreadable', note: handoffNote(turn, crew, why) },
      state,
      touched: [],
    };
  }
  const ask = unread === 'voice' ? VOICE_ASK_TO_WRITE[language] : IMAGE_ASK_TO_DESCRIBE[language];
  return { selection, replies: [ask], state, touched: [] };
}
