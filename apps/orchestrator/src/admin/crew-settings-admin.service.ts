import { Inject, Injectable } from '@nestjs/common';
import {
  CREW_NAMES,
  CrewError,
  effectiveCrewSettings,
  type CrewDefinition,
  type CrewName,
  type CrewSettings,
  type CrewSettingsOverride,
  type CrewSettingsPatch,
  type TenantId,
} from '@mcp-crew/core';
import { CREWS } from '../runtime/providers.js';
import { requestInvalid } from './admin-errors.js';
import { TenantAdminService } from './tenant-admin.service.js';

/** One crew's settings for a tenant: the crew file's, the tenant's changes, and what turns use. */
export interface CrewSettingsView {
  tenant: string;
  crew: CrewName;
  /** From the crew file (`crews/<crew>.yaml`), defaults filled in. */
  crewFile: CrewSettings;
  /** The tenant's changes (tenants file or admin API `crewSettings.<crew>`). */
  overrides: CrewSettingsOverride;
  /** The crew file with the tenant's changes: what the next turn uses. */
  effective: CrewSettings;
}

/**
 * A tenant's per-crew settings (business-hours mode, hand-over routing, media fallbacks), kept in the
 * tenant's `crewSettings` like the tenants file's, so the next turn reads them without a restart.
 */
@Injectable()
export class CrewSettingsAdminService {
  constructor(
    @Inject(TenantAdminService) private readonly admin: TenantAdminService,
    @Inject(CREWS) private readonly crews: ReadonlyMap<CrewName, CrewDefinition>,
  ) {}

  async read(id: TenantId, name: string): Promise<CrewSettingsView> {
    const crew = this.#crew(name);
    const tenant = await this.admin.config(id);
    return view(id, crew, tenant.crewSettings?.[crew.name]);
  }

  /** Applies a JSON merge patch over `crewSettings.<crew>` (`null` goes back to the crew file's value). */
  async update(id: TenantId, name: string, patch: CrewSettingsPatch): Promise<CrewSettingsView> {
    const crew = this.#crew(name);
    const tenant = await this.admin.change(id, (store) =>
      store.update(id, { crewSettings: { [crew.name]: patch } }, 'tenant.set_crew_settings'),
    );
    return view(id, crew, tenant.crewSettings?.[crew.name]);
  }

  #crew(name: string): CrewDefinition {
    if (!(CREW_NAMES as readonly string[]).includes(name))
      throw requestInvalid([{ path: 'crew', message: `expected one of ${CREW_NAMES.join(', ')}` }]);
    const crew = this.crews.get(name as CrewName);
    if (!crew)
      throw new CrewError('CREW_NOT_FOUND', `crew "${name}" is not loaded (no crews/${name}.yaml)`, {
        domain: 'admin',
        category: 'user',
        details: { crew: name },
      });
    return crew;
  }
}

function view(
  id: TenantId,
  crew: CrewDefinition,
  overrides: CrewSettingsOverride | undefined,
): CrewSettingsView {
  return {
    tenant: id,
    crew: crew.name,
    crewFile: effectiveCrewSettings(crew, undefined),
    overrides: structuredClone(overrides ?? {}),
    effective: effectiveCrewSettings(crew, overrides),
  };
}
