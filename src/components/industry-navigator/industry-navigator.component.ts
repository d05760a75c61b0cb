import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { I18nController } from '../../i18n/shared-controller.js';
import type { Catalogue, GbtNode, Industry, Permit, Text } from '../../core/catalogue/types.js';
import { createSearcher, mergeRanges, type SearchIndex, type SearchResult } from '../../core/catalogue/search.js';
import { oneEvent, type IndustrySelectDetail } from '../events.js';
import { tokens } from '../shared/tokens.js';
import { styles } from './industry-navigator.styles.js';

/** The three ways to find an industry. */
export type NavigatorView = 'search' | 'domain' | 'gbt';
const VIEWS: readonly NavigatorView[] = ['search', 'domain', 'gbt'];

/** The most code points of a query that are searched; longer input is cut, calmly. */
export const MAX_QUERY_LENGTH = 64;
/** Results shown at once; more exist when the searcher returns one more. */
const RESULT_LIMIT = 20;
/** Quiet time before the live region speaks, so a screen reader is not flooded while typing. */
const ANNOUNCE_DELAY_MS = 350;

/** Control, format, surrogate, private-use and unassigned code points never reach the searcher. */
const UNSEARCHABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;

/** A query made safe to search and to show: no control characters, bounded length. */
export function cleanQuery(raw: string): { text: string; truncated: boolean; ignored: boolean } {
  let ignored = false;
  const stripped = raw.replace(UNSEARCHABLE, () => {
    ignored = true;
    return ' ';
  });
  const collapsed = stripped.replace(/\s+/gu, ' ').trim();
  const points = Array.from(collapsed);
  const truncated = points.length > MAX_QUERY_LENGTH;
  return { text: truncated ? points.slice(0, MAX_QUERY_LENGTH).join('').trim() : collapsed, truncated, ignored };
}

/** The first sentence of a summary, for a one-line card (the whole text when it has one sentence). */
export function firstSentence(text: string): string {
  const match = /^.+?(?:[。！？；]|[.!?;](?=\s|$))/su.exec(text.trim());
  return (match ? match[0] : text).trim();
}

const checkIcon = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 12.5l5 5L20 6.5"/></svg>`;
const closeIcon = svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18"/></svg>`;

/** How a match was made, said when it is not obvious (typing "kfd" finds 咖啡店 by its initials). */
const VIA_EXPLAINED: readonly string[] = ['pinyin', 'initials', 'fuzzy', 'code', 'english'];

type GbtNotice = { code: string; type: 'industry' | 'general' | 'none' };

let instances = 0;

/**
 * @tag one-industry-navigator
 * @summary 一键导航 — find your industry: search (Chinese, pinyin, initials, GB/T codes), browse
 * the pilot industries by area, or walk the GB/T 4754-2017 classification down to the small
 * class; choose one or several industries (seed 002: businesses may combine them) and confirm.
 *
 * Small classes routed to an industry select it; classes routed to the general cross-industry
 * questions (通用问答) select that path for the class and say why; classes no comprehensive
 * licence covers say so honestly and select nothing. In English, GB/T groups and classes
 * (which have no official English name) are shown in Chinese with their pinyin.
 *
 * @event one-industry-select - The citizen confirmed their choice. `detail: IndustrySelectDetail`
 *   (`{ industries: string[]; general: string[]; generalUnclassified?: true }`). Bubbles, composed.
 * @event change - The selection changed (added, removed, cleared). `detail` is the current
 *   `IndustrySelectDetail`. Not fired when `selection` is set by code.
 *
 * @slot heading - Replaces the default heading ("一键导航：找到您的行业").
 * @slot intro - Replaces the default introduction under the heading.
 *
 * @csspart base - The wrapper of everything.
 * @csspart heading - The default heading.
 * @csspart tabs - The tab list (segmented control) of the three ways to find an industry.
 * @csspart tab - Each tab.
 * @csspart panel - Each tab panel.
 * @csspart search-input - The native search input.
 * @csspart results - The list of search results.
 * @csspart result - Each choosable search result (a button).
 * @csspart badge - The kind badge of a result (行业 / 许可 / GB/T code).
 * @csspart mark - Each highlighted part of a matched text.
 * @csspart empty - The "nothing found" box with its ways forward.
 * @csspart card - Each industry card when browsing by area.
 * @csspart gbt-node - Each section, division or small class button of the GB/T tree.
 * @csspart notice - The explanation shown after choosing a GB/T small class.
 * @csspart selection - The region listing what has been chosen.
 * @csspart chip - Each chosen item (a button that removes it).
 * @csspart confirm - The confirm button.
 *
 * @cssproperty --one-target-size - Minimum size of every touch target (44 px; kiosk 60 px; elder 72 px).
 * @cssproperty --one-font-size - Base text size.
 * @cssproperty --one-font-size-large - Large text size (names, input).
 * @cssproperty --one-font-size-xlarge - Heading size.
 * @cssproperty --one-font-size-small - Secondary text size.
 * @cssproperty --one-color-text - Text colour.
 * @cssproperty --one-color-text-muted - Secondary text colour.
 * @cssproperty --one-color-bg - Background.
 * @cssproperty --one-color-surface - Background of the tab bar and the selection region.
 * @cssproperty --one-color-border - Borders of controls.
 * @cssproperty --one-color-primary - Selected tab, chosen items, primary button.
 * @cssproperty --one-color-primary-soft - Background of chosen items and notices.
 * @cssproperty --one-color-mark - Background of highlighted matches.
 * @cssproperty --one-color-danger - "Not covered" notices.
 * @cssproperty --one-space - Base spacing unit.
 * @cssproperty --one-radius - Corner radius.
 * @cssproperty --one-navigator-card-min-width - Minimum width of an industry card (17rem).
 */
export class OneIndustryNavigator extends LitElement {
  static override styles = [tokens, styles];
  /** @internal Focusing the element focuses its first control. */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The runtime catalogue (industries, permits, domains, GB/T tree). */
  @property({ attribute: false }) catalogue?: Catalogue;

  /** The search index generated with the catalogue (`search-index.<city>.json`). */
  @property({ attribute: false }) searchIndex?: SearchIndex;

  /**
   * Allow choosing several items (default true: a bookshop with a café). Set
   * `multiple="false"` or the property to false to keep one choice, replaced on each pick.
   */
  @property({
    type: Boolean,
    converter: { fromAttribute: (value: string | null) => value !== null && value !== 'false' },
  })
  multiple = true;

  /** The most items (industries plus general-path classes) that can be chosen; 0 for no limit. */
  @property({ type: Number, attribute: 'max-selections' }) maxSelections = 5;

  /** The way shown first: `search`, `domain` or `gbt`. Changes as the citizen switches tabs. */
  @property() view: NavigatorView = 'search';

  /** The current choice. Setting it (e.g. restoring a session) fires no `change`. */
  @property({ attribute: false })
  get selection(): IndustrySelectDetail {
    return this.detail();
  }
  set selection(value: Partial<IndustrySelectDetail> | null | undefined) {
    const list = (v: unknown): string[] =>
      Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length <= 64))] : [];
    const old = this.detail();
    this.industries = list(value?.industries);
    this.general = list(value?.general);
    this.unclassified = value?.generalUnclassified === true;
    this.requestUpdate('selection', old);
  }

  @state() private query = '';
  @state() private industries: string[] = [];
  @state() private general: string[] = [];
  @state() private unclassified = false;
  @state() private gbtAt: string | null = null;
  @state() private notice: GbtNotice | null = null;
  @state() private live = '';
  @state() private limitHit = false;

  private readonly i18n = new I18nController(this);
  private readonly uid = `one-nav-${++instances}`;
  private searcher?: ReturnType<typeof createSearcher>;
  private results: SearchResult[] = [];
  private more = false;
  private searchedKey = '';
  private searchFailed = false;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private pendingFocus?: string;

  private industryById = new Map<string, Industry>();
  private permitById = new Map<string, Permit>();
  private gbtByCode = new Map<string, GbtNode>();
  private gbtChildren = new Map<string | null, GbtNode[]>();
  private industriesByPermit = new Map<string, Industry[]>();

  /** Clears the choice and the search (e.g. the kiosk's idle wipe). Fires `change` if anything was chosen. */
  clear(): void {
    const had = this.count() > 0;
    this.industries = [];
    this.general = [];
    this.unclassified = false;
    this.notice = null;
    this.limitHit = false;
    this.query = '';
    this.gbtAt = null;
    if (had) this.emitChange();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  // ---------------------------------------------------------------- data

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('catalogue')) this.index();
    if (changed.has('searchIndex')) {
      this.searcher = undefined;
      this.searchFailed = false;
      if (this.searchIndex) {
        try {
          this.searcher = createSearcher(this.searchIndex);
        } catch (error) {
          console.warn('[one-industry-navigator] the search index could not be used:', error);
          this.searchFailed = true;
        }
      }
      this.searchedKey = '';
    }
    if (changed.has('view') && !VIEWS.includes(this.view)) this.view = 'search';
    this.runSearch();
  }

  private index(): void {
    const c = this.catalogue;
    this.industryById = new Map((c?.industries ?? []).map((i) => [i.id, i]));
    this.permitById = new Map((c?.permits ?? []).map((p) => [p.id, p]));
    this.gbtByCode = new Map((c?.gbt ?? []).map((g) => [g.code, g]));
    this.gbtChildren = new Map();
    for (const node of c?.gbt ?? []) {
      const list = this.gbtChildren.get(node.parent) ?? [];
      list.push(node);
      this.gbtChildren.set(node.parent, list);
    }
    this.industriesByPermit = new Map();
    for (const ind of c?.industries ?? []) {
      for (const p of ind.permits) {
        const list = this.industriesByPermit.get(p.permit) ?? [];
        if (!list.includes(ind)) list.push(ind);
        this.industriesByPermit.set(p.permit, list);
      }
    }
    if (this.gbtAt && !this.gbtByCode.has(this.gbtAt)) this.gbtAt = null;
    this.searchedKey = '';
  }

  /** Runs at most once per update (Lit batches keystrokes into one microtask-coalesced update). */
  private runSearch(): void {
    const lang = this.i18n.language;
    const { text } = cleanQuery(this.query);
    const key = `${lang}\u0000${text}`;
    if (key === this.searchedKey) return;
    this.searchedKey = key;
    this.results = [];
    this.more = false;
    if (!text || !this.searcher) return;
    try {
      const found = this.searcher.search(text, { limit: RESULT_LIMIT + 1, lang });
      const known = found.filter((r) => this.isKnown(r));
      this.more = known.length > RESULT_LIMIT;
      this.results = known.slice(0, RESULT_LIMIT);
    } catch (error) {
      console.warn('[one-industry-navigator] search failed:', error);
      this.results = [];
    }
    this.scheduleAnnouncement();
  }

  private isKnown(r: SearchResult): boolean {
    if (r.kind === 'industry') return this.industryById.has(r.id);
    if (r.kind === 'permit') return this.permitById.has(r.id);
    if (r.kind === 'gbt') return this.gbtByCode.has(r.id);
    return false;
  }

  // ---------------------------------------------------------------- text helpers

  private tx(text: Text | undefined): string {
    if (!text) return '';
    return text[this.i18n.language] || text['zh-CN'];
  }

  private list(items: string[]): string {
    try {
      return new Intl.ListFormat(this.i18n.language, { type: 'conjunction' }).format(items);
    } catch {
      return items.join(', ');
    }
  }

  /** Toneless pinyin as stored (`dou lei 、 you liao`), with Chinese punctuation made Latin for reading. */
  private pinyinOf(node: GbtNode): string {
    return node.pinyin
      .replace(/\s*[、，,]\s*/gu, ', ')
      .replace(/\s*（\s*/gu, ' (')
      .replace(/\s*）\s*/gu, ') ')
      .replace(/\s*[；;]\s*/gu, '; ')
      .replace(/\s+/gu, ' ')
      .trim();
  }

  /** A GB/T node's name as plain text (for announcements and chips). */
  private gbtText(node: GbtNode): string {
    if (this.i18n.language === 'en' && !node.name.en) {
      return this.i18n.t('navigator.gbt.zhWithPinyin', { zh: node.name['zh-CN'], pinyin: this.pinyinOf(node) });
    }
    return this.tx(node.name);
  }

  /** A GB/T node's name as markup: in English without an English name, Chinese plus pinyin. */
  private gbtName(node: GbtNode, highlight?: SearchResult): TemplateResult {
    if (this.i18n.language === 'en' && !node.name.en) {
      const zh = node.name['zh-CN'];
      return html`<span lang="zh-CN">${this.marked(zh, highlight)}</span>
        <span class="pinyin" lang="zh-Latn-pinyin">${this.pinyinOf(node)}</span>`;
    }
    return html`<span>${this.marked(this.tx(node.name), highlight, [node.name['zh-CN']])}</span>`;
  }

  /**
   * `text`, with the result's highlight applied when the result matched exactly this text, or
   * one of its `variants` of the same length (the zh-CN form of a zh-TW name: opencc converts
   * character by character, so the offsets carry over).
   */
  private marked(text: string, r?: SearchResult, variants: string[] = []): TemplateResult | string {
    if (!r) return text;
    if (r.matched === text) return this.highlight(text, r.highlight);
    const length = Array.from(text).length;
    if (variants.some((v) => v === r.matched && Array.from(v).length === length)) return this.highlight(text, r.highlight);
    return text;
  }

  /** Text split into text nodes and <mark>s at code-point offsets: never parsed as HTML. */
  private highlight(text: string, ranges: SearchResult['highlight'] | undefined): TemplateResult {
    const points = Array.from(text);
    const parts: (string | TemplateResult)[] = [];
    let at = 0;
    for (const [s, e] of mergeRanges(ranges, points.length)) {
      if (s > at) parts.push(points.slice(at, s).join(''));
      parts.push(html`<mark part="mark">${points.slice(s, e).join('')}</mark>`);
      at = e;
    }
    if (at < points.length) parts.push(points.slice(at).join(''));
    return html`${parts}`;
  }

  private labelOf(kind: 'industry' | 'general', id: string): string {
    if (kind === 'industry') return this.tx(this.industryById.get(id)?.name) || id;
    const node = this.gbtByCode.get(id);
    return node ? this.gbtText(node) : id;
  }

  // ---------------------------------------------------------------- selection

  private knownIndustries(): string[] {
    return this.catalogue ? this.industries.filter((id) => this.industryById.has(id)) : this.industries;
  }
  private knownGeneral(): string[] {
    return this.catalogue ? this.general.filter((code) => this.gbtByCode.has(code)) : this.general;
  }

  private detail(): IndustrySelectDetail {
    const detail: IndustrySelectDetail = { industries: [...this.knownIndustries()], general: [...this.knownGeneral()] };
    if (this.unclassified) detail.generalUnclassified = true;
    return detail;
  }

  private count(): number {
    return this.knownIndustries().length + this.knownGeneral().length + (this.unclassified ? 1 : 0);
  }

  private roomFor(n: number): boolean {
    if (!this.multiple || this.maxSelections <= 0) return true;
    if (this.count() + n <= this.maxSelections) return true;
    this.limitHit = true;
    this.say(this.i18n.t('navigator.selection.max', { count: this.maxSelections }));
    return false;
  }

  private emitChange(): void {
    this.limitHit = false;
    this.dispatchEvent(new CustomEvent<IndustrySelectDetail>('change', { detail: this.detail(), bubbles: true }));
  }

  /** Adds items (or, with `multiple` off, replaces the choice with them). */
  private add(industries: string[], general: string[], unclassified = false): boolean {
    const newIndustries = industries.filter((id) => !this.knownIndustries().includes(id));
    const newGeneral = general.filter((code) => !this.knownGeneral().includes(code));
    const adds = newIndustries.length + newGeneral.length + (unclassified && !this.unclassified ? 1 : 0);
    if (!adds) return false;
    if (!this.multiple) {
      const had = this.count() > 0;
      this.industries = [...industries];
      this.general = [...general];
      this.unclassified = unclassified;
      const names = [...industries.map((id) => this.labelOf('industry', id)), ...general.map((c) => this.labelOf('general', c))];
      if (unclassified) names.push(this.i18n.t('navigator.selection.generalUnclassified'));
      this.say(this.i18n.t(had ? 'navigator.selection.replaced' : 'navigator.selection.added', { name: this.list(names) }));
      this.emitChange();
      return true;
    }
    if (!this.roomFor(adds)) return false;
    this.industries = [...this.knownIndustries(), ...newIndustries];
    this.general = [...this.knownGeneral(), ...newGeneral];
    if (unclassified) this.unclassified = true;
    const names = [...newIndustries.map((id) => this.labelOf('industry', id)), ...newGeneral.map((c) => this.labelOf('general', c))];
    if (unclassified) names.push(this.i18n.t('navigator.selection.generalUnclassified'));
    this.say(this.i18n.t('navigator.selection.added', { name: this.list(names) }));
    this.emitChange();
    return true;
  }

  private unselect(industries: string[], general: string[], unclassified = false): void {
    const names = [
      ...industries.filter((id) => this.industries.includes(id)).map((id) => this.labelOf('industry', id)),
      ...general.filter((c) => this.general.includes(c)).map((c) => this.labelOf('general', c)),
    ];
    if (unclassified && this.unclassified) names.push(this.i18n.t('navigator.selection.generalUnclassified'));
    if (!names.length) return;
    this.industries = this.industries.filter((id) => !industries.includes(id));
    this.general = this.general.filter((c) => !general.includes(c));
    if (unclassified) this.unclassified = false;
    this.say(this.i18n.t('navigator.selection.removed', { name: this.list(names) }));
    this.emitChange();
  }

  private toggleIndustry(id: string): void {
    if (this.knownIndustries().includes(id)) this.unselect([id], []);
    else this.add([id], []);
  }

  /** What choosing a GB/T node does: small classes follow their route, others open in the tree. */
  private chooseGbt(node: GbtNode): void {
    if (node.level !== 4 || !node.route) {
      this.openGbt(node);
      return;
    }
    const route = node.route;
    if (route.type === 'industry') {
      const ids = route.industries.filter((id) => this.industryById.has(id));
      const all = ids.length > 0 && ids.every((id) => this.knownIndustries().includes(id));
      if (all) {
        this.unselect(ids, []);
        this.notice = null;
      } else if (this.add(ids, [])) {
        this.notice = { code: node.code, type: 'industry' };
      }
    } else if (route.type === 'general') {
      if (this.knownGeneral().includes(node.code)) {
        this.unselect([], [node.code]);
        this.notice = null;
      } else if (this.add([], [node.code])) {
        this.notice = { code: node.code, type: 'general' };
        this.say(`${this.i18n.t('navigator.gbt.chosenGeneral', { name: this.gbtText(node) })} ${this.tx(route.reason)}`);
      }
    } else {
      this.notice = { code: node.code, type: 'none' };
      this.say(`${this.i18n.t('navigator.gbt.none', { name: this.gbtText(node) })} ${this.tx(route.reason)}`);
    }
  }

  private gbtPressed(node: GbtNode): boolean | undefined {
    const route = node.route;
    if (node.level !== 4 || !route || route.type === 'none') return undefined;
    if (route.type === 'general') return this.knownGeneral().includes(node.code);
    const ids = route.industries.filter((id) => this.industryById.has(id));
    return ids.length > 0 && ids.every((id) => this.knownIndustries().includes(id));
  }

  private confirm(): void {
    if (!this.count()) return;
    this.dispatchEvent(oneEvent('one-industry-select', this.detail()));
  }

  // ---------------------------------------------------------------- announcements & focus

  /** Polite live-region message; `now` skips the quiet time (answers to a tap). */
  private say(message: string, now = true): void {
    clearTimeout(this.announceTimer);
    const speak = () => {
      // Re-setting the same text would not be announced again: clear first.
      this.live = '';
      void this.updateComplete.then(() => {
        this.live = message;
      });
    };
    if (now) speak();
    else this.announceTimer = setTimeout(speak, ANNOUNCE_DELAY_MS);
  }

  private countMessage(): string {
    const { t } = this.i18n;
    const { text } = cleanQuery(this.query);
    if (!text) return '';
    if (!this.results.length) return text ? t('navigator.search.empty', { query: text }) : t('navigator.search.emptyNoQuery');
    return this.more ? t('navigator.search.countMore', { count: this.results.length }) : t('navigator.search.count', { count: this.results.length });
  }

  private scheduleAnnouncement(): void {
    const message = this.countMessage();
    if (message) this.say(message, false);
  }

  /** Moves focus after the next render (which this requests). */
  private focusLater(selector: string): void {
    this.pendingFocus = selector;
    this.requestUpdate();
  }

  protected override updated(): void {
    if (this.pendingFocus) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.pendingFocus);
      this.pendingFocus = undefined;
      if (target) {
        target.focus({ preventScroll: true });
        const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
        target.scrollIntoView?.({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
      }
    }
  }

  // ---------------------------------------------------------------- navigation

  private show(view: NavigatorView, focusTab = false): void {
    this.view = view;
    if (focusTab) this.focusLater(`#${this.uid}-tab-${view}`);
  }

  private onTabKey(e: KeyboardEvent): void {
    // Relative to the focused tab (APG), which is the selected one unless focus was moved by code.
    const focused = VIEWS.findIndex((v) => (e.target as Element | null)?.id === `${this.uid}-tab-${v}`);
    const i = focused >= 0 ? focused : VIEWS.indexOf(this.view);
    let next: number;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = (i + 1) % VIEWS.length;
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = (i - 1 + VIEWS.length) % VIEWS.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = VIEWS.length - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    const view = VIEWS[next];
    if (view) this.show(view, true);
  }

  private openGbt(node: GbtNode | null): void {
    this.view = 'gbt';
    this.notice = null;
    if (!node) {
      this.gbtAt = null;
      this.focusLater(`#${this.uid}-gbt-heading`);
    } else if (node.level <= 2) {
      this.gbtAt = node.code;
      this.focusLater(`#${this.uid}-gbt-heading`);
    } else {
      // A group or class opens its division, focused on the group.
      const group = node.level === 3 ? node : this.gbtByCode.get(node.parent ?? '');
      this.gbtAt = group?.parent ?? null;
      this.focusLater(`#${this.uid}-g-${group?.code ?? ''}`);
    }
  }

  private onInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
  }

  private jumpTo(domainId: string): void {
    this.focusLater(`#${this.uid}-d-${domainId}`);
  }

  // ---------------------------------------------------------------- render

  protected override render() {
    const { t, language } = this.i18n;
    const ready = !!this.catalogue;
    return html`<div class="base" part="base" lang=${language}>
      <slot name="heading"><h2 part="heading">${t('navigator.title')}</h2></slot>
      <slot name="intro"><p class="intro">${t(this.multiple ? 'navigator.intro' : 'navigator.introSingle')}</p></slot>
      ${ready ? this.renderBody() : html`<p role="status">${t('navigator.loading')}</p>`}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.live}</div>
    </div>`;
  }

  private renderBody() {
    const { t } = this.i18n;
    const id = this.uid;
    return html`<div class="tabs" part="tabs" role="tablist" aria-label=${t('navigator.tabs.label')} @keydown=${this.onTabKey}>
        ${VIEWS.map(
          (view) =>
            html`<button
              class="tab"
              part="tab"
              role="tab"
              type="button"
              id="${id}-tab-${view}"
              aria-selected=${view === this.view ? 'true' : 'false'}
              aria-controls="${id}-panel-${view}"
              tabindex=${view === this.view ? 0 : -1}
              @click=${() => this.show(view)}
            >
              ${t(`navigator.tabs.${view}`)}
            </button>`,
        )}
      </div>
      ${VIEWS.map(
        (view) =>
          html`<div
            class="panel"
            part="panel"
            role="tabpanel"
            id="${id}-panel-${view}"
            aria-labelledby="${id}-tab-${view}"
            ?hidden=${view !== this.view}
          >
            ${view !== this.view ? nothing : view === 'search' ? this.renderSearch() : view === 'domain' ? this.renderDomains() : this.renderGbt()}
          </div>`,
      )}
      ${this.renderSelection()}`;
  }

  // ---- search

  private renderSearch() {
    const { t } = this.i18n;
    const id = this.uid;
    const cleaned = cleanQuery(this.query);
    const unavailable = !this.searchIndex || this.searchFailed;
    return html`<div class="field">
        <label for="${id}-q">${t('navigator.search.label')}</label>
        <input
          id="${id}-q"
          part="search-input"
          type="search"
          inputmode="search"
          enterkeyhint="search"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          maxlength=${MAX_QUERY_LENGTH * 2}
          aria-describedby="${id}-hint"
          .value=${this.query}
          @input=${this.onInput}
        />
        <p class="hint" id="${id}-hint">${t('navigator.search.hint')}</p>
      </div>
      ${unavailable ? html`<p class="notice">${t('navigator.search.unavailable')}</p>` : nothing}
      ${cleaned.truncated ? html`<p class="note">${t('navigator.search.truncated', { count: MAX_QUERY_LENGTH })}</p>` : nothing}
      ${cleaned.ignored ? html`<p class="note">${t('navigator.search.ignored')}</p>` : nothing}
      ${!cleaned.text
        ? html`<p class="muted">${t('navigator.search.prompt')}</p>`
        : this.results.length
          ? html`<p class="status" id="${id}-count">${this.countMessage()}</p>
              <ul class="results" part="results" aria-labelledby="${id}-count">
                ${this.results.map((r) => html`<li>${this.renderResult(r)}</li>`)}
              </ul>`
          : this.renderEmpty(cleaned.text)}`;
  }

  private badge(kind: SearchResult['kind'], code?: string) {
    const { t } = this.i18n;
    return html`<span class="badge ${kind}" part="badge">${kind === 'gbt' ? t('navigator.badge.gbt', { code }) : t(`navigator.badge.${kind}`)}</span>`;
  }

  /** "Matched: 咖啡店 (pinyin initials)" when what matched is not the name shown. */
  private via(r: SearchResult, shown: string[]) {
    if (!r.matched || shown.includes(r.matched)) return nothing;
    const { t, language } = this.i18n;
    const how = VIA_EXPLAINED.includes(r.via) ? t('navigator.search.viaNote', { how: t(`navigator.search.via.${r.via}`) }) : '';
    const han = /\p{Script=Han}/u.test(r.matched);
    return html`<span class="sub"
      >${t('navigator.search.matchedVia')}<span lang=${ifDefined(han && language === 'en' ? 'zh-CN' : undefined)}>${this.highlight(r.matched, r.highlight)}</span
      >${how}</span
    >`;
  }

  private chosenMark() {
    return html`<span class="chosen">${checkIcon}${this.i18n.t('navigator.selection.selected')}</span>`;
  }

  private renderResult(r: SearchResult) {
    const { t } = this.i18n;
    if (r.kind === 'industry') {
      const ind = this.industryById.get(r.id);
      if (!ind) return nothing;
      const name = this.tx(ind.name);
      const pressed = this.knownIndustries().includes(ind.id);
      return html`<button class="result" part="result" type="button" aria-pressed=${pressed ? 'true' : 'false'} @click=${() => this.toggleIndustry(ind.id)}>
        <span class="result-main">
          <span class="label">${this.marked(name, r, [ind.name['zh-CN']])}</span>
          ${this.via(r, [name, ind.name['zh-CN']])}
          <span class="sub">${firstSentence(this.tx(ind.summary))}</span>
        </span>
        ${this.badge('industry')} ${this.chosenMark()}
      </button>`;
    }
    if (r.kind === 'permit') {
      const permit = this.permitById.get(r.id);
      if (!permit) return nothing;
      const name = this.tx(permit.name);
      const inds = this.industriesByPermit.get(permit.id) ?? [];
      return html`<div class="permit-card">
        <div class="permit-head">
          <span class="result-main">
            <span class="label">${this.marked(name, r, [permit.name['zh-CN']])}</span>
            ${this.via(r, [name, permit.name['zh-CN']])}
          </span>
          ${this.badge('permit')}
        </div>
        ${inds.length
          ? html`<p class="sub">${t('navigator.search.permitIndustries')}</p>
              <div class="chooser-row">
                ${inds.map(
                  (ind) =>
                    html`<button
                      type="button"
                      part="result"
                      class="result"
                      aria-pressed=${this.knownIndustries().includes(ind.id) ? 'true' : 'false'}
                      @click=${() => this.toggleIndustry(ind.id)}
                    >
                      <span class="label">${this.tx(ind.name)}</span>${this.chosenMark()}
                    </button>`,
                )}
              </div>`
          : html`<p class="sub">${t('navigator.search.permitNoIndustries')}</p>`}
      </div>`;
    }
    const node = this.gbtByCode.get(r.id);
    if (!node) return nothing;
    const pressed = this.gbtPressed(node);
    const shown = [node.name['zh-CN'], this.tx(node.name), node.code];
    return html`<button
        class="result"
        part="result"
        type="button"
        aria-pressed=${ifDefined(pressed === undefined ? undefined : pressed ? 'true' : 'false')}
        @click=${() => this.chooseGbt(node)}
      >
        <span class="result-main">
          <span class="label">${this.gbtName(node, r)}</span>
          ${this.via(r, shown)}
          ${node.level === 4 ? this.routeHint(node) : html`<span class="sub">${t('navigator.search.openGbt')}</span>`}
        </span>
        ${this.badge('gbt', node.code)} ${pressed === undefined ? nothing : this.chosenMark()}
      </button>
      ${this.renderNotice(node)}`;
  }

  private renderEmpty(query: string) {
    const { t } = this.i18n;
    return html`<div class="empty" part="empty">
      <p class="status" id="${this.uid}-count">${t('navigator.search.empty', { query })}</p>
      <p>${t('navigator.search.emptyHelp')}</p>
      <div class="way">
        <button
          class="primary"
          type="button"
          aria-pressed=${this.unclassified ? 'true' : 'false'}
          aria-describedby="${this.uid}-general-help"
          @click=${() => (this.unclassified ? this.unselect([], [], true) : this.add([], [], true))}
        >
          ${t('navigator.search.general')}
        </button>
        <button type="button" @click=${() => this.show('domain', true)}>${t('navigator.search.browseDomain')}</button>
        <button type="button" @click=${() => this.openGbt(null)}>${t('navigator.search.browseGbt')}</button>
      </div>
      <p class="hint" id="${this.uid}-general-help">${t('navigator.search.generalHelp')}</p>
    </div>`;
  }

  // ---- browse by domain

  private renderDomains() {
    const { t } = this.i18n;
    const c = this.catalogue;
    if (!c) return nothing;
    const groups = c.domains.map((d) => ({ id: d.id, name: this.tx(d.name), items: c.industries.filter((i) => i.domain === d.id) }));
    const known = new Set(c.domains.map((d) => d.id));
    const orphans = c.industries.filter((i) => !known.has(i.domain));
    if (orphans.length) groups.push({ id: 'other', name: t('navigator.domain.other'), items: orphans });
    const shown = groups.filter((g) => g.items.length);
    return html`<nav class="jump" aria-label=${t('navigator.domain.jump')}>
        ${shown.map((g) => html`<button type="button" @click=${() => this.jumpTo(g.id)}>${g.name}</button>`)}
      </nav>
      <div class="domains">
        ${shown.map(
          (g) => html`<section class="domain" aria-labelledby="${this.uid}-d-${g.id}">
            <div class="domain-head">
              <h3 id="${this.uid}-d-${g.id}" tabindex="-1">${g.name}</h3>
              <span class="muted">${t('navigator.domain.count', { count: g.items.length })}</span>
            </div>
            <ul class="grid">
              ${g.items.map((ind) => {
                const pressed = this.knownIndustries().includes(ind.id);
                return html`<li>
                  <button class="card" part="card" type="button" aria-pressed=${pressed ? 'true' : 'false'} @click=${() => this.toggleIndustry(ind.id)}>
                    <span class="card-top"><span class="name">${this.tx(ind.name)}</span>${this.chosenMark()}</span>
                    <span class="summary">${firstSentence(this.tx(ind.summary))}</span>
                  </button>
                </li>`;
              })}
            </ul>
          </section>`,
        )}
      </div>`;
  }

  // ---- GB/T tree

  private routeHint(node: GbtNode) {
    const { t } = this.i18n;
    const route = node.route;
    if (!route) return nothing;
    if (route.type === 'industry') {
      const names = route.industries.map((id) => this.labelOf('industry', id));
      return html`<span class="route">${t('navigator.gbt.routeIndustry', { names: this.list(names) })}</span>`;
    }
    if (route.type === 'general') return html`<span class="route">${t('navigator.gbt.routeGeneral')}</span>`;
    return html`<span class="route none">${t('navigator.gbt.routeNone')}</span>`;
  }

  private renderNotice(node: GbtNode) {
    const n = this.notice;
    if (!n || n.code !== node.code || !node.route) return nothing;
    const { t } = this.i18n;
    const route = node.route;
    const name = this.gbtText(node);
    if (route.type === 'industry') {
      const names = this.list(route.industries.map((id) => this.labelOf('industry', id)));
      return html`<div class="notice" part="notice"><p>${t('navigator.gbt.chosenIndustry', { names })}</p></div>`;
    }
    if (route.type === 'general') {
      return html`<div class="notice" part="notice">
        <p><strong>${t('navigator.gbt.chosenGeneral', { name })}</strong></p>
        <p>${t('navigator.gbt.generalWhy', { reason: this.tx(route.reason) })}</p>
      </div>`;
    }
    return html`<div class="notice none" part="notice">
      <p><strong>${t('navigator.gbt.none', { name })}</strong></p>
      <p>${t('navigator.gbt.noneWhy', { reason: this.tx(route.reason) })}</p>
    </div>`;
  }

  private renderGbt() {
    const { t, language } = this.i18n;
    const at = this.gbtAt ? this.gbtByCode.get(this.gbtAt) : undefined;
    const trail: GbtNode[] = [];
    for (let n = at; n; n = n.parent ? this.gbtByCode.get(n.parent) : undefined) trail.unshift(n);
    const children = this.gbtChildren.get(at?.code ?? null) ?? [];
    const headingId = `${this.uid}-gbt-heading`;
    return html`<p class="intro">${t('navigator.gbt.intro')}</p>
      ${language === 'en' ? html`<p class="note">${t('navigator.gbt.noEnglish')}</p>` : nothing}
      ${at
        ? html`<nav class="crumbs" aria-label=${t('navigator.gbt.path')}>
            <ol>
              <li><button type="button" class="link" @click=${() => this.openGbt(null)}>${t('navigator.gbt.top')}</button></li>
              ${trail.map((n, i) =>
                i === trail.length - 1
                  ? html`<li><span aria-current="location"><span class="code">${n.code}</span> ${this.gbtName(n)}</span></li>`
                  : html`<li>
                      <button type="button" class="link" @click=${() => this.openGbt(n)}><span class="code">${n.code}</span> ${this.gbtName(n)}</button>
                    </li>`,
              )}
            </ol>
          </nav>`
        : nothing}
      <h3 id=${headingId} tabindex="-1">
        ${at ? html`<span class="code">${at.code}</span> ${this.gbtName(at)}` : t('navigator.gbt.top')}
      </h3>
      ${at && at.level >= 2 ? this.renderGroups(children) : this.renderNodeList(children)}
      ${at
        ? html`<div>
            <button type="button" @click=${() => this.openGbt(at.parent ? (this.gbtByCode.get(at.parent) ?? null) : null)}>
              ${t('navigator.gbt.back')}
            </button>
          </div>`
        : nothing}`;
  }

  /** Sections or divisions: one button each, opening the next level. */
  private renderNodeList(nodes: GbtNode[]) {
    const { t } = this.i18n;
    return html`<ul class="nodes">
      ${nodes.map((n) => {
        const count = this.gbtChildren.get(n.code)?.length ?? 0;
        return html`<li>
          <button class="node" part="gbt-node" type="button" @click=${() => this.openGbt(n)}>
            <span class="code">${n.code}</span>
            <span class="text">
              <span class="name">${this.gbtName(n)}</span>
              <span class="sub">${t('navigator.gbt.childCount', { count })}</span>
            </span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  /** A division's groups, each with its small classes (choosable). */
  private renderGroups(groups: GbtNode[]) {
    return html`${groups.map(
      (g) => html`<section class="group" aria-labelledby="${this.uid}-g-${g.code}">
        <h4 id="${this.uid}-g-${g.code}" tabindex="-1"><span class="code">${g.code}</span> ${this.gbtName(g)}</h4>
        <ul class="classes">
          ${(this.gbtChildren.get(g.code) ?? []).map((c) => {
            const pressed = this.gbtPressed(c);
            return html`<li>
              <button
                class="node"
                part="gbt-node"
                type="button"
                aria-pressed=${ifDefined(pressed === undefined ? undefined : pressed ? 'true' : 'false')}
                @click=${() => this.chooseGbt(c)}
              >
                <span class="code">${c.code}</span>
                <span class="text"><span class="name">${this.gbtName(c)}</span>${this.routeHint(c)}</span>
                ${pressed === undefined ? nothing : this.chosenMark()}
              </button>
              ${this.renderNotice(c)}
            </li>`;
          })}
        </ul>
      </section>`,
    )}`;
  }

  // ---- selection

  private renderSelection() {
    const { t } = this.i18n;
    const count = this.count();
    const titleId = `${this.uid}-sel`;
    const chip = (label: string, onRemove: () => void) =>
      html`<li>
        <button class="chip" part="chip" type="button" @click=${onRemove}>
          <span>${label}</span><span class="visually-hidden">${t('navigator.selection.remove')}</span><span class="x">${closeIcon}</span>
        </button>
      </li>`;
    return html`<section class="selection" part="selection" aria-labelledby=${titleId}>
      <div class="selection-head">
        <h3 id=${titleId} tabindex="-1">${t('navigator.selection.title')}</h3>
        ${count ? html`<span class="muted">${t('navigator.selection.count', { count })}</span>` : nothing}
      </div>
      ${count
        ? html`<ul class="chips" aria-labelledby=${titleId}>
            ${this.knownIndustries().map((id) => chip(this.labelOf('industry', id), () => this.removeChip(() => this.unselect([id], []))))}
            ${this.knownGeneral().map((code) =>
              chip(t('navigator.selection.general', { name: this.labelOf('general', code) }), () =>
                this.removeChip(() => this.unselect([], [code])),
              ),
            )}
            ${this.unclassified ? chip(t('navigator.selection.generalUnclassified'), () => this.removeChip(() => this.unselect([], [], true))) : nothing}
          </ul>`
        : html`<p class="muted">${t(this.multiple ? 'navigator.selection.empty' : 'navigator.selection.emptySingle')}</p>`}
      ${this.limitHit ? html`<p class="notice none">${t('navigator.selection.max', { count: this.maxSelections })}</p>` : nothing}
      ${count
        ? html`<div class="actions">
            ${count > 1 ? html`<button type="button" @click=${this.clearAll}>${t('navigator.selection.clear')}</button>` : nothing}
            <button class="primary" part="confirm" type="button" @click=${this.confirm}>${t('navigator.selection.confirm')}</button>
          </div>`
        : nothing}
    </section>`;
  }

  /** Removes a chip and keeps focus inside the selection (the next chip, or the heading). */
  private removeChip(remove: () => void): void {
    const chips = [...this.renderRoot.querySelectorAll<HTMLElement>('.chip')];
    const at = chips.findIndex((c) => c === this.renderRoot.querySelector('.chip:focus'));
    remove();
    void this.updateComplete.then(() => {
      const after = [...this.renderRoot.querySelectorAll<HTMLElement>('.chip')];
      const target = after[Math.min(Math.max(at, 0), after.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>(`#${this.uid}-sel`);
      target?.focus();
    });
  }

  private readonly clearAll = () => {
    this.industries = [];
    this.general = [];
    this.unclassified = false;
    this.notice = null;
    this.say(this.i18n.t('navigator.selection.cleared'));
    this.emitChange();
    this.focusLater(`#${this.uid}-sel`);
  };
}
