// Serves the app with the mock API on loopback: `node scripts/serve.mjs dev|preview [--port N]`.
// Binds 127.0.0.1 only. Prints the kiosk's URL and the officer console's (/officer.html).
import { createServer, preview } from 'vite';

const [mode = 'dev', ...rest] = process.argv.slice(2);
const portArg = rest.indexOf('--port');
const port = portArg >= 0 ? Number(rest[portArg + 1]) : undefined;
const host = '127.0.0.1';

if (mode === 'preview') {
  const server = await preview({ preview: { host, port, strictPort: port !== undefined } });
  printUrls(server);
} else {
  const server = await createServer({ server: { host, port } });
  await server.listen();
  printUrls(server);
}

function printUrls(server) {
  server.printUrls();
  for (const url of server.resolvedUrls?.local ?? []) console.log(`  ➜  Officer console (demo login): ${new URL('officer.html', url).href}`);
}
