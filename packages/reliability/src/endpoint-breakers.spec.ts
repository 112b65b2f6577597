import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { isCrewError } from '@mcp-crew/core';
import { rejectionOf } from '@mcp-crew/testing';
import { ENDPOINT_UNAVAILABLE, EndpointBreakers, type EndpointEvent } from './endpoint-breakers.js';
import { TenantBreakers } from './tenant-breakers.js';

/** An outage of the endpoint (what `counts` accepts) and a caller's own refusal (what it does not). */
class Outage extends Error {}
const down = () => Promise.reject(new Outage('503 from the endpoint'));
const keyRefused = () => Promise.reject(new Error('401 from the endpoint'));

const ENV = 'http://127.0.0.1:9/v1 gpt-4o key:0a1b2c3d';
const OTHER = 'http://127.0.0.1:9/v1 gpt-4o key:99999999';

function breakers(events: Array<[string, EndpointEvent]> = []) {
  return new EndpointBreakers({
    counts: (error) => error instanceof Outage,
    consecutiveFailures: 3,
    halfOpenAfterMs: 30_000,
    onEvent: (endpoint, event) => events.push([endpoint, event]),
  });
}

describe('EndpointBreakers', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-30T10:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it("opens on the endpoint's failures in a row, whoever called, and then refuses without calling", async () => {
    const events: Array<[string, EndpointEvent]> = [];
    const shared = breakers(events);
    // Three calls, as three tenants' turns would make them: one breaker for the endpoint.
    for (let i = 0; i < 3; i++) await rejectionOf(shared.run(ENV, down));
    expect(shared.isOpen(ENV)).toBe(true);

    let called = false;
    const refused = await rejectionOf(shared.run(ENV, async () => (called = true)));
    expect(isCrewError(refused, ENDPOINT_UNAVAILABLE)).toBe(true);
    expect(called).toBe(false);
    expect(events).toEqual([
      [ENV, 'opened'],
      [ENV, 'refused'],
    ]);
    // Another key on the same URL is another endpoint.
    await expect(shared.run(OTHER, async () => 'ok')).resolves.toBe('ok');
  });

  it("does not open on a caller's own refusals (a revoked key), nor let them reset the count", async () => {
    const shared = breakers();
    for (let i = 0; i < 5; i++) await rejectionOf(shared.run(ENV, keyRefused));
    expect(shared.isOpen(ENV)).toBe(false);
    await rejectionOf(shared.run(ENV, down));
    await rejectionOf(shared.run(ENV, keyRefused));
    await rejectionOf(shared.run(ENV, down));
    await rejectionOf(shared.run(ENV, down));
    expect(shared.isOpen(ENV)).toBe(true);
  });

  it('lets one trial call through after the open time, refuses the others meanwhile, and closes when it answers', async () => {
    const events: Array<[string, EndpointEvent]> = [];
    const shared = breakers(events);
    for (let i = 0; i < 3; i++) await rejectionOf(shared.run(ENV, down));
    jest.advanceTimersByTime(29_000);
    expect(isCrewError(await rejectionOf(shared.run(ENV, async () => 'early')), ENDPOINT_UNAVAILABLE)).toBe(
      true,
    );

    jest.advanceTimersByTime(1_001);
    let answer!: (text: string) => void;
    const trial = shared.run(ENV, () => new Promise<string>((resolve) => (answer = resolve)));
    // While the trial is out, another tenant's call fails over at once instead of waiting behind it.
    let waited = false;
    const other = await rejectionOf(shared.run(ENV, async () => (waited = true)));
    expect(isCrewError(other, ENDPOINT_UNAVAILABLE)).toBe(true);
    expect(waited).toBe(false);

    answer('hola');
    await expect(trial).resolves.toBe('hola');
    expect(shared.isOpen(ENV)).toBe(false);
    await expect(shared.run(ENV, async () => 'again')).resolves.toBe('again');
    expect(events.map(([, event]) => event)).toEqual(['opened', 'refused', 'half_open', 'refused', 'closed']);
  });

  it('opens again at once when the trial call fails', async () => {
    const shared = breakers();
    for (let i = 0; i < 3; i++) await rejectionOf(shared.run(ENV, down));
    jest.advanceTimersByTime(30_001);
    await rejectionOf(shared.run(ENV, down));
    expect(shared.isOpen(ENV)).toBe(true);
    jest.advanceTimersByTime(10_000);
    expect(isCrewError(await rejectionOf(shared.run(ENV, async () => 'x')), ENDPOINT_UNAVAILABLE)).toBe(true);
  });

  it("a refusal by the endpoint's breaker does not count against the tenant's own breaker", async () => {
    const shared = breakers();
    const tenants = new TenantBreakers({ consecutiveFailures: 2 });
    for (let i = 0; i < 3; i++) await rejectionOf(shared.run(ENV, down));
    for (let i = 0; i < 4; i++) await rejectionOf(tenants.run('beta', 'model', () => shared.run(ENV, down)));
    expect(tenants.isOpen('beta', 'model')).toBe(false);
  });
});
