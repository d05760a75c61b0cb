import { define } from '../shared/define.js';
import { OneNotice } from './notice.component.js';

export { OneNotice };
define('one-notice', OneNotice);

declare global {
  interface HTMLElementTagNameMap {
    'one-notice': OneNotice;
  }
}
