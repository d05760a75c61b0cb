// Serves the app with the mock API on loopback: `node scripts/serve.mjs dev|preview [--port N]`.
// Binds 127.0.0.1 only.
import { createServer, preview } from 'vite';

const [mode = 'dev', ...rest] = process.argv.slice(2);
const portArg = rest.indexOf('--port');
const port = portArg >= 0 ? Number(rest[portArg + 1]) : undefined;
const host = '127.0.0.1';

if (mode === 'preview') {
  const server = await preview({ preview: { host, port, strictPort: port !== undefined } });
  server.printUrls();
} else {
  const server = await createServer({ server: { host, port } });
  await server.listen();
  server.printUrls();
}
