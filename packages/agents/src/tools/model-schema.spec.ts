import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { modelSchema } from './model-schema.js';

describe('modelSchema (a tool schema as a model is shown it)', () => {
  it('drops what only a validator needs and keeps every field, type, bound, default and description', () => {
    const json = z.toJSONSchema(
      z.object({
        customer_id: z.number().int().positive(),
        email: z.email().optional(),
        lines: z.array(
          z.object({ product_id: z.number().int().positive(), quantity: z.number().positive() }),
        ),
        limit: z.number().int().min(1).max(50).default(10).describe('how many'),
        // A property may be named like a keyword: it stays.
        pattern: z.string().optional(),
      }),
    ) as Record<string, unknown>;
    expect(modelSchema(json)).toEqual({
      type: 'object',
      properties: {
        customer_id: { type: 'integer', exclusiveMinimum: 0 },
        email: { type: 'string', format: 'email' },
        lines: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              product_id: { type: 'integer', exclusiveMinimum: 0 },
              quantity: { type: 'number', exclusiveMinimum: 0 },
            },
            required: ['product_id', 'quantity'],
          },
        },
        limit: { type: 'integer', minimum: 1, maximum: 50, default: 10, description: 'how many' },
        pattern: { type: 'string' },
      },
      required: ['customer_id', 'lines', 'limit'],
    });
  });
});
