import type { AuditLogRepository } from './audit-log-repository.js';
import type { BusinessDataRepository } from './business-data-repository.js';
import type { CrewOverrideRepository } from './crew-override-repository.js';
import type { TenantRepository } from './tenant-repository.js';

/**
 * The document store port: tenants and their configuration, crew overrides, structured business data and
 * the audit log. Embedded (one libSQL file) on one machine, MongoDB in production; both pass the contract
 * suite in @mcp-crew/testing. Every repository but `tenants` takes the tenant on every call (Novu-style),
 * so a query without a tenant does not compile. Stores hand out copies: changing a returned object changes
 * nothing stored.
 */
export interface DocumentStore {
  /** `embedded`, `mongodb`, ... (for logs and health checks). */
  readonly id: string;
  readonly tenants: TenantRepository;
  readonly crewOverrides: CrewOverrideRepository;
  readonly businessData: BusinessDataRepository;
  readonly auditLog: AuditLogRepository;
  close(): Promise<void>;
}
