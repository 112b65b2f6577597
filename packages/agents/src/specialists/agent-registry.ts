import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { SpecialistKind, SpecialistRegistry, Specialist, SpecialistContext, SpecialistResult, TenantConfig, Turn } from '@mcp-crew/core';
import type { TenantTools } from '../tools/tenant-tools.js';
import { AgentSpecialist, type SpecialistTrace } from './agent-specialist.js';
import { TOOL_ALLOWLISTS } from './allowlists.js';
import { PromptFiles } from './instructions.js';

export interface AgentRegistryOptions {
  tools: TenantTools;
  /** The model for a tenant's specialist (the offline engine, OpenAI, a scripted model in tests). */
  model: (tenant: TenantConfig, kind: SpecialistKind) => LanguageModelV3;
  /** Folder of the crew files, for crews loaded without their prompt texts. */
  crewsDir?: string;
  allowlists?: Partial<Record<SpecialistKind, readonly string[]>>;
  maxSteps?: number;
  observe?: (trace: SpecialistTrace) => void;
  /** Model tokens one conversation may spend before `offline` answers its turns (0 or unset: no limit). */
  tokenBudget?: number;
  /** The offline engine, used once a conversation's budget is spent. */
  offline?: LanguageModelV3;
}

/**
 * The specialists of every tenant as Mastra agents. Tools are the tenant's MCP tools (connected once per
 * tenant) filtered by the specialist's allowlist; the prompt is the crew's file for that specialist.
 */
export class AgentSpecialistRegistry implements SpecialistRegistry {
  readonly #prompts: PromptFiles;

  constructor(private readonly options: AgentRegistryOptions) {
    this.#prompts = new PromptFiles(options.crewsDir);
  }

  get(tenant: TenantConfig, kind: SpecialistKind): Specialist | undefined {
    if (!tenant.enabledSpecialists.includes(kind)) return undefined;
    return { handle: (turn, context) => this.handle(turn, context, kind) };
  }

  async close(): Promise<void> {
    await this.options.tools.close();
  }

  private async handle(turn: Turn, context: SpecialistContext, kind: SpecialistKind): Promise<SpecialistResult> {
    const allow = new Set(this.options.allowlists?.[kind] ?? TOOL_ALLOWLISTS[kind]);
    const [tools, prompt] = await Promise.all([this.options.tools.forTenant(context.tenant), this.#prompts.get(context.crew, kind)]);
    const specialist = new AgentSpecialist({
      tools: tools.filter((t) => allow.has(t.name)),
      model: this.options.model(context.tenant, kind),
      prompt,
      maxSteps: this.options.maxSteps,
      observe: this.options.observe,
      tokenBudget: this.options.tokenBudget,
      offline: this.options.offline,
    });
    return specialist.handle(turn, context);
  }
}
