import { CrewError } from '@mcp-crew/core';

/** The tenant has not loaded this dataset: the model should say so, not guess. */
export function datasetMissing(name: string): CrewError {
  return new CrewError('BUSINESS_DATA_NOT_FOUND', `this business has no "${name}" data yet`, {
    domain: 'documents',
    category: 'user',
    details: { dataset: name },
  });
}
