import { define } from '../shared/define.js';
import { OneReceipt } from './receipt.component.js';

export { OneReceipt };
define('one-receipt', OneReceipt);

declare global {
  interface HTMLElementTagNameMap {
    'one-receipt': OneReceipt;
  }
}
