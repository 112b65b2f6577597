import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';

/** Documents a zod-validated body in the OpenAPI description (the request shape, before transforms). */
export function ApiZodBody(schema: z.ZodType, description?: string): MethodDecorator {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json['$schema'];
  return ApiBody({ schema: json as never, description });
}
