/**
 * The in-page host of the mock back end: the same handlers, with the event log in IndexedDB
 * (through idb), for a static build that has no server at all and for component tests. The
 * page's API client gets {@link inPageFetch} instead of `fetch`, so requests to `/api/` go to
 * the handlers and everything else to the network. Never inside the service worker: the
 * network must be able to fail for offline behaviour to be tested.
 *
 * The data (catalogue, search index, registry, trust list, DEMO key) is loaded with dynamic
 * imports, so it becomes chunks of its own that only this mode fetches.
 */
import { signerFromKeyFile, type KeyFile } from '../core/credential/issue.js';
import type { Catalogue } from '../core/catalogue/types.js';
import type { SearchIndex } from '../core/catalogue/search.js';
import type { TrustList } from '../core/credential/trust-list.js';
import type { EnterpriseRegistry } from '../core/registry/schema.js';
import { createBackend, type Backend, type BackendData } from './backend.js';
import { IdbLog } from './store/idb-log.js';
import type { EventLog } from './store/log.js';

export async function loadInPageData(): Promise<{ data: BackendData; key: KeyFile }> {
  const [catalogue, searchIndex, registry, trustList, key] = await Promise.all([
    import('../data/generated/catalogue.pudong.json').then((m) => m.default as unknown as Catalogue),
    import('../data/generated/search-index.pudong.json').then((m) => m.default as unknown as SearchIndex),
    import('../data/registry/enterprises.json').then((m) => m.default as unknown as EnterpriseRegistry),
    import('../data/generated/trust-list.demo.json').then((m) => m.default as unknown as TrustList),
    import('../data/keys/demo-issuer.json').then((m) => m.default as unknown as KeyFile),
  ]);
  return { data: { catalogue, searchIndex, registry: registry.enterprises, trustList }, key };
}

export interface InPageOptions {
  /** Defaults to an IndexedDB database named `onelicence-mock-api`. */
  log?: EventLog;
  now?: () => Date;
  loaded?: { data: BackendData; key: KeyFile };
}

export async function createInPageBackend(options: InPageOptions = {}): Promise<Backend> {
  const { data, key } = options.loaded ?? (await loadInPageData());
  const issuer = data.trustList.issuers.find((i) => i.keys.some((k) => k.kid === key.kid));
  if (!issuer) throw new Error('the demo trust list does not hold the DEMO key');
  return createBackend({
    log: options.log ?? new IdbLog(),
    data,
    signer: await signerFromKeyFile(key),
    issuerId: issuer.id,
    districtCode: '310115',
    ...(options.now ? { now: options.now } : {}),
  });
}

/** A `fetch` that answers `/api/…` of this origin from `backend` and passes the rest to the network. */
export function inPageFetch(backend: Backend | Promise<Backend>, origin = globalThis.location?.origin ?? 'http://localhost'): typeof fetch {
  return async (input, init) => {
    const request = new Request(input instanceof URL ? input.href : input, init);
    const url = new URL(request.url);
    if (url.origin !== origin || !url.pathname.startsWith('/api/')) return fetch(request);
    // As over the network: a body the host would cut off at 1 MB is refused the same way.
    return (await backend).handle(request);
  };
}
