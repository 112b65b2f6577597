// The ceiling: a bare Node HTTP server that only reads the body and answers 200.
import { createServer } from 'node:http';
import { onProfileMessage } from './profiler.mjs';

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    Buffer.concat(chunks);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"queued"}');
  });
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', async (m) => {
  await onProfileMessage(m, 'bare');
  if (m === 'stop') server.close(() => process.exit(0));
});
