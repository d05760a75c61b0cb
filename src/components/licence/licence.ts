import { define } from '../shared/define.js';
import { OneLicence } from './licence.component.js';

export { OneLicence };
define('one-licence', OneLicence);

declare global {
  interface HTMLElementTagNameMap {
    'one-licence': OneLicence;
  }
}
