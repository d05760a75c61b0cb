/**
 * What `<one-licence>` shows of one of the holder's licences: the signed face read from its QR
 * text with the API's trust list, the item states from its signed status document, and the
 * names behind the numbers (the issuer catalogue's name table, loaded with this chunk only).
 */
import { getStatusDocument, getTrustList, type ApiClient } from '../../../api/client.js';
import type { LicenceView } from '../../../api/types.js';
import { licenceDisplay, verify, type LicenceDisplay, type LicenceNames } from '../../../core/credential/index.js';

/** A licence link that does not verify as genuine: never shown as a licence. */
export class NotGenuineError extends Error {}

export async function displayOf(api: ApiClient, view: LicenceView): Promise<LicenceDisplay> {
  const [trustList, status, names] = await Promise.all([
    getTrustList(api),
    getStatusDocument(api, view.number),
    import('../../../data/generated/licence-names.pudong.json').then((m) => m.default as LicenceNames),
  ]);
  const verdict = await verify(view.link, { trustList, statusDocument: { bytes: status.bytes, live: true } });
  if (!verdict.licence || !verdict.issuer) throw new NotGenuineError(verdict.outcome);
  return licenceDisplay(verdict.licence, view.link, {
    ...(names.catalogue === verdict.issuer.catalogue ? { names } : {}),
    issuer: verdict.issuer.name,
    demo: verdict.demo,
    ...(verdict.items ? { items: verdict.items } : {}),
    ...(verdict.status ? { status: verdict.status } : {}),
  });
}
