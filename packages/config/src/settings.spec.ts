import { isCrewError } from '@mcp-crew/core';
import { loadSettings, redisEndpoint } from './settings.js';

/** The CONFIG_INVALID error loadSettings throws for `env`, or a failure when it does not throw. */
function failure(env: Record<string, string>): { message: string; variables: unknown } {
  try {
    loadSettings(env);
  } catch (error) {
    expect(isCrewError(error, 'CONFIG_INVALID')).toBe(true);
    return {
      message: (error as Error).message,
      variables: (error as { details: { variables: unknown } }).details.variables,
    };
  }
  throw new Error('loadSettings accepted an invalid environment');
}

describe('loadSettings', () => {
  it('gives every default with an empty environment and treats blank values as unset', () => {
    const settings = loadSettings({ REDIS_URL: '', PORT: ' ' });
    expect(settings).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      OPENAI_TIMEOUT_MS: 30_000,
      OPENAI_MAX_RETRIES: 2,
      COPILOT_SYNC_BUDGET_MS: 20_000,
      COPILOT_JOB_LEASE_MS: 30_000,
      ODOO_API_RATE_LIMIT: 120,
    });
    expect(settings.REDIS_URL).toBeUndefined();
    expect(settings.adapters).toEqual({
      shared: 'in-process',
      tenants: 'file',
      vectors: 'embedded',
      embedder: 'local',
      model: 'offline',
    });
  });

  it('refuses a port out of range, naming PORT', () => {
    const { message, variables } = failure({ PORT: '70000' });
    expect(message).toContain('PORT: expected a port from 1 to 65535');
    expect(variables).toEqual(['PORT']);
  });

  it('refuses a Redis URL of another scheme, saying which schemes it takes', () => {
    expect(failure({ REDIS_URL: 'http://127.0.0.1:6379' }).message).toContain(
      'REDIS_URL: expected a redis:// or rediss:// URL',
    );
    expect(loadSettings({ REDIS_URL: 'rediss://cache.example:6380' }).adapters.shared).toBe('redis');
  });

  it('takes a Redis Cluster from REDIS_CLUSTER_NODES instead of REDIS_URL', () => {
    const settings = loadSettings({
      REDIS_CLUSTER_NODES: 'rediss://app:s%40cret@10.0.0.1:7000, rediss://10.0.0.2:7001,',
    });
    expect(settings.adapters.shared).toBe('redis');
    expect(redisEndpoint(settings)).toEqual({
      cluster: {
        nodes: [
          { host: '10.0.0.1', port: 7000 },
          { host: '10.0.0.2', port: 7001 },
        ],
        username: 'app',
        password: 's@cret',
        tls: true,
      },
    });
    expect(redisEndpoint(loadSettings({ REDIS_CLUSTER_NODES: '127.0.0.1:7000' }))).toEqual({
      cluster: { nodes: [{ host: '127.0.0.1', port: 7000 }], tls: false },
    });
    expect(redisEndpoint(loadSettings({ REDIS_URL: 'redis://127.0.0.1:6379' }))).toEqual({
      url: 'redis://127.0.0.1:6379',
    });
    expect(redisEndpoint(loadSettings({}))).toBeUndefined();
  });

  it('refuses cluster nodes without a port, mixed schemes, or a cluster and a single server at once', () => {
    const noPort = failure({ REDIS_CLUSTER_NODES: 'redis://:hunter22@10.0.0.1' });
    expect(noPort.message).toContain(
      'REDIS_CLUSTER_NODES: expected comma-separated redis:// or rediss:// URLs',
    );
    expect(noPort.message).not.toContain('hunter22');
    expect(failure({ REDIS_CLUSTER_NODES: 'redis://a:7000,rediss://b:7001' }).message).toContain(
      'REDIS_CLUSTER_NODES: expected every node with the same scheme',
    );
    expect(
      failure({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CLUSTER_NODES: '127.0.0.1:7000' }).message,
    ).toContain(
      'REDIS_CLUSTER_NODES: set either REDIS_URL (one server) or REDIS_CLUSTER_NODES (a cluster), not both',
    );
  });

  it('refuses bad model limits and endpoints instead of starting with defaults', () => {
    const { message, variables } = failure({
      OPENAI_TIMEOUT_MS: 'soon',
      OPENAI_MAX_RETRIES: '-1',
      OPENAI_BASE_URL: 'localhost:11434',
    });
    expect(variables).toEqual(
      expect.arrayContaining(['OPENAI_TIMEOUT_MS', 'OPENAI_MAX_RETRIES', 'OPENAI_BASE_URL']),
    );
    expect(message).toContain('OPENAI_MAX_RETRIES: expected a whole number from 0');
    expect(message).toContain('OPENAI_BASE_URL: expected a http:// or https:// URL');
  });

  it('refuses an unknown enum value, listing the accepted ones', () => {
    expect(failure({ LOG_LEVEL: 'verbose' }).message).toContain(
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent',
    );
    expect(failure({ TENANT_STORE: 'sqlite' }).message).toContain(
      'TENANT_STORE: expected file, embedded or mongodb',
    );
  });

  it('chooses every adapter in one place, and refuses combinations that cannot work', () => {
    const key = 'k'.repeat(64);
    expect(
      loadSettings({
        OPENAI_API_KEY: 'sk-test',
        QDRANT_URL: 'http://127.0.0.1:6333',
        MONGODB_URL: 'mongodb://127.0.0.1/crew',
        CONFIG_ENCRYPTION_KEY: key,
      }).adapters,
    ).toEqual({
      shared: 'in-process',
      tenants: 'mongodb',
      vectors: 'qdrant',
      embedder: 'openai',
      model: 'openai',
    });
    expect(loadSettings({ OPENAI_API_KEY: 'sk-test', EMBEDDINGS_PROVIDER: 'local' }).adapters.embedder).toBe(
      'local',
    );
    expect(failure({ TENANT_STORE: 'embedded' }).message).toContain(
      'CONFIG_ENCRYPTION_KEY: required with TENANT_STORE=embedded',
    );
    expect(failure({ TENANT_STORE: 'mongodb', CONFIG_ENCRYPTION_KEY: key }).message).toContain(
      'TENANT_STORE: mongodb needs MONGODB_URL',
    );
    expect(failure({ EMBEDDINGS_PROVIDER: 'openai' }).message).toContain(
      'EMBEDDINGS_PROVIDER: openai needs OPENAI_API_KEY',
    );
  });

  it('keeps keys as secrets and never echoes a value in an error', () => {
    const settings = loadSettings({
      OPENAI_API_KEY: 'sk-very-secret',
      OPERATOR_API_KEY: 'operator-key-0123456789',
    });
    expect(JSON.stringify(settings)).not.toContain('sk-very-secret');
    expect(settings.OPENAI_API_KEY?.reveal()).toBe('sk-very-secret');
    const { message } = failure({
      OPERATOR_API_KEY: 'short-secret',
      MONGODB_URL: 'postgres://user:pw-secret@db',
    });
    expect(message).toContain('OPERATOR_API_KEY: expected at least 16 characters');
    expect(message).not.toContain('short-secret');
    expect(message).not.toContain('pw-secret');
  });
});
