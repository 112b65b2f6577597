import { describe, expect, it } from '@jest/globals';
import { isCrewError, tenantId, type ChatwootGateway, type Turn, type TurnAttempt } from '@mcp-crew/core';
import {
  currentTurnScope,
  guardedCall,
  newTurnScope,
  runInTurnScope,
  TenantBreakers,
  turnTimedOut,
  type TurnScope,
} from '@mcp-crew/reliability';
import { MemoryIdempotencyStore } from '@mcp-crew/state-memory';
import { makeInboundMessage, rejectionOf } from '@mcp-crew/testing';
import { DeadlineWorker, type DeadlineAwareWorker } from './deadline-worker.js';
import { OutboxGateway } from './outbox-gateway.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const turnOf = (receivedAt = Date.now()): Turn => ({
  tenantId: tenantId('demo'),
  conversationId: 1532,
  messages: [makeInboundMessage({ conversationId: 1532, messageId: 48211, receivedAt })],
});
const ATTEMPT: TurnAttempt = { attempt: 1, maxAttempts: 3 };

function recordingGateway() {
  const sent: string[] = [];
  let id = 0;
  const gateway = {
    sendMessage: async (_ref: unknown, m: { content: string }) => (sent.push(m.content), { id: ++id }),
    addPrivateNote: async (_ref: unknown, note: string) => (sent.push(`note:${note}`), { id: ++id }),
    addLabels: async () => [],
    setCustomAttributes: async () => undefined,
    toggleStatus: async (_ref: unknown, status: string) => void sent.push(`status:${status}`),
    getConversation: async () => ({ status: 'pending' }),
  } as unknown as ChatwootGateway;
  return { gateway, sent };
}

describe('DeadlineWorker', () => {
  it('hands over at the deadline with what was being done, and the abandoned turn sends nothing more', async () => {
    const { gateway, sent } = recordingGateway();
    const outbox = new OutboxGateway(gateway, tenantId('demo'), new MemoryIdempotencyStore());
    const breakers = new TenantBreakers();
    const handovers: Array<{ activity: readonly string[] }> = [];
    const inner: DeadlineAwareWorker = {
      handle: async () => {
        // Odoo hangs (20 s per call): the read is cut at the deadline, then the turn would reply.
        await guardedCall(
          {
            tenantId: 'demo',
            dependency: 'odoo',
            label: 'Odoo product.product search_read',
            timeoutMs: 20_000,
            breakers,
            abandonable: true,
          },
          () => new Promise(() => undefined),
        ).catch(() => undefined);
        await outbox.sendMessage({ accountId: 3, conversationId: 1532 }, { content: 'late reply' });
      },
      exhausted: async () => undefined,
      deadlinePassed: async (_turn, what) => {
        handovers.push(what);
        await outbox.sendMessage({ accountId: 3, conversationId: 1532 }, { content: 'honest message' });
        await outbox.toggleStatus({ accountId: 3, conversationId: 1532 }, 'open');
      },
    };
    const started = Date.now();
    await new DeadlineWorker({ inner, deadlineMs: 200, logger: quiet }).handle(turnOf(started), ATTEMPT);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(handovers[0]?.activity).toEqual(['Odoo product.product search_read']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).toEqual(['honest message', 'status:open']);
  });

  it('hands over at once when a retried turn starts past its deadline; a resumed turn gets a fresh one', async () => {
    let ran = 0;
    let handedOver = 0;
    const inner: DeadlineAwareWorker = {
      handle: async () => void ran++,
      exhausted: async () => undefined,
      deadlinePassed: async () => void handedOver++,
    };
    const worker = new DeadlineWorker({ inner, deadlineMs: 1000, logger: quiet });
    await worker.handle(turnOf(Date.now() - 5000), { attempt: 2, maxAttempts: 3 });
    expect(handedOver).toBe(1);
    await worker.handle(turnOf(Date.now() - 5000), { attempt: 1, maxAttempts: 3, resumed: true });
    expect(ran).toBe(1);
  });

  it("aborts a turn's signal with the deadline as its reason, and a turn given back without it", async () => {
    const scopes: Array<TurnScope | undefined> = [];
    const inner: DeadlineAwareWorker = {
      handle: () => (scopes.push(currentTurnScope()), new Promise(() => undefined)),
      exhausted: async () => undefined,
      deadlinePassed: async () => undefined,
    };
    await new DeadlineWorker({ inner, deadlineMs: 50, logger: quiet }).handle(turnOf(), ATTEMPT);
    const stop = new AbortController();
    const running = new DeadlineWorker({ inner, deadlineMs: 10_000, logger: quiet }).handle(turnOf(), {
      ...ATTEMPT,
      signal: stop.signal,
    });
    stop.abort();
    await rejectionOf(running);
    // A model call cut by the first is a timeout its endpoint's breaker counts; by the second, it is not.
    expect(scopes.map((scope) => [scope?.signal.aborted, turnTimedOut(scope)])).toEqual([
      [true, true],
      [true, false],
    ]);
  });

  it('gives the turn back when the worker stops', async () => {
    const stop = new AbortController();
    const inner: DeadlineAwareWorker = {
      handle: () => new Promise(() => undefined),
      exhausted: async () => undefined,
      deadlinePassed: async () => undefined,
    };
    const running = new DeadlineWorker({ inner, deadlineMs: 10_000, logger: quiet }).handle(turnOf(), {
      ...ATTEMPT,
      signal: stop.signal,
    });
    stop.abort();
    expect(isCrewError(await rejectionOf(running), 'TURN_HANDED_BACK')).toBe(true);
  });
});

describe('OutboxGateway', () => {
  it('sends each message of a turn once, however often the turn runs', async () => {
    const { gateway, sent } = recordingGateway();
    const outbox = new OutboxGateway(gateway, tenantId('demo'), new MemoryIdempotencyStore());
    const inner: DeadlineAwareWorker = {
      handle: async () => {
        await outbox.sendMessage(
          { accountId: 3, conversationId: 1532 },
          { content: 'Cotización S00042 creada' },
        );
        await outbox.addPrivateNote({ accountId: 3, conversationId: 1532 }, 'nota');
      },
      exhausted: async () => undefined,
      deadlinePassed: async () => undefined,
    };
    const worker = new DeadlineWorker({ inner, deadlineMs: 10_000, logger: quiet });
    const turn = turnOf();
    await worker.handle(turn, ATTEMPT);
    await worker.handle(turn, { attempt: 2, maxAttempts: 3 });
    expect(sent).toEqual(['Cotización S00042 creada', 'note:nota']);
    // Another turn (other messages) is other effects.
    await worker.handle(
      { ...turn, messages: [makeInboundMessage({ conversationId: 1532, messageId: 48212 })] },
      ATTEMPT,
    );
    expect(sent).toHaveLength(4);
  });
});

describe('OutboxGateway after a crash or a refusal', () => {
  const ref = { accountId: 3, conversationId: 1532 };
  const inTurn = <T>(fn: () => Promise<T>) =>
    runInTurnScope(
      newTurnScope({
        tenantId: 'demo',
        turnKey: 'demo:1532:48211',
        deadlineAt: Date.now() + 10_000,
        signal: new AbortController().signal,
      }),
      fn,
    );

  it('does not send again a message whose send was under way when the worker died', async () => {
    const store = new MemoryIdempotencyStore();
    const { gateway, sent } = recordingGateway();
    // The first worker recorded its intent and died before Chatwoot answered.
    await store.put(tenantId('demo'), 'demo:1532:48211:chatwoot_message:1', { state: 'sending' });
    await inTurn(() =>
      new OutboxGateway(gateway, tenantId('demo'), store).sendMessage(ref, { content: 'Cotización S00042' }),
    );
    expect(sent).toEqual([]);
  });

  it('sends on the retry a message Chatwoot refused the first time', async () => {
    const store = new MemoryIdempotencyStore();
    const { gateway, sent } = recordingGateway();
    const refusing = {
      ...gateway,
      sendMessage: async () => Promise.reject(new Error('chatwoot 500')),
    } as ChatwootGateway;
    await rejectionOf(
      inTurn(() =>
        new OutboxGateway(refusing, tenantId('demo'), store).sendMessage(ref, { content: 'hola' }),
      ),
    );
    await inTurn(() =>
      new OutboxGateway(gateway, tenantId('demo'), store).sendMessage(ref, { content: 'hola' }),
    );
    expect(sent).toEqual(['hola']);
  });
});
