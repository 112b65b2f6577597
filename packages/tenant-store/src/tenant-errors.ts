import { CrewError } from '@mcp-crew/core';

export function tenantMissing(id: string): CrewError {
  const reason = `tenant "${id}" does not exist`;
  return new CrewError('TENANT_NOT_FOUND', reason, {
    domain: 'config',
    category: 'user',
    details: { tenant: id },
  });
}

export function tenantIdImmutable(id: string): CrewError {
  return new CrewError('TENANT_ID_IMMUTABLE', `the id of tenant "${id}" cannot change`, {
    domain: 'config',
    category: 'user',
    details: { tenant: id },
  });
}
