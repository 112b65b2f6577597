import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Mastra } from '@mastra/core/mastra';
import {
  configFingerprint,
  type CrewDefinition,
  type SpecialistKind,
  type SpecialistRegistry,
  type Specialist,
  type TenantConfig,
  type TenantId,
} from '@mcp-crew/core';
import { createCrewMastra } from '../mastra/crew-mastra.js';
import type { McpToolSource } from '../tools/mcp-tools.js';
import type { TenantTools } from '../tools/tenant-tools.js';
import { AgentSpecialist } from './agent-specialist.js';
import { TOOL_ALLOWLISTS } from './allowlists.js';
import { buildInstructions, PromptFiles } from './instructions.js';

export interface AgentRegistryOptions {
  tools: TenantTools;
  /** The model for a tenant's specialist (the offline engine, OpenAI, a scripted model in tests). */
  model: (tenant: TenantConfig, kind: SpecialistKind) => LanguageModelV3;
  /** Folder of the crew files, for crews loaded without their prompt texts. */
  crewsDir?: string;
  allowlists?: Partial<Record<SpecialistKind, readonly string[]>>;
  maxSteps?: number;
  /** Model tokens one conversation may spend before `offline` answers its turns (0 or unset: no limit). */
  tokenBudget?: number;
  /** The budget of one tenant's specialist (its model settings), over `tokenBudget`. */
  tokenBudgetFor?: (tenant: TenantConfig, kind: SpecialistKind) => number | undefined;
  /** The offline engine, used once a conversation's budget is spent. */
  offline?: LanguageModelV3;
  /** The process's Mastra instance, which owns the agents (its logger is theirs). Default: a silent one. */
  mastra?: Mastra;
}

interface Built {
  /** What the agent was built from: the tenant's and crew's configuration, the prompt, the tool list. */
  from: { tenant: string; crew: string; prompt: string; tools: McpToolSource[]; model: LanguageModelV3 };
  specialist: AgentSpecialist;
}

/**
 * The specialists of every tenant as Mastra agents, one per tenant, crew and specialist, built on the first
 * turn that needs it and rebuilt only when the tenant's configuration (or the crew, its prompt, the tenant's
 * tools) changes. Tools are the tenant's MCP tools filtered by the specialist's allowlist.
 */
export class AgentSpecialistRegistry implements SpecialistRegistry {
  readonly #prompts: PromptFiles;
  readonly #built = new Map<string, Built>();
  /** The Mastra instance the agents are registered with. */
  readonly mastra: Mastra;

  constructor(private readonly options: AgentRegistryOptions) {
    this.#prompts = new PromptFiles(options.crewsDir);
    this.mastra = options.mastra ?? createCrewMastra();
  }

  get(tenant: TenantConfig, kind: SpecialistKind): Specialist | undefined {
    if (!tenant.enabledSpecialists.includes(kind)) return undefined;
    return {
      handle: async (turn, context) =>
        (await this.agentFor(context.tenant, context.crew, kind)).handle(turn, context),
    };
  }

  /** The built specialist for a tenant's crew member (for tests and tooling that inspect the agent). */
  async agentFor(tenant: TenantConfig, crew: CrewDefinition, kind: SpecialistKind): Promise<AgentSpecialist> {
    const [tools, prompt] = await Promise.all([
      this.options.tools.forTenant(tenant),
      this.#prompts.get(crew, kind),
    ]);
    const from = {
      tenant: configFingerprint(tenant),
      crew: configFingerprint(crew),
      prompt,
      tools,
      model: this.options.model(tenant, kind),
    };
    // Keyed by the crew's configuration, not its name: the copilot's internal crew shares its base crew's name.
    const key = `${tenant.id}\u0000${from.crew}\u0000${kind}`;
    const built = this.#built.get(key);
    if (built && sameSource(built.from, from)) return built.specialist;
    // A changed configuration replaces the agent in Mastra too, so the instance never serves a stale one.
    if (built) this.mastra.removeAgent(built.specialist.agent.id);
    const specialist = this.build(tenant, crew, kind, from);
    this.mastra.addAgent(specialist.agent, specialist.agent.id);
    this.#built.set(key, { from, specialist });
    return specialist;
  }

  /**
   * Drops a tenant's agents and closes its MCP clients at once, when the tenant's configuration changed or it
   * was removed (the tenant snapshot's change notice), so an old Odoo connection does not linger until the
   * tenant's next turn; that turn builds them again from the new configuration.
   */
  async forget(tenant: TenantId): Promise<void> {
    for (const [key, { specialist }] of this.#built) {
      if (!key.startsWith(`${tenant}\u0000`)) continue;
      this.mastra.removeAgent(specialist.agent.id);
      this.#built.delete(key);
    }
    await this.options.tools.forget?.(tenant);
  }

  async close(): Promise<void> {
    for (const { specialist } of this.#built.values()) this.mastra.removeAgent(specialist.agent.id);
    this.#built.clear();
    await this.options.tools.close();
  }

  private build(
    tenant: TenantConfig,
    crew: CrewDefinition,
    kind: SpecialistKind,
    from: Built['from'],
  ): AgentSpecialist {
    const allow = new Set(this.options.allowlists?.[kind] ?? TOOL_ALLOWLISTS[kind]);
    return new AgentSpecialist({
      // The crew's digest tells apart crews that share a name (the copilot's internal crew and its base).
      id: `${tenant.id}-${crew.name}-${kind}-${from.crew.slice(0, 8)}`,
      name: `${kind} (${crew.name})`,
      tools: from.tools.filter((t) => allow.has(t.name)),
      model: from.model,
      instructions: buildInstructions({ prompt: from.prompt, tenant, crew }),
      maxSteps: this.options.maxSteps,
      tokenBudget: this.options.tokenBudgetFor?.(tenant, kind) ?? this.options.tokenBudget,
      offline: this.options.offline,
    });
  }
}

function sameSource(a: Built['from'], b: Built['from']): boolean {
  return a.tenant === b.tenant && a.prompt === b.prompt && a.tools === b.tools && a.model === b.model;
}
