/**
 * Starting the decoding worker under a strict CSP with Trusted Types enforced.
 *
 * Vite bundles a worker only when the source says, literally,
 * `new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' })`. Under
 * `require-trusted-types-for 'script'` that URL must be a TrustedScriptURL, so inside
 * `startWorker` the name `Worker` is a local subclass that passes the URL through the
 * `one-verifier` policy — the text stays what Vite looks for.
 */

/** The worker's file name as written here, and as Vite emits it (`decode.worker-<hash>.js`). */
const WORKER_FILE = /^decode\.worker(?:[-.][\w-]+)?\.(?:ts|js|mjs)$/;
export const POLICY_NAME = 'one-verifier';
/** How long the worker has to load and answer its handshake. */
const START_TIMEOUT_MS = 8000;

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy;
}

/** One policy a page, shared by every copy of the widget loaded on it (createPolicy may run once per name). */
const POLICY_SLOT = Symbol.for('one-verifier.trusted-types-policy');

/** Accept only a same-origin URL of the decoding worker; anything else throws (and so cannot start). */
export function checkWorkerUrl(url: string): string {
  const parsed = new URL(url, globalThis.location?.href);
  const file = parsed.pathname.slice(parsed.pathname.lastIndexOf('/') + 1);
  if (parsed.origin !== globalThis.location?.origin || !WORKER_FILE.test(file)) {
    throw new TypeError(`${POLICY_NAME}: refused worker URL ${parsed.href}`);
  }
  return parsed.href;
}

/**
 * The page's `one-verifier` policy, created on first use; null where Trusted Types do not
 * exist (the URL is then used as it is). Throws when the host's `trusted-types` directive
 * forbids the policy — the caller falls back to the main thread.
 */
export function workerPolicy(): ScriptUrlPolicy | null {
  const tt = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!tt) return null;
  const slot = globalThis as unknown as Record<symbol, ScriptUrlPolicy | undefined>;
  slot[POLICY_SLOT] ??= tt.createPolicy(POLICY_NAME, { createScriptURL: checkWorkerUrl });
  return slot[POLICY_SLOT];
}

/** A Worker class whose script URL goes through the Trusted Types policy (made on demand: Node has no Worker). */
function trustedWorker(): typeof globalThis.Worker {
  return class TrustedWorker extends globalThis.Worker {
    constructor(url: string | URL, options?: WorkerOptions) {
      const policy = workerPolicy();
      // Without Trusted Types the plain string is what the Worker constructor takes.
      super((policy ? policy.createScriptURL(String(url)) : checkWorkerUrl(String(url))) as string, options);
    }
  };
}

/** The decoding worker, started (not yet known to be running: see `workerReady`). Throws where it cannot start. */
export function startWorker(): Worker {
  const Worker = trustedWorker();
  return new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
}

/** Resolves once the worker answered its handshake; rejects on a load error or a timeout. */
export function workerReady(worker: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (ok: boolean, why?: unknown) => {
      clearTimeout(timer);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      if (ok) resolve();
      else reject(why instanceof Error ? why : new Error('worker failed to start'));
    };
    const onMessage = (event: MessageEvent<{ id?: number }>) => {
      if (event.data?.id === 0) done(true);
    };
    const onError = (event: Event) => {
      event.preventDefault();
      done(false);
    };
    const timer = setTimeout(() => done(false, new Error('worker start timed out')), START_TIMEOUT_MS);
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage({ id: 0 });
  });
}
