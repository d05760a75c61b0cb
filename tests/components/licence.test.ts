import { fixture, html, expect } from '@open-wc/testing';
import '../../src/components/licence/licence.js';
import { formatDay, formatInstant, licenceStanding, type OneLicence, type LicenceMode } from '../../src/components/licence/licence.component.js';
import { sharedI18n, onMissingKey, LANGUAGES, resources, type Language } from '../../src/i18n/index.js';
import { credentialResources } from '../../src/i18n/credential-all.js';
import { KIOSK_THEME_CSS } from '../../src/components/shared/themes.js';
import { verify, licenceQr, type KeyFile, type LicenceDisplay, type LicenceFace, type LicenceNames, type TrustList } from '../../src/core/credential/index.js';
import reference from '../fixtures/reference-licence.json';
import demoKey from '../../src/data/keys/demo-issuer.json';
import names from '../../src/data/generated/licence-names.pudong.json';
import trustList from '../../src/data/generated/trust-list.demo.json';
import { expectAccessible } from './helpers/axe.js';
import { makeLicence, NOW, type Fixture, type FixtureData, type Scenario } from './helpers/licence-fixture.js';
import { decodeQr, rasteriseSvg } from './helpers/qr-decode.js';

declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function before(body: () => void | Promise<void>): void;
declare function after(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;

const data: FixtureData = {
  face: reference.face as LicenceFace,
  verifyBase: reference.verifyBase,
  key: demoKey as KeyFile,
  names: names as LicenceNames,
  trustList: trustList as unknown as TrustList,
};
const MODES: LicenceMode[] = ['certificate', 'display', 'badge'];

type Tree = { [k: string]: string | Tree };
/** A locale string, straight from the resources (so a wrong key fails here too). */
const words = (lng: Language, key: string, vars: Record<string, string | number> = {}): string => {
  const value = key.split('.').reduce<string | Tree | undefined>((t, k) => (t as Tree | undefined)?.[k], { ...resources[lng], credential: credentialResources[lng] } as unknown as Tree);
  if (typeof value !== 'string') throw new Error(`no ${lng} string ${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(vars[v]));
};

const root = (el: OneLicence) => el.shadowRoot!;
/** The rendered text, whitespace collapsed (what a reader sees, near enough). */
const textOf = (node: Element | ShadowRoot) => (node.textContent ?? '').replace(/\s+/g, ' ');

async function render(licence: LicenceDisplay | undefined, mode: LicenceMode = 'certificate', extra: Partial<OneLicence> = {}): Promise<OneLicence> {
  const el = await fixture<OneLicence>(html`<one-licence .licence=${licence} mode=${mode} .licenceState=${extra.licenceState}></one-licence>`);
  await el.updateComplete;
  return el;
}

function useTheme(theme: string | undefined): void {
  if (!theme) {
    document.documentElement.removeAttribute('data-theme');
    document.adoptedStyleSheets = [];
    return;
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(KIOSK_THEME_CSS);
  document.adoptedStyleSheets = [sheet];
  document.documentElement.dataset.theme = theme;
}

describe('<one-licence>', () => {
  let valid: Fixture;
  const missing: string[] = [];
  let offMissing: () => void = () => {};

  before(async () => {
    valid = await makeLicence(data);
    offMissing = onMissingKey((lng, key) => missing.push(`${lng}:${key}`));
  });
  after(() => offMissing());
  afterEach(async () => {
    expect(missing, 'missing i18n keys').to.deep.equal([]);
    await sharedI18n().changeLanguage('zh-CN');
    useTheme(undefined);
  });

  it('the fixture is the reference licence, genuine, demo, all items valid and live', () => {
    expect(valid.verdict.outcome).to.equal('VALID');
    expect(valid.verdict.demo).to.equal(true);
    expect(valid.display.items).to.have.length(6);
    expect(valid.display.items.every((it) => it.state === 'valid' && it.name && it.department && it.certificateNumber)).to.equal(true);
    expect(valid.display.status).to.include({ source: 'document', live: true, stale: false });
  });

  it('formats days and instants in each language’s official style', () => {
    expect(formatDay('2031-11-19', 'zh-CN')).to.equal('2031年11月19日');
    expect(formatDay('2031-11-19', 'zh-TW')).to.equal('2031年11月19日');
    expect(formatDay('2031-11-19', 'en')).to.equal('19 November 2031');
    // 08:00 UTC is 16:00 in Beijing.
    expect(formatInstant('2026-11-22T08:00:00Z', 'zh-CN')).to.match(/^2026年11月22日\s*16:00$/);
    expect(formatInstant('2026-11-22T08:00:00Z', 'en')).to.match(/^22 November 2026(,| at) 16:00$/);
  });

  it('shows a message, not an empty box, when there is no licence', async () => {
    for (const lng of LANGUAGES) {
      await sharedI18n().changeLanguage(lng);
      for (const mode of MODES) {
        const el = await render(undefined, mode);
        expect(textOf(root(el)).trim()).to.equal(words(lng, 'licence.empty'));
        expect(root(el).querySelector('svg.qr')).to.equal(null);
        await expectAccessible(el);
      }
    }
  });

  for (const lng of LANGUAGES) {
    for (const mode of MODES) {
      it(`${mode} in ${lng}: every field, in that language, and accessible`, async () => {
        await sharedI18n().changeLanguage(lng);
        const el = await render(valid.display, mode);
        const text = textOf(root(el));
        const { face } = valid.display;
        const must = [face.holder, face.number, words(lng, 'credential.demo')];
        const nameOf = (t: { [k in Language]: string } | undefined) => t![lng];
        if (mode === 'badge') {
          must.push(words(lng, 'credential.reason.STATUS_VALID'), words(lng, 'licence.badge.verify'));
        } else {
          must.push(
            face.uscc,
            face.legalRep,
            face.address,
            nameOf(valid.display.industries[0]!.name),
            nameOf(valid.display.issuer),
            formatDay(face.issued, lng),
            words(lng, 'licence.period', { from: formatDay(face.validFrom, lng), until: formatDay(face.validUntil, lng) }),
            ...face.notLicensed,
            ...valid.display.items.flatMap((it) => [nameOf(it.name), nameOf(it.department), it.certificateNumber!, formatDay(it.validUntil!, lng)]),
            // The display mode has the holder as its heading, without the label.
            ...['uscc', 'legalRep', 'address', 'industry', 'validity', 'number', 'issuer', 'issued', ...(mode === 'display' ? [] : ['holder'])].map((f) =>
              words(lng, `licence.field.${f}`),
            ),
            words(lng, 'licence.items.heading'),
            words(lng, 'licence.notLicensed.heading'),
            words(lng, 'credential.state.valid'),
            words(lng, 'licence.freshness.live', { time: words(lng, 'licence.time', { time: formatInstant(valid.display.status!.asOf, lng) }) }),
          );
        }
        for (const s of must) expect(text, `${mode}/${lng} shows “${s}”`).to.include(s);
        // The other languages' names are not shown.
        for (const other of LANGUAGES.filter((l) => l !== lng && valid.display.issuer[l] !== valid.display.issuer[lng])) {
          if (mode !== 'badge') expect(text).not.to.include(valid.display.issuer[other]);
        }
        const qr = root(el).querySelector<SVGSVGElement>('svg.qr')!;
        expect(qr.getAttribute('role')).to.equal('img');
        expect(qr.getAttribute('aria-label')).to.equal(words(lng, 'licence.qr.label'));
        expect(qr.getAttribute('shape-rendering')).to.equal('crispEdges');
        await expectAccessible(el);
      });
    }
  }

  it('the certificate reads as a titled document with a table of items', async () => {
    const el = await render(valid.display, 'certificate');
    const article = root(el).querySelector('article')!;
    const title = root(el).getElementById(article.getAttribute('aria-labelledby')!)!;
    expect(title.tagName).to.equal('H2');
    expect(title.textContent).to.equal(words('zh-CN', 'licence.title'));
    const rows = [...root(el).querySelectorAll('table.items tbody tr')];
    expect(rows).to.have.length(6);
    expect(rows.map((r) => r.querySelector('th')!.textContent!.trim())).to.deep.equal(valid.display.items.map((it) => it.name!['zh-CN']));
    expect([...root(el).querySelectorAll('table.items thead th')].map((th) => th.getAttribute('scope'))).to.deep.equal(Array(5).fill('col'));
  });

  for (const mode of MODES) {
    it(`${mode}: the drawn QR decodes (zxing) to the licence link, which verifies as genuine, valid and DEMO`, async () => {
      const el = await render(valid.display, mode);
      const svgEl = root(el).querySelector<SVGSVGElement>('svg.qr')!;
      const code = licenceQr(valid.link);
      const side = code.size + 8;
      // A four-module quiet zone: the white square is the code plus 4 modules on every side.
      expect(svgEl.getAttribute('viewBox')).to.equal(`0 0 ${side} ${side}`);
      const rect = svgEl.querySelector('rect')!;
      expect([rect.getAttribute('width'), rect.getAttribute('height'), rect.getAttribute('fill')]).to.deep.equal([String(side), String(side), '#ffffff']);
      expect(svgEl.querySelector('path')!.getAttribute('transform')).to.equal('translate(4 4)');
      // Big enough on screen for a phone to read it (≥ 2 CSS px a module; a kiosk or phone screen doubles that).
      const shown = svgEl.getBoundingClientRect().width;
      expect(shown / side, `${mode}: pixels per module on screen`).to.be.at.least(mode === 'badge' ? 2 : 2.5);
      // Rasterised as drawn, at 2 px a module (the smallest size shown), and decoded by zxing.
      const text = decodeQr(await rasteriseSvg(svgEl, 2));
      expect(text).to.equal(code.text);
      expect(text.toUpperCase()).to.equal(valid.link.toUpperCase());
      const verdict = await verify(text, { trustList: data.trustList, now: NOW, statusDocument: valid.statusDocument! });
      expect(verdict.outcome).to.equal('VALID');
      expect(verdict.demo).to.equal(true);
      expect(verdict.licence!.holder).to.equal(data.face.holder);
      const offline = await verify(text, { trustList: data.trustList, now: NOW });
      expect([offline.outcome, offline.demo]).to.deep.equal(['VALID_UNCONFIRMED', true]);
    });
  }

  it('names every item state in words, with the state on the row', async () => {
    const states = ['valid', 'suspended', 'revoked', 'revokedPenalty', 'lapsed', 'businessSuspended'] as const;
    const f = await makeLicence(data, { items: [...states] });
    expect(f.display.items.map((it) => it.state)).to.deep.equal([...states]);
    for (const lng of LANGUAGES) {
      await sharedI18n().changeLanguage(lng);
      for (const mode of ['certificate', 'display'] as const) {
        const el = await render(f.display, mode);
        const labels = [...root(el).querySelectorAll('[part="state"]')];
        expect(labels.map((l) => l.textContent!.trim()), `${mode}/${lng}`).to.deep.equal(states.map((s) => words(lng, `credential.state.${s}`)));
        expect(labels.map((l) => l.getAttribute('data-tone'))).to.deep.equal(['ok', 'warn', 'bad', 'bad', 'warn', 'warn']);
        expect(textOf(root(el))).to.include(`${words(lng, 'credential.reason.SOME_ITEMS_NOT_VALID')}${words(lng, 'licence.notValidCount', { count: 5, total: 6 })}`);
        await expectAccessible(el);
      }
    }
    await sharedI18n().changeLanguage('zh-CN');
    const unknown = await makeLicence(data, { noStatus: true });
    const el = await render(unknown.display, 'certificate');
    expect([...root(el).querySelectorAll('[part="state"]')].map((l) => l.textContent!.trim())).to.deep.equal(Array(6).fill(words('zh-CN', 'credential.state.unknown')));
  });

  it('cancelled and superseded items are named too', async () => {
    const f = await makeLicence(data, { items: ['cancelled', 'superseded', 'valid', 'valid', 'valid', 'valid'] });
    const el = await render(f.display, 'display');
    const labels = [...root(el).querySelectorAll('[part="state"]')].map((l) => l.textContent!.trim());
    expect(labels.slice(0, 2)).to.deep.equal([words('zh-CN', 'credential.state.cancelled'), words('zh-CN', 'credential.state.superseded')]);
  });

  it('says how fresh the states are: live, saved, out of date, unknown', async () => {
    const cases: [Scenario, string][] = [
      [{}, 'live'],
      [{ live: false, age: 3600 }, 'asOf'],
      [{ live: false, age: 7200, ttl: 3600 }, 'stale'],
      [{ noStatus: true }, 'unknown'],
    ];
    for (const [scenario, key] of cases) {
      const f = await makeLicence(data, scenario);
      for (const mode of MODES) {
        const el = await render(f.display, mode);
        const fresh = root(el).querySelector('.freshness')!;
        const expected =
          key === 'unknown'
            ? words('zh-CN', 'licence.freshness.unknown')
            : words('zh-CN', `licence.freshness.${key}`, { time: words('zh-CN', 'licence.time', { time: formatInstant(f.display.status!.asOf, 'zh-CN') }) });
        expect(textOf(fresh).trim(), `${key}/${mode}`).to.equal(expected);
        if (key !== 'unknown') expect(fresh.querySelector('time')!.getAttribute('datetime')).to.equal(f.display.status!.asOf);
        const summary = key === 'stale' ? 'STATUS_STALE' : key === 'unknown' ? 'STATUS_UNAVAILABLE' : 'STATUS_VALID';
        expect(textOf(root(el).querySelector('.summary')!).trim()).to.equal(words('zh-CN', `credential.reason.${summary}`));
      }
    }
  });

  it('puts the demonstration notice first in the certificate and display, and leaves it out for a real issuer', async () => {
    for (const mode of MODES) {
      const el = await render(valid.display, mode);
      const notice = root(el).querySelector('.notice.demo')!;
      expect(textOf(notice)).to.include(words('zh-CN', 'credential.demo'));
      expect(notice.checkVisibility()).to.equal(true);
      const real = await render({ ...valid.display, demo: false }, mode);
      expect(root(real).querySelector('.notice.demo')).to.equal(null);
      expect(textOf(root(real))).not.to.include(words('zh-CN', 'credential.demo'));
    }
    const el = await render(valid.display, 'certificate');
    expect(root(el).querySelector('article')!.firstElementChild!.matches('.notice.demo')).to.equal(true);
  });

  it('a superseded revision says it is not in force, above everything, in every mode', async () => {
    const f = await makeLicence(data, { revision: 2 });
    expect(f.verdict.outcome).to.equal('NOT_IN_FORCE');
    expect(f.licenceState).to.equal('superseded');
    for (const lng of LANGUAGES) {
      await sharedI18n().changeLanguage(lng);
      for (const mode of MODES) {
        const el = await render(f.display, mode, { licenceState: f.licenceState });
        const notice = root(el).querySelector('.notice.not-in-force')!;
        expect(textOf(notice)).to.include(words(lng, 'licence.notInForce'));
        expect(textOf(notice)).to.include(words(lng, 'credential.reason.LICENCE_SUPERSEDED'));
        expect(root(el).querySelector('.summary'), 'no “all valid” next to it').to.equal(null);
        await expectAccessible(el);
      }
    }
    // Without the licence's own state, items that are all superseded say it as well.
    await sharedI18n().changeLanguage('zh-CN');
    const items = valid.display.items.map((it) => ({ ...it, state: 'superseded' as const }));
    const el = await render({ ...valid.display, items }, 'display');
    expect(textOf(root(el).querySelector('.notice.not-in-force')!)).to.include(words('zh-CN', 'credential.reason.LICENCE_SUPERSEDED'));
  });

  it('a licence voided by an item’s loss, cancelled, or out of its dates says so', async () => {
    const cases: [LicenceDisplay, OneLicence['licenceState'], string][] = [
      [valid.display, 'voided', 'ITEM_LOSS_VOIDS_LICENCE'],
      [valid.display, 'cancelled', 'LICENCE_CANCELLED'],
      [valid.display, 'revokedPenalty', 'LICENCE_REVOKED_PENALTY'],
      [{ ...valid.display, face: { ...valid.display.face, validFrom: '2020-01-01', validUntil: '2024-12-31' } }, undefined, 'LICENCE_EXPIRED'],
      [{ ...valid.display, face: { ...valid.display.face, validFrom: '2099-01-01', validUntil: '2099-12-31' } }, undefined, 'LICENCE_NOT_YET_VALID'],
    ];
    for (const [licence, state, reason] of cases) {
      const el = await render(licence, 'badge', { licenceState: state });
      expect(textOf(root(el).querySelector('.notice.not-in-force')!), reason).to.include(words('zh-CN', `credential.reason.${reason}`));
    }
    const ok = await render(valid.display, 'badge', { licenceState: 'valid' });
    expect(root(ok).querySelector('.notice.not-in-force')).to.equal(null);
  });

  it('standing: the licence’s own state first, then its dates, then the freshness of the data', () => {
    const today = 20_000; // 2024-10-04
    const base = { ...valid.display, face: { ...valid.display.face, validFrom: '2024-01-01', validUntil: '2024-12-31' } };
    expect(licenceStanding(base, 'suspended', today)).to.deep.equal({ tone: 'bad', reason: 'LICENCE_SUSPENDED' });
    expect(licenceStanding(base, undefined, today)).to.deep.equal({ tone: 'ok', reason: 'STATUS_VALID' });
    expect(licenceStanding(base, undefined, today + 100)).to.deep.equal({ tone: 'bad', reason: 'LICENCE_EXPIRED' });
    const { status: _status, ...noStatus } = base;
    expect(licenceStanding(noStatus, undefined, today)).to.deep.equal({ tone: 'unknown', reason: 'STATUS_UNAVAILABLE' });
    expect(licenceStanding({ ...base, status: { ...base.status!, stale: true } }, undefined, today)).to.deep.equal({ tone: 'unknown', reason: 'STATUS_STALE' });
  });

  it('shows the revision only after the first, and an unknown permit by its code', async () => {
    const first = await render(valid.display, 'certificate');
    expect(root(first).querySelector('.revision')).to.equal(null);
    const second = await makeLicence(data, { face: { revision: 2, items: [1, 4, 999] } });
    for (const lng of LANGUAGES) {
      await sharedI18n().changeLanguage(lng);
      for (const mode of MODES) {
        const el = await render(second.display, mode);
        expect(root(el).querySelector('.revision')!.textContent).to.equal(words(lng, 'licence.revision', { revision: 2 }));
        if (mode !== 'badge') expect(textOf(root(el))).to.include(words(lng, 'licence.items.unknownName', { code: 999 }));
      }
    }
  });

  it('a GB/T small class outside the pilot industries is named by its code', async () => {
    const f = await makeLicence(data, { face: { industries: [12, 'F5212'] } });
    await sharedI18n().changeLanguage('en');
    const el = await render(f.display, 'certificate');
    expect(textOf(root(el))).to.include(`Restaurant; ${words('en', 'licence.industryCode', { code: 'F5212' })}`);
  });

  it('the badge links to the verify page with the licence link, with a big enough target in the kiosk and elder themes', async () => {
    const el = await render(valid.display, 'badge');
    const link = root(el).querySelector<HTMLAnchorElement>('a[part="link"]')!;
    expect(link.getAttribute('href')).to.equal(valid.display.link);
    expect(link.href).to.equal(valid.link);
    expect(link.textContent!.trim()).to.equal(words('zh-CN', 'licence.badge.verify'));
    for (const [theme, min] of [['kiosk', 60], ['kiosk elder', 72]] as const) {
      useTheme(theme);
      const themed = await render(valid.display, 'badge');
      const r = root(themed).querySelector('a[part="link"]')!.getBoundingClientRect();
      expect(r.height, theme).to.be.at.least(min);
      expect(r.width, theme).to.be.at.least(min);
    }
  });

  for (const mode of MODES) {
    it(`${mode} in elder mode: text ≥ 24 px and AAA contrast`, async () => {
      useTheme('kiosk elder');
      const f = await makeLicence(data, { items: ['valid', 'suspended', 'revoked', 'lapsed', 'valid', 'valid'] });
      const el = await render(f.display, mode);
      const small = [...root(el).querySelectorAll<HTMLElement>('dt, dd, td, th, p, li, span, a, h2, h3, figcaption')]
        .filter((n) => n.checkVisibility() && [...n.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim()))
        .map((n) => [n.textContent!.trim().slice(0, 20), parseFloat(getComputedStyle(n).fontSize)] as const)
        .filter(([, px]) => px < 24);
      expect(small, 'text under 24 px').to.deep.equal([]);
      await expectAccessible(el, { aaaContrast: true });
    });
  }

  it('long names and addresses wrap on a phone instead of overflowing', async () => {
    const f = await makeLicence(data, {
      face: {
        holder: '上海浦江味道餐饮管理有限公司陆家嘴世纪大道国金中心第一分公司上海浦江味道餐饮管理有限公司陆家嘴世纪大道国金中心第二分公司',
        address: '上海市浦东新区世纪大道一千一百九十八号世纪汇广场一座三层东区'.repeat(4),
        notLicensed: ['通过网络销售食品', '生产加工食品'],
      },
    });
    for (const theme of [undefined, 'kiosk elder']) {
      useTheme(theme);
      for (const mode of MODES) {
        const el = await fixture<OneLicence>(html`<div style="width: 360px"><one-licence .licence=${f.display} mode=${mode}></one-licence></div>`).then(
          (wrap) => wrap.firstElementChild as OneLicence,
        );
        await el.updateComplete;
        const base = root(el).querySelector<HTMLElement>('[part="base"]')!;
        expect(base.getBoundingClientRect().width, `${mode}/${theme}`).to.be.at.most(361);
        const over = [...root(el).querySelectorAll<HTMLElement>('*')].filter((n) => n.getBoundingClientRect().right > el.getBoundingClientRect().right + 1);
        expect(over.map((n) => `${n.tagName}.${n.className}`), `${mode}/${theme} overflows`).to.deep.equal([]);
      }
    }
  });

  it('follows a language change without a new licence', async () => {
    const el = await render(valid.display, 'display');
    expect(textOf(root(el))).to.include(valid.display.issuer['zh-CN']);
    await sharedI18n().changeLanguage('en');
    await el.updateComplete;
    expect(textOf(root(el))).to.include(valid.display.issuer.en);
    expect(textOf(root(el))).to.include(formatDay(valid.display.face.validUntil, 'en'));
  });

  it('an unknown mode falls back to the certificate', async () => {
    const el = await render(valid.display, 'poster' as LicenceMode);
    expect(root(el).querySelector('article.certificate')).not.to.equal(null);
  });

  it('shows a message instead of a broken code when the link cannot be drawn', async () => {
    const el = await render({ ...valid.display, link: `${valid.display.link}${'A'.repeat(5000)}` }, 'certificate');
    expect(root(el).querySelector('svg.qr')).to.equal(null);
    expect(textOf(root(el))).to.include(words('zh-CN', 'licence.qr.unavailable'));
  });
});
