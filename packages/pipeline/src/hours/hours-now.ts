import {
  isOpenAt,
  localMoment,
  nextOpening,
  type BusinessHoursSource,
  type LocalMoment,
  type NextOpening,
  type TenantId,
} from '@mcp-crew/core';

/** The tenant's business hours at one moment: open or not, and when it opens next. */
export interface HoursNow {
  open: boolean;
  timezone: string;
  local: LocalMoment;
  /** When people answer next (only computed when closed). */
  next?: NextOpening;
}

/**
 * Reads the tenant's hours at `now`; undefined when the tenant has none (or they cannot be read: the turn
 * then behaves as in business hours rather than failing, and the caller logs why).
 */
export async function hoursNow(
  source: BusinessHoursSource | undefined,
  tenant: TenantId,
  now: number,
  onError: (error: unknown) => void,
): Promise<HoursNow | undefined> {
  if (!source) return undefined;
  let hours;
  try {
    hours = await source.forTenant(tenant);
  } catch (error) {
    onError(error);
    return undefined;
  }
  if (!hours) return undefined;
  const open = isOpenAt(hours, now);
  const next = open ? undefined : nextOpening(hours, now);
  return {
    open,
    timezone: hours.timezone,
    local: localMoment(now, hours.timezone),
    ...(next ? { next } : {}),
  };
}
