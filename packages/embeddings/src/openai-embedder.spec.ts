import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isCrewError, Secret } from '@mcp-crew/core';
import { OpenAIEmbedder } from './openai-embedder.js';

interface Recorded {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

describe('OpenAIEmbedder against a local fake endpoint', () => {
  const requests: Recorded[] = [];
  let server: Server;
  let baseUrl: string;
  let fail = false;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const body = JSON.parse(raw) as { input: string[] };
        requests.push({ method: req.method, url: req.url, headers: req.headers, body });
        if (fail) {
          res
            .writeHead(400, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: { message: 'bad' } }));
          return;
        }
        // Answer out of order: the embedder must restore input order by `index`.
        const data = body.input
          .map((text, index) => ({ object: 'embedding', index, embedding: [text.length, index, 1] }))
          .reverse();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ object: 'list', data, model: 'm', usage: { prompt_tokens: 1, total_tokens: 1 } }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });

  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('sends the OpenAI request shape in batches and keeps input order', async () => {
    const embedder = new OpenAIEmbedder({
      apiKey: new Secret('sk-test-123'),
      baseUrl,
      model: 'my-model',
      dimension: 3,
      batchSize: 2,
      maxRetries: 0,
    });
    const vectors = await embedder.embed(['a', 'bb', 'ccc']);
    expect(vectors).toEqual([
      [1, 0, 1],
      [2, 1, 1],
      [3, 0, 1],
    ]);
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: '/v1/embeddings',
      body: { model: 'my-model', input: ['a', 'bb'], encoding_format: 'float' },
    });
    expect(requests[0]!.body).not.toHaveProperty('dimensions');
    expect(requests[0]!.headers.authorization).toBe('Bearer sk-test-123');
    expect(embedder.id).toBe('openai:my-model:3');
  });

  it('sends `dimensions` only for text-embedding-3 models, and rejects a wrong size', async () => {
    requests.length = 0;
    const embedder = new OpenAIEmbedder({
      apiKey: new Secret('k'),
      baseUrl,
      model: 'text-embedding-3-small',
      dimension: 4,
      maxRetries: 0,
    });
    await expect(embedder.embed(['x'])).rejects.toMatchObject({ code: 'embeddings.dimension_mismatch' });
    expect(requests[0]!.body['dimensions']).toBe(4);
  });

  it('wraps HTTP errors in a CrewError without the key', async () => {
    fail = true;
    const embedder = new OpenAIEmbedder({
      apiKey: new Secret('sk-secret-xyz'),
      baseUrl,
      dimension: 3,
      maxRetries: 0,
    });
    const error = await embedder.embed(['x']).catch((e: unknown) => e);
    fail = false;
    expect(isCrewError(error, 'embeddings.request_failed')).toBe(true);
    expect(JSON.stringify(error)).not.toContain('sk-secret-xyz');
    expect((error as Error).message).not.toContain('sk-secret-xyz');
  });
});
