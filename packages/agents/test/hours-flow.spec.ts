import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EmbeddedDocumentStore } from '@mcp-crew/docstore-embedded';
import { LocalEmbedder } from '@mcp-crew/embeddings';
import { buildKnowledgeMcpServer, ensureDemoKnowledge } from '@mcp-crew/knowledge';
import { connectInProcess } from '@mcp-crew/mcp-kit';
import { buildMongoMcpServer } from '@mcp-crew/mcp-mongodb';
import { BusinessDataService, seedBusinessDataFromFile } from '@mcp-crew/tenant-store';
import { EmbeddedVectorStore } from '@mcp-crew/vector-libsql';
import { EMPTY_CONVERSATION_STATE, openingHoursDataset, type VectorStore } from '@mcp-crew/core';
import { AgentSpecialistRegistry, createOfflineEngine, InProcessTenantTools } from '../src/index.js';
import { crew, demoTenant, turnOf } from './support.js';

const COLLECTIONS = fileURLToPath(new URL('../../../collections', import.meta.url));
// Monday 30 November 2026, 9:00 in Bogotá: the tool's clock, never the real time of day.
const MONDAY_9AM = Date.parse('2026-11-30T09:00:00-05:00');

/**
 * Opening-hours questions to the business-rules specialist on the offline engine: answered from the tenant's
 * `opening_hours` business data (MCP-MongoDB's tool) when it has some, from the knowledge text when not.
 */
describe('opening hours from the business data (offline engine)', () => {
  const engine = createOfflineEngine();
  const tenant = demoTenant('no-odoo');
  let registry: AgentSpecialistRegistry;
  let store: VectorStore;
  let documents: EmbeddedDocumentStore;
  let business: BusinessDataService;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'agents-hours-'));
    store = EmbeddedVectorStore.inDataDir(dataDir);
    const embedder = new LocalEmbedder();
    await ensureDemoKnowledge({ tenantId: tenant.id, collectionsDir: COLLECTIONS, store, embedder });
    documents = new EmbeddedDocumentStore({ url: ':memory:' });
    business = new BusinessDataService(documents.businessData);
    registry = new AgentSpecialistRegistry({
      tools: new InProcessTenantTools({
        extraClients: async (t) => [
          await connectInProcess(buildKnowledgeMcpServer({ tenantId: t.id, store, embedder })),
          await connectInProcess(
            buildMongoMcpServer({
              tenant: t.id,
              business,
              auditLog: documents.auditLog,
              now: () => MONDAY_9AM,
            }),
          ),
        ],
      }),
      model: () => engine,
    });
  });
  afterAll(async () => {
    await registry.close();
    await store.close();
    await documents.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function ask(text: string) {
    return registry.get(tenant, 'business_rules')!.handle(turnOf(text, { name: 'Cliente' }, 9300), {
      tenant,
      crew: await crew('whatsapp'),
      specialist: 'business_rules',
      state: EMPTY_CONVERSATION_STATE,
    });
  }

  it('quotes the knowledge text while the tenant has no hours data', async () => {
    const result = await ask('¿a qué hora abren?');
    expect(result.handoff).toBeUndefined();
    expect(result.replies[0]).toContain('lunes a viernes de 7:30 a. m. a 6:00 p. m.');
    expect(result.trace?.tools.map((t) => t.tool)).toEqual([
      'business_get_opening_hours',
      'search_knowledge',
    ]);
  });

  it('answers from the hours data, and follows a change of the hours', async () => {
    await seedBusinessDataFromFile(business, tenant.id, join(COLLECTIONS, 'business_data', 'demo.yaml'));

    const now = await ask('¿a qué hora abren?');
    expect(now.handoff).toBeUndefined();
    expect(now.replies[0]).toBe(
      [
        'Ahora estamos abiertos: hoy atendemos de 07:30 a 18:00.',
        'Nuestro horario: lunes a viernes 07:30–18:00, sábado 08:00–14:00, domingo cerrado.',
        'Cerramos los festivos: martes 8 de diciembre (Día de la Inmaculada Concepción), viernes 25 de diciembre (Navidad), viernes 1 de enero (Año Nuevo).',
      ].join('\n'),
    );
    expect(now.trace?.tools.map((t) => t.tool)).toEqual(['business_get_opening_hours']);
    expect((await ask('abren el sábado?')).replies[0]).toMatch(/^Sábado atendemos de 08:00 a 14:00\./);
    // The rest of the question is the knowledge's, after the hours.
    const more = await ask('¿cuál es el horario y qué medios de pago aceptan?');
    expect(more.replies[0]).toMatch(/^Ahora estamos abiertos: hoy atendemos de 07:30 a 18:00\./);
    expect(more.replies[0]).toContain('Nequi');
    expect((await ask('what time do you open tomorrow?')).replies[0]).toMatch(
      /^Tomorrow we are open from 07:30 to 18:00\.\nOur hours: Monday to Friday/,
    );

    // What the admin API's PUT stores: Monday from 14:00 only, Saturday closed.
    const previous = await business.getKnown(tenant.id, 'opening_hours');
    const weekdays = { opens: '07:30', closes: '18:00' };
    await business.put(tenant.id, 'opening_hours', {
      description: 'Horario',
      ...openingHoursDataset(
        {
          timezone: 'America/Bogota',
          weekly: { mon: [{ opens: '14:00', closes: '18:00' }], tue: [weekdays], wed: [weekdays] },
          holidays: [],
        },
        previous?.meta,
      ),
    });
    const changed = await ask('Bom dia! Que horas vocês abrem? Não achei no site.');
    expect(changed.replies[0]).toMatch(
      /^Estamos fechados agora\. Abrimos hoje às 14:00 \(.+\)\.\nNosso horário: segunda-feira 14:00–18:00, terça-feira a quarta-feira 07:30–18:00, quinta-feira a domingo fechado\.$/,
    );
    expect((await ask('abren el sábado?')).replies[0]).toMatch(/^Sábado no abrimos\./);
  });
});
