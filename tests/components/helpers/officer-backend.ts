/**
 * The real mock back end in the page for the officer console's tests: `createBackend` over a
 * MemoryLog with the generated catalogue, the demo registry and trust list and the DEMO signer
 * (what src/mock-api/node/load.ts loads in Node), a settable clock, an API client whose fetch
 * is the back end's handler, and a seed `Call` over the same handler.
 */
import { createBackend, type Backend } from '../../../src/mock-api/backend.js';
import { MemoryLog } from '../../../src/mock-api/store/log.js';
import { signerFromKeyFile, type KeyFile } from '../../../src/core/credential/issue.js';
import type { TrustList } from '../../../src/core/credential/trust-list.js';
import type { Catalogue } from '../../../src/core/catalogue/types.js';
import type { SearchIndex } from '../../../src/core/catalogue/search.js';
import type { EnterpriseRegistry } from '../../../src/core/registry/schema.js';
import { createApiClient, type ApiClient } from '../../../src/api/client.js';
import { createOfficerApi, type OfficerApi } from '../../../src/officer/api.js';
import catalogueJson from '../../../src/data/generated/catalogue.pudong.json';
import searchIndexJson from '../../../src/data/generated/search-index.pudong.json';
import trustListJson from '../../../src/data/generated/trust-list.demo.json';
import registryJson from '../../../src/data/registry/enterprises.json';
import keyJson from '../../../src/data/keys/demo-issuer.json';
import { fetchCall, type Call } from '../../fixtures/officer-seed.js';

export const catalogue = catalogueJson as unknown as Catalogue;

/** 2026-03-02 10:00 CST, a Monday (as the unit tests' back end). */
export const T0 = new Date('2026-03-02T02:00:00Z');

export interface PageBackend {
  backend: Backend;
  clock: { now: Date };
  client: ApiClient;
  call: Call;
  /** Requests the client made, as `METHOD path`. */
  requests: string[];
  officer(department: string): OfficerApi;
}

export async function pageBackend(now: Date = T0): Promise<PageBackend> {
  const key = keyJson as unknown as KeyFile;
  const trustList = trustListJson as unknown as TrustList;
  const issuer = trustList.issuers.find((i) => i.keys.some((k) => k.kid === key.kid));
  if (!issuer) throw new Error('the demo trust list does not hold the DEMO key: run npm run gen');
  const clock = { now };
  const backend = await createBackend({
    log: new MemoryLog(),
    data: { catalogue, searchIndex: searchIndexJson as unknown as SearchIndex, registry: (registryJson as unknown as EnterpriseRegistry).enterprises, trustList },
    signer: await signerFromKeyFile(key),
    issuerId: issuer.id,
    districtCode: '310115',
    now: () => clock.now,
  });
  const requests: string[] = [];
  const client = createApiClient('http://officer.test/api', async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    requests.push(`${request.method} ${new URL(request.url).pathname}`);
    return backend.handle(request);
  });
  const call = fetchCall('http://officer.test', (input, init) => backend.handle(new Request(input, init)));
  return { backend, clock, client, call, requests, officer: (department) => createOfficerApi(client, department) };
}
