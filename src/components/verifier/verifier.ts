import { define } from '../shared/define.js';
import { OneVerifier } from './verifier.component.js';

export { OneVerifier };
define('one-verifier', OneVerifier);

declare global {
  interface HTMLElementTagNameMap {
    'one-verifier': OneVerifier;
  }
}
