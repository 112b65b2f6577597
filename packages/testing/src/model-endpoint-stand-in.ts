import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the stand-in received. */
export interface ModelEndpointCall {
  path: string;
  /** The bearer token it was called with. */
  apiKey: string;
  /** `model` of the request (JSON body or multipart field). */
  model: string;
  /** Chat: the request's messages as sent. Transcription: none. */
  messages?: Array<{ role: string; content: unknown }>;
  /** Chat: the tools offered to the model, as sent (`function` of each `tools` entry). */
  tools?: Array<{ name: string; description?: string; parameters?: unknown }>;
  /** Chat: whether a user message carried an image part. */
  hasImage?: boolean;
  /** Transcription: the uploaded file's size and type, and the `language` hint. */
  file?: { bytes: number; type: string };
  language?: string;
}

/** A chat answer that calls tools instead of saying something (`finish_reason: tool_calls`). */
export interface ModelEndpointToolCalls {
  toolCalls: Array<{ name: string; arguments: string }>;
}

export interface ModelEndpointStandInOptions {
  /** What the chat model says; gets the call (its messages) and returns the text, or tool calls to make. */
  chat?: (call: ModelEndpointCall) => string | ModelEndpointToolCalls;
  /** The `usage` a chat answer reports; default 120 prompt and 24 completion tokens. */
  usage?: (
    call: ModelEndpointCall,
    answer: string | ModelEndpointToolCalls,
  ) => { promptTokens: number; completionTokens: number };
  /** What the transcription model hears. */
  transcript?: string;
  /** Answer every call with this HTTP status (an endpoint that is down). */
  failWith?: number;
}

export interface ModelEndpointStandIn {
  /** The base URL an OpenAI client takes (`.../v1`). */
  url: string;
  calls: ModelEndpointCall[];
  close(): Promise<void>;
}

/**
 * A local stand-in for an OpenAI-compatible endpoint: `POST /v1/chat/completions` and
 * `POST /v1/audio/transcriptions` (multipart), answering with the response shapes OpenAI documents
 * (`chat.completion` with `usage`, text or `tool_calls`; Whisper's `verbose_json` with a segment), recording
 * every call with the messages and tools it carried. Listens
 * on 127.0.0.1; tests never reach the network.
 */
export async function startModelEndpointStandIn(
  options: ModelEndpointStandInOptions = {},
): Promise<ModelEndpointStandIn> {
  const calls: ModelEndpointCall[] = [];
  let next = 1;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readRaw(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const apiKey = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    if (options.failWith) return send(res, options.failWith, { error: { message: 'stand-in failure' } });

    if (path === '/v1/chat/completions') {
      const body = JSON.parse(raw.toString('utf8')) as {
        model: string;
        messages: Array<{ role: string; content: unknown }>;
        tools?: Array<{ function: { name: string; description?: string; parameters?: unknown } }>;
      };
      const hasImage = body.messages.some(
        (m) =>
          Array.isArray(m.content) &&
          m.content.some((p: { type?: string }) => p.type === 'image_url' || p.type === 'input_image'),
      );
      const call: ModelEndpointCall = {
        path,
        apiKey,
        model: body.model,
        messages: body.messages,
        hasImage,
        ...(body.tools ? { tools: body.tools.map((t) => t.function) } : {}),
      };
      calls.push(call);
      const answer = options.chat?.(call) ?? 'Hola, ¿en qué te ayudo?';
      const usage = options.usage?.(call, answer) ?? { promptTokens: 120, completionTokens: 24 };
      const message =
        typeof answer === 'string'
          ? { role: 'assistant', content: answer, refusal: null, annotations: [] }
          : {
              role: 'assistant',
              content: null,
              refusal: null,
              annotations: [],
              tool_calls: answer.toolCalls.map((c, n) => ({
                id: `call_standin${next}_${n}`,
                type: 'function',
                function: { name: c.name, arguments: c.arguments },
              })),
            };
      return send(res, 200, {
        id: `chatcmpl-standin${next++}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          {
            index: 0,
            message,
            logprobs: null,
            finish_reason: typeof answer === 'string' ? 'stop' : 'tool_calls',
          },
        ],
        usage: {
          prompt_tokens: usage.promptTokens,
          completion_tokens: usage.completionTokens,
          total_tokens: usage.promptTokens + usage.completionTokens,
          prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
        },
        service_tier: 'default',
        system_fingerprint: 'fp_standin',
      });
    }

    if (path === '/v1/audio/transcriptions') {
      const form = await new Request('http://stand-in/', {
        method: 'POST',
        headers: { 'content-type': String(req.headers['content-type'] ?? '') },
        body: raw,
      }).formData();
      const file = form.get('file');
      const text = options.transcript ?? '';
      calls.push({
        path,
        apiKey,
        model: String(form.get('model') ?? ''),
        ...(file instanceof Blob ? { file: { bytes: file.size, type: file.type } } : {}),
        ...(form.get('language') ? { language: String(form.get('language')) } : {}),
      });
      return send(res, 200, {
        task: 'transcribe',
        language: 'spanish',
        duration: 4.2,
        text,
        segments: [
          {
            id: 0,
            seek: 0,
            start: 0,
            end: 4.2,
            text,
            tokens: [50364, 2425, 11, 50564],
            temperature: 0,
            avg_logprob: -0.21,
            compression_ratio: 1.1,
            no_speech_prob: 0.01,
          },
        ],
      });
    }
    return send(res, 404, { error: { message: `unknown path ${path}` } });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { error: { message: 'stand-in failed' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
