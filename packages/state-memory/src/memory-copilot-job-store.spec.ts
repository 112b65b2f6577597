import { describeCopilotJobStoreContract } from '@mcp-crew/testing';
import { MemoryCopilotJobStore } from './memory-copilot-job-store.js';

describeCopilotJobStoreContract('in-process', async () => ({
  store: new MemoryCopilotJobStore(),
  cleanup: async () => undefined,
}));
