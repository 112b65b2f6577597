import { z } from 'zod';
import { Secret } from '@mcp-crew/core';

/** A documented setting: its schema (default included), what it means and an example value for the README. */
export interface SettingSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  description: string;
  /** The default as the README shows it ("unset: in-process" when absence selects a behaviour). */
  defaultText: string;
  example: string;
}

export type Catalog = Record<string, SettingSpec>;

/** The parsed values of a catalog (optional settings are optional keys). */
export type CatalogValues<C extends Catalog> = z.output<z.ZodObject<{ [K in keyof C]: C[K]['schema'] }>>;

export function setting<S extends z.ZodType>(
  schema: S,
  description: string,
  defaultText: string,
  example: string,
): SettingSpec<S> {
  return { schema, description, defaultText, example };
}

/** A whole number in [min, max]; the message says what was expected. */
export function int(fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) {
  return z.coerce
    .number({ message: 'expected a whole number' })
    .int({ message: 'expected a whole number' })
    .min(min, { message: `expected a whole number from ${min}` })
    .max(max, { message: `expected a whole number up to ${max}` })
    .default(fallback);
}

export function optionalInt(min = 0, max = Number.MAX_SAFE_INTEGER) {
  return z.coerce
    .number({ message: 'expected a whole number' })
    .int({ message: 'expected a whole number' })
    .min(min, { message: `expected a whole number from ${min}` })
    .max(max, { message: `expected a whole number up to ${max}` })
    .optional();
}

/** A TCP port: 1–65535 (0 only where "any free port" makes sense). */
export function port(fallback: number, min = 1) {
  return z.coerce
    .number({ message: 'expected a port number' })
    .int({ message: 'expected a port number' })
    .min(min, { message: `expected a port from ${min} to 65535` })
    .max(65535, { message: `expected a port from ${min} to 65535` })
    .default(fallback);
}

/** A URL whose scheme is one of `schemes` (without "://"), e.g. `url(['redis', 'rediss'])`. */
export function url(schemes: readonly string[]) {
  const expected = schemes.map((s) => `${s}://`).join(' or ');
  return z.string().refine(
    (value) => {
      try {
        return schemes.includes(new URL(value).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    },
    { message: `expected a ${expected} URL` },
  );
}

/** A value that never prints (logs, errors, JSON): see `Secret`. */
export function secret(minLength = 1) {
  return z
    .string()
    .min(minLength, { message: `expected at least ${minLength} characters` })
    .transform((value) => new Secret(value));
}

export function flag(fallback: boolean) {
  return z
    .enum(['true', 'false'], { message: 'expected true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true');
}
