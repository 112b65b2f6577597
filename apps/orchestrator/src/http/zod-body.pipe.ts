import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { CrewError } from '@mcp-crew/core';

/**
 * Validates a request body with a zod schema: 400 `REQUEST_INVALID` whose `details.problems` name each
 * field path and what is wrong (never the value, which may be a secret).
 */
export class ZodBodyPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const parsed = this.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map((i) => ({
      path: i.path.join('.') || '(root)',
      message: i.message,
    }));
    throw new CrewError(
      'REQUEST_INVALID',
      `invalid request body: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      {
        domain: 'http',
        category: 'user',
        details: { problems },
      },
    );
  }
}
