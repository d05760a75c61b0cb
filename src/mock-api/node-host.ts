/**
 * The Node host of the mock back end: a Vite plugin that mounts the handlers on /api for
 * `vite dev` (npm start) and `vite preview` (the end-to-end tests). Node requests are turned
 * into standard Requests and back, with a hard cap on body size.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Plugin, Connect } from 'vite';
import type { Backend } from './backend.js';
import { problem, type Handler } from './http.js';
import { openNodeBackend } from './node/load.js';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Beyond this the connection is cut instead of drained. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Reads a request body up to MAX_BODY_BYTES. A larger body is drained (so the client reads
 * the 413 instead of a reset) but not kept; an absurd one is cut off.
 */
function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : (new Uint8Array(Buffer.concat(chunks)) as Uint8Array<ArrayBuffer>)));
    req.on('error', reject);
    req.on('close', () => {
      if (size > MAX_DRAIN_BYTES) resolve('too-large');
    });
  });
}

/**
 * The origin the client used: https over TLS (LAN mode), and the host from HTTP/2's
 * `:authority` when there is no Host header (Vite serves HTTPS as HTTP/2).
 */
export function requestOrigin(req: IncomingMessage): string {
  const authority = req.headers[':authority'];
  const host = (typeof authority === 'string' ? authority : undefined) ?? req.headers.host ?? '127.0.0.1';
  const secure = req.headers[':scheme'] === 'https' || (req.socket as TLSSocket | undefined)?.encrypted === true;
  return `${secure ? 'https' : 'http'}://${host}`;
}

export function toMiddleware(handler: Handler): Connect.NextHandleFunction {
  return (req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    if (!req.url?.startsWith('/api/')) return next();
    (async () => {
      let response: Response;
      const headers = new Headers();
      // HTTP/2 pseudo-headers (:method, :path, …) are not header names a Request accepts.
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !k.startsWith(':')) headers.set(k, v);
      const method = req.method ?? 'GET';
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req).catch(() => 'unreadable' as const);
      if (body === 'unreadable') {
        response = problem(400, 'Bad request', 'The request body could not be read.', 'errors.badRequest');
      } else if (body === 'too-large') {
        response = problem(413, 'Payload too large', `Requests are limited to ${MAX_BODY_BYTES} bytes.`, 'errors.tooLarge');
      } else {
        try {
          response = await handler(new Request(`${requestOrigin(req)}${req.url}`, { method, headers, body }));
        } catch {
          response = problem(500, 'Internal error', 'The mock back end failed.', 'errors.server');
        }
      }
      res.statusCode = response.status;
      response.headers.forEach((value, key) => res.setHeader(key, value));
      res.end(method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()));
    })().catch(() => {
      // Never leave a request hanging (an unusable header, a closed stream): answer 500 or end it.
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
}

/**
 * Mounts the mock back end on /api. The backend opens lazily on the first request, so a
 * missing generated file shows as a 503 with a clear message rather than a crashed server.
 */
export function mockApiPlugin(root: string): Plugin {
  let backend: Promise<Backend> | undefined;
  const handler: Handler = async (request) => {
    try {
      return await (await (backend ??= openNodeBackend(root))).handle(request);
    } catch (e) {
      backend = undefined;
      console.error('[mock-api]', e);
      return problem(503, 'Service unavailable', 'The mock back end could not start (run npm run gen).', 'errors.server');
    }
  };
  const middleware = toMiddleware(handler);
  return {
    name: 'onelicence-mock-api',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
