import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OdooSandbox } from '@mcp-crew/odoo-sandbox';
import type { OdooClient } from '@mcp-crew/odoo-client';
import { startSandboxWithClient } from '@mcp-crew/odoo-sandbox/testing';
import { LocalEmbedder } from '@mcp-crew/embeddings';
import { buildKnowledgeMcpServer, ensureDemoKnowledge } from '@mcp-crew/knowledge';
import { EmbeddedVectorStore } from '@mcp-crew/vector-libsql';
import { connectInProcess } from '@mcp-crew/mcp-kit';
import { EMPTY_CONVERSATION_STATE, type SpecialistKind, type VectorStore } from '@mcp-crew/core';
import { AgentSpecialistRegistry, createOfflineEngine, InProcessTenantTools } from '../src/index.js';
import { crew, demoTenant, nextState, turnOf } from './support.js';

const COLLECTIONS = fileURLToPath(new URL('../../../collections', import.meta.url));
const ANA = { name: 'Ana Gómez', phone: '+57 300 123 4567' };

describe('business rules, support and booking on the offline engine (knowledge + Odoo sandbox)', () => {
  let sandbox: OdooSandbox;
  const engine = createOfflineEngine();
  let registry: AgentSpecialistRegistry;
  let odoo: OdooClient;
  let store: VectorStore;
  let dataDir: string;

  beforeAll(async () => {
    ({ sandbox, odoo } = await startSandboxWithClient());
    dataDir = mkdtempSync(join(tmpdir(), 'agents-knowledge-'));
    store = EmbeddedVectorStore.inDataDir(dataDir);
    const embedder = new LocalEmbedder();
    const tenant = demoTenant(sandbox.url);
    await ensureDemoKnowledge({ tenantId: tenant.id, collectionsDir: COLLECTIONS, store, embedder });
    registry = new AgentSpecialistRegistry({
      tools: new InProcessTenantTools({
        extraClients: async (t) => [
          await connectInProcess(buildKnowledgeMcpServer({ tenantId: t.id, store, embedder })),
        ],
      }),
      model: () => engine,
    });
  });
  afterAll(async () => {
    await registry.close();
    await store.close();
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function ask(
    kind: SpecialistKind,
    text: string,
    sender: { name: string; phone?: string } = { name: 'Cliente' },
    state = EMPTY_CONVERSATION_STATE,
    conversationId = 9100,
  ) {
    const tenant = demoTenant(sandbox.url);
    return registry.get(tenant, kind)!.handle(turnOf(text, sender, conversationId), {
      tenant,
      crew: await crew('whatsapp'),
      specialist: kind,
      state,
    });
  }

  it.each([
    ['¿cuál es el horario de atención?', 'lunes a viernes de 7:30 a. m. a 6:00 p. m.'],
    [
      '¿hacen domicilios a Envigado? ¿cuánto cuesta?',
      'Envigado, Itagüí, Sabaneta, Robledo, Buenos Aires): $12.000 COP',
    ],
    ['¿qué medios de pago aceptan?', 'Nequi, Daviplata'],
    ['¿tienen descuentos por volumen?', 'Desde 20 galones en una sola compra: 10 % de descuento.'],
  ])('answers "%s" from the business rules, quoting them', async (question, quoted) => {
    const result = await ask('business_rules', question);
    expect(result.handoff).toBeUndefined();
    expect(result.replies[0]).toContain(quoted);
    expect(result.trace?.tools.map((t) => t.tool)).toEqual(['search_knowledge']);
  });

  it("answers an English customer with the business's English text", async () => {
    const result = await ask('business_rules', 'what payment methods do you accept? do you take checks?');
    expect(result.replies[0]).toMatch(/^\*Payment methods\*/);
    expect(result.replies[0]).toContain('We do not accept cheques');
    expect(result.trace?.tools[0]?.input).toMatchObject({ language: 'en' });
  });

  it('gives the return procedure without opening a ticket', async () => {
    const result = await ask('support', 'quiero devolver un producto, ¿cómo hago?');
    expect(result.replies[0]).toContain('*Devoluciones y cambios*');
    expect(result.trace?.tools.some((t) => t.tool === 'odoo_open_ticket')).toBe(false);
  });

  it('gives the procedure for bubbles and opens a ticket for the customer in the same step', async () => {
    const result = await ask('support', 'le salieron burbujas a la pintura del muro que pinté ayer', ANA);
    expect(result.handoff).toBeUndefined();
    expect(result.replies[0]).toContain('*Burbujas o ampollas en la pintura*');
    const id = Number(/caso #(\d+)/.exec(result.replies[0]!)?.[1]);
    const [task] = await odoo.read('project.task', [id], ['name', 'partner_id', 'description']);
    expect(task).toMatchObject({
      name: expect.stringContaining('burbujas'),
      partner_id: [5, expect.stringContaining('Ana Gómez')],
    });
  });

  it('offers free slots for "el martes en la mañana" and books the one the customer picks', async () => {
    const said = '¿me pueden agendar una visita técnica el martes en la mañana?';
    const offer = await ask('scheduling', said, ANA, EMPTY_CONVERSATION_STATE, 9200);
    expect(offer.handoff).toBeUndefined();
    expect(offer.replies[0]).toMatch(/martes \d+ de \w+ a las 08:00, 09:00 o 10:00/);
    const pending = offer.state?.pendingConfirmation;
    expect(pending).toMatchObject({
      tool: 'odoo_book_appointment',
      target: { start: expect.stringMatching(/ 08:00$/) },
    });
    const day = pending!.target.start!.slice(0, 10);
    expect(new Date(`${day}T12:00:00Z`).getUTCDay()).toBe(2);

    const booked = await ask(
      'scheduling',
      'sí, el de las 9',
      ANA,
      nextState(EMPTY_CONVERSATION_STATE, said, offer),
      9200,
    );
    expect(booked.replies[0]).toMatch(/quedó agendada para el martes \d+ de \w+ a las 09:00/);
    const events = await odoo.searchRead('calendar.event', [['start', '=', `${day} 14:00:00`]], {
      fields: ['name', 'partner_ids'],
    });
    expect(events).toEqual([
      expect.objectContaining({ name: 'Visita técnica — Ana Gómez', partner_ids: [5] }),
    ]);
    expect(booked.state?.pendingConfirmation).toBeUndefined();
  });

  it('never books without a yes: a new question after the offer drops it', async () => {
    const said = 'quiero agendar una visita técnica el jueves en la tarde';
    const offer = await ask('scheduling', said, ANA, EMPTY_CONVERSATION_STATE, 9300);
    expect(offer.state?.pendingConfirmation?.tool).toBe('odoo_book_appointment');
    const after = await ask(
      'scheduling',
      'confirm the visit at 3 pm and also cancel my other orders',
      ANA,
      nextState(EMPTY_CONVERSATION_STATE, said, offer),
      9300,
    );
    expect(after.trace?.tools.some((t) => t.tool === 'odoo_book_appointment' && t.ok)).toBe(false);
    expect(after.state?.pendingConfirmation).toBeUndefined();
  });
});
