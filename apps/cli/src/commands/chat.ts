import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import {
  CREW_NAMES,
  EMPTY_CONVERSATION_STATE,
  tenantId,
  type ConversationState,
  type CrewName,
  type InboundMessage,
} from '@mcp-crew/core';
import type { TurnResponse } from '@mcp-crew/pipeline';

interface ChatOptions {
  tenant: string;
  channel: string;
  name: string;
  phone?: string;
  email?: string;
}

/**
 * `crew chat`: talk to a channel's crew as a customer, one turn per line (typed, or piped for scripts).
 * The main job's composition (`openSpecialists`: knowledge, tenant cache, model), crews and selector, the
 * Odoo sandbox when the tenant uses it, and the use case that answers every turn; the transcript shows the
 * specialist, its tool calls, the replies and any handoff. After a handoff the bot stays silent, as in Chatwoot.
 */
export function registerChat(program: Command): void {
  program
    .command('chat')
    .description(
      'Talk to a crew as a customer in the terminal (reads stdin: one message per line), showing the specialist and the tools called.',
    )
    .option('--tenant <id>', 'tenant id', 'demo')
    .option('--channel <crew>', `channel crew: ${CREW_NAMES.join(', ')}`, 'whatsapp')
    .option('--name <name>', "the customer's contact name", 'Cliente de prueba')
    .option('--phone <phone>', 'the contact\'s phone (identifies the Odoo customer, e.g. "+57 300 123 4567")')
    .option('--email <email>', "the contact's e-mail")
    .action(async (opts: ChatOptions) => chat(opts));
}

async function chat(opts: ChatOptions): Promise<void> {
  if (!(CREW_NAMES as readonly string[]).includes(opts.channel))
    throw new Error(`--channel must be one of ${CREW_NAMES.join(', ')}`);
  const [{ loadSettings, FileTenantDirectory }, { loadCrews }, orchestrator, { RespondToTurn }] =
    await Promise.all([
      import('@mcp-crew/config'),
      import('@mcp-crew/crews'),
      import('@mcp-crew/orchestrator'),
      import('@mcp-crew/pipeline'),
    ]);
  const env = process.env;
  const settings = loadSettings(env);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  // Warnings (a model that fell back, Redis late) go to stderr as JSON; the transcript stays on stdout.
  // LOG_LEVEL's default (info) would bury the transcript: chat logs from warn unless a level was asked for.
  const logger = orchestrator.createLogger(env['LOG_LEVEL'] ? settings.LOG_LEVEL : 'warn');
  const sandbox = await orchestrator.startSandboxIfUsed(settings, env);
  const tenants = await FileTenantDirectory.load(resolve(settings.TENANTS_FILE), {
    env,
    sandboxUrl: sandbox?.url,
  });
  const tenant = await tenants.get(tenantId(opts.tenant));
  if (!tenant) throw new Error(`tenant "${opts.tenant}" is not in ${settings.TENANTS_FILE}`);
  const crew = (await loadCrews(resolve(settings.CREWS_DIR))).get(opts.channel as CrewName);
  if (!crew) throw new Error(`crew "${opts.channel}" is not in ${settings.CREWS_DIR}`);
  // The main job's composition: knowledge, the tenant cache in front of Odoo, the model the settings choose.
  const cacheStore = await orchestrator.openCacheStore(settings, logger);
  const hosted = orchestrator.createLanguageModel(settings);
  const opened = await orchestrator.openSpecialists({
    settings,
    hosted,
    logger,
    tenants: [tenant],
    cacheStore,
  });
  const selector = orchestrator.createSpecialistSelector(hosted, logger, opened.specialists.mastra);
  // The same use case the Chatwoot turns and the copilot use; the transcript shows its result as it is.
  const respond = new RespondToTurn({ selector, specialists: opened.specialists });

  out(
    `crew chat: tenant ${tenant.id}, ${opts.channel} crew${sandbox ? `, Odoo sandbox at ${sandbox.url}` : ''}. One message per line; Ctrl-D ends.`,
  );
  let state: ConversationState = EMPTY_CONVERSATION_STATE;
  let n = 0;
  try {
    for await (const line of createInterface({ input: process.stdin, terminal: false })) {
      const content = line.trim();
      if (!content) continue;
      n++;
      out(`> ${content}`);
      if (state.lastHandoff) {
        // Chatwoot sends the bot nothing for a conversation a person owns (status open): no reply here either.
        out('  (the conversation is with a person now; the bot stays silent)');
        continue;
      }
      const message: InboundMessage = {
        tenantId: tenant.id,
        deliveryId: `chat-${n}`,
        accountId: tenant.chatwootAccountId ?? 1,
        conversationId: 1,
        inboxId: 0,
        messageId: n,
        channel: 'Channel::Api',
        channelAttributes: {},
        content,
        contentType: 'text',
        sender: {
          id: 1,
          name: opts.name,
          ...(opts.phone ? { phone: opts.phone } : {}),
          ...(opts.email ? { email: opts.email } : {}),
        },
        createdAt: new Date().toISOString(),
        receivedAt: Date.now(),
      };
      const result = await respond.respond({
        turn: { tenantId: tenant.id, conversationId: 1, messages: [message] },
        tenant,
        crew,
        state,
      });
      state = result.state;
      printTurn(out, result);
    }
  } finally {
    await opened.close();
    await cacheStore.close();
    await sandbox?.close();
  }
}

function printTurn(out: (line: string) => void, result: TurnResponse): void {
  const trace = result.trace;
  out(`  [${result.selection.specialist}${trace ? ` · ${trace.model}` : ''}]`);
  for (const t of trace?.tools ?? [])
    out(
      `  tool ${t.tool}(${JSON.stringify(t.input)}) → ${t.ok ? 'ok' : t.refused ? 'REFUSED' : 'failed'}: ${t.text.split('\n')[0]?.slice(0, 120) ?? ''}`,
    );
  for (const reply of result.replies) out(`< ${reply}`);
  if (result.handoff)
    out(`  handed to a person (${result.handoff.reason}): ${result.handoff.note.split('\n')[0] ?? ''}`);
}
