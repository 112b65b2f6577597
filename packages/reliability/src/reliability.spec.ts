import { describe, expect, it } from '@jest/globals';
import { CrewError, isCrewError } from '@mcp-crew/core';
import { rejectionOf } from '@mcp-crew/testing';
import { guardedCall } from './guarded-call.js';
import { TenantBreakers } from './tenant-breakers.js';
import { callBudgetMs, currentTurnScope, newTurnScope, nextEffectKey, runInTurnScope } from './turn-scope.js';

const failing = () => Promise.reject(new Error('ECONNREFUSED'));

describe('TenantBreakers', () => {
  it("opens a tenant's breaker after consecutive failures; later calls fail at once, other tenants are untouched", async () => {
    const breakers = new TenantBreakers({ consecutiveFailures: 2, halfOpenAfterMs: 60_000 });
    for (let i = 0; i < 2; i++) await rejectionOf(breakers.run('demo', 'odoo', failing));
    let called = false;
    const refused = await rejectionOf(breakers.run('demo', 'odoo', async () => (called = true)));
    expect(isCrewError(refused, 'DEPENDENCY_UNAVAILABLE')).toBe(true);
    expect(called).toBe(false);
    expect(breakers.isOpen('demo', 'odoo')).toBe(true);
    expect(breakers.isOpen('demo', 'model')).toBe(false);
    await expect(breakers.run('otra-tienda', 'odoo', async () => 'ok')).resolves.toBe('ok');
  });

  it("does not count the caller's own mistakes (category user)", async () => {
    const breakers = new TenantBreakers({ consecutiveFailures: 1 });
    const mistake = () =>
      Promise.reject(new CrewError('ODOO_VALIDATION_ERROR', 'bad', { domain: 'odoo', category: 'user' }));
    await rejectionOf(breakers.run('demo', 'odoo', mistake));
    expect(breakers.isOpen('demo', 'odoo')).toBe(false);
  });
});

describe('turn scope', () => {
  const scope = (deadlineInMs: number, controller = new AbortController()) =>
    newTurnScope({
      tenantId: 'demo',
      turnKey: 'demo:1532:48211',
      deadlineAt: Date.now() + deadlineInMs,
      signal: controller.signal,
    });

  it('gives effects keys from the turn key, per kind and in order', async () => {
    await runInTurnScope(scope(1000), async () => {
      expect(nextEffectKey('odoo_create_quotation')).toBe('demo:1532:48211:odoo_create_quotation:1');
      expect(nextEffectKey('chatwoot_message')).toBe('demo:1532:48211:chatwoot_message:1');
      expect(nextEffectKey('chatwoot_message')).toBe('demo:1532:48211:chatwoot_message:2');
    });
    expect(nextEffectKey('chatwoot_message')).toBeUndefined();
    expect(currentTurnScope()).toBeUndefined();
  });

  it("cuts a call's timeout to what is left of the turn, and refuses once nothing is left", async () => {
    await runInTurnScope(scope(300), async () => {
      expect(callBudgetMs(5000)).toBeLessThanOrEqual(300);
      expect(callBudgetMs(100)).toBe(100);
    });
    await runInTurnScope(scope(-1), async () => {
      expect(() => callBudgetMs(5000)).toThrow('the turn ran out of time');
    });
  });

  it('keeps a reserve of the turn back from a call, and refuses once only the reserve is left', async () => {
    await runInTurnScope(scope(1000), async () => {
      const now = Date.now();
      expect(callBudgetMs(5000, now, 300)).toBeLessThanOrEqual(700);
      expect(callBudgetMs(5000, now, 300)).toBeGreaterThan(600);
      expect(() => callBudgetMs(5000, now, 1000)).toThrow(
        expect.objectContaining({ code: 'TURN_TIME_RESERVED' }),
      );
    });
  });

  it('a guarded read gives up at its timeout and notes what it was doing and what failed', async () => {
    const breakers = new TenantBreakers();
    const turn = scope(10_000);
    const hang = () => new Promise<never>(() => undefined);
    const error = await runInTurnScope(turn, () =>
      rejectionOf(
        guardedCall(
          {
            tenantId: 'demo',
            dependency: 'odoo',
            label: 'Odoo sale.order read',
            timeoutMs: 50,
            breakers,
            abandonable: true,
          },
          hang,
        ),
      ),
    );
    expect(isCrewError(error, 'CALL_TIMED_OUT')).toBe(true);
    expect(turn.activity).toEqual(['Odoo sale.order read']);
    expect(turn.failures[0]).toMatch(/^Odoo sale.order read: CALL_TIMED_OUT/);
  });

  it('a guarded write is awaited to its end (a late write is never abandoned unrecorded)', async () => {
    const breakers = new TenantBreakers();
    const slowWrite = () => new Promise<number>((resolve) => setTimeout(() => resolve(42), 120));
    const id = await runInTurnScope(scope(10_000), () =>
      guardedCall(
        {
          tenantId: 'demo',
          dependency: 'odoo',
          label: 'Odoo sale.order create',
          timeoutMs: 20,
          breakers,
          abandonable: false,
        },
        slowWrite,
      ),
    );
    expect(id).toBe(42);
  });
});
