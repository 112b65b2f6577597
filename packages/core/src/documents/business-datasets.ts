import { z } from 'zod';
import { CrewError } from '../errors/crew-error.js';
import type { JsonObject } from './json.js';

/** A wall-clock time, `HH:MM` 24 h. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24 h)');
const notes = z.array(z.string().min(1)).default([]);

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');
/** A day the business is closed (a public holiday it observes, a special closure), in its own time zone. */
export const holidaySchema = z.object({ date: isoDate, name: z.string().min(1).optional() }).strict();

export const openingHoursMeta = z
  .object({
    /** IANA time zone of the hours, e.g. `America/Bogota`. */
    timezone: z.string().min(1).refine(isTimeZone, 'expected an IANA time zone such as America/Bogota'),
    closedOnHolidays: z.boolean().default(true),
    /** Dates closed all day, whatever the weekday's hours say. */
    holidays: z.array(holidaySchema).default([]),
    notes,
  })
  .strict();
/** One open interval; a day without intervals is closed. */
export const openingHoursRecord = z
  .object({ day: z.enum(WEEKDAYS), opens: clockTimeSchema, closes: clockTimeSchema })
  .strict()
  .refine((r) => r.opens < r.closes, 'opens must be before closes');

export const deliveryZonesMeta = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as COP'),
    /** Order subtotal (before tax) from which delivery is free in `freeShippingZones`. */
    freeShippingFrom: z.number().nonnegative().optional(),
    freeShippingZones: z.array(z.string()).default([]),
    notes,
  })
  .strict();
export const deliveryZoneRecord = z
  .object({
    zone: z.string().min(1),
    city: z.string().min(1),
    /** Neighbourhoods and municipalities the zone covers, as customers write them. */
    places: z.array(z.string().min(1)).min(1),
    /** Fee in the dataset's currency; null when it is quoted per order (carrier, weight). */
    fee: z.number().nonnegative().nullable(),
    eta: z.string().min(1),
  })
  .strict();

export const PAYMENT_CONTEXTS = ['store', 'delivery', 'prepaid'] as const;
export const paymentMethodsMeta = z.object({ notes }).strict();
export const paymentMethodRecord = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/),
    name: z.string().min(1),
    /** Where it can be used: paying in the shop, on delivery, or in advance. */
    accepted: z.array(z.enum(PAYMENT_CONTEXTS)).min(1),
    details: z.string().optional(),
  })
  .strict();

export const faqMeta = z.object({}).strict();
export const faqRecord = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]+$/),
    question: z.string().min(1),
    answer: z.string().min(1),
    tags: z.array(z.string()).default([]),
  })
  .strict();

/** The datasets whose shape is known (agents have named tools for them); other names hold free-form rows. */
export const BUSINESS_DATASET_SCHEMAS = {
  opening_hours: { meta: openingHoursMeta, record: openingHoursRecord },
  delivery_zones: { meta: deliveryZonesMeta, record: deliveryZoneRecord },
  payment_methods: { meta: paymentMethodsMeta, record: paymentMethodRecord },
  faq: { meta: faqMeta, record: faqRecord },
} as const;
export type KnownDatasetName = keyof typeof BUSINESS_DATASET_SCHEMAS;

export type OpeningHoursMeta = z.infer<typeof openingHoursMeta>;
export type Holiday = z.infer<typeof holidaySchema>;
export type OpeningHoursRecord = z.infer<typeof openingHoursRecord>;
export type DeliveryZonesMeta = z.infer<typeof deliveryZonesMeta>;
export type DeliveryZoneRecord = z.infer<typeof deliveryZoneRecord>;
export type PaymentMethodRecord = z.infer<typeof paymentMethodRecord>;
export type FaqRecord = z.infer<typeof faqRecord>;

export const DATASET_NAME_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

const freeRecord = z.record(z.string(), z.json());
const freeMeta = z.record(z.string(), z.json());

/** A problem with a dataset: the field path inside `{ meta, records }` and what was expected. */
export interface DatasetIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * Each problem with a dataset's meta and records against its schema (known names) or as plain JSON objects
 * (other names); opening hours must not overlap on a weekday. Empty when the dataset is valid.
 */
export function businessDatasetIssues(name: string, meta: unknown, records: unknown): DatasetIssue[] {
  return parseDataset(name, meta, records).issues;
}

/**
 * Checks a dataset's meta and records, returning them with defaults filled in. Throws
 * `BUSINESS_DATA_INVALID` naming each bad field.
 */
export function validateBusinessDataset(
  name: string,
  meta: unknown,
  records: unknown,
): { meta: JsonObject; records: JsonObject[] } {
  if (!DATASET_NAME_PATTERN.test(name)) throw invalid(name, [`name: expected snake_case, got "${name}"`]);
  const parsed = parseDataset(name, meta, records);
  if (!parsed.data)
    throw invalid(
      name,
      parsed.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  return parsed.data;
}

/** Start indexes (into `intervals`) of each interval that starts before an earlier-starting one of its day closes. */
export function overlappingIntervals(
  intervals: ReadonlyArray<{ day?: string; opens: string; closes: string }>,
): Array<{ index: number; other: number }> {
  const order = intervals.map((i, index) => ({ ...i, index })).sort((a, b) => (a.opens < b.opens ? -1 : 1));
  const found: Array<{ index: number; other: number }> = [];
  const latest = new Map<string, (typeof order)[number]>();
  for (const interval of order) {
    const before = latest.get(interval.day ?? '');
    if (before && interval.opens < before.closes) found.push({ index: interval.index, other: before.index });
    if (!before || interval.closes > before.closes) latest.set(interval.day ?? '', interval);
  }
  return found.sort((a, b) => a.index - b.index);
}

function parseDataset(
  name: string,
  meta: unknown,
  records: unknown,
): { data?: { meta: JsonObject; records: JsonObject[] }; issues: DatasetIssue[] } {
  const known = (BUSINESS_DATASET_SCHEMAS as Record<string, { meta: z.ZodType; record: z.ZodType }>)[name];
  const schema = z.object({
    meta: known?.meta ?? freeMeta,
    records: z.array(known?.record ?? freeRecord),
  });
  const parsed = schema.safeParse({ meta: meta ?? {}, records });
  if (!parsed.success)
    return {
      issues: parsed.error.issues.map((i) => ({
        path: i.path as Array<string | number>,
        message: i.message,
      })),
    };
  if (name === 'opening_hours') {
    const rows = parsed.data.records as OpeningHoursRecord[];
    const issues = overlappingIntervals(rows).map(({ index, other }) => ({
      path: ['records', index],
      message: `expected intervals that do not overlap: ${describe(rows[index]!)} overlaps ${describe(rows[other]!)}`,
    }));
    if (issues.length > 0) return { issues };
  }
  return { data: parsed.data as { meta: JsonObject; records: JsonObject[] }, issues: [] };
}

function describe(r: { day?: string; opens: string; closes: string }): string {
  return `${r.day ? `${r.day} ` : ''}${r.opens}–${r.closes}`;
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function invalid(name: string, problems: string[]): CrewError {
  return new CrewError('BUSINESS_DATA_INVALID', `dataset "${name}" is invalid: ${problems.join('; ')}`, {
    domain: 'documents',
    category: 'user',
    details: { dataset: name, problems },
  });
}
