/**
 * The component classes and the typed event map, without defining any tag (import a
 * component's own `<name>/<name>.ts` to define it, or call `define()` with your own tag).
 */
export { OneIndustryNavigator, cleanQuery, MAX_QUERY_LENGTH, type NavigatorView } from './industry-navigator/industry-navigator.component.js';
export { OneLanguageSwitch } from './language-switch/language-switch.component.js';
export { OneLicence, licenceStanding, formatDay, formatInstant, QUIET_ZONE, type LicenceMode, type LicenceState, type Standing } from './licence/licence.component.js';
export { OneQuestionnaire } from './questionnaire/questionnaire.component.js';
export { OneNotice } from './notice/notice.component.js';
export { OneForm } from './form/form.component.js';
export { clearFormDrafts } from './form/draft-store.js';
export {
  oneEvent,
  type OneEventMap,
  type OneEventName,
  type OneEventDetail,
  type IndustrySelectDetail,
  type LanguageChangeDetail,
  type AnswerDetail,
  type NoticeReadyDetail,
  type SubmittedDetail,
} from './events.js';
export { define } from './shared/define.js';
