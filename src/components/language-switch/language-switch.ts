import { define } from '../shared/define.js';
import { OneLanguageSwitch } from './language-switch.component.js';

export { OneLanguageSwitch };
define('one-language-switch', OneLanguageSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'one-language-switch': OneLanguageSwitch;
  }
}
