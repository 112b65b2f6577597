import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '@mcp-crew/testing';

/** docker-compose.yml parsed with its `<<` merge keys applied, as Compose reads it. */
export function readComposeFile(): { text: string; doc: ComposeDoc } {
  const text = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
  return { text, doc: parseYaml(text, { merge: true }) as ComposeDoc };
}

export interface ComposeService {
  image?: string;
  build?: unknown;
  profiles?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: Record<string, unknown>;
  ports?: string[];
  command?: string[];
  entrypoint?: string[];
}

export interface ComposeDoc {
  services: Record<string, ComposeService>;
  [key: string]: unknown;
}

/** The variables `.env.example` sets, with their shipped values. */
export function readEnvExample(): Map<string, string> {
  const text = readFileSync(join(REPO_ROOT, '.env.example'), 'utf8');
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) vars.set(m[1]!, m[2]!);
  }
  return vars;
}

/**
 * Compose's interpolation (`$$`, `${V}`, `${V:-d}`, `${V-d}`, `${V:+a}`, `${V+a}`, `${V:?e}`, nested in
 * defaults), written here because no maintained npm package implements Compose's rules and none of this
 * machine's tools runs `docker compose config` (no Compose plugin). `missing` collects `:?` failures.
 */
export function interpolate(value: string, env: ReadonlyMap<string, string>, missing: string[] = []): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const c = value[i]!;
    if (c === '$' && value[i + 1] === '$') {
      out += '$';
      i += 2;
    } else if (c === '$' && value[i + 1] === '{') {
      const end = closingBrace(value, i + 2);
      out += resolve(value.slice(i + 2, end), env, missing);
      i = end + 1;
    } else if (c === '$' && /[A-Za-z_]/.test(value[i + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(value.slice(i + 1))![0];
      out += env.get(name) ?? '';
      i += 1 + name.length;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** Every variable name a value references (nested defaults included); `$$` escapes are not references. */
export function references(value: string): string[] {
  const names: string[] = [];
  const scan = (v: string) => {
    for (let i = 0; i < v.length; i++) {
      if (v[i] === '$' && v[i + 1] === '$') i++;
      else if (v[i] === '$' && v[i + 1] === '{') {
        const end = closingBrace(v, i + 2);
        const body = v.slice(i + 2, end);
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(?::?[-+?](.*))?$/s.exec(body);
        if (m) {
          names.push(m[1]!);
          if (m[2]) scan(m[2]);
        }
        i = end;
      }
    }
  };
  scan(value);
  return names;
}

function closingBrace(value: string, from: number): number {
  let depth = 1;
  for (let i = from; i < value.length; i++) {
    if (value[i] === '{') depth++;
    if (value[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unclosed \${ in "${value}"`);
}

function resolve(body: string, env: ReadonlyMap<string, string>, missing: string[]): string {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+?])(.*))?$/s.exec(body);
  if (!m) throw new Error(`unsupported interpolation \${${body}}`);
  const [, name, colon, op, arg = ''] = m;
  const value = env.get(name!);
  const set = colon ? value !== undefined && value !== '' : value !== undefined;
  if (op === '-') return set ? value! : interpolate(arg, env, missing);
  if (op === '+') return set ? interpolate(arg, env, missing) : '';
  if (op === '?') {
    if (!set) missing.push(name!);
    return value ?? '';
  }
  return value ?? '';
}

/** Every string in a parsed document, with its path. */
export function strings(value: unknown, path = '$'): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}
