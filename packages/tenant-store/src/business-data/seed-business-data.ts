import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CrewError, validateBusinessDataset, type TenantId } from '@mcp-crew/core';
import type { BusinessDataService } from './business-data-service.js';

const fileSchema = z
  .object({
    datasets: z.record(
      z.string(),
      z
        .object({
          description: z.string().min(1),
          meta: z.unknown().optional(),
          records: z.array(z.unknown()),
        })
        .strict(),
    ),
  })
  .strict();

/**
 * Loads a tenant's business data file (`collections/business_data/<tenant>.yaml`: `datasets: {name:
 * {description, meta, records}}`) into the store, replacing those datasets. Every dataset is checked
 * before any is written, so a bad file changes nothing. Returns the dataset names.
 */
export async function seedBusinessDataFromFile(
  service: BusinessDataService,
  tenant: TenantId,
  file: string,
): Promise<string[]> {
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(file, 'utf8'));
  } catch (cause) {
    throw seedError(`${file}: cannot read the business data file`, { file }, cause);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success)
    throw seedError(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      { file },
    );
  const datasets = Object.entries(parsed.data.datasets);
  for (const [name, d] of datasets) {
    try {
      validateBusinessDataset(name, d.meta, d.records);
    } catch (error) {
      throw seedError(`${file}: ${(error as Error).message}`, { file, dataset: name }, error);
    }
  }
  for (const [name, d] of datasets) await service.put(tenant, name, d);
  return datasets.map(([name]) => name);
}

function seedError(message: string, details: Record<string, unknown>, cause?: unknown): CrewError {
  return new CrewError('BUSINESS_DATA_INVALID', message, {
    domain: 'documents',
    category: 'user',
    details,
    cause,
  });
}
