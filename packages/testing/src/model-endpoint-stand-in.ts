import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatCompletion, chatCompletionChunks, type StandInAnswer } from './openai-chat-shapes.js';

export type { StandInAnswer, StandInToolCall } from './openai-chat-shapes.js';

/** A chat message as OpenAI's API carries it (assistant tool calls; tool results by call id). */
export interface ChatMessage {
  role: string;
  content: unknown;
  tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
}

/** One call the stand-in received. */
export interface ModelEndpointCall {
  path: string;
  /** The bearer token it was called with. */
  apiKey: string;
  /** `model` of the request (JSON body or multipart field). */
  model: string;
  /** Chat: the request's messages as sent. Transcription: none. */
  messages?: ChatMessage[];
  /** Chat: whether a user message carried an image part. */
  hasImage?: boolean;
  /** Chat: the tools offered to the model, as sent (`function` of each `tools` entry). */
  tools?: Array<{ name: string; description?: string; parameters?: unknown }>;
  /** Chat: `response_format` as sent (a structured-output call carries `json_schema`). */
  responseFormat?: { type: string; json_schema?: { name?: string; schema?: Record<string, unknown> } };
  /** Chat: whether the call asked for the streaming (SSE) form. */
  stream?: boolean;
  /** Transcription: the uploaded file's size and type, and the `language` hint. */
  file?: { bytes: number; type: string };
  language?: string;
}

export interface ModelEndpointStandInOptions {
  /**
   * What the chat model says: gets the call (its messages) and returns the text, or tool calls. A throw is
   * answered with a 400 carrying its message (a script that has no answer), and kept in `errors`.
   */
  chat?: (call: ModelEndpointCall) => StandInAnswer | Promise<StandInAnswer>;
  /** The `usage` a chat answer reports; default 120 prompt and 24 completion tokens. */
  usage?: (
    call: ModelEndpointCall,
    answer: StandInAnswer,
  ) => { promptTokens: number; completionTokens: number };
  /** What the transcription model hears. */
  transcript?: string;
  /** Answer every call with this HTTP status (an endpoint that is down); the calls are still recorded. */
  failWith?: number;
  /** Never answer (a hung endpoint): the request is recorded and left open until the client gives up. */
  hang?: boolean;
}

export interface ModelEndpointStandIn {
  /** The base URL an OpenAI client takes (`.../v1`). */
  url: string;
  calls: ModelEndpointCall[];
  /** Messages of the `chat` answers that threw, in order. */
  errors: string[];
  close(): Promise<void>;
}

/**
 * A local stand-in for an OpenAI-compatible endpoint: `POST /v1/chat/completions` and
 * `POST /v1/audio/transcriptions` (multipart), answering with the response shapes OpenAI documents
 * (`chat.completion` with `tool_calls` and `usage`, or its `chat.completion.chunk` SSE form when the call
 * streams; Whisper's `verbose_json` with a segment), recording every call. Listens on 127.0.0.1; tests
 * never reach the network.
 */
export async function startModelEndpointStandIn(
  options: ModelEndpointStandInOptions = {},
): Promise<ModelEndpointStandIn> {
  const calls: ModelEndpointCall[] = [];
  const errors: string[] = [];
  let next = 1;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readRaw(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const apiKey = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    if (path === '/v1/chat/completions') {
      const body = JSON.parse(raw.toString('utf8')) as {
        model: string;
        messages: ChatMessage[];
        tools?: Array<{ function: { name: string; description?: string; parameters?: unknown } }>;
        response_format?: ModelEndpointCall['responseFormat'];
        stream?: boolean;
        stream_options?: { include_usage?: boolean };
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
        ...(body.response_format ? { responseFormat: body.response_format } : {}),
        ...(body.stream ? { stream: true } : {}),
      };
      calls.push(call);
      if (options.hang) return;
      if (options.failWith) return send(res, options.failWith, { error: { message: 'stand-in failure' } });
      let answer: StandInAnswer;
      try {
        answer = options.chat ? await options.chat(call) : 'Hola, ¿en qué te ayudo?';
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        errors.push(message);
        // 400: not retried by clients, so a script's gap fails the call once, visibly.
        return send(res, 400, { error: { message, type: 'invalid_request_error', param: null, code: null } });
      }
      const usage = options.usage?.(call, answer);
      const shaped = {
        id: `chatcmpl-standin${next++}`,
        model: body.model,
        answer,
        ...(usage ? { usage } : {}),
      };
      if (!body.stream) return send(res, 200, chatCompletion(shaped));
      res
        .writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
        .end(chatCompletionChunks(shaped, body.stream_options?.include_usage === true));
      return;
    }

    if (options.hang) return;
    if (options.failWith) return send(res, options.failWith, { error: { message: 'stand-in failure' } });
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
    errors,
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

/**
 * The specialist selector's call, told apart from the specialists' own: it is the one call that asks for a
 * structured answer (`response_format: json_schema`, the selector's schema); a specialist's call never does.
 */
export function isSelectorCall(call: ModelEndpointCall): boolean {
  return call.responseFormat?.type === 'json_schema';
}
