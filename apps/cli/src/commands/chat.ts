import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { CREW_NAMES, DeterministicSelector, tenantId, type CrewName, type InboundMessage, type TenantConfig, type TenantDirectory } from '@mcp-crew/core';

interface ChatOptions {
  tenant: string;
  channel: string;
  name: string;
  phone?: string;
  email?: string;
}

/**
 * `crew chat`: talk to a channel's crew as a customer, one turn per line (typed, or piped for scripts).
 * Same pieces as the main job: crews, selector, specialists, turn processor, the Odoo sandbox when the
 * tenant uses it, and the console Chatwoot gateway that prints what would be sent.
 */
export function registerChat(program: Command): void {
  program
    .command('chat')
    .description('Talk to a crew as a customer in the terminal (reads stdin: one message per line), showing the specialist and the tools called.')
    .option('--tenant <id>', 'tenant id', 'demo')
    .option('--channel <crew>', `channel crew: ${CREW_NAMES.join(', ')}`, 'whatsapp')
    .option('--name <name>', 'the customer\'s contact name', 'Cliente de prueba')
    .option('--phone <phone>', 'the contact\'s phone (identifies the Odoo customer, e.g. "+57 300 123 4567")')
    .option('--email <email>', 'the contact\'s e-mail')
    .action(async (opts: ChatOptions) => chat(opts));
}

async function chat(opts: ChatOptions): Promise<void> {
  if (!(CREW_NAMES as readonly string[]).includes(opts.channel)) throw new Error(`--channel must be one of ${CREW_NAMES.join(', ')}`);
  const [{ loadSettings, FileTenantDirectory }, { loadCrews }, { startSandboxIfUsed }, { createDefaultSpecialists }, { TurnProcessor }, { ConsoleChatwootGateway }, { MemoryConversationStateStore }] =
    await Promise.all([import('@mcp-crew/config'), import('@mcp-crew/crews'), import('@mcp-crew/orchestrator'), import('@mcp-crew/agents'), import('@mcp-crew/pipeline'), import('@mcp-crew/chatwoot-client'), import('@mcp-crew/state-memory')]);
  const env = process.env;
  const settings = loadSettings(env);
  const sandbox = await startSandboxIfUsed(settings, env);
  const tenants = await FileTenantDirectory.load(resolve(settings.TENANTS_FILE), { env, sandboxUrl: sandbox?.url });
  const found = await tenants.get(tenantId(opts.tenant));
  if (!found) throw new Error(`tenant "${opts.tenant}" is not in ${settings.TENANTS_FILE}`);
  // Inbox 0 is mapped to the chosen crew, so --channel decides the crew whatever the tenant's defaults.
  const tenant: TenantConfig = { ...found, inboxCrews: { ...found.inboxCrews, '0': opts.channel as CrewName } };
  const directory: TenantDirectory = { get: async (id) => (id === tenant.id ? tenant : undefined), list: async () => [tenant] };
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const quiet = { info: () => undefined, warn: (obj: object, msg: string) => out(`  ! ${msg} ${JSON.stringify(obj)}`), error: (obj: object, msg: string) => out(`  ! ${msg} ${JSON.stringify(obj)}`), debug: () => undefined };
  const specialists = createDefaultSpecialists({
    env,
    logger: quiet,
    observe: (trace) => {
      out(`  [${trace.specialist} · ${trace.model}]`);
      for (const t of trace.tools) out(`  tool ${t.tool}(${JSON.stringify(t.input)}) → ${t.ok ? 'ok' : t.refused ? 'REFUSED' : 'failed'}: ${t.text.split('\n')[0]?.slice(0, 120) ?? ''}`);
    },
  });
  const gateway = new ConsoleChatwootGateway({ tenantId: tenant.id, write: out });
  const processor = new TurnProcessor({
    tenants: directory,
    crews: await loadCrews(resolve(settings.CREWS_DIR)),
    selector: new DeterministicSelector(),
    specialists,
    gateway: () => gateway,
    state: new MemoryConversationStateStore(),
    logger: quiet,
  });

  out(`crew chat: tenant ${tenant.id}, ${opts.channel} crew${sandbox ? `, Odoo sandbox at ${sandbox.url}` : ''}. One message per line; Ctrl-D ends.`);
  let n = 0;
  try {
    for await (const line of createInterface({ input: process.stdin, terminal: false })) {
      const content = line.trim();
      if (!content) continue;
      n++;
      out(`> ${content}`);
      const message: InboundMessage = {
        tenantId: tenant.id, deliveryId: `chat-${n}`, accountId: tenant.chatwootAccountId ?? 1, conversationId: 1, inboxId: 0, messageId: n,
        channel: 'Channel::Api', channelAttributes: {}, content, contentType: 'text',
        sender: { id: 1, name: opts.name, ...(opts.phone ? { phone: opts.phone } : {}), ...(opts.email ? { email: opts.email } : {}) },
        createdAt: new Date().toISOString(), receivedAt: Date.now(),
      };
      await processor.handle({ tenantId: tenant.id, conversationId: 1, messages: [message] }, { attempt: 1, maxAttempts: 1 });
    }
  } finally {
    await specialists.close();
    await sandbox?.close();
  }
}
