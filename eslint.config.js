import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import jsoncParser from 'jsonc-eslint-parser';

// Dependencies point inward (apps -> features/adapters -> core); the tags live in each package.json's "nx" field.
export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          // The CLI launches the orchestrator app; nothing else may import an app.
          allow: ['@mcp-crew/orchestrator'],
          depConstraints: [
            // Core holds ports and the domain: no SDK, driver or framework; zod (schemas of the domain) only.
            {
              sourceTag: 'type:core',
              onlyDependOnLibsWithTags: ['type:core'],
              allowedExternalImports: ['zod'],
            },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:core', 'type:testing'] },
            {
              sourceTag: 'type:adapter',
              onlyDependOnLibsWithTags: ['type:core', 'type:adapter', 'type:testing'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:core', 'type:adapter', 'type:feature', 'type:testing'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:core', 'type:adapter', 'type:feature', 'type:testing'],
            },
            { sourceTag: 'type:cli', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
  {
    // Each workspace declares what its code imports (SDKs and workspace packages), and nothing it does not:
    // Nx reads the imports of the package's production files (specs and test/ excluded) from its graph.
    files: ['packages/*/package.json', 'apps/*/package.json'],
    languageOptions: { parser: jsoncParser },
    plugins: { '@nx': nx },
    rules: {
      '@nx/dependency-checks': [
        'error',
        {
          ignoredFiles: [
            '{projectRoot}/**/*.spec.ts',
            '{projectRoot}/test/**',
            '{projectRoot}/src/**/testing/**',
            '{projectRoot}/jest.config.js',
          ],
          // Loaded by NestJS, not imported: rxjs (a peer of @nestjs/core) and @fastify/static (serves /docs).
          ignoredDependencies: ['rxjs', '@fastify/static'],
        },
      ],
    },
  },
];
