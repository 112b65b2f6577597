import { z } from 'zod';
import { DATASET_NAME_PATTERN } from '@mcp-crew/core';
import { datasetMissing } from './not-configured.js';
import { defineTool } from './tool.js';

export const listDatasets = defineTool({
  name: 'business_list_datasets',
  title: 'List business datasets',
  description: 'The structured business datasets this business has (name, description, number of records).',
  input: {},
  output: {
    datasets: z.array(
      z.object({
        name: z.string(),
        description: z.string(),
        record_count: z.number(),
        updated_at: z.string(),
      }),
    ),
  },
  async run(_args, ctx) {
    const list = await ctx.business.list(ctx.tenant);
    const datasets = list.map((d) => ({
      name: d.name,
      description: d.description,
      record_count: d.recordCount,
      updated_at: d.updatedAt,
    }));
    return {
      result: { datasets },
      text: datasets.map((d) => `${d.name}: ${d.description}`).join('\n') || 'No datasets.',
    };
  },
});

export const getDataset = defineTool({
  name: 'business_get_dataset',
  title: 'Read a business dataset',
  description:
    'All records of one named dataset (see business_list_datasets), for data without a dedicated tool.',
  input: { name: z.string().regex(DATASET_NAME_PATTERN, 'a dataset name from business_list_datasets') },
  output: {
    name: z.string(),
    description: z.string(),
    meta: z.record(z.string(), z.unknown()),
    records: z.array(z.record(z.string(), z.unknown())),
  },
  async run({ name }, ctx) {
    const data = await ctx.business.get(ctx.tenant, name);
    if (!data) throw datasetMissing(name);
    return {
      result: { name, description: data.description, meta: data.meta, records: data.records },
      text: `${name}: ${data.records.length} records. ${JSON.stringify(data.records).slice(0, 2000)}`,
    };
  },
});
