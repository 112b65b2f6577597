import type { LanguageModelV3 } from '@ai-sdk/provider';

/**
 * Uses `primary`, and `fallback` for any call the primary fails (provider down, timeout, quota). The
 * offline engine reads the whole prompt each step, so it can take over in the middle of a tool loop.
 */
export function withFallback(
  primary: LanguageModelV3,
  fallback: LanguageModelV3,
  onFallback?: (error: unknown) => void,
): LanguageModelV3 {
  return {
    specificationVersion: 'v3',
    provider: primary.provider,
    modelId: primary.modelId,
    supportedUrls: primary.supportedUrls,
    async doGenerate(options) {
      try {
        return await primary.doGenerate(options);
      } catch (error) {
        onFallback?.(error);
        return fallback.doGenerate(options);
      }
    },
    async doStream(options) {
      try {
        return await primary.doStream(options);
      } catch (error) {
        onFallback?.(error);
        return fallback.doStream(options);
      }
    },
  };
}
