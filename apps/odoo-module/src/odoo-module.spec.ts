import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, jest } from '@jest/globals';

const MODULE_DIR = join(import.meta.dirname, '..', 'mcp_crew_connector');
const HELPERS = pathToFileURL(join(MODULE_DIR, 'static', 'src', 'copilot', 'copilot_helpers.js')).href;

function findPython(): string | undefined {
  for (const candidate of [process.env['PYTHON'], 'python3'].filter((c): c is string => Boolean(c))) {
    if (spawnSync(candidate, ['--version'], { encoding: 'utf8' }).status === 0) return candidate;
  }
  return undefined;
}

const python = findPython();
// CI machines without python3 skip these visibly (the suite name says why) instead of passing silently.
const withPython = python ? describe : describe.skip;

withPython(`mcp_crew_connector Python checks${python ? '' : ' (SKIPPED: python3 not found on PATH)'}`, () => {
  function run(args: string[], cwd = MODULE_DIR) {
    // Byte-code is not written into the repository.
    return spawnSync(python!, args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      timeout: 60_000,
    });
  }

  it('compiles every .py, reads the manifest as a literal, finds its data files, parses every XML and translation', () => {
    const result = run([join(import.meta.dirname, '..', 'scripts', 'check_module.py'), MODULE_DIR]);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      problems: string[];
      counts: Record<string, number>;
      version: string;
    };
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.counts['python']).toBeGreaterThan(10);
    expect(report.counts['po']).toBe(2);
    expect(report.version).toMatch(/^18\.0\./);
    expect(result.status).toBe(0);
  });

  it('passes the pure-Python helpers unit tests (signing, batching, HTTP client against a loopback stand-in)', () => {
    const result = run(['-m', 'unittest', 'discover', '-s', 'lib', '-t', '.', '-v']);
    expect(result.stderr).toMatch(/Ran (\d+) tests/);
    expect(Number(/Ran (\d+) tests/.exec(result.stderr)?.[1])).toBeGreaterThanOrEqual(15);
    expect(result.stderr).toMatch(/\nOK\s*$/);
    expect(result.status).toBe(0);
  });

  it('keeps the pure-Python helpers free of Odoo imports', () => {
    const result = run([
      '-c',
      'import sys, lib.crew_client, lib.crew_signing, lib.event_batches; sys.exit(1 if "odoo" in sys.modules else 0)',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

interface Helpers {
  jsonRpc(
    route: string,
    params: object,
    fetchImpl: (url: string, init: RequestInit) => Promise<Response>,
  ): Promise<unknown>;
  pollDelay(attempt: number): number;
  followJob(
    id: string,
    options: {
      poll: (id: string) => Promise<{ status: string }>;
      sleep: (ms: number) => Promise<void>;
      maxWaitMs?: number;
      now?: () => number;
    },
  ): Promise<{ status: string; tracking_id?: string }>;
  recordOnScreen(controller: unknown): { model: string; id: number } | null;
  formAction(record: { model: string; id: number }): Record<string, unknown>;
  paragraphs(text: string): string[][];
  ROUTES: Record<string, string>;
}

describe('copilot panel helpers (static/src/copilot/copilot_helpers.js)', () => {
  const load = () => import(HELPERS) as Promise<Helpers>;

  it('sends a JSON-RPC call to the module route and returns its result', async () => {
    const { jsonRpc, ROUTES } = await load();
    const fetchImpl = jest.fn(
      async (_url: string, _init: RequestInit) =>
        new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result: { status: 'done' } })),
    );
    await expect(jsonRpc(ROUTES['ask']!, { message: 'hola' }, fetchImpl)).resolves.toEqual({
      status: 'done',
    });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('/mcp_crew/copilot/ask');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(String(init.body))).toMatchObject({
      jsonrpc: '2.0',
      method: 'call',
      params: { message: 'hola' },
    });
  });

  it('turns JSON-RPC and HTTP errors into errors with the server message', async () => {
    const { jsonRpc } = await load();
    const rpcError = async () =>
      new Response(
        JSON.stringify({ error: { message: 'Odoo Server Error', data: { message: 'Session expired' } } }),
      );
    await expect(jsonRpc('/x', {}, rpcError)).rejects.toThrow('Session expired');
    await expect(jsonRpc('/x', {}, async () => new Response('', { status: 502 }))).rejects.toThrow(
      'HTTP 502',
    );
  });

  it('follows a job with growing delays until it is no longer pending', async () => {
    const { followJob, pollDelay } = await load();
    const answers = [{ status: 'pending' }, { status: 'pending' }, { status: 'done' }];
    const slept: number[] = [];
    const poll = jest.fn(async (_id: string) => answers.shift()!);
    const result = await followJob('job-1', { poll, sleep: async (ms) => void slept.push(ms) });
    expect(result).toEqual({ status: 'done' });
    expect(poll).toHaveBeenCalledTimes(3);
    expect(slept).toEqual([1000, 1500, 2250]);
    expect(pollDelay(20)).toBe(5000);
  });

  it('gives up following after maxWaitMs and reports the job as still pending', async () => {
    const { followJob } = await load();
    let clock = 0;
    const result = await followJob('job-2', {
      poll: async () => ({ status: 'pending' }),
      sleep: async (ms) => void (clock += ms),
      maxWaitMs: 4000,
      now: () => clock,
    });
    expect(result).toEqual({ status: 'pending', tracking_id: 'job-2' });
  });

  it('reads the record on screen only from a form-like controller', async () => {
    const { recordOnScreen } = await load();
    expect(recordOnScreen({ props: { resModel: 'res.partner', resId: 7 } })).toEqual({
      model: 'res.partner',
      id: 7,
    });
    expect(recordOnScreen({ props: { resModel: 'res.partner' } })).toBeNull();
    expect(recordOnScreen({ props: { resModel: 'res.partner', resId: 'new' } })).toBeNull();
    expect(recordOnScreen(undefined)).toBeNull();
  });

  it('opens touched records in their form and renders replies as plain-text paragraphs', async () => {
    const { formAction, paragraphs } = await load();
    expect(formAction({ model: 'sale.order', id: 12 })).toEqual({
      type: 'ir.actions.act_window',
      res_model: 'sale.order',
      res_id: 12,
      views: [[false, 'form']],
      target: 'current',
    });
    expect(paragraphs('Listo: S00012\nTotal 10\n\n<b>not html</b>\n\n\n')).toEqual([
      ['Listo: S00012', 'Total 10'],
      ['<b>not html</b>'],
    ]);
  });
});
