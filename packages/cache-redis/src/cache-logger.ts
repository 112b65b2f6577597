/** The slice of a pino logger the Redis cache uses. */
export interface CacheLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** Fallback when no logger is given: the outage still reaches stderr. */
export const CONSOLE_CACHE_LOGGER: CacheLogger = {
  warn: (obj, msg) => console.warn(msg, obj),
  info: (obj, msg) => console.info(msg, obj),
};
