import { MongoServerError } from 'mongodb';
import { documentStoreUnavailable } from '@mcp-crew/core';

/** Runs a driver call, mapping driver failures to `DOCUMENT_STORE_UNAVAILABLE` (the message names no URL). */
export async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (cause) {
    throw documentStoreUnavailable('mongodb', cause);
  }
}

/** E11000: a unique index refused the write. */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}
