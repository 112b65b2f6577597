import { Secret, tenantId, type TenantConfig, type TenantDirectory } from '@mcp-crew/core';
import { TenantSnapshot } from './tenant-snapshot.js';

const tenant = (id: string, apiKey: string): TenantConfig => ({
  id: tenantId(id),
  name: id,
  language: 'es',
  timezone: 'America/Bogota',
  enabled: true,
  chatwoot: { allowUnsignedWebhooks: false },
  odoo: {
    url: 'http://127.0.0.1:8069',
    db: 'odoo_ref',
    user: 'admin',
    apiKey: new Secret(apiKey),
    allowWrites: false,
    sandbox: false,
  },
  inboxCrews: {},
  defaultCrew: 'webchat',
  enabledSpecialists: ['sales'],
});

/** A directory another replica writes to: the snapshot only learns of changes by re-reading it. */
class SharedDirectory implements TenantDirectory {
  constructor(public tenants: TenantConfig[]) {}
  async get(id: string) {
    return this.tenants.find((t) => t.id === id);
  }
  async list() {
    return [...this.tenants];
  }
}

describe('TenantSnapshot change notices', () => {
  it('announces a tenant whose configuration another replica changed (a rotated key), and a removed one', async () => {
    const directory = new SharedDirectory([tenant('demo', 'key-one'), tenant('beta', 'key-b')]);
    const snapshot = await TenantSnapshot.over(directory);
    const seen: Array<[string, string | undefined]> = [];
    snapshot.onChange((id, config) => void seen.push([id, config?.odoo?.apiKey.reveal()]));

    await snapshot.refresh();
    expect(seen).toEqual([]);

    // Equal configurations in new objects are no change; a rotated secret is one.
    directory.tenants = [tenant('demo', 'key-two'), tenant('beta', 'key-b'), tenant('gamma', 'key-g')];
    await snapshot.refresh();
    expect(seen).toEqual([['demo', 'key-two']]);

    directory.tenants = [tenant('demo', 'key-two'), tenant('gamma', 'key-g')];
    await snapshot.refresh();
    expect(seen).toEqual([
      ['demo', 'key-two'],
      ['beta', undefined],
    ]);
    snapshot.close();
  });

  it('keeps telling the other listeners when one fails, and stops after unsubscribe', async () => {
    const directory = new SharedDirectory([tenant('demo', 'key-one')]);
    const snapshot = await TenantSnapshot.over(directory);
    const seen: string[] = [];
    snapshot.onChange(() => {
      throw new Error('cache could not close');
    });
    const stop = snapshot.onChange((id) => void seen.push(id));
    directory.tenants = [tenant('demo', 'key-two')];
    await snapshot.refresh();
    expect(seen).toEqual(['demo']);
    stop();
    directory.tenants = [tenant('demo', 'key-three')];
    await snapshot.refresh();
    expect(seen).toEqual(['demo']);
    snapshot.close();
  });

  it('sees another replica’s change through its refresh timer', async () => {
    const directory = new SharedDirectory([tenant('demo', 'key-one')]);
    const snapshot = await TenantSnapshot.over(directory, { refreshMs: 20 });
    const changed = new Promise<string>((resolve) => snapshot.onChange((id) => resolve(id)));
    directory.tenants = [tenant('demo', 'key-two')];
    await expect(changed).resolves.toBe('demo');
    expect(snapshot.peek('demo')?.odoo?.apiKey.reveal()).toBe('key-two');
    snapshot.close();
  });
});
