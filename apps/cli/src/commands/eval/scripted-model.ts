import type { ModelScript, ScriptedConversation } from '@mcp-crew/evals';
// Static: the CLI's tests import @mcp-crew/testing statically, and this file is itself loaded on use.
import { startModelEndpointStandIn } from '@mcp-crew/testing/model-endpoint';

/** The local model endpoint a scripted scenario set runs on, and the settings that point the crew at it. */
export interface ScriptedModel {
  /** Environment for the main job's composition: the stand-in as its OpenAI-compatible endpoint. */
  env: Record<string, string>;
  url: string;
  /** The script the next conversation follows (each scenario run starts a new conversation with it). */
  use(script: ModelScript | undefined): void;
  /** The script's misses since the last call (a call it had no answer for). */
  drain(): string[];
  close(): Promise<void>;
}

/**
 * Starts the OpenAI-compatible stand-in (127.0.0.1, a free port) answering from the current scenario's
 * model script. A miss is answered with a 400 and reported with the turn: the crew's fallback to the
 * offline engine must not hide a script that stopped driving the conversation.
 */
export async function startScriptedModel(): Promise<ScriptedModel> {
  const { ScriptedConversation } = await import('@mcp-crew/evals');
  let conversation: ScriptedConversation | undefined;
  let seen = 0;
  const standIn = await startModelEndpointStandIn({
    chat: (call) => {
      if (!conversation) throw new Error('model script: this scenario has none');
      return conversation.answer(call);
    },
  });
  return {
    url: standIn.url,
    env: {
      OPENAI_API_KEY: 'sk-model-script-stand-in',
      OPENAI_BASE_URL: standIn.url,
      OPENAI_MODEL: 'model-script',
      // The stand-in has no embeddings endpoint: knowledge is indexed by the local embedder.
      EMBEDDINGS_PROVIDER: 'local',
    },
    use: (next) => {
      conversation = next && new ScriptedConversation(next);
      seen = standIn.errors.length;
    },
    drain: () => {
      const misses = standIn.errors.slice(seen);
      seen = standIn.errors.length;
      return misses;
    },
    close: () => standIn.close(),
  };
}
