import type { PipeTransform } from '@nestjs/common';
import { ZodBodyPipe } from '../http/zod-body.pipe.js';
import { odooEventBatchBody, odooEventBody, type OdooEvent } from './copilot-schemas.js';

/** An events request read as a list, remembering whether it came batched (the answer's shape follows it). */
export interface OdooEventsRequest {
  events: OdooEvent[];
  batched: boolean;
}

/**
 * Accepts one event `{model, ids, operation}` or a batch `{events: [...]}`. Chosen by the `events` key rather
 * than a zod union, so a validation error names the field paths of the form that was meant.
 */
export class OdooEventsPipe implements PipeTransform<unknown, OdooEventsRequest> {
  readonly #single = new ZodBodyPipe(odooEventBody);
  readonly #batch = new ZodBodyPipe(odooEventBatchBody);

  transform(value: unknown): OdooEventsRequest {
    if (typeof value === 'object' && value !== null && 'events' in value)
      return { events: this.#batch.transform(value).events, batched: true };
    return { events: [this.#single.transform(value)], batched: false };
  }
}
