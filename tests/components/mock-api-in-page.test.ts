// The in-page host of the mock back end (issue 4): the real handlers in Chromium with the
// event log in IndexedDB — state survives reopening (a reload), and an issued licence verifies.
import { expect } from '@open-wc/testing';
import { createInPageBackend, inPageFetch, loadInPageData } from '../../src/mock-api/in-page.js';
import { IdbLog } from '../../src/mock-api/store/idb-log.js';
import { createApiClient } from '../../src/api/client.js';
import { verify } from '../../src/core/credential/verify.js';
import type { CreatedApplication, LicenceView } from '../../src/api/types.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => Promise<void>): void;

const T0 = new Date('2026-03-02T02:00:00Z');

describe('mock back end in the page (IndexedDB)', () => {
  it('issues a 秒办 licence, keeps it in IndexedDB across a reopen, and the QR verifies against its status list', async () => {
    const loaded = await loadInPageData();
    const name = `onelicence-test-${Date.now()}`;
    const backend = await createInPageBackend({ log: new IdbLog(name), now: () => T0, loaded });
    const client = createApiClient(`${location.origin}/api`, inPageFetch(backend));
    const catalogue = loaded.data.catalogue;
    const answers = { 'food-activities': ['prepackaged'], 'sells-liquor': false, 'sells-tobacco': false, 'sells-medicines': false, 'medical-devices': [], 'sells-publications': false, 'floor-area': 60 };
    const permit = catalogue.permits.find((p) => p.id === 'prepackaged-food-filing')!;
    const form: Record<string, string | number | boolean | string[]> = {};
    for (const id of permit.informationElements) {
      const el = catalogue.elements.find((e) => e.id === id)!;
      if (el.prefill === 'enterprise-registry') continue;
      form[id] = el.type === 'region' ? catalogue.regions[0]!.code : el.type === 'phone' ? '13800138000' : el.type === 'id-number' ? '110101199003074477' : el.type === 'number' ? 60 : el.type === 'boolean' ? true : el.type === 'choice' ? el.options![0]!.value : el.type === 'multi-choice' ? [el.options![0]!.value] : '张三丰';
    }
    const created = await client.request<CreatedApplication>('POST', '/v1/applications', {
      headers: { 'idempotency-key': `in-page-${name}` },
      body: { kind: 'new', catalogueVersion: catalogue.version, industries: ['convenience-store'], answers, applicant: { uscc: '92310115MA1K4Q3RX1' }, form, materials: Object.fromEntries(permit.materials.filter((m) => !m.sharedData.held && m.id !== 'filing-form').map((m) => [`${m.id}|${m.name['zh-CN']}`, { how: 'commitment' }])), commitments: ['prepackaged-food-filing'], signature: { name: '张三丰', idType: 'resident-id', idNumber: '110101199003074477', textVersion: catalogue.documents.templates.find((t) => t.kind === 'commitment')!.version, warningAccepted: true } },
    }).catch(async (e: { problem?: unknown }) => {
      throw new Error(JSON.stringify(e.problem));
    });
    expect(created.application.status).to.equal('issued');
    await backend.close();

    const reopened = await createInPageBackend({ log: new IdbLog(name), now: () => T0, loaded });
    const again = createApiClient(`${location.origin}/api`, inPageFetch(reopened));
    const licence = await again.request<LicenceView>('GET', `/v1/licences/${created.application.licenceNumber}`);
    expect(licence.items.map((i) => i.permit)).to.deep.equal(['prepackaged-food-filing']);
    const list = new Uint8Array(await (await inPageFetch(reopened)(`${location.origin}/api/v1/status-lists/1`)).arrayBuffer());
    const verdict = await verify(licence.link, { trustList: loaded.data.trustList, now: T0, statusLists: [{ bytes: list, live: true }] });
    expect(verdict.outcome).to.equal('VALID');
    await reopened.close();
    indexedDB.deleteDatabase(name);
  });

  it('passes requests outside /api/ to the network', async () => {
    const backend = await createInPageBackend({ log: new IdbLog(`onelicence-test-pass-${Date.now()}`), loaded: await loadInPageData() });
    const res = await inPageFetch(backend)(new URL('/tests/components/mock-api-in-page.test.ts', location.origin).href);
    expect(res.status).to.equal(200);
    await backend.close();
  });
});
