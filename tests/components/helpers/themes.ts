/**
 * Runs `check` under the kiosk theme and under elder mode (the page-level themes of
 * `themes.ts`, set on the document element), with the minimums each promises; the theme is
 * removed again by `checkMissingKeysAndReset`.
 */
import { KIOSK_THEME_CSS, THEME_MINIMUMS } from '../../../src/components/shared/themes.js';

type Minimums = (typeof THEME_MINIMUMS)[keyof typeof THEME_MINIMUMS];

export async function forEachKioskTheme(check: (theme: string, min: Minimums, elder: boolean) => Promise<void>): Promise<void> {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(KIOSK_THEME_CSS);
  document.adoptedStyleSheets = [sheet];
  for (const [theme, min] of [['kiosk', THEME_MINIMUMS.kiosk], ['kiosk elder', THEME_MINIMUMS.elder]] as const) {
    document.documentElement.dataset.theme = theme;
    await check(theme, min, theme.includes('elder'));
  }
}
