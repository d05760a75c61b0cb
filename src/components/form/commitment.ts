import { define } from '../shared/define.js';
import { OneCommitment } from './commitment.component.js';

export { OneCommitment };
define('one-commitment', OneCommitment);

declare global {
  interface HTMLElementTagNameMap {
    'one-commitment': OneCommitment;
  }
}
