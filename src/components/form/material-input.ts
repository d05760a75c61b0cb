import { define } from '../shared/define.js';
import { OneMaterialInput } from './material-input.component.js';

export { OneMaterialInput };
define('one-material-input', OneMaterialInput);

declare global {
  interface HTMLElementTagNameMap {
    'one-material-input': OneMaterialInput;
  }
}
