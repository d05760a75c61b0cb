// Mounts <one-form> for a restaurant (liquor and tobacco) against the dev server's mock API,
// with the kiosk theme; `?lang=en|zh-TW` and `?elder` pick the language and elder mode.
import { ContextProvider } from '@lit/context';
import '../../src/components/form/form.js';
import { apiContext } from '../../src/api/context.js';
import { createApiClient } from '../../src/api/client.js';
import { sharedI18n, isLanguage } from '../../src/i18n/index.js';
import { KIOSK_THEME_CSS } from '../../src/components/shared/themes.js';
import { combine, evaluateAnswers } from '../../src/core/rules/engine.js';
import { buildNotice } from '../../src/core/rules/notice.js';
import type { Catalogue } from '../../src/core/catalogue/types.js';
import { mergeForm } from '../../src/core/form/merge.js';
import { saveFormDraft } from '../../src/components/form/draft-store.js';
import type { RawValue } from '../../src/components/form/model.js';
import type { EnterpriseView } from '../../src/api/types.js';
import { sampleValue } from '../fixtures/new-application.js';
import catalogueJson from '../../src/data/generated/catalogue.pudong.json';

const params = new URLSearchParams(location.search);
const lang = params.get('lang');
if (isLanguage(lang)) await sharedI18n().changeLanguage(lang);
const sheet = new CSSStyleSheet();
sheet.replaceSync(KIOSK_THEME_CSS);
document.adoptedStyleSheets = [sheet];
document.documentElement.dataset.theme = params.has('elder') ? 'kiosk elder' : 'kiosk';
document.documentElement.lang = sharedI18n().language;

const catalogue = catalogueJson as unknown as Catalogue;
const answers = { 'sells-liquor': true, 'sells-tobacco': true, 'floor-area': 200 };
const notice = buildNotice(catalogue, evaluateAnswers(catalogue, combine(catalogue.rules, ['restaurant']), answers));
const session = params.get('session') ?? 'screenshots';

// `?seed=complete`: every task done (materials brought to the window), for the check-answers page
if (params.get('seed') === 'complete') {
  const form = mergeForm(catalogue, notice);
  const enterprise = (await (await fetch('/api/v1/enterprises/91310115MA1J2D7H6R')).json()) as EnterpriseView;
  const values: Record<string, RawValue> = {};
  for (const f of form.sections.flatMap((x) => x.fields)) {
    if (f.element.prefill === 'enterprise-registry') continue;
    const v = sampleValue(f.element);
    values[f.id] = typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'number' ? String(v) : v;
  }
  Object.assign(values, { 'staff.foodSafetyManager': '王小明', 'contact.name': '李晓燕', 'premises.name': '浦江味道（张杨路店）' });
  const materials = Object.fromEntries(form.materials.map((m) => [m.key, { how: 'later' as const }]));
  await saveFormDraft(session, {
    v: 1,
    catalogueVersion: form.catalogueVersion,
    permits: form.permits,
    industries: ['restaurant'],
    answers,
    state: { applicant: { mode: 'uscc', uscc: enterprise.uscc, enterprise, confirmed: true }, values, prefilled: [], materials, attempted: [] },
    savedAt: new Date().toISOString(),
  });
}

const host = document.getElementById('host')!;
new ContextProvider(host, { context: apiContext, initialValue: createApiClient('/api') });
const form = document.createElement('one-form');
form.catalogue = catalogue;
form.notice = notice;
form.industries = ['restaurant'];
form.answers = answers;
form.session = session;
host.append(form);
