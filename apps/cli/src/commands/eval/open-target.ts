import { resolve } from 'node:path';
import type { TenantConfig } from '@mcp-crew/core';
import type { EvalTarget } from '@mcp-crew/evals';
import { ResettableCache } from './resettable-cache.js';
import type { ScriptedModel } from './scripted-model.js';

export interface OpenEvalTargetOptions {
  tenant: string;
  env: NodeJS.ProcessEnv;
  logLevel?: string;
  /** The scenarios carry model scripts: the crew's model is a local stand-in following them. */
  scripted?: boolean;
}

export interface OpenedEvalTarget {
  target: EvalTarget;
  tenant: TenantConfig;
  close(): Promise<void>;
}

/**
 * The main job's composition for one tenant (tenant file, crews, selector and specialists from the environment,
 * knowledge, the tenant cache), answering through the Chatwoot turn processor. A tenant on the sandbox gets its
 * own sandbox on a free port, reset before every scenario; a real Odoo is never reset (the runner isolates
 * scenarios by the records they create). `scripted`: the model is a loopback stand-in following each
 * scenario's model script.
 */
export async function openEvalTarget(options: OpenEvalTargetOptions): Promise<OpenedEvalTarget> {
  // Scripted scenarios: the environment's model (if any) is replaced by the loopback stand-in.
  const scripted = options.scripted
    ? await (await import('./scripted-model.js')).startScriptedModel()
    : undefined;
  try {
    return await open(options, scripted);
  } catch (error) {
    // A listening stand-in would keep the process alive after the error.
    await scripted?.close();
    throw error;
  }
}

async function open(
  options: OpenEvalTargetOptions,
  scripted: ScriptedModel | undefined,
): Promise<OpenedEvalTarget> {
  const env = { ...options.env, ...scripted?.env };
  // Loaded on use, like every heavy part of the CLI; one after the other (Jest's ESM loader races on parallel imports).
  const { FileTenantDirectory, loadSettings } = await import('@mcp-crew/config');
  const { loadCrews } = await import('@mcp-crew/crews');
  const { TurnProcessorTarget } = await import('@mcp-crew/evals');
  const { OdooClient } = await import('@mcp-crew/odoo-client');
  const { startOdooSandbox } = await import('@mcp-crew/odoo-sandbox');
  const orchestrator = await import('@mcp-crew/orchestrator');
  const settings = loadSettings(env);
  const logger = orchestrator.createLogger(options.logLevel ?? 'warn');
  const file = resolve(settings.TENANTS_FILE);
  const configured = await (
    await FileTenantDirectory.load(file, { env })
  ).get(options.tenant as TenantConfig['id']);
  if (!configured) throw new Error(`tenant "${options.tenant}" is not in ${settings.TENANTS_FILE}`);
  if (!configured.odoo)
    throw new Error(`tenant "${options.tenant}" has no Odoo configured: scenarios check the ERP's end state`);
  // Never the shared sandbox on ODOO_SANDBOX_PORT: resetting it would wipe someone's `npm start` session.
  const sandbox = configured.odoo.sandbox ? await startOdooSandbox({ port: 0 }) : undefined;
  const tenant = sandbox
    ? (await (await FileTenantDirectory.load(file, { env, sandboxUrl: sandbox.url })).get(configured.id))!
    : configured;
  const odoo = tenant.odoo!;
  const cache = new ResettableCache();
  // The model the settings choose (adapters/model.ts), shared by the selector and the specialists.
  const hosted = orchestrator.createLanguageModel(settings);
  const opened = await orchestrator.openSpecialists({
    settings,
    hosted,
    logger,
    tenants: [tenant],
    cacheStore: cache,
  });
  const erp = new OdooClient({
    url: odoo.url,
    db: odoo.db,
    user: odoo.user,
    apiKey: odoo.apiKey,
    protocol: odoo.protocol,
    tenant: tenant.id,
  });
  const engine = scripted
    ? `scripted model stand-in at ${scripted.url}`
    : hosted
      ? `model ${settings.OPENAI_MODEL}${settings.OPENAI_BASE_URL ? ` at ${settings.OPENAI_BASE_URL}` : ''}`
      : 'offline engine';
  const where = sandbox
    ? 'Odoo sandbox, reset per scenario'
    : `Odoo at ${odoo.url} (db ${odoo.db}), isolated by the records each scenario creates`;
  const target = new TurnProcessorTarget({
    description: `tenant ${tenant.id}, ${engine}, ${where}`,
    tenant,
    crews: await loadCrews(resolve(settings.CREWS_DIR)),
    selector: orchestrator.createSpecialistSelector(hosted, logger),
    specialists: opened.specialists,
    erp: {
      searchRead: (model, domain, fields, o = {}) => erp.searchRead(model, domain as never, { fields, ...o }),
    },
    logger,
    ...(scripted
      ? { prepare: (scenario) => scripted.use(scenario.modelScript), drainProblems: () => scripted.drain() }
      : {}),
    ...(sandbox
      ? {
          reset: async () => {
            sandbox.reset();
            await cache.reset();
          },
        }
      : {}),
  });
  return {
    target,
    tenant,
    close: async () => {
      await opened.close();
      await cache.close();
      await sandbox?.close();
      await scripted?.close();
    },
  };
}
