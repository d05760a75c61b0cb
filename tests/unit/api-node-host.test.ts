// The Node host's own cap: bodies over 1 MB are refused by the middleware before the handler runs.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, toMiddleware } from '../../src/mock-api/node-host.js';
import { snapshot } from './helpers/corpus.js';
import { buildWorld, type World } from './helpers/world.js';

let w: World;
let server: Server;
let base: string;
let handled = 0;

beforeAll(async () => {
  w = await buildWorld();
  const middleware = toMiddleware(async (req) => {
    handled++;
    return w.b.handle(req);
  });
  server = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
  // Loopback only, on a free port.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** POSTs `size` bytes in 64 KB chunks (no Content-Length: chunked), as a client streaming a huge file would. */
function post(path: string, size: number, type: string): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: 'POST', headers: { 'content-type': type } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    chunk.write('%PDF-');
    let sent = 0;
    const pump = (): void => {
      while (sent < size) {
        const n = Math.min(chunk.length, size - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('the Node host (vite middleware)', () => {
  it(`answers a 10 MB upload with 413 before the handler sees it, and stores nothing`, async () => {
    const before = snapshot(w.b);
    const calls = handled;
    const res = await post('/api/v1/uploads', 10 * 1024 * 1024, 'application/pdf');
    expect(res.status).toBe(413);
    expect(res.type).toBe('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ status: 413, messageKey: 'errors.tooLarge' });
    expect(handled).toBe(calls);
    expect(snapshot(w.b)).toEqual(before);
  });

  it('answers a 10 MB JSON body with 413 too', async () => {
    const before = snapshot(w.b);
    const res = await post('/api/v1/reports', 10 * 1024 * 1024, 'application/json');
    expect(res.status).toBe(413);
    expect(snapshot(w.b)).toEqual(before);
  });

  it(`passes a body of exactly ${MAX_BODY_BYTES} bytes to the handler, which applies its own limit`, async () => {
    const before = snapshot(w.b);
    const calls = handled;
    const res = await post('/api/v1/drafts', MAX_BODY_BYTES, 'application/json');
    expect(res.status).toBe(413);
    expect(handled).toBe(calls + 1);
    expect(snapshot(w.b)).toEqual(before);
  });

  it('serves a valid upload through the same middleware (the cap is not vacuous)', async () => {
    const before = w.b.store.seq;
    const res = await post('/api/v1/uploads', 2048, 'application/pdf');
    expect(res.status, res.body).toBe(201);
    expect(w.b.store.seq).toBe(before + 1);
  });
});
