/**
 * A page that mounts <one-material-input> and <one-commitment> on their own, for the docs'
 * screenshots (scripts/form-material-screenshots.ts) under the Vite dev server with the mock API.
 * The fragment chooses: `view=materials|commitment`, `lang=zh-CN|en|zh-TW`, `theme=kiosk|kiosk elder`,
 * `value=<how>` for the second material.
 */
import { ContextProvider } from '@lit/context';
import '../../src/components/form/material-input.js';
import '../../src/components/form/commitment.js';
import { apiContext } from '../../src/api/context.js';
import { createApiClient } from '../../src/api/client.js';
import { isLanguage, sharedI18n } from '../../src/i18n/index.js';
import { KIOSK_THEME_CSS } from '../../src/components/shared/themes.js';
import type { Catalogue } from '../../src/core/catalogue/types.js';
import { storeNotice } from '../fixtures/store-notice.js';
import type { CommitmentSignature } from '../../src/components/form/material-types.js';
import generated from '../../src/data/generated/catalogue.pudong.json';

const catalogue = generated as unknown as Catalogue;
const notice = storeNotice(catalogue);

const params = new URLSearchParams(location.hash.slice(1));
const lang = params.get('lang') ?? 'zh-CN';
if (isLanguage(lang)) {
  await sharedI18n().changeLanguage(lang);
  document.documentElement.lang = lang;
}
const sheet = new CSSStyleSheet();
sheet.replaceSync(KIOSK_THEME_CSS);
document.adoptedStyleSheets = [sheet];
document.documentElement.dataset.theme = params.get('theme') ?? 'kiosk';

const main = document.getElementById('main')!;
new ContextProvider(main, { context: apiContext, initialValue: createApiClient('/api') });

if (params.get('view') === 'commitment') {
  const el = document.createElement('one-commitment');
  el.catalogue = catalogue;
  el.notice = notice;
  el.permits = ['food-business-permit', 'liquor-retail-licence'];
  el.candidates = [
    { name: '陈立峰', role: 'legalRep' },
    { name: '李娜', role: 'contact' },
  ];
  // An enterprise of the demo registry (src/data/registry/enterprises.json).
  el.applicant = { 'entity.name': '上海浦江味道餐饮管理有限公司', 'entity.uscc': '91310115MA1J2D7H6R', 'legalRep.name': '陈立峰', 'premises.address': '上海市浦东新区张杨路1588弄12号1层102室' };
  const value = params.get('signature');
  if (value) el.value = JSON.parse(value) as CommitmentSignature;
  main.append(el);
} else {
  for (const id of ['premises-proof', 'food-safety-manager-id']) {
    const el = document.createElement('one-material-input');
    el.material = notice.materials.find((m) => m.id === id)!;
    const how = id === 'food-safety-manager-id' ? params.get('value') : null;
    if (how === 'commitment' || how === 'later') el.value = { how };
    main.append(el);
  }
}
