import { Command } from 'commander';
import { registerServe } from './commands/serve.js';
import { registerMcp } from './commands/mcp.js';
import { registerChat } from './commands/chat.js';
import { registerKnowledge } from './commands/knowledge.js';
import { registerSandbox } from './commands/sandbox.js';
import { registerEval } from './commands/eval.js';

/** The `crew` command line. Each subcommand lives in its own file under commands/. */
export function buildProgram(): Command {
  const program = new Command('crew').description(
    'MCP-Crew: customer-service crews over Chatwoot, Odoo and MCP.',
  );
  registerServe(program);
  registerMcp(program);
  registerChat(program);
  registerKnowledge(program);
  registerSandbox(program);
  registerEval(program);
  return program;
}
