import { define } from '../shared/define.js';
import { OneRating } from './rating.component.js';

export { OneRating };
define('one-rating', OneRating);

declare global {
  interface HTMLElementTagNameMap {
    'one-rating': OneRating;
  }
}
