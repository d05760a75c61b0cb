import { define } from '../shared/define.js';
import { OneIndustryNavigator } from './industry-navigator.component.js';

export { OneIndustryNavigator };
define('one-industry-navigator', OneIndustryNavigator);

declare global {
  interface HTMLElementTagNameMap {
    'one-industry-navigator': OneIndustryNavigator;
  }
}
