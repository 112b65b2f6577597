/** One write the system made in a tenant's Odoo. */
export interface WriteRecord {
  tenantId: string;
  tool: string;
  arguments: unknown;
  outcome: 'ok' | 'error';
  result?: unknown;
  error?: string;
  durationMs: number;
  at: string;
}

/** Where writes are recorded: a log now, MongoDB's audit collection later. */
export interface WriteAudit {
  record(entry: WriteRecord): Promise<void>;
}

export interface AuditLogger {
  info(obj: object, msg: string): void;
}

/** Records writes as structured log lines. */
export class LogWriteAudit implements WriteAudit {
  constructor(private readonly logger: AuditLogger) {}

  async record(entry: WriteRecord): Promise<void> {
    this.logger.info({ audit: entry }, `odoo write ${entry.tool} ${entry.outcome}`);
  }
}

/** Keeps writes in memory (tests, `crew chat`). */
export class MemoryWriteAudit implements WriteAudit {
  readonly entries: WriteRecord[] = [];

  async record(entry: WriteRecord): Promise<void> {
    this.entries.push(entry);
  }
}
