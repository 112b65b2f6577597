import { describe, expect, it } from '@jest/globals';
import { untypedParameters, untypedToolParameters } from './untyped-parameters.js';

describe('untypedParameters', () => {
  it('finds a parameter advertised as an empty object, however deep', () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        email: {},
        lines: {
          type: 'array',
          items: { type: 'object', properties: { note: { description: 'free text' } } },
        },
        contact: { anyOf: [{ type: 'string' }, {}] },
        pair: { type: 'array', items: [{ type: 'string' }, {}] },
      },
    };
    expect(untypedParameters(schema)).toEqual(['$.email', '$.lines[].note', '$.contact|anyOf1', '$.pair[1]']);
  });

  it('accepts enums, constants, references and boolean schemas', () => {
    const schema = {
      type: 'object',
      properties: { kind: { enum: ['a', 'b'] }, fixed: { const: 1 }, ref: { $ref: '#/x' }, anything: true },
      additionalProperties: false,
    };
    expect(untypedParameters(schema)).toEqual([]);
  });

  it('names the tool of each finding', () => {
    expect(
      untypedToolParameters([
        { name: 'ok', inputSchema: { type: 'object', properties: { a: { type: 'number' } } } },
        { name: 'bad', inputSchema: { type: 'object', properties: { a: {} } } },
      ]),
    ).toEqual(['bad: $.a']);
  });
});
