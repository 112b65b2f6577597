import { CrewError, type Embedder, type Secret } from '@mcp-crew/core';
import OpenAI from 'openai';

export interface OpenAIEmbedderOptions {
  apiKey: Secret;
  /** Any OpenAI-compatible endpoint (Azure, vLLM, Ollama, LM Studio, ...); default: OpenAI. */
  baseUrl?: string;
  model?: string;
  /** Output size; must match the model (text-embedding-3-* can shorten theirs). */
  dimension?: number;
  /** Texts per request; providers cap the batch size. */
  batchSize?: number;
  maxRetries?: number;
}

const DEFAULT_MODEL = 'text-embedding-3-small';
const DEFAULT_DIMENSION = 1536;

/** Embeddings from OpenAI or any OpenAI-compatible `/embeddings` endpoint, through the official client. */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly dimension: number;
  readonly #client: OpenAI;
  readonly #model: string;
  readonly #batchSize: number;
  readonly #sendDimensions: boolean;

  constructor(options: OpenAIEmbedderOptions) {
    this.#model = options.model ?? DEFAULT_MODEL;
    this.dimension = options.dimension ?? DEFAULT_DIMENSION;
    this.#batchSize = options.batchSize ?? 96;
    // Only the text-embedding-3 family accepts `dimensions`; other servers reject the field.
    this.#sendDimensions = options.dimension !== undefined && this.#model.startsWith('text-embedding-3');
    this.id = `openai:${this.#model}:${this.dimension}`;
    this.#client = new OpenAI({
      apiKey: options.apiKey.reveal(),
      baseURL: options.baseUrl ?? null,
      maxRetries: options.maxRetries ?? 2,
    });
  }

  async embed(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.#batchSize) {
      const batch = texts.slice(i, i + this.#batchSize);
      let response: OpenAI.CreateEmbeddingResponse;
      try {
        response = await this.#client.embeddings.create({
          model: this.#model,
          input: batch,
          // Plain floats: several OpenAI-compatible servers do not implement base64.
          encoding_format: 'float',
          ...(this.#sendDimensions ? { dimensions: this.dimension } : {}),
        });
      } catch (cause) {
        const status = (cause as { status?: number }).status;
        throw new CrewError(
          'embeddings.request_failed',
          `embedding request failed${status ? ` (HTTP ${status})` : ''}`,
          {
            domain: 'embeddings',
            category: status !== undefined && status < 500 && status !== 429 ? 'system' : 'third_party',
            retryable: status === undefined || status === 429 || status >= 500,
            details: { model: this.#model, status },
            cause,
          },
        );
      }
      const sorted = [...response.data].sort((a, b) => a.index - b.index);
      for (const item of sorted) {
        if (item.embedding.length !== this.dimension) {
          throw new CrewError(
            'embeddings.dimension_mismatch',
            `model ${this.#model} returned ${item.embedding.length} dimensions, expected ${this.dimension}`,
            {
              domain: 'embeddings',
              category: 'system',
              details: { model: this.#model, expected: this.dimension, got: item.embedding.length },
            },
          );
        }
        out.push(item.embedding);
      }
    }
    return out;
  }
}
