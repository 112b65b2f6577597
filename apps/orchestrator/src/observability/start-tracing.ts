import type { Settings } from '@mcp-crew/config';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { markTracing } from './tracing.js';

export interface Tracing {
  /** Flushes the spans still buffered and stops exporting. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry traces over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set; nothing at all otherwise (the
 * API stays a no-op). Spans are made by the app itself (webhook, queue, turn, model, tool, Odoo, Chatwoot), so
 * no auto-instrumentation is loaded.
 */
export function startTracing(
  settings: Pick<Settings, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_SERVICE_NAME'>,
): Tracing | undefined {
  const endpoint = settings.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return undefined;
  const sdk = new NodeSDK({
    serviceName: settings.OTEL_SERVICE_NAME,
    traceExporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }),
    instrumentations: [],
  });
  sdk.start();
  markTracing(true);
  return {
    shutdown: async () => {
      markTracing(false);
      await sdk.shutdown();
    },
  };
}
