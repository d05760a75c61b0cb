/**
 * The mock back end in its Node host (issue 4): the real HTTP middleware on 127.0.0.1, state
 * in a JSON-lines log flushed to disk per command. Measures submissions per second (one client
 * after another, then 1,000 at once) and checks what is stored: with 1,000 concurrent
 * submissions the log must hold 1,000 applications, also after reopening it. Run by
 * `npm run bench`; `npx tsx bench/mock-api.ts` runs it alone.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toMiddleware } from '../src/mock-api/node-host.js';
import { openNodeBackend } from '../src/mock-api/node/load.js';
import { FileLog } from '../src/mock-api/node/file-log.js';
import { newApplication, PDF } from '../tests/unit/helpers/backend.js';
import type { Backend } from '../src/mock-api/backend.js';
import { percentile } from './search.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function serve(backend: Backend): Promise<{ server: Server; base: string }> {
  const middleware = toMiddleware(backend.handle);
  const server = createServer((req, res) => middleware(req, res, () => ((res.statusCode = 404), res.end())));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, base: `http://127.0.0.1:${address.port}/api` };
}

export async function benchMockApi(): Promise<Record<string, number>> {
  const dir = await mkdtemp(join(tmpdir(), 'onelicence-bench-'));
  const path = join(dir, 'events.jsonl');
  try {
    const backend = await openNodeBackend(root, new FileLog(path));
    const { server, base } = await serve(backend);
    const upload = (await (await fetch(`${base}/v1/uploads`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: PDF })).json()) as { id: string };
    const body = JSON.stringify(newApplication({ data: { catalogue: JSON.parse(await (await fetch(`${base}/v1/catalogue`)).text()) } as never }, { upload: upload.id }));
    let key = 0;
    const submit = async (): Promise<number> => {
      const res = await fetch(`${base}/v1/applications`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${++key}-submission` }, body });
      await res.arrayBuffer();
      return res.status;
    };
    for (let i = 0; i < 20; i++) await submit(); // warm up

    const SEQUENTIAL = 300;
    const times: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < SEQUENTIAL; i++) {
      const t = performance.now();
      if ((await submit()) !== 201) throw new Error('a submission failed');
      times.push(performance.now() - t);
    }
    const sequentialPerSecond = (SEQUENTIAL / (performance.now() - t0)) * 1000;
    const sorted = [...times].sort((a, b) => a - b);

    const before = backend.store.state().applications.size;
    const CONCURRENT = 1000;
    const t1 = performance.now();
    const statuses = await Promise.all(Array.from({ length: CONCURRENT }, submit));
    const concurrentMs = performance.now() - t1;
    const storedConcurrent = backend.store.state().applications.size - before;
    const total = backend.store.state().applications.size;
    server.close();
    await backend.close();
    const reopened = await openNodeBackend(root, new FileLog(path));
    const afterReopen = reopened.store.state().applications.size;
    await reopened.close();
    return {
      submissionMedianMs: percentile(sorted, 50),
      submissionP95Ms: percentile(sorted, 95),
      submissionsPerSecondSequential: Math.round(sequentialPerSecond),
      concurrentSubmissions: CONCURRENT,
      concurrentAccepted201: statuses.filter((s) => s === 201).length,
      concurrentStored: storedConcurrent,
      submissionsPerSecondConcurrent: Math.round((CONCURRENT / concurrentMs) * 1000),
      storedAfterReopen: afterReopen,
      storedExpected: total,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await benchMockApi());
