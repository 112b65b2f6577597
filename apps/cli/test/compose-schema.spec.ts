import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { REPO_ROOT } from '@mcp-crew/testing';
import { readComposeFile } from './deploy/compose-env.js';

// The Compose Specification's own JSON schema (deploy/README.md says where it comes from), with Ajv.
describe('docker-compose.yml against the Compose Specification schema', () => {
  const schema = JSON.parse(
    readFileSync(join(REPO_ROOT, 'deploy/compose-spec.schema.json'), 'utf8'),
  ) as Record<string, unknown>;
  // strict: false: the schema uses annotations Ajv does not know (`deprecated`).
  const ajv = new Ajv({ strict: false, allErrors: true });
  // The schema names draft-07 by its https URL; Ajv ships that meta-schema under the http one.
  const draft07 = JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('ajv/dist/refs/json-schema-draft-07.json'), 'utf8'),
  ) as Record<string, unknown>;
  ajv.addMetaSchema({ ...draft07, $id: String(schema['$schema']) });
  const validate = ajv.compile(schema);

  it('is a valid Compose file', () => {
    const { doc } = readComposeFile();
    const valid = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('catches what Compose would refuse (the validator is live)', () => {
    const { doc } = readComposeFile();
    const broken = structuredClone(doc);
    (broken.services['redis'] as Record<string, unknown>)['healthcheck'] = {
      test: ['CMD', 'true'],
      intervall: '10s',
    };
    (broken.services['orchestrator'] as Record<string, unknown>)['restart'] = 42;
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toEqual(
      expect.arrayContaining(['/services/redis/healthcheck', '/services/orchestrator/restart']),
    );
  });
});
