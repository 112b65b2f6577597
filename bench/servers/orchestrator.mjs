// The real webhook path (NestJS + Fastify, tenant lookup, signature check, validation, loop guard, queue)
// with no worker consuming, so only acknowledgement work is measured.
import { loadSettings } from '@mcp-crew/config';
import { createLogger, createRuntime, startHttp } from '@mcp-crew/orchestrator';
import { onProfileMessage } from './profiler.mjs';

const env = { ...process.env, LOG_LEVEL: 'warn' };
const settings = loadSettings(env);
const runtime = await createRuntime({ settings, logger: createLogger('warn'), env });
const http = await startHttp(runtime, 0, '127.0.0.1');
process.send({ port: Number(new URL(http.url).port) });
process.on('message', async (m) => {
  await onProfileMessage(m, env.REDIS_URL ? 'orchestrator-redis' : 'orchestrator-in-process');
  if (m !== 'stop') return;
  await http.close();
  await runtime.close();
  process.exit(0);
});
