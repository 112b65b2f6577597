import { describe, expect, it } from '@jest/globals';
import { tenantId } from '@mcp-crew/core';
import { MemoryTokenMeter } from './memory-token-meter.js';

const shop = tenantId('demo');
const other = tenantId('otra-tienda');

describe('MemoryTokenMeter', () => {
  it('holds a tenant over its tokens per minute until the sliding minute lets enough go', async () => {
    let now = 120_000; // the start of a minute
    const meter = new MemoryTokenMeter(() => now);
    await meter.record(shop, 600);
    expect(await meter.waitMs(shop, 1000)).toBe(0);
    await meter.record(shop, 600);
    // 1,200 in the current minute: nothing frees before it becomes the previous one.
    expect(await meter.waitMs(shop, 1000)).toBe(60_001);
    expect(await meter.waitMs(other, 1000)).toBe(0);
    expect(await meter.waitMs(shop, 0)).toBe(0);

    // A quarter into the next minute the previous 1,200 weigh 900: under 1,000 again.
    now = 195_000;
    expect(await meter.waitMs(shop, 1000)).toBe(0);
    // 300 more: 1,200 until the previous minute weighs 700 or less, 10 s later.
    await meter.record(shop, 300);
    const wait = await meter.waitMs(shop, 1000);
    expect(wait).toBe(10_000);
    now += wait;
    expect(await meter.waitMs(shop, 1000)).toBe(0);
  });

  it('forgets a minute that is two minutes old', async () => {
    let now = 0;
    const meter = new MemoryTokenMeter(() => now);
    await meter.record(shop, 5000);
    now = 150_000;
    expect(await meter.waitMs(shop, 1000)).toBe(0);
  });
});
