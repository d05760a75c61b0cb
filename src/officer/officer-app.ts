/**
 * `<one-officer-app>`: the officer console (its own page, /officer.html; not part of the
 * kiosk) for exercising the lifecycle by hand: a demo login as a department, then its
 * applications (inspection findings, decisions), its licences (暂扣, 恢复, 撤销, 吊销), 好差评
 * follow-up and reports from the public. Desktop-first; routes live in the URL fragment
 * (#/applications, #/applications/<id>, #/licences, #/licences/<number>, #/ratings, #/reports,
 * #/help, #/help/<handover code> — calls from the kiosks and handovers to the window)
 * so every screen can be linked and reloaded.
 */
import { LitElement, html, css, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { Task } from '@lit/task';
import { apiContext } from '../api/context.js';
import { createApiClient, type ApiClient } from '../api/client.js';
import type { Catalogue } from '../core/catalogue/types.js';
import { i18nContext } from '../i18n/context.js';
import { sharedI18n } from '../i18n/index.js';
import { tokens } from '../components/shared/tokens.js';
import { appShell } from '../components/shared/app-shell.js';
import { define } from '../components/shared/define.js';
import '../components/language-switch/language-switch.js';
import { createOfficerApi, officerToken, type OfficerApi } from './api.js';
import { addOfficerResources, OfficerText } from './i18n.js';
import { loadDepartment, saveDepartment } from './drafts.js';
import { officerStyles, renderProblem } from './shared.js';
import './officer-applications.js';
import './officer-application.js';
import './officer-licences.js';
import './officer-licence.js';
import './officer-ratings.js';
import './officer-reports.js';
import './officer-help.js';

export type OfficerRoute =
  | { view: 'applications' }
  | { view: 'application'; id: string }
  | { view: 'licences' }
  | { view: 'licence'; number: string }
  | { view: 'ratings' }
  | { view: 'reports' }
  | { view: 'help'; code: string };

const SECTIONS = ['applications', 'licences', 'ratings', 'reports', 'help'] as const;

/** The page around the console: no margin (a constructed sheet, allowed by the strict CSP). */
const pageSheet = new CSSStyleSheet();
pageSheet.replaceSync('body { margin: 0; background: #f3f5f8; }');

/** Reads a route from a URL fragment; anything unknown is the applications list. */
export function parseRoute(hash: string): OfficerRoute {
  const [section = '', id] = hash.replace(/^#\/?/, '').split('/');
  const value = id ? decodeURIComponent(id) : '';
  if (section === 'applications' && value) return { view: 'application', id: value };
  if (section === 'licences' && value) return { view: 'licence', number: value };
  if (section === 'help') return { view: 'help', code: value };
  if (section === 'licences' || section === 'ratings' || section === 'reports') return { view: section };
  return { view: 'applications' };
}

const sectionOf = (r: OfficerRoute): (typeof SECTIONS)[number] =>
  r.view === 'application' ? 'applications' : r.view === 'licence' ? 'licences' : r.view;

export class OneOfficerApp extends LitElement {
  static override styles = [
    tokens,
    officerStyles,
    appShell,
    css`
      header {
        background: var(--_bg);
        border-top: 6px solid var(--_primary);
        border-bottom: 1px solid var(--_border);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: calc(var(--_space) * 2);
        max-width: 90rem;
        margin: 0 auto;
        padding: calc(var(--_space) * 1.5) calc(var(--_space) * 3);
        box-sizing: border-box;
      }
      h1 {
        margin: 0;
        font-size: var(--_size-xl);
        line-height: 1.2;
        color: var(--_primary);
      }
      .subtitle {
        margin: 0;
        color: var(--_muted);
      }
      .settings {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: calc(var(--_space) * 2);
      }
      .login {
        display: grid;
        gap: calc(var(--_space) / 2);
      }
      .login select {
        width: auto;
        min-width: 16rem;
        max-width: 26rem;
      }
      .demo {
        max-width: 90rem;
        margin: 0 auto;
        padding: 0 calc(var(--_space) * 3) calc(var(--_space) * 1.5);
        box-sizing: border-box;
      }
      .demo p {
        margin: 0;
        padding: calc(var(--_space) / 2) var(--_space);
        border-left: 6px solid #b36b00;
        background: #fff4d6;
        color: #4a2e00;
      }
      nav {
        background: var(--_primary);
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        list-style: none;
        max-width: 90rem;
        margin: 0 auto;
        padding: 0 calc(var(--_space) * 3);
        box-sizing: border-box;
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-height: var(--_target);
        padding: 0 calc(var(--_space) * 2);
        color: var(--_on-primary);
        text-decoration: none;
        border-bottom: 4px solid transparent;
      }
      nav a[aria-current='page'] {
        border-bottom-color: var(--_on-primary);
        font-weight: 700;
      }
      nav a:hover {
        text-decoration: underline;
      }
      main {
        flex: 1;
        width: 100%;
        max-width: 90rem;
        margin: 0 auto;
        padding: calc(var(--_space) * 3);
        box-sizing: border-box;
      }
      main:focus {
        outline: none;
      }
      .welcome {
        max-width: 48rem;
      }
    `,
  ];

  /** Where the API lives (the mock on /api by default). */
  @property({ attribute: 'api-base' }) apiBase = new URL('/api', location.href).href;
  /** The client (tests give one over the in-memory back end); made from `apiBase` otherwise. */
  @property({ attribute: false }) client?: ApiClient;
  /** The clock, passed to the screens (overdue items). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private department?: string = loadDepartment();
  @state() private route: OfficerRoute = parseRoute(location.hash);

  private readonly o = new OfficerText(this);
  private readonly i18nProvider = new ContextProvider(this, { context: i18nContext, initialValue: addOfficerResources(sharedI18n()) });
  private readonly apiProvider = new ContextProvider(this, { context: apiContext });
  private officerApi?: { client: ApiClient; department: string; api: OfficerApi };

  private get apiClient(): ApiClient {
    this.client ??= createApiClient(this.apiBase);
    return this.client;
  }

  private readonly catalogue = new Task(this, {
    task: async ([client], { signal }) => client.getCatalogue(signal),
    args: () => [this.apiClient] as const,
  });

  private readonly onHashChange = () => {
    this.route = parseRoute(location.hash);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('main')?.focus({ preventScroll: false }));
  };

  private readonly onLanguage = () => this.applyLanguage();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    if (!document.adoptedStyleSheets.includes(pageSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
    this.o.i18n.on('languageChanged', this.onLanguage);
    this.applyLanguage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.o.i18n.off('languageChanged', this.onLanguage);
  }

  protected override willUpdate(): void {
    this.apiProvider.setValue(this.apiClient);
    void this.i18nProvider;
  }

  private applyLanguage(): void {
    document.documentElement.lang = this.o.language;
    document.title = this.o.t('title');
  }

  /** The API as the chosen department; the same object while nothing changes (screens keep their data). */
  private get api(): OfficerApi | undefined {
    if (!this.department) return undefined;
    const client = this.apiClient;
    if (this.officerApi?.client !== client || this.officerApi.department !== this.department) {
      this.officerApi = { client, department: this.department, api: createOfficerApi(client, this.department) };
    }
    return this.officerApi.api;
  }

  private choose(department: string): void {
    this.department = department || undefined;
    saveDepartment(this.department);
  }

  protected override render() {
    const { t } = this.o;
    const catalogue = this.catalogue.value;
    return html`<button class="skip" type="button" @click=${this.skip}>${t('skip')}</button>
      <header>
        <div class="bar">
          <div>
            <h1>${t('title')}</h1>
            <p class="subtitle">${t('subtitle')}</p>
          </div>
          <div class="settings">
            <div class="login">
              <label for="department">${t('demo.label')}</label>
              <select id="department" aria-describedby="demo-note" @change=${(e: Event) => this.choose((e.target as HTMLSelectElement).value)}>
                <option value="" ?selected=${!this.department}>${t('demo.choose')}</option>
                ${(catalogue?.departments ?? []).map(
                  (d) => html`<option value=${d.id} ?selected=${d.id === this.department}>${d.name[this.o.language] || d.id}</option>`,
                )}
              </select>
            </div>
            <one-language-switch></one-language-switch>
          </div>
        </div>
        <div class="demo">
          <p id="demo-note">
            <strong>${t('demo.badge')}</strong>
            ${this.department ? t('demo.note', { token: officerToken(this.department) }) : t('demo.noteNone')}
          </p>
        </div>
        ${this.department ? this.nav() : nothing}
      </header>
      <main id="main" tabindex="-1">${this.content(catalogue)}</main>`;
  }

  private skip(): void {
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  private nav() {
    const { t } = this.o;
    const current = sectionOf(this.route);
    return html`<nav aria-label=${t('nav.label')}>
      <ul>
        ${SECTIONS.map((s) => html`<li><a href="#/${s}" aria-current=${s === current ? 'page' : 'false'}>${t(`nav.${s}`)}</a></li>`)}
      </ul>
    </nav>`;
  }

  private content(catalogue: Catalogue | undefined) {
    const { t } = this.o;
    if (this.catalogue.error !== undefined && !catalogue) {
      return html`${renderProblem(this.o, this.catalogue.error)}<button type="button" @click=${() => void this.catalogue.run()}>${t('common.retry')}</button>`;
    }
    if (!catalogue) return html`<p role="status">${t('common.loading')}</p>`;
    const api = this.api;
    if (!api) {
      return html`<section class="welcome panel" aria-labelledby="welcome">
        <h2 id="welcome">${t('welcome.title')}</h2>
        <p>${t('welcome.text')}</p>
        <p>${t('welcome.try')}</p>
      </section>`;
    }
    const r = this.route;
    switch (r.view) {
      case 'application':
        return html`<one-officer-application .api=${api} .catalogue=${catalogue} .now=${this.now} application-id=${r.id}></one-officer-application>`;
      case 'licences':
        return html`<one-officer-licences .api=${api} .catalogue=${catalogue} .now=${this.now}></one-officer-licences>`;
      case 'licence':
        return html`<one-officer-licence .api=${api} .catalogue=${catalogue} .now=${this.now} number=${r.number}></one-officer-licence>`;
      case 'ratings':
        return html`<one-officer-ratings .api=${api} .catalogue=${catalogue} .now=${this.now}></one-officer-ratings>`;
      case 'reports':
        return html`<one-officer-reports .api=${api} .catalogue=${catalogue} .now=${this.now}></one-officer-reports>`;
      case 'help':
        return html`<one-officer-help .api=${api} .catalogue=${catalogue} .now=${this.now} code=${r.code}></one-officer-help>`;
      default:
        return html`<one-officer-applications .api=${api} .catalogue=${catalogue} .now=${this.now}></one-officer-applications>`;
    }
  }
}

define('one-officer-app', OneOfficerApp);

declare global {
  interface HTMLElementTagNameMap {
    'one-officer-app': OneOfficerApp;
  }
}
