/** The server's version, the same shape whichever endpoint answered. */
export interface OdooVersion {
  /** As the server reports it, e.g. `18.0+e-20241005` or `saas~18.2`. */
  serverVersion: string;
  major: number;
  minor: number;
  /** `server_version_info` / `version_info`, e.g. `[18, 0, 0, 'final', 0, '']`. */
  info: unknown[];
}

/** Reads `common.version` (`server_version`, `server_version_info`) or `/web/version` (`version`, `version_info`). */
export function parseVersion(raw: unknown): OdooVersion {
  const v = (raw ?? {}) as Record<string, unknown>;
  const info = (
    Array.isArray(v.server_version_info)
      ? v.server_version_info
      : Array.isArray(v.version_info)
        ? v.version_info
        : []
  ) as unknown[];
  const serverVersion = String(v.server_version ?? v.version ?? '');
  const fromText = /(\d+)\.(\d+)/.exec(serverVersion);
  const major = typeof info[0] === 'number' ? info[0] : Number(fromText?.[1] ?? 0);
  const minor = typeof info[1] === 'number' ? info[1] : Number(fromText?.[2] ?? 0);
  return { serverVersion, major, minor, info };
}
