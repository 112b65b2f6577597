import { CrewError, TENANT_ID_PATTERN, type TenantId } from '@mcp-crew/core';

/** A tenant id from a URL path; a malformed one is simply a tenant that does not exist (404). */
export function tenantParam(value: string): TenantId {
  if (!TENANT_ID_PATTERN.test(value)) {
    throw new CrewError('TENANT_NOT_FOUND', `tenant "${value.slice(0, 64)}" does not exist`, {
      domain: 'http',
      category: 'user',
    });
  }
  return value as TenantId;
}
