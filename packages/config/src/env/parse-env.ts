import { z } from 'zod';
import { CrewError } from '@mcp-crew/core';
import type { Catalog, CatalogValues } from './fields.js';

/** The zod object of a catalog (each schema carries its description). */
export function catalogSchema<C extends Catalog>(
  catalog: C,
): z.ZodObject<{ [K in keyof C]: C[K]['schema'] }> {
  const shape = Object.fromEntries(
    Object.entries(catalog).map(([name, spec]) => [name, spec.schema.describe(spec.description)]),
  );
  return z.object(shape) as z.ZodObject<{ [K in keyof C]: C[K]['schema'] }>;
}

/** Blank values count as unset (a `KEY=` line in an env file must not override a default). */
export function withoutBlanks(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''),
  );
}

/** One line per invalid variable: `NAME: what was expected`. Values are never echoed (they may be secrets). */
export function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const name = issue.path.join('.');
    const message = issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.message;
    return `${name}: ${message}`;
  });
}

export function configError(label: string, problems: string[]): CrewError {
  return new CrewError('CONFIG_INVALID', `${label}: ${problems.join('; ')}`, {
    domain: 'config',
    category: 'user',
    details: { problems, variables: problems.map((p) => p.split(':')[0]) },
  });
}

/** Parses `env` against a catalog, failing with every invalid variable named. */
export function parseEnv<C extends Catalog>(
  catalog: C,
  env: Record<string, string | undefined>,
  label: string,
): CatalogValues<C> {
  const checked = checkEnv(catalog, env);
  if (!checked.values) throw configError(label, checked.problems);
  return checked.values;
}

/** Like `parseEnv` without throwing, so a caller can add its own cross-variable problems to the same error. */
export function checkEnv<C extends Catalog>(
  catalog: C,
  env: Record<string, string | undefined>,
): { values?: CatalogValues<C>; problems: string[] } {
  const parsed = catalogSchema(catalog).safeParse(withoutBlanks(env));
  return parsed.success
    ? { values: parsed.data as CatalogValues<C>, problems: [] }
    : { problems: problemsOf(parsed.error) };
}
