import { afterEach } from '@jest/globals';

/** What a store contract's factory returns: the adapter under test and how to release it. */
export interface StoreUnderTest<S> {
  store: S;
  /** Closes the store and deletes everything the test run stored. */
  cleanup(): Promise<void>;
}

/**
 * For a store contract suite (call it inside the suite's `describe`): a `start()` that opens a fresh store
 * through `factory`, every store it opened being cleaned up after each test.
 */
export function storesPerTest<S>(factory: () => Promise<StoreUnderTest<S>>): () => Promise<S> {
  const open: StoreUnderTest<S>[] = [];
  afterEach(async () => {
    for (const subject of open.splice(0)) await subject.cleanup();
  });
  return async () => {
    const subject = await factory();
    open.push(subject);
    return subject.store;
  };
}
