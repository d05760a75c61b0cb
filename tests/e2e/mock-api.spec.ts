// The mock back end end to end (issue 4), on the built app's preview server with its log on
// disk: apply → joint inspection with a rectification → officers approve → licence issued →
// an item revoked → the public view and the signed status list show it.
import { test, expect, type APIRequestContext } from '@playwright/test';
import type { ApplicationView, CreatedApplication, LicenceView } from '../../src/api/types.js';
import type { Catalogue } from '../../src/core/catalogue/types.js';
import type { TrustList } from '../../src/core/credential/trust-list.js';
import { verify } from '../../src/core/credential/verify.js';
import { newApplication, PDF } from '../unit/helpers/backend.js';

const officer = (department: string) => ({ authorization: `Bearer demo-officer-${department}` });

async function post<T>(request: APIRequestContext, path: string, data: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await request.post(`/api/v1${path}`, { data, headers });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

test('apply → joint inspection with a rectification → approve → licence → item revoked → public view and status list', async ({ request }) => {
  const catalogue = (await (await request.get('/api/v1/catalogue')).json()) as Catalogue;
  const uploaded = await request.post('/api/v1/uploads', { data: Buffer.from(PDF), headers: { 'content-type': 'application/pdf' } });
  expect(uploaded.status()).toBe(201);
  const body = newApplication({ data: { catalogue } } as never, { upload: ((await uploaded.json()) as { id: string }).id });
  const { application, token } = await post<CreatedApplication>(request, '/applications', body, { 'idempotency-key': `e2e-${Date.now()}-${Math.random()}` });
  expect(application.status).toBe('inspection');

  // One appointment for every department; two of them find issues.
  const [first, ...others] = application.inspection!.rounds[0]!.appointment.departments;
  expect(others.length).toBeGreaterThanOrEqual(2);
  await post(request, `/applications/${application.id}/inspection/findings`, { passed: true }, officer(first!));
  let a!: ApplicationView;
  for (const d of others) a = await post(request, `/applications/${application.id}/inspection/findings`, { passed: false, issues: ['灭火器过期，需更换'] }, officer(d));
  expect(a.status).toBe('rectification');
  const tracked = (await (await request.get(`/api/v1/applications/${application.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as ApplicationView;
  expect(tracked.inspection!.rectification!.items.map((i) => i.department)).toEqual(others);

  a = await post(request, `/applications/${application.id}/inspection/rectification`, { note: '已更换全部灭火器' }, { authorization: `Bearer ${token}` });
  expect(a.inspection!.rounds[1]!.appointment.departments).toEqual(others);
  for (const d of others) a = await post(request, `/applications/${application.id}/inspection/findings`, { passed: true }, officer(d));
  expect(a.inspection!.status).toBe('passed');

  for (const item of a.items) a = await post(request, `/applications/${a.id}/decisions`, { permit: item.permit, decision: 'approved' }, officer(item.department));
  expect(a.status).toBe('issued');

  const number = a.licenceNumber!;
  const item = a.items.find((i) => i.permit === 'liquor-retail-licence')!;
  await post(request, `/licences/${number}/items/${item.permit}/actions`, { action: 'revoke', reason: '超范围经营，依法撤销' }, officer(item.department));

  const view = (await (await request.get(`/api/v1/licences/${number}`)).json()) as LicenceView;
  expect(view.items.find((i) => i.permit === item.permit)!.state).toBe('revoked');
  expect(view.state).toBe('valid'); // Pudong adjusts the licence rather than voiding it
  expect(JSON.stringify(view)).not.toContain('110101199003074477'); // no ID numbers in public
  expect(JSON.stringify(view)).not.toContain('13800138000'); // no phones

  const list = await request.get('/api/v1/status-lists/1');
  expect(list.headers()['content-type']).toBe('application/onelicence-status-list+cbor');
  const trustList = (await (await request.get('/api/v1/trust-list')).json()) as TrustList;
  const verdict = await verify(view.link, { trustList, statusLists: [{ bytes: new Uint8Array(await list.body()), live: true }] });
  expect(verdict.outcome).toBe('VALID');
  expect(verdict.demo).toBe(true);
  expect(verdict.items!.find((i) => i.permit === item.code)!.state).toBe('revoked');
});
