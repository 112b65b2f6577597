import { CrewError, type TenantId } from '@mcp-crew/core';

/** 404 for a tenant the admin API does not know (every admin route answers the same). */
export function tenantNotFound(id: TenantId): CrewError {
  return new CrewError('TENANT_NOT_FOUND', `tenant "${id}" does not exist`, {
    domain: 'admin',
    category: 'user',
    details: { tenant: id },
  });
}

/** 409: tenants (and their business data) come from files and cannot be edited in this process. */
export function tenantsReadOnly(): CrewError {
  return new CrewError(
    'TENANT_STORE_READ_ONLY',
    'tenants come from TENANTS_FILE and are read-only here: set MONGODB_URL or TENANT_STORE=embedded to edit them',
    { domain: 'admin', category: 'user' },
  );
}

/** 400 `REQUEST_INVALID` with each field path and what was expected, like the body validation's. */
export function requestInvalid(problems: Array<{ path: string; message: string }>): CrewError {
  return new CrewError(
    'REQUEST_INVALID',
    `invalid request: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    { domain: 'admin', category: 'user', details: { problems } },
  );
}
