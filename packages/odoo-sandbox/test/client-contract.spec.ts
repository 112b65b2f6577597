import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OdooClient, type OdooProtocol } from '@mcp-crew/odoo-client';
import { describeOdooContract } from '@mcp-crew/odoo-client/contract';
import { startOdooSandbox, type OdooSandbox } from '../src/index.js';

// The Odoo client's contract (the same suite that runs against a real Odoo) against the sandbox over
// real HTTP, once per wire format the sandbox speaks. It lives here, not in odoo-client, because an
// adapter may not depend on a feature package (module boundaries).
let sandbox: OdooSandbox;
beforeAll(async () => {
  sandbox = await startOdooSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

const protocols: Array<OdooProtocol | 'auto'> = ['jsonrpc', 'xmlrpc', 'json2', 'auto'];
for (const protocol of protocols) {
  // The factory runs inside describe(), before beforeAll: the client is built lazily on first use.
  describeOdooContract(`sandbox over ${protocol}`, (overrides = {}) =>
    lazyClient(() => ({ protocol, apiKey: overrides.apiKey ?? sandbox.apiKey })),
  );
}

/** A client whose configuration is read when first called, after the sandbox has its port. */
function lazyClient(config: () => { protocol: OdooProtocol | 'auto'; apiKey: string }): OdooClient {
  let client: OdooClient | undefined;
  const get = () =>
    (client ??= new OdooClient({
      url: sandbox.url,
      db: sandbox.db,
      user: sandbox.login,
      tenant: 'contract',
      timeoutMs: 5_000,
      ...config(),
    }));
  return new Proxy({} as OdooClient, {
    get: (_target, prop) => {
      const value = Reflect.get(get(), prop) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(get()) : value;
    },
  });
}

describe('sandbox protocol detection', () => {
  it('auto picks JSON-RPC for the sandbox (it reports 18.0)', async () => {
    const client = new OdooClient({
      url: sandbox.url,
      db: sandbox.db,
      user: sandbox.login,
      apiKey: sandbox.apiKey,
    });
    expect(await client.protocol()).toBe('jsonrpc');
    expect((await client.version()).major).toBe(18);
  });
});

describe('sandbox JSON-2 answers the client relies on (as Odoo 19 gives them)', () => {
  const json2 = (path: string, body: unknown) =>
    fetch(`${sandbox.url}/json/2/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `bearer ${sandbox.apiKey}` },
      body: JSON.stringify(body),
    });

  it("res.users/context_get gives the caller's uid, language and time zone", async () => {
    const res = await json2('res.users/context_get', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ lang: 'es_CO', tz: 'America/Bogota', uid: sandbox.uid });
  });

  it('an unknown model is a 404 NotFound saying "the model \'x\' does not exist"', async () => {
    const res = await json2('no.such.model/search', {});
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      name: 'werkzeug.exceptions.NotFound',
      message: "the model 'no.such.model' does not exist",
    });
  });
});
