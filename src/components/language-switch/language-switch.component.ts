import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { I18nController } from '../../i18n/shared-controller.js';
import { LANGUAGES, type Language } from '../../i18n/index.js';
import { tokens } from '../shared/tokens.js';
import { oneEvent } from '../events.js';
import { styles } from './language-switch.styles.js';

/**
 * @tag one-language-switch
 * @summary Switches the language of every OneLicence component on the page (zh-CN, en, zh-TW).
 * Each language is named in itself, so a reader of any of them can find their own.
 *
 * @event one-language-change - The language changed; `detail.language` is the new one.
 *
 * @csspart group - The group of buttons.
 * @csspart button - Each language button.
 *
 * @cssproperty --one-target-size - Minimum touch target size.
 * @cssproperty --one-color-primary - Button colour.
 */
export class OneLanguageSwitch extends LitElement {
  static override styles = [tokens, styles];

  /** Languages offered, in order. */
  @property({ attribute: false }) languages: readonly Language[] = LANGUAGES;

  private readonly i18n = new I18nController(this);

  private async choose(language: Language): Promise<void> {
    if (language === this.i18n.language) return;
    await this.i18n.i18n.changeLanguage(language);
    this.dispatchEvent(oneEvent('one-language-change', { language }));
  }

  protected override render() {
    const { t, language } = this.i18n;
    return html`<div part="group" role="group" aria-label=${t('app.language')}>
      ${this.languages.map(
        (lng) =>
          html`<button
            part="button"
            type="button"
            lang=${lng}
            aria-pressed=${lng === language ? 'true' : 'false'}
            @click=${() => void this.choose(lng)}
          >
            ${t(`languages.${lng}`)}
          </button>`,
      )}
    </div>`;
  }
}
