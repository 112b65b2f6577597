import { describe, expect, it } from '@jest/globals';
import { isCrewError } from '@mcp-crew/core';
import { readChatwootMcpEnv } from './env.js';
import { parseChatwootMcpArgs } from './run.js';

describe('parseChatwootMcpArgs', () => {
  it('defaults to stdio and reads --http PORT', () => {
    expect(parseChatwootMcpArgs([])).toEqual({ mode: 'stdio' });
    expect(parseChatwootMcpArgs(['--stdio'])).toEqual({ mode: 'stdio' });
    expect(parseChatwootMcpArgs(['--http', '8931'])).toEqual({ mode: 'http', port: 8931 });
    expect(parseChatwootMcpArgs(['--http', '0', '--host', '127.0.0.1'])).toEqual({
      mode: 'http',
      port: 0,
      host: '127.0.0.1',
    });
  });

  it('refuses a bad port or both modes', () => {
    expect(() => parseChatwootMcpArgs(['--http', 'abc'])).toThrow(/--http needs a port number/);
    expect(() => parseChatwootMcpArgs(['--stdio', '--http', '1'])).toThrow(/choose one/);
  });
});

describe('readChatwootMcpEnv', () => {
  const good = {
    CHATWOOT_URL: 'http://127.0.0.1:3000',
    CHATWOOT_BOT_TOKEN: 'tok-secret-1',
    CHATWOOT_ACCOUNT_ID: '2',
    MCP_HTTP_TOKEN: 'http-token-0123456789',
  };

  it('reads a complete environment, keeping tokens as secrets', () => {
    const env = readChatwootMcpEnv(good, 'http');
    expect(env).toMatchObject({ chatwootUrl: 'http://127.0.0.1:3000', accountId: 2, tenantId: 'demo' });
    expect(env.botToken?.reveal()).toBe('tok-secret-1');
    expect(JSON.stringify(env)).not.toContain('tok-secret-1');
  });

  it('names each missing or wrong variable', () => {
    const error = (() => {
      try {
        readChatwootMcpEnv({ CHATWOOT_URL: 'not a url', CHATWOOT_ACCOUNT_ID: 'x' }, 'http');
      } catch (e) {
        return e;
      }
    })();
    expect(isCrewError(error, 'CONFIG_INVALID')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('CHATWOOT_URL');
    expect(message).toContain('CHATWOOT_ACCOUNT_ID');
  });

  it('needs the bot token with a URL and the HTTP token for --http only', () => {
    expect(() => readChatwootMcpEnv({ ...good, CHATWOOT_BOT_TOKEN: '' }, 'stdio')).toThrow(
      /CHATWOOT_BOT_TOKEN: required when CHATWOOT_URL is set/,
    );
    expect(() => readChatwootMcpEnv({ ...good, MCP_HTTP_TOKEN: undefined }, 'http')).toThrow(
      /MCP_HTTP_TOKEN: required/,
    );
    expect(readChatwootMcpEnv({ ...good, MCP_HTTP_TOKEN: undefined }, 'stdio').httpToken).toBeUndefined();
  });

  it('falls back to the console stand-in without a URL', () => {
    const env = readChatwootMcpEnv({ CHATWOOT_ACCOUNT_ID: '1' }, 'stdio');
    expect(env.chatwootUrl).toBeUndefined();
  });

  it('never echoes a token in the error', () => {
    expect(() => readChatwootMcpEnv({ ...good, MCP_HTTP_TOKEN: 'short-secret' }, 'http')).toThrow(
      /MCP_HTTP_TOKEN/,
    );
    try {
      readChatwootMcpEnv({ ...good, MCP_HTTP_TOKEN: 'short-secret' }, 'http');
    } catch (e) {
      expect(JSON.stringify([(e as Error).message, (e as { details: unknown }).details])).not.toContain(
        'short-secret',
      );
    }
  });
});
