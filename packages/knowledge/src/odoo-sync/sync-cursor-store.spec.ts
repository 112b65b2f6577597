import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { tenantId } from '@mcp-crew/core';
import { FileSyncCursorStore } from './sync-cursor-store.js';

describe('FileSyncCursorStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crew-cursor-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps one cursor per tenant and key, across instances', async () => {
    const first = FileSyncCursorStore.inDataDir(join(dir, 'data'));
    expect(await first.get(tenantId('demo'), 'product.product')).toBeUndefined();
    await first.set(tenantId('demo'), 'product.product', '2026-01-05 12:00:00');
    await first.set(tenantId('otra'), 'product.product', '2026-02-01 08:00:00');
    const second = FileSyncCursorStore.inDataDir(join(dir, 'data'));
    expect(await second.get(tenantId('demo'), 'product.product')).toBe('2026-01-05 12:00:00');
    expect(await second.get(tenantId('otra'), 'product.product')).toBe('2026-02-01 08:00:00');
    expect(JSON.parse(readFileSync(second.file, 'utf8'))).toEqual({
      demo: { 'product.product': '2026-01-05 12:00:00' },
      otra: { 'product.product': '2026-02-01 08:00:00' },
    });
  });

  it('treats an unreadable file as no cursor (a full sync is always correct) and overwrites it', async () => {
    const store = FileSyncCursorStore.inDataDir(dir);
    writeFileSync(store.file, '{half');
    expect(await store.get(tenantId('demo'), 'product.product')).toBeUndefined();
    await store.set(tenantId('demo'), 'product.product', '2026-01-05 12:00:00');
    expect(await store.get(tenantId('demo'), 'product.product')).toBe('2026-01-05 12:00:00');
  });
});
