/**
 * Loads what the mock back end serves from the generated files, and opens it over a JSON-lines
 * log on disk (`npm start`, the end-to-end tests, the bench). The log lives in
 * `$ONELICENCE_DATA_DIR` (default `.data/` in the project): delete it to start afresh.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalogue } from '../../core/catalogue/types.js';
import type { SearchIndex } from '../../core/catalogue/search.js';
import type { TrustList } from '../../core/credential/trust-list.js';
import { signerFromKeyFile, type KeyFile } from '../../core/credential/issue.js';
import type { EnterpriseRegistry } from '../../core/registry/schema.js';
import { createBackend, type Backend, type BackendData, type BackendOptions } from '../backend.js';
import type { EventLog } from '../store/log.js';
import { FileLog } from './file-log.js';

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

export async function loadBackendData(root: string, city = 'pudong'): Promise<BackendData> {
  const generated = join(root, 'src/data/generated');
  const [catalogue, searchIndex, registry, trustList] = await Promise.all([
    readJson<Catalogue>(join(generated, `catalogue.${city}.json`)),
    readJson<SearchIndex>(join(generated, `search-index.${city}.json`)),
    readJson<EnterpriseRegistry>(join(root, 'src/data/registry/enterprises.json')),
    readJson<TrustList>(join(generated, 'trust-list.demo.json')),
  ]);
  return { catalogue, searchIndex, registry: registry.enterprises, trustList };
}

/** The DEMO issuer's signing options (src/data/keys/README.md): anything it signs proves nothing. */
export async function demoIssuer(root: string, trustList: TrustList): Promise<Pick<BackendOptions, 'signer' | 'issuerId' | 'districtCode'>> {
  const key = await readJson<KeyFile>(join(root, 'src/data/keys/demo-issuer.json'));
  const issuer = trustList.issuers.find((i) => i.keys.some((k) => k.kid === key.kid));
  if (!issuer) throw new Error('the demo trust list does not hold the DEMO key: run npm run gen');
  // 310115: 浦东新区's administrative division code, in licence numbers.
  return { signer: await signerFromKeyFile(key), issuerId: issuer.id, districtCode: '310115' };
}

export const dataDir = (root: string): string => process.env.ONELICENCE_DATA_DIR ?? join(root, '.data');

export async function openNodeBackend(root: string, log: EventLog = new FileLog(join(dataDir(root), 'events.jsonl')), extra: Partial<BackendOptions> = {}): Promise<Backend> {
  const data = await loadBackendData(root);
  const issuer = await demoIssuer(root, data.trustList);
  return createBackend({ log, data, ...issuer, ...extra });
}
