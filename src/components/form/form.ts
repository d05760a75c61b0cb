import { define } from '../shared/define.js';
import { OneForm } from './form.component.js';

export { OneForm };
export { clearFormDrafts } from './draft-store.js';
define('one-form', OneForm);

declare global {
  interface HTMLElementTagNameMap {
    'one-form': OneForm;
  }
}
