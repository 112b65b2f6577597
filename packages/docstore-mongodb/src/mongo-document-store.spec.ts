import { randomBytes } from 'node:crypto';
import { describe, it } from '@jest/globals';
import { describeDocumentStoreContract } from '@mcp-crew/testing';
import { MongoDocumentStore } from './mongo-document-store.js';

const url = process.env.MONGODB_URL;

if (url) {
  describeDocumentStoreContract('mongodb', async () => {
    // A database of its own per store, dropped afterwards: nothing else's data is touched.
    const dbName = `crew_test_${randomBytes(6).toString('hex')}`;
    const store = await MongoDocumentStore.connect({ url, dbName });
    return {
      store,
      cleanup: async () => {
        await store.db.dropDatabase();
        await store.close();
      },
    };
  });
} else {
  describe.skip('DocumentStore contract: mongodb (skipped: set MONGODB_URL to run)', () => {
    it('skipped: set MONGODB_URL to run', () => undefined);
  });
}
