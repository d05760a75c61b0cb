import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { TOptions } from 'i18next';
import { languageOf, loadNamespace, newI18n, DEFAULT_LANGUAGE, type I18n, type Language } from '../../i18n/instance.js';
import { CREDENTIAL_NS, credentialLoaders } from '../../i18n/credential.js';
import { verify, type Verdict } from '../../core/credential/verify.js';
import { CHECKS, type ReasonCode } from '../../core/credential/reasons.js';
import type { TrustedIssuer, TrustList } from '../../core/credential/trust-list.js';
import { oneEvent, type VerifiedDetail } from '../events.js';
import { tokens } from '../shared/tokens.js';
import { buttons } from '../shared/buttons.js';
import { formatDay, formatInstant, icon, iconStyles, INTL_LOCALE, TONE, type Tone } from '../shared/licence-look.js';
import { VERIFIER_NS, verifierLoaders } from './locales.js';
import { VerifierSources } from './sources.js';
import { loadChecklists, loadNames, type ChecklistItem, type VerifierNames } from './data.js';
import type * as Scanner from './scanner/index.js';
import type { CameraInfo, CameraScanner, Decoder } from './scanner/index.js';
import { styles } from './verifier.styles.js';

/** The largest image accepted (a phone photo is well under; the scanner downscales it). */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** The longest report description the API accepts (src/mock-api: 5–1000). */
const REPORT_MAX = 1000;
const REPORT_MIN = 5;

export type VerifierMode = 'public' | 'inspector';
export type VerifierTheme = 'light' | 'dark' | 'auto';

type Source = VerifiedDetail['source'];
type Message = { key: string; options?: TOptions; tone: 'info' | 'error' };
type ScannerModule = typeof Scanner;

/** The reasons that mean the comprehensive licence as a whole is void (seed 004 or its own state). */
const VOID_REASONS: readonly ReasonCode[] = ['ITEM_LOSS_VOIDS_LICENCE', 'LICENCE_REVOKED', 'LICENCE_REVOKED_PENALTY', 'LICENCE_CANCELLED'];

/** The verdict's tone: never 'ok' for a demonstration licence. */
function verdictTone(v: Verdict): Tone | 'demo' {
  if (v.outcome === 'NOT_GENUINE' || v.outcome === 'NOT_IN_FORCE') return 'bad';
  if (v.outcome === 'ERROR') return 'unknown';
  if (v.demo) return 'demo';
  return v.outcome === 'VALID' ? 'ok' : 'warn';
}

/** The reason that explains the outcome best. */
function leadingReason(v: Verdict): ReasonCode {
  const { integrity, issuer, validity, status } = v.checks;
  switch (v.outcome) {
    case 'NOT_GENUINE':
      return (integrity.result === 'INVALID' ? integrity : issuer).reason;
    case 'ERROR':
      return [integrity, issuer, validity, status].find((c) => c.result === 'ERROR' || (c.result === 'SKIPPED' && c.reason !== 'NOT_CHECKED'))?.reason ?? integrity.reason;
    case 'NOT_IN_FORCE':
      return (validity.result === 'INVALID' ? validity : status).reason;
    default:
      return status.reason;
  }
}

const formatBytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

let instances = 0;

/**
 * @tag one-verifier
 * @summary 扫一码、知所有、辨真伪 — checks a comprehensive licence's QR code: whether it is
 * genuine, who holds it and which of its permits are valid now (seed 004 一码联动).
 *
 * Scan with the camera, upload or drop a picture, paste a picture or the link. The signature is
 * checked on the device against the trust list; item states come from the issuer's signed status
 * list (kept on the device, shown with its age when offline). A licence signed with the public
 * DEMO key is shown as a demonstration, never as plainly genuine. In inspector mode (监管部门)
 * the industry's inspection checklist (一业一单) and the item dates from the live status
 * document are added. The public can report a problem (社会监督).
 *
 * The scanner (decoder and camera) loads only when scanning starts or a picture is given. Shadow
 * DOM keeps host CSS out and its own in; no globals. Works under a strict CSP with Trusted Types.
 *
 * @event one-verified - A verdict was reached: `detail: { verdict, source }`.
 *
 * @csspart base - The whole widget.
 * @csspart input - The ways to give a code (scan, upload, paste).
 * @csspart scan-button - Starts the camera.
 * @csspart file-input - The native file input (visually a button).
 * @csspart text-input - The field for a pasted link.
 * @csspart verify-button - Checks the pasted link.
 * @csspart scanner - The camera view with its controls.
 * @csspart video - The camera picture.
 * @csspart message - Progress and problems with the input.
 * @csspart again-button - Leaves the verdict to check another licence.
 * @csspart verdict - The verdict (`data-outcome`, `data-demo`, `data-void`).
 * @csspart banner - The verdict's headline.
 * @csspart item - One permit with its state (`data-state`).
 * @csspart checks - The details of the four checks.
 * @csspart checklist - The inspection checklist (inspector mode).
 * @csspart report - The report form.
 *
 * @cssproperty --one-color-primary - Buttons and links.
 * @cssproperty --one-color-text - Text.
 * @cssproperty --one-color-bg - Background.
 * @cssproperty --one-color-ok - Tone of a valid state.
 * @cssproperty --one-color-warn - Tone of a state that needs attention.
 * @cssproperty --one-color-danger - Tone of a state that is not valid.
 * @cssproperty --one-font-family - Font.
 * @cssproperty --one-font-size - Base text size.
 * @cssproperty --one-target-size - Minimum size of every control (44 px; 60 px on a kiosk).
 * @cssproperty --one-radius - Corner radius.
 */
export class OneVerifier extends LitElement {
  static override styles = [tokens, buttons, iconStyles, styles];

  /** API base: status lists, status documents and reports (`/api` or `https://host/…/api`). */
  @property() api = '/api';
  /** Where to refresh the trust list from (default `<api>/v1/trust-list`); a demo list is bundled. */
  @property({ attribute: 'trust-list' }) trustListUrl = '';
  /** zh-CN, en or zh-TW (any BCP 47 tag is mapped); default: the page's language. */
  @property({ reflect: true }) override lang = '';
  /** Colours: follow the system (`auto`), or force `light` or `dark`. */
  @property({ reflect: true }) theme: VerifierTheme = 'auto';
  /** `inspector` adds the inspection checklist (一业一单) and the item dates from the live status document. */
  @property({ reflect: true }) mode: VerifierMode = 'public';
  /** A licence QR text (link or payload) to verify as soon as it is set. */
  @property() value = '';

  @state() private ready = false;
  @state() private verdict?: Verdict;
  @state() private busy = false;
  @state() private message?: Message;
  @state() private names?: VerifierNames;
  @state() private checklist?: { industry: string; items: ChecklistItem[] } | 'none' | 'unavailable';
  @state() private scanning = false;
  @state() private cameras: CameraInfo[] = [];
  @state() private camera = '';
  @state() private torch = false;
  @state() private zoom?: { min: number; max: number; step: number; value: number };
  @state() private dragging = false;
  @state() private reportOpen = false;
  @state() private report = { reason: 'forged', description: '', contact: '' };
  @state() private reportState?: { kind: 'sending' } | { kind: 'sent'; id: string; ticket: string } | Message;
  @state() private pasted = '';

  private readonly i18n: I18n = newI18n(DEFAULT_LANGUAGE);
  private readonly uid = `one-verifier-${++instances}`;
  private run = 0;
  private lastText = '';
  private lastSource: Source = 'text';
  private scanner?: CameraScanner;
  private decoder?: Promise<Decoder>;
  private scannerModule?: Promise<ScannerModule>;

  /** The language shown: the `lang` attribute, else the closest ancestor's, else zh-CN. */
  get language(): Language {
    return languageOf(this.lang) ?? languageOf(this.parentElement?.closest('[lang]')?.getAttribute('lang')) ?? DEFAULT_LANGUAGE;
  }

  private t = (key: string, options?: TOptions): string => this.i18n.t(key, { ...options, ns: VERIFIER_NS }) as string;
  private c = (key: string, options?: TOptions): string => this.i18n.t(key, { ...options, ns: CREDENTIAL_NS }) as string;

  private get sources(): VerifierSources {
    return new VerifierSources({ api: this.api, ...(this.trustListUrl ? { trustListUrl: this.trustListUrl } : {}) });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadLanguage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Never leave a camera on when the widget leaves the page.
    this.stopScan();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') && this.hasUpdated) void this.loadLanguage();
    if (changed.has('value') && this.value && this.value !== this.lastText) void this.verify(this.value);
    if (changed.has('mode') && this.hasUpdated && this.lastText && this.verdict) void this.verify(this.lastText, this.lastSource);
  }

  private async loadLanguage(): Promise<void> {
    const language = this.language;
    try {
      await Promise.all([loadNamespace(this.i18n, VERIFIER_NS, verifierLoaders, language), loadNamespace(this.i18n, CREDENTIAL_NS, credentialLoaders, language)]);
    } catch {
      // The language's strings could not load (offline before they were cached): keep the one shown.
      if (this.ready) return;
      await Promise.all([loadNamespace(this.i18n, VERIFIER_NS, verifierLoaders, DEFAULT_LANGUAGE), loadNamespace(this.i18n, CREDENTIAL_NS, credentialLoaders, DEFAULT_LANGUAGE)]);
      await this.i18n.changeLanguage(DEFAULT_LANGUAGE);
      this.ready = true;
      return;
    }
    if (language !== this.language) return; // changed again meanwhile
    await this.i18n.changeLanguage(language);
    this.ready = true;
    const issuer = this.verdict?.issuer;
    if (issuer) await this.loadCatalogueData(issuer.catalogue, this.verdict!);
    this.requestUpdate();
  }

  /**
   * Verifies a licence QR text (a `https://…/v#…` link or the bare payload): shows the verdict,
   * fires `one-verified` and resolves with it. Never rejects: bad input is a verdict too.
   */
  async verify(text: string, source: Source = 'text'): Promise<Verdict> {
    const run = ++this.run;
    this.lastText = text;
    this.lastSource = source;
    this.busy = true;
    this.message = { key: 'verifying', tone: 'info' };
    this.reportOpen = false;
    this.reportState = undefined;
    const sources = this.sources;
    const trust = await sources.trustList();
    let verdict = await verify(text, { trustList: trust.list });
    const issuer = verdict.issuer && trust.list.issuers.find((i) => i.id === verdict.issuer!.id);
    if (verdict.licence && issuer) verdict = await this.withStatus(text, verdict, issuer, sources, trust.list);
    if (run !== this.run) return verdict; // a newer code came in meanwhile
    if (verdict.issuer) await this.loadCatalogueData(verdict.issuer.catalogue, verdict);
    if (run !== this.run) return verdict;
    this.verdict = verdict;
    this.busy = false;
    this.message = undefined;
    this.dispatchEvent(oneEvent('one-verified', { verdict, source }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="banner"] h2')?.focus();
    return verdict;
  }

  private async withStatus(text: string, first: Verdict, issuer: TrustedIssuer, sources: VerifierSources, trustList: TrustList): Promise<Verdict> {
    const face = first.licence!;
    const [statusLists, statusDocument] = await Promise.all([
      sources.statusLists(issuer, face.status.list),
      this.mode === 'inspector' ? sources.statusDocument(issuer, face.number) : Promise.resolve(null),
    ]);
    return verify(text, { trustList, statusLists, statusDocument });
  }

  private async loadCatalogueData(catalogue: string, verdict: Verdict): Promise<void> {
    const language = this.language;
    const names = await loadNames(catalogue, language);
    this.names = names;
    if (this.mode !== 'inspector' || !verdict.licence) {
      this.checklist = undefined;
      return;
    }
    const lists = await loadChecklists(catalogue, language);
    if (!lists) {
      this.checklist = 'unavailable';
      return;
    }
    const industry = verdict.licence.industries.find((i) => typeof i === 'number' && lists.industries[String(i)]);
    const items = industry === undefined ? undefined : lists.industries[String(industry)];
    this.checklist = items ? { industry: names?.industries[String(industry)] ?? String(industry), items } : 'none';
  }

  /** Clears the verdict and offers the ways in again. */
  reset(): void {
    this.run++;
    this.verdict = undefined;
    this.message = undefined;
    this.busy = false;
    this.reportOpen = false;
    this.reportState = undefined;
    this.lastText = '';
  }

  // ── scanning ──────────────────────────────────────────────────────────────────────────

  private loadScanner(): Promise<ScannerModule> {
    this.scannerModule ??= import('./scanner/index.js').catch((e: unknown) => {
      this.scannerModule = undefined;
      throw e;
    });
    return this.scannerModule;
  }

  private getDecoder(): Promise<Decoder> {
    this.decoder ??= this.loadScanner()
      .then((m) => m.createDecoder())
      .catch((e: unknown) => {
        this.decoder = undefined;
        throw e;
      });
    return this.decoder;
  }

  /** Starts the camera (the scanner code loads now); the first code read is verified. */
  async startScan(deviceId?: string): Promise<void> {
    this.stopScan(true);
    this.reset();
    this.scanning = true;
    this.message = { key: 'scanner.loading', tone: 'info' };
    let module: ScannerModule;
    let decoder: Decoder;
    try {
      [module, decoder] = await Promise.all([this.loadScanner(), this.getDecoder()]);
    } catch {
      this.scanning = false;
      this.message = { key: 'scanner.error.loadFailed', tone: 'error' };
      return;
    }
    if (!this.scanning) return; // stopped while loading
    await this.updateComplete;
    const video = this.renderRoot.querySelector('video');
    if (!video) return;
    const scanner = new module.CameraScanner(video, decoder, {
      onCode: (text) => {
        this.message = { key: 'scanner.found', tone: 'info' };
        this.stopScan(true);
        void this.verify(text, 'camera');
      },
      onStop: (reason) => {
        if (this.scanner !== scanner) return;
        this.scanner = undefined;
        this.scanning = false;
        if (reason !== 'stopped') this.message = { key: reason === 'ended' ? 'scanner.ended' : 'scanner.error.failed', tone: 'error' };
      },
    });
    this.scanner = scanner;
    try {
      await scanner.start(deviceId || undefined);
    } catch (e) {
      if (this.scanner === scanner) this.scanner = undefined;
      this.scanning = false;
      const code = (e as { code?: string }).code ?? 'failed';
      this.message = { key: `scanner.error.${code}`, tone: 'error' };
      return;
    }
    if (this.scanner !== scanner) return;
    this.message = { key: 'scanner.aim', tone: 'info' };
    const caps = scanner.capabilities;
    this.torch = false;
    this.zoom = caps.zoom ? { ...caps.zoom, value: caps.zoom.min } : undefined;
    this.cameras = await module.CameraScanner.cameras().catch(() => []);
    this.camera = deviceId ?? '';
  }

  /** Stops the camera and releases it. */
  stopScan(quiet = false): void {
    const wasScanning = this.scanning;
    this.scanner?.stop();
    this.scanner = undefined;
    this.scanning = false;
    if (wasScanning && !quiet) this.message = { key: 'scanner.stopped', tone: 'info' };
  }

  private async toggleTorch(): Promise<void> {
    const next = !this.torch;
    try {
      await this.scanner?.setTorch(next);
      this.torch = next;
    } catch {
      // The camera refused: the switch stays as it was.
    }
  }

  private async setZoom(e: Event): Promise<void> {
    const value = Number((e.target as HTMLInputElement).value);
    if (!this.zoom) return;
    this.zoom = { ...this.zoom, value };
    await this.scanner?.setZoom(value).catch(() => undefined);
  }

  // ── pictures and pasted text ─────────────────────────────────────────────────────────

  /** Reads a QR code from a picture (uploaded, dropped or pasted) and verifies it. */
  async verifyImage(file: Blob): Promise<Verdict | undefined> {
    this.stopScan(true);
    this.reset();
    // Checked before anything loads or is read: a 10 MB file or a document costs nothing.
    if (file.size > MAX_IMAGE_BYTES) {
      this.message = { key: 'image.tooLarge', options: { size: formatBytes(file.size) }, tone: 'error' };
      return undefined;
    }
    if (file.type && !file.type.startsWith('image/')) {
      this.message = { key: 'image.notImage', tone: 'error' };
      return undefined;
    }
    this.busy = true;
    this.message = { key: 'image.reading', tone: 'info' };
    const run = this.run;
    let result: Awaited<ReturnType<ScannerModule['decodeImageFile']>>;
    try {
      const [module, decoder] = await Promise.all([this.loadScanner(), this.getDecoder()]);
      result = await module.decodeImageFile(file, decoder);
    } catch {
      if (run === this.run) {
        this.busy = false;
        this.message = { key: 'scanner.error.loadFailed', tone: 'error' };
      }
      return undefined;
    }
    if (run !== this.run) return undefined;
    this.busy = false;
    if (!result.ok) {
      this.message = { key: `image.${result.code}`, options: { size: formatBytes(file.size) }, tone: 'error' };
      return undefined;
    }
    if (result.text === null) {
      this.message = { key: 'image.noCode', tone: 'error' };
      return undefined;
    }
    return this.verify(result.text, 'image');
  }

  private onFile(e: Event): void {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.verifyImage(file);
  }

  private onPasteSubmit(e: Event): void {
    e.preventDefault();
    const text = this.pasted.trim();
    if (!text) {
      this.message = { key: 'input.empty', tone: 'error' };
      return;
    }
    void this.verify(text, 'text');
  }

  /** A picture or a link pasted anywhere in the widget. */
  private onPaste(e: ClipboardEvent): void {
    const file = [...(e.clipboardData?.files ?? [])][0];
    if (file) {
      e.preventDefault();
      void this.verifyImage(file);
      return;
    }
    // Text pasted into the link field is left to the field; elsewhere it is verified at once.
    const text = e.clipboardData?.getData('text/plain')?.trim();
    if (text && !(e.composedPath()[0] instanceof HTMLInputElement || e.composedPath()[0] instanceof HTMLTextAreaElement)) {
      e.preventDefault();
      this.pasted = text;
      void this.verify(text, 'text');
    }
  }

  private onDragOver(e: DragEvent): void {
    if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
    e.preventDefault();
    this.dragging = true;
  }

  private onDrop(e: DragEvent): void {
    this.dragging = false;
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault();
    void this.verifyImage(file);
  }

  // ── reporting a problem (社会监督) ─────────────────────────────────────────────────────

  private async sendReport(e: Event): Promise<void> {
    e.preventDefault();
    const description = this.report.description.trim();
    if ([...description].length < REPORT_MIN) {
      this.reportState = { key: 'report.tooShort', tone: 'error' };
      return;
    }
    if ([...description].length > REPORT_MAX) {
      this.reportState = { key: 'report.tooLong', options: { max: REPORT_MAX }, tone: 'error' };
      return;
    }
    this.reportState = { kind: 'sending' };
    const { sendReport } = await import('./report.js');
    const outcome = await sendReport(this.api, this.i18n, {
      reason: this.report.reason,
      description,
      contact: this.report.contact.trim(),
      ...(this.verdict?.licence ? { licenceNumber: this.verdict.licence.number } : {}),
      link: this.lastText,
    });
    if (outcome.ok) {
      this.reportState = { kind: 'sent', id: outcome.id, ticket: outcome.ticket };
      this.report = { reason: 'forged', description: '', contact: '' };
    } else this.reportState = { key: outcome.key, tone: 'error', ...(outcome.text ? { options: { text: outcome.text } } : {}) };
  }

  // ── rendering ────────────────────────────────────────────────────────────────────────

  protected override render(): TemplateResult | typeof nothing {
    if (!this.ready) return nothing;
    return html`<div
      part="base"
      class="base ${this.dragging ? 'dragging' : ''}"
      @paste=${this.onPaste}
      @dragover=${this.onDragOver}
      @dragleave=${() => (this.dragging = false)}
      @drop=${this.onDrop}
    >
      ${this.verdict ? this.renderVerdict(this.verdict) : this.renderInput()}
      <p part="message" class="message ${this.message?.tone ?? ''}" role=${this.message?.tone === 'error' ? 'alert' : 'status'} aria-live="polite">
        ${this.message ? this.t(this.message.key, this.message.options) : nothing}
      </p>
    </div>`;
  }

  private renderInput(): TemplateResult {
    const { t } = this;
    return html`<section part="input" class="input" aria-labelledby="${this.uid}-title">
      <h2 id="${this.uid}-title">${t('title')}</h2>
      <p class="intro">${t('intro')}</p>
      ${this.scanning ? this.renderScanner() : nothing}
      <div class="ways">
        ${this.scanning
          ? nothing
          : html`<button part="scan-button" class="scan" type="button" ?disabled=${this.busy} @click=${() => void this.startScan()}>${t('input.scan')}</button>`}
        <label class="button-like secondary upload">
          <input part="file-input" class="file" type="file" accept="image/*" ?disabled=${this.busy} @change=${this.onFile} />
          <span>${t('input.upload')}</span>
        </label>
      </div>
      <p class="drop">${this.dragging ? t('input.dropHere') : t('input.drop')}</p>
      <form class="paste" novalidate @submit=${this.onPasteSubmit}>
        <label for="${this.uid}-link">${t('input.pasteLabel')}</label>
        <span class="hint" id="${this.uid}-hint">${t('input.pasteHint')}</span>
        <div class="row">
          <input
            part="text-input"
            id="${this.uid}-link"
            type="url"
            inputmode="url"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="${this.uid}-hint"
            .value=${this.pasted}
            @input=${(e: Event) => (this.pasted = (e.target as HTMLInputElement).value)}
          />
          <button part="verify-button" type="submit" ?disabled=${this.busy}>${t('input.verify')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderScanner(): TemplateResult {
    const { t } = this;
    return html`<div part="scanner" class="scanner">
      <div class="viewport">
        <video part="video" aria-label=${t('scanner.label')} muted playsinline></video>
        <div class="frame" aria-hidden="true"></div>
      </div>
      <div class="controls">
        ${this.cameras.length > 1
          ? html`<label class="camera"
              ><span>${t('scanner.camera')}</span>
              <select @change=${(e: Event) => void this.startScan((e.target as HTMLSelectElement).value)}>
                ${this.cameras.map(
                  (c, i) => html`<option value=${c.deviceId} ?selected=${c.deviceId === this.camera}>${c.label || t('scanner.cameraN', { n: i + 1 })}</option>`,
                )}
              </select></label
            >`
          : nothing}
        ${this.scanner?.capabilities.torch
          ? html`<button type="button" class="secondary" aria-pressed=${this.torch ? 'true' : 'false'} @click=${() => void this.toggleTorch()}>${t('scanner.torch')}</button>`
          : nothing}
        ${this.zoom
          ? html`<label class="zoom"
              ><span>${t('scanner.zoom')}</span
              ><input type="range" min=${this.zoom.min} max=${this.zoom.max} step=${this.zoom.step} .value=${String(this.zoom.value)} @input=${this.setZoom}
            /></label>`
          : nothing}
        <button type="button" class="stop" @click=${() => this.stopScan()}>${t('scanner.stop')}</button>
      </div>
    </div>`;
  }

  private renderVerdict(v: Verdict): TemplateResult {
    const { t, c } = this;
    const tone = verdictTone(v);
    const reason = leadingReason(v);
    const voided = v.outcome === 'NOT_IN_FORCE' && VOID_REASONS.includes(v.checks.status.reason);
    const face = v.licence;
    return html`<section
      part="verdict"
      class="verdict"
      data-outcome=${v.outcome}
      ?data-demo=${v.demo}
      ?data-void=${voided}
      aria-labelledby="${this.uid}-verdict"
    >
      <div part="banner" class="banner" data-tone=${tone}>
        ${icon(tone === 'demo' ? 'warn' : tone)}
        <div>
          ${v.demo ? html`<p class="tag">${t('verdict.demoTitle')}</p>` : nothing}
          <h2 id="${this.uid}-verdict" tabindex="-1">${voided ? t('verdict.voidTitle') : c(`outcome.${v.outcome}`)}</h2>
          <p>${c(`reason.${reason}`)}</p>
        </div>
      </div>
      ${v.demo ? html`<p class="note demo">${c('demo')}</p>` : nothing}
      ${v.outcome === 'NOT_GENUINE' ? html`<p class="note bad">${t('verdict.notGenuineText')}</p>` : nothing}
      ${voided && v.checks.status.reason === 'ITEM_LOSS_VOIDS_LICENCE' ? html`<p class="note bad">${t('verdict.voidText')}</p>` : nothing}
      ${face && v.checks.status.reason === 'LICENCE_SUPERSEDED' ? html`<p class="note bad">${t('verdict.superseded', { revision: face.revision })}</p>` : nothing}
      ${v.checks.status.reason === 'SOME_ITEMS_NOT_VALID'
        ? html`<p class="note warn">${t('verdict.partial', { count: (v.items ?? []).filter((i) => i.state !== 'valid').length })}</p>`
        : nothing}
      ${face ? this.renderLicence(v) : nothing} ${this.renderChecks(v)} ${face && this.mode === 'inspector' ? this.renderChecklist() : nothing}
      <div class="actions">
        ${this.reportOpen ? nothing : html`<button type="button" class="secondary" @click=${this.openReport}>${t('report.open')}</button>`}
        <button part="again-button" type="button" @click=${this.again}>${t('input.again')}</button>
      </div>
      ${this.reportOpen || this.reportState ? this.renderReport() : nothing}
    </section>`;
  }

  private openReport = async (): Promise<void> => {
    this.reportOpen = true;
    this.reportState = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="report"] select')?.focus();
  };

  private again = (): void => {
    this.reset();
    this.pasted = '';
  };

  private renderLicence(v: Verdict): TemplateResult {
    const { t, c } = this;
    const face = v.licence!;
    const lng = this.language;
    const names = this.names?.catalogue === v.issuer?.catalogue ? this.names : undefined;
    const industries = face.industries.map((i) => (typeof i === 'number' ? (names?.industries[String(i)] ?? String(i)) : i)).join('、');
    const field = (key: string, value: string | TemplateResult) => html`<div><dt>${t(`verdict.fields.${key}`)}</dt><dd>${value}</dd></div>`;
    return html`<dl class="fields">
        ${field('holder', face.holder)} ${field('number', html`${face.number} <span class="muted">${t('verdict.revision', { revision: face.revision })}</span>`)}
        ${field('uscc', face.uscc)} ${field('legalRep', face.legalRep)} ${field('address', face.address)} ${field('industries', industries)}
        ${field('validity', t('verdict.period', { from: formatDay(face.validFrom, lng), until: formatDay(face.validUntil, lng) }))}
        ${field('issued', formatDay(face.issued, lng))} ${v.issuer ? field('issuer', v.issuer.name[lng]) : nothing}
      </dl>
      <h3>${t('verdict.items')}</h3>
      <ul class="items">
        ${(v.items ?? []).map((item) => {
          const known = names?.permits[String(item.permit)];
          return html`<li part="item" data-state=${item.state} data-tone=${TONE[item.state]}>
            <span class="name">${known?.name ?? t('verdict.itemUnknown', { code: item.permit })}</span>
            ${known ? html`<span class="muted">${known.department}</span>` : nothing}
            <span class="state">${icon(TONE[item.state])}<span>${c(`state.${item.state}`)}</span></span>
            ${item.validUntil ? html`<span class="muted">${t('verdict.itemUntil', { date: formatDay(item.validUntil, lng) })}</span>` : nothing}
            ${item.certificateNumber ? html`<span class="muted">${t('verdict.certificate', { number: item.certificateNumber })}</span>` : nothing}
          </li>`;
        })}
      </ul>
      ${face.notLicensed.length
        ? html`<h3>${t('verdict.notLicensed')}</h3>
            <ul class="not-licensed">
              ${face.notLicensed.map((x) => html`<li>${x}</li>`)}
            </ul>`
        : nothing}
      <p class="freshness">${this.freshness(v)}</p>`;
  }

  /** How fresh the item states are: live, saved on the device (with its age), or unknown. */
  private freshness(v: Verdict): string {
    const s = v.status;
    if (!s) return this.t('status.unknown');
    const time = formatInstant(s.asOf, this.language);
    const seconds = Math.round((Date.parse(s.asOf) - Date.now()) / 1000);
    const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
      Math.abs(seconds) < 3600 ? [Math.round(seconds / 60), 'minute'] : Math.abs(seconds) < 86400 ? [Math.round(seconds / 3600), 'hour'] : [Math.round(seconds / 86400), 'day'];
    const age = new Intl.RelativeTimeFormat(INTL_LOCALE[this.language], { numeric: 'auto' }).format(value, unit);
    return this.t(s.stale ? 'status.stale' : s.live ? 'status.live' : 'status.cached', { time, age });
  }

  private renderChecks(v: Verdict): TemplateResult {
    const { t, c } = this;
    return html`<details part="checks" class="checks">
      <summary>${t('verdict.checks')}</summary>
      <ul>
        ${CHECKS.map((name) => {
          const check = v.checks[name];
          return html`<li data-result=${check.result}>
            <strong>${t('verdict.check', { check: c(`check.${name}`), result: c(`result.${check.result}`) })}</strong>
            <span>${c(`reason.${check.reason}`)}</span>
          </li>`;
        })}
      </ul>
    </details>`;
  }

  private renderChecklist(): TemplateResult {
    const { t } = this;
    const list = this.checklist;
    const body =
      list === undefined
        ? nothing
        : typeof list === 'string'
          ? html`<p>${t(`inspector.${list}`)}</p>`
          : html`<p>${t('inspector.intro', { industry: list.industry })}</p>
              <ol>
                ${list.items.map(
                  (item) => html`<li>
                    <p>${item.text}</p>
                    <p class="muted">
                      ${t('inspector.concerns', {
                        items: item.permits.length
                          ? item.permits.map((p) => this.names?.permits[String(p)]?.name ?? t('verdict.itemUnknown', { code: p })).join('、')
                          : t('inspector.everyLicence'),
                      })}
                    </p>
                    <p class="muted basis" lang="zh-CN">${t('inspector.basis', { basis: item.basis })}</p>
                  </li>`,
                )}
              </ol>`;
    return html`<section part="checklist" class="checklist" aria-labelledby="${this.uid}-checklist">
      <h3 id="${this.uid}-checklist">${t('inspector.title')}</h3>
      ${body}
    </section>`;
  }

  private renderReport(): TemplateResult {
    const { t } = this;
    const st = this.reportState;
    if (st && 'kind' in st && st.kind === 'sent') {
      return html`<section part="report" class="report" role="status">
        <p><strong>${t('report.sent', { id: st.id })}</strong></p>
        <p>${t('report.ticket', { ticket: st.ticket })}</p>
      </section>`;
    }
    const sending = !!st && 'kind' in st && st.kind === 'sending';
    const problem = st && 'key' in st ? st : undefined;
    const set = (key: 'reason' | 'description' | 'contact') => (e: Event) => {
      this.report = { ...this.report, [key]: (e.target as HTMLInputElement).value };
    };
    return html`<form part="report" class="report" aria-labelledby="${this.uid}-report" @submit=${this.sendReport} novalidate>
      <h3 id="${this.uid}-report">${t('report.title')}</h3>
      <p>${t('report.intro')}</p>
      <label for="${this.uid}-reason">${t('report.reason')}</label>
      <select id="${this.uid}-reason" .value=${this.report.reason} @change=${set('reason')}>
        ${(['forged', 'mismatch', 'notDisplayed', 'outOfScope', 'other'] as const).map(
          (r) => html`<option value=${r} ?selected=${r === this.report.reason}>${t(`report.reasons.${r}`)}</option>`,
        )}
      </select>
      <label for="${this.uid}-description">${t('report.description')}</label>
      <span class="hint" id="${this.uid}-description-hint">${t('report.descriptionHint')}</span>
      <textarea
        id="${this.uid}-description"
        rows="4"
        maxlength=${REPORT_MAX}
        aria-describedby="${this.uid}-description-hint"
        aria-invalid=${problem && problem.key !== 'report.offline' ? 'true' : 'false'}
        .value=${this.report.description}
        @input=${set('description')}
      ></textarea>
      <label for="${this.uid}-contact">${t('report.contact')}</label>
      <span class="hint" id="${this.uid}-contact-hint">${t('report.contactHint')}</span>
      <input id="${this.uid}-contact" type="text" maxlength="100" autocomplete="tel" aria-describedby="${this.uid}-contact-hint" .value=${this.report.contact} @input=${set('contact')} />
      ${problem ? html`<p class="message error" role="alert">${problem.key.startsWith('report.') ? t(problem.key, problem.options) : String(problem.options?.['text'] ?? '')}</p>` : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${sending}>${sending ? t('report.sending') : t('report.send')}</button>
        <button
          type="button"
          class="secondary"
          @click=${() => {
            this.reportOpen = false;
            this.reportState = undefined;
          }}
        >
          ${t('report.cancel')}
        </button>
      </div>
    </form>`;
  }
}
