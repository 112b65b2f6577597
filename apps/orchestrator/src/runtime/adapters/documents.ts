import { resolve } from 'node:path';
import type { Settings } from '@mcp-crew/config';
import type { DocumentStore } from '@mcp-crew/core';
import { EmbeddedDocumentStore } from '@mcp-crew/docstore-embedded';
import { MongoDocumentStore } from '@mcp-crew/docstore-mongodb';

/** The document store behind the tenant store: MongoDB (settings.adapters.tenants = mongodb) or embedded under DATA_DIR. */
export async function openDocumentStore(
  settings: Pick<Settings, 'adapters' | 'MONGODB_URL' | 'MONGODB_DB' | 'DATA_DIR'>,
): Promise<DocumentStore> {
  if (settings.adapters.tenants === 'mongodb' && settings.MONGODB_URL) {
    return MongoDocumentStore.connect({
      url: settings.MONGODB_URL.reveal(),
      ...(settings.MONGODB_DB ? { dbName: settings.MONGODB_DB } : {}),
    });
  }
  return EmbeddedDocumentStore.inDataDir(resolve(settings.DATA_DIR));
}
