import type { Client, InArgs, Row } from '@libsql/client';
import { documentStoreUnavailable } from '@mcp-crew/core';

/** The libSQL client once the schema exists, with driver failures mapped to `DOCUMENT_STORE_UNAVAILABLE`. */
export class SqlDb {
  constructor(
    private readonly client: Client,
    private readonly ready: Promise<void>,
  ) {}

  async rows(sql: string, args: InArgs = []): Promise<Row[]> {
    return (await this.run(sql, args)).rows;
  }

  async changes(sql: string, args: InArgs = []): Promise<number> {
    return (await this.run(sql, args)).rowsAffected;
  }

  private async run(sql: string, args: InArgs) {
    await this.ready;
    try {
      return await this.client.execute({ sql, args });
    } catch (cause) {
      throw documentStoreUnavailable('embedded', cause);
    }
  }
}

/** Column value as text (libSQL hands TEXT columns back as strings). */
export function text(row: Row, column: string): string {
  return String(row[column]);
}

export function parseJson<T>(row: Row, column: string): T {
  return JSON.parse(text(row, column)) as T;
}
