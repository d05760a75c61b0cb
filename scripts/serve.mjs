// Serves the app with the mock API: `node scripts/serve.mjs dev|preview [--port N] [--lan] [--host IP]`.
// Binds 127.0.0.1 (http) unless --lan asks for HTTPS on the local network: see scripts/serve-lib.ts
// and docs/lan-mode.md.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./serve-lib.ts', import.meta.url);
await main(process.argv.slice(2));
