import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './built-dist.js';
import { FIXTURE_SECRET, loadChatwootFixture } from './chatwoot-fixtures.js';

export interface CrewClusterOptions {
  redisUrl: string;
  chatwootUrl: string;
  odoo: { url: string; db: string; user: string; apiKey: string };
  /** More environment for both processes (TURN_DEADLINE_MS, ...). */
  env?: Record<string, string>;
  /** More YAML after the demo tenant's lines in the tenants file (its `odooApi`, more tenants). */
  tenantsExtra?: string;
}

interface LogLine {
  msg?: string;
  [key: string]: unknown;
}

/** One `crew serve` child process and the JSON log lines it printed. */
class CrewProcess {
  readonly logs: LogLine[] = [];
  readonly exited: Promise<number | null>;

  constructor(
    readonly child: ChildProcess,
    /** An intake's base URL. */
    readonly url?: string,
  ) {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          // not a log line
        }
      }
    });
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }
}

/**
 * The production topology on one machine, for crash tests and the chaos script: an intake process
 * (`crew serve --no-worker`) and a worker process (`crew serve --worker-only`), spawned from the built dist,
 * sharing a real Redis under a fresh key prefix, talking to a local Chatwoot and an Odoo (the sandbox).
 */
export class CrewCluster {
  readonly prefix = `crash-${process.pid}-${randomUUID().slice(0, 8)}`;
  intakeUrl = '';
  /** Running intake (HTTP) processes, the first one at `intakeUrl`. */
  readonly #intakes: CrewProcess[] = [];
  /** Running workers, oldest first. */
  readonly #workers: CrewProcess[] = [];
  readonly #env: Record<string, string>;

  readonly #dir: string;

  private constructor(options: CrewClusterOptions, dir: string) {
    this.#dir = dir;
    const tenantsFile = join(dir, 'tenants.yaml');
    const dataDir = join(dir, 'data');
    this.#env = {
      PATH: process.env['PATH'] ?? '',
      TENANTS_FILE: tenantsFile,
      DATA_DIR: dataDir,
      COLLECTIONS_DIR: join(REPO_ROOT, 'collections'),
      CREWS_DIR: join(REPO_ROOT, 'crews'),
      REDIS_URL: options.redisUrl,
      QUEUE_PREFIX: this.prefix,
      COALESCE_WINDOW_MS: '200',
      QUEUE_BACKOFF_MS: '200',
      LOG_LEVEL: 'info',
      ...options.env,
    };
  }

  static async start(options: CrewClusterOptions): Promise<CrewCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-crew-cluster-'));
    const tenantsFile = join(dir, 'tenants.yaml');
    const { url, db, user, apiKey } = options.odoo;
    writeFileSync(
      tenantsFile,
      `tenants:
  - id: demo
    name: Pinturas El Arcoíris
    chatwootAccountId: 3
    chatwoot: {baseUrl: "${options.chatwootUrl}", botToken: bot-token-cluster, webhookSecret: ${FIXTURE_SECRET}}
    odoo: {url: "${url}", db: ${db}, user: ${user}, apiKey: ${apiKey}, protocol: jsonrpc, allowWrites: true}
    inboxCrews: {}
${options.tenantsExtra ?? ''}`,
    );
    const cluster = new CrewCluster(options, dir);
    cluster.intakeUrl = await cluster.startIntake();
    return cluster;
  }

  /** Starts one more intake process (HTTP only, another replica behind the load balancer); its base URL. */
  async startIntake(): Promise<string> {
    const port = await freePort();
    const intake = this.#spawn(['--no-worker'], { PORT: String(port) });
    this.#intakes.push(intake);
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, intake, 30_000);
    return url;
  }

  /** SIGKILL of the intake serving `url`: it dies mid-request, as on a crash or an OOM kill. */
  async killIntake(url: string): Promise<void> {
    const intake = this.#intakes.find((p) => p.url === url);
    if (!intake) throw new Error(`no intake at ${url}`);
    intake.child.kill('SIGKILL');
    await intake.exited;
  }

  /** Starts one more worker process and waits until it consumes the queue. */
  async startWorker(): Promise<void> {
    const worker = this.#spawn(['--worker-only'], {});
    this.#workers.push(worker);
    await this.#waitForLog(worker, (l) => l.msg === 'worker consuming the queue', 30_000);
  }

  /** SIGKILL of the oldest worker: it dies mid-whatever, as on a crash or an OOM kill. */
  async killWorker(): Promise<void> {
    const worker = this.#workers.shift();
    if (!worker) return;
    worker.child.kill('SIGKILL');
    await worker.exited;
  }

  /** Resolves with the log line once any running worker printed a matching one. */
  async waitForWorkerLog(match: (line: LogLine) => boolean, timeoutMs: number): Promise<LogLine> {
    if (this.#workers.length === 0) throw new Error('no worker running');
    return Promise.any(this.#workers.map((w) => this.#waitForLog(w, match, timeoutMs)));
  }

  /** Every JSON log line the intake and the running workers printed so far (startup warnings, errors). */
  logs(): LogLine[] {
    return [...this.#intakes, ...this.#workers].flatMap((p) => p.logs);
  }

  /** Posts a signed customer message from the fixture, as Chatwoot would. */
  async postMessage(message: {
    conversationId: number;
    messageId: number;
    content: string;
    phone: string;
    deliveryId?: string;
    /** Another tenant of the tenants file and its Chatwoot account (default the demo tenant, account 3). */
    tenant?: { id: string; accountId: number };
  }): Promise<number> {
    const fixture = loadChatwootFixture('whatsapp_incoming_text');
    const body = structuredClone(fixture.body) as Record<string, unknown> & {
      conversation: { id: number; meta: { sender: Record<string, unknown> } };
    };
    body['id'] = message.messageId;
    body['content'] = message.content;
    body.conversation.id = message.conversationId;
    body.conversation.meta.sender['phone_number'] = message.phone;
    if (message.tenant) body['account'] = { id: message.tenant.accountId, name: message.tenant.id };
    const raw = JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${createHmac('sha256', FIXTURE_SECRET).update(`${timestamp}.`).update(raw).digest('hex')}`;
    const response = await fetch(`${this.intakeUrl}/webhooks/chatwoot/${message.tenant?.id ?? 'demo'}`, {
      method: 'POST',
      body: raw,
      headers: {
        'content-type': 'application/json',
        'x-chatwoot-delivery': message.deliveryId ?? randomUUID(),
        'x-chatwoot-timestamp': timestamp,
        'x-chatwoot-signature': signature,
      },
    });
    await response.arrayBuffer();
    return response.status;
  }

  async close(): Promise<void> {
    for (const child of [...this.#workers.splice(0), ...this.#intakes.splice(0)]) {
      if (child.child.exitCode !== null || child.child.signalCode !== null) continue;
      child.child.kill('SIGTERM');
      const stopped = await Promise.race([
        child.exited.then(() => true),
        new Promise((resolve) => setTimeout(() => resolve(false), 5000)),
      ]);
      if (!stopped) {
        child.child.kill('SIGKILL');
        await child.exited;
      }
    }
    // The tenants file and data dir are this cluster's alone: leave no temp dirs behind.
    rmSync(this.#dir, { recursive: true, force: true });
  }

  #spawn(flags: string[], env: Record<string, string>): CrewProcess {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'apps/cli/dist/main.js'), 'serve', ...flags], {
      cwd: REPO_ROOT,
      env: { ...this.#env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new CrewProcess(child, env['PORT'] ? `http://127.0.0.1:${env['PORT']}` : undefined);
  }

  #waitForLog(process: CrewProcess, match: (line: LogLine) => boolean, timeoutMs: number): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    return new Promise((resolve, reject) => {
      const poll = () => {
        const found = process.logs.find(match);
        if (found) return resolve(found);
        if (process.child.exitCode !== null)
          return reject(
            new Error(`crew process exited (${process.child.exitCode}) before the expected log line`),
          );
        if (Date.now() > deadline) return reject(new Error('expected log line did not come in time'));
        setTimeout(poll, 20);
      };
      poll();
    });
  }
}

async function waitForHealth(url: string, process: CrewProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (process.child.exitCode !== null)
      throw new Error(`intake exited (${process.child.exitCode}) before answering /health`);
    const status = await fetch(`${url}/health`).then(
      (r) => (void r.arrayBuffer(), r.status),
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error('intake did not answer /health in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
