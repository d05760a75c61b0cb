/**
 * {@link I18nController} for components that show the shared strings (`translation`): importing
 * it brings them and makes their instance the page's (src/i18n/index.ts). Components with only a
 * namespace of their own import src/i18n/controller.js and carry nothing else.
 */
import './index.js';

export { I18nController } from './controller.js';
