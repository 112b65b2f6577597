import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';
import { setupOpenApi } from './http/openapi.js';
import { CrewExceptionFilter } from './errors/crew-exception.filter.js';
import { clientErrorHandler, frameworkErrors } from './errors/http-layer-errors.js';
import type { Runtime } from './runtime/runtime.js';
import { PinoNestLogger } from './observability/nest-logger.js';
import { registerRequestLogging, requestIdOf } from './observability/request-log.js';

export interface HttpApp {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTP app on `port` (0 = any free port) over a composed runtime. */
export async function startHttp(
  runtime: Runtime,
  port = runtime.settings.PORT,
  host = runtime.settings.HOST,
): Promise<HttpApp> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRuntime(runtime),
    // Webhook bodies are small; 1 MiB leaves room for long e-mails while bounding memory per request.
    // The two handlers give the errors raised before Nest (Node's parser, Fastify's router) the one error shape.
    // The request id is the caller's X-Request-Id when sane, else a new UUID; it is returned on every answer.
    new FastifyAdapter({
      bodyLimit: 1024 * 1024,
      clientErrorHandler,
      frameworkErrors,
      genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => requestIdOf(req.headers),
    }),
    { rawBody: true, logger: new PinoNestLogger(runtime.logger), abortOnError: false },
  );
  app.useGlobalFilters(new CrewExceptionFilter(runtime.logger));
  app.enableShutdownHooks();
  registerRequestLogging(app.getHttpAdapter().getInstance(), runtime.logger);
  setupOpenApi(app);
  await app.listen(port, host);
  const address = app.getHttpServer().address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return { app, url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}`, close: () => app.close() };
}
