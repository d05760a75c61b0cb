/**
 * Loads what the mock back end serves from the generated files, and opens it over a JSON-lines
 * log on disk (`npm start`, the end-to-end tests, the bench). The log lives in
 * `$ONELICENCE_DATA_DIR` (default `.data/` in the project): delete it to start afresh.
 *
 * `ONELICENCE_VOID_ON_ITEM_LOSS=1` serves Beijing Dongcheng's rule (seed 004: a licence is void
 * as soon as any of its items is cancelled, revoked or lapses) instead of Pudong's (seed 000:
 * the licence stays in force for its other items), in the catalogue policy the back end applies
 * and in the served trust list's issuer flag alike (src/data/policies/void-on-item-loss.json).
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

export const VOID_ON_ITEM_LOSS_ENV = 'ONELICENCE_VOID_ON_ITEM_LOSS';

/** Whether `ONELICENCE_VOID_ON_ITEM_LOSS` asks for seed 004's rule: `1` yes, unset, empty or `0` no. */
export function voidOnItemLossOverride(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new Error(`${VOID_ON_ITEM_LOSS_ENV} must be 1 (a licence is void when any item is lost, seed 004) or 0/unset (the catalogue's own policy), not "${value}"`);
}

interface PolicyOverride {
  voidLicenceOnItemLoss: boolean;
  voidLicenceOnItemLossBasis: string;
}

/** The data with the void-on-item-loss rule of `override`, in the catalogue policy and every trusted issuer. */
export function withVoidOnItemLoss(data: BackendData, override: PolicyOverride): BackendData {
  const { voidLicenceOnItemLoss, voidLicenceOnItemLossBasis } = override;
  return {
    ...data,
    catalogue: { ...data.catalogue, policy: { ...data.catalogue.policy, voidLicenceOnItemLoss, voidLicenceOnItemLossBasis } },
    trustList: { ...data.trustList, issuers: data.trustList.issuers.map((i) => ({ ...i, voidLicenceOnItemLoss })) },
  };
}

export async function loadBackendData(root: string, city = 'pudong', env: NodeJS.ProcessEnv = process.env): Promise<BackendData> {
  const voidOnItemLoss = voidOnItemLossOverride(env[VOID_ON_ITEM_LOSS_ENV]);
  const generated = join(root, 'src/data/generated');
  const [catalogue, searchIndex, registry, trustList] = await Promise.all([
    readJson<Catalogue>(join(generated, `catalogue.${city}.json`)),
    readJson<SearchIndex>(join(generated, `search-index.${city}.json`)),
    readJson<EnterpriseRegistry>(join(root, 'src/data/registry/enterprises.json')),
    readJson<TrustList>(join(generated, 'trust-list.demo.json')),
  ]);
  const data = { catalogue, searchIndex, registry: registry.enterprises, trustList };
  return voidOnItemLoss ? withVoidOnItemLoss(data, await readJson<PolicyOverride>(join(root, 'src/data/policies/void-on-item-loss.json'))) : data;
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
