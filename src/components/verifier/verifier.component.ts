import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { TOptions } from 'i18next';
import { languageOf, loadNamespace, newI18n, DEFAULT_LANGUAGE, type I18n, type Language } from '../../i18n/instance.js';
import type { Verdict } from '../../core/credential/verify.js';
import { oneEvent, type VerifiedDetail } from '../events.js';
import { tokens } from '../shared/tokens.js';
import { buttons } from '../shared/buttons.js';
import { iconStyles } from '../shared/licence-look.js';
import { VERIFIER_NS, verifierLoaders } from './locales.js';
import { MAX_IMAGE_BYTES } from './scanner/limits.js';
import { readableSize } from '../shared/file-size.js';
import type * as View from './verdict-view.js';
import type * as Scanner from './scanner/index.js';
import type { CameraInfo, CameraScanner, Decoder } from './scanner/index.js';
import { styles } from './verifier.styles.js';

export type VerifierMode = 'public' | 'inspector';
export type VerifierTheme = 'light' | 'dark' | 'auto';
/** The ways in offered: every one, or the camera alone (a kiosk: no files to pick, no typing). */
export type VerifierWays = 'all' | 'camera';

type Source = VerifiedDetail['source'];
type Message = { key: string; options?: TOptions; tone: 'info' | 'error' };
type ScannerModule = typeof Scanner;
type ViewModule = typeof View;


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
 * @cssproperty --one-target-size - Minimum size of every control (48 px; set 60 px on a kiosk).
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
  /** `camera`: only the scan button (no upload, drop or paste) — for a kiosk. */
  @property({ reflect: true }) ways: VerifierWays = 'all';

  @state() private ready = false;
  @state() private busy = false;
  @state() private message?: Message;
  @state() private scanning = false;
  @state() private cameras: CameraInfo[] = [];
  @state() private camera = '';
  @state() private torch = false;
  @state() private zoom?: { min: number; max: number; step: number; value: number };
  @state() private dragging = false;
  @state() private pasted = '';

  private readonly i18n: I18n = newI18n(DEFAULT_LANGUAGE);
  /** Settles when the widget first renders (its strings loaded): the camera view needs it. */
  private onRendered: () => void = () => undefined;
  private readonly rendered = new Promise<void>((resolve) => (this.onRendered = resolve));
  private readonly uid = `one-verifier-${++instances}`;
  private run = 0;
  private lastText = '';
  private lastSource: Source = 'text';
  /** The verdict half, once loaded (src/components/verifier/verdict-view.ts). */
  private view?: View.VerdictView;
  private viewModule?: Promise<ViewModule>;
  private scanner?: CameraScanner;
  private decoder?: Promise<Decoder>;
  private scannerModule?: Promise<ScannerModule>;

  /** The language shown: the `lang` attribute, else the closest ancestor's, else zh-CN. */
  get language(): Language {
    return languageOf(this.lang) ?? languageOf(this.parentElement?.closest('[lang]')?.getAttribute('lang')) ?? DEFAULT_LANGUAGE;
  }

  private t = (key: string, options?: TOptions): string => this.i18n.t(key, { ...options, ns: VERIFIER_NS }) as string;

  override connectedCallback(): void {
    super.connectedCallback();
    this.languageLoaded = this.loadLanguage();
  }

  /** The latest language change, done: a verdict is shown only in a language whose words are loaded. */
  private languageLoaded: Promise<void> = Promise.resolve();
  /** The language last asked for (being loaded, or shown). */
  private languageAsked?: Language;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Never leave a camera on when the widget leaves the page.
    this.stopScan();
  }

  protected override firstUpdated(): void {
    // Usable now; fetch the verdict half while the person finds the code.
    setTimeout(() => void this.loadView().catch(() => undefined), 0);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Also before the first update: a `lang` given as a property arrives after connectedCallback.
    if (changed.has('lang') && this.language !== this.languageAsked) this.languageLoaded = this.loadLanguage();
    if (changed.has('value') && this.value && this.value !== this.lastText) void this.verify(this.value);
    if (changed.has('mode') && this.hasUpdated && this.lastText && this.view?.shown) void this.verify(this.lastText, this.lastSource);
  }

  private async loadLanguage(): Promise<void> {
    const language = this.language;
    this.languageAsked = language;
    const load = (lng: Language) => Promise.all([loadNamespace(this.i18n, VERIFIER_NS, verifierLoaders, lng), this.view?.loadLanguage(lng)]);
    let shown = language;
    try {
      await load(language);
    } catch {
      // The language's strings could not load (offline before they were ever fetched).
      if (this.ready) return;
      shown = DEFAULT_LANGUAGE;
      await load(shown);
    }
    if (shown !== DEFAULT_LANGUAGE && language !== this.language) return; // changed again meanwhile
    await this.i18n.changeLanguage(shown);
    this.ready = true;
    this.onRendered();
    await this.view?.relabel();
  }

  /** The verdict half of the widget, with its words in the current language. */
  private loadView(): Promise<View.VerdictView> {
    this.viewModule ??= import('./verdict-view.js').catch((e: unknown) => {
      this.viewModule = undefined;
      throw e;
    });
    return this.viewModule.then(async (m) => {
      this.view ??= new m.VerdictView(this, { i18n: this.i18n, language: () => this.language, uid: this.uid, again: () => this.again() });
      await this.view.loadLanguage(this.language);
      return this.view;
    });
  }

  /**
   * Verifies a licence QR text (a `https://…/v#…` link or the bare payload): shows the verdict,
   * fires `one-verified` and resolves with it. Never rejects: bad input is a verdict too;
   * resolves `undefined` only when the widget's code cannot load (offline, never visited).
   */
  async verify(text: string, source: Source = 'text'): Promise<Verdict | undefined> {
    const run = ++this.run;
    this.lastText = text;
    this.lastSource = source;
    this.busy = true;
    this.message = { key: 'verifying', tone: 'info' };
    let view: View.VerdictView;
    try {
      view = await this.loadView();
    } catch {
      if (run === this.run) {
        this.busy = false;
        this.message = { key: 'loadFailed', tone: 'error' };
      }
      return undefined;
    }
    const evaluation = await view.evaluate(text);
    // The page may still be switching the widget's language (its words load on demand).
    await this.languageLoaded.catch(() => undefined);
    if (run !== this.run) return evaluation.verdict; // a newer code came in meanwhile
    view.show(evaluation);
    this.busy = false;
    this.message = undefined;
    this.dispatchEvent(oneEvent('one-verified', { verdict: evaluation.verdict, source }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="banner"] h2')?.focus();
    return evaluation.verdict;
  }

  /** Clears the verdict and offers the ways in again. */
  reset(): void {
    this.run++;
    this.view?.show(undefined);
    this.message = undefined;
    this.busy = false;
    this.lastText = '';
  }

  private again(): void {
    this.reset();
    this.pasted = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="scan-button"]')?.focus());
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
    await this.rendered;
    if (!this.scanning) return;
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
      this.message = { key: 'image.tooLarge', options: { size: this.t('sizeMb', { size: readableSize(file.size, this.language).size }) }, tone: 'error' };
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
      this.message = { key: `image.${result.code}`, options: { size: this.t('sizeMb', { size: readableSize(file.size, this.language).size }) }, tone: 'error' };
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
    if (this.ways === 'camera') return;
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
    if (this.ways === 'camera') return;
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
      ${this.view?.shown ? this.view.render() : this.renderInput()}
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
        ${this.ways === 'camera'
          ? nothing
          : html`<label class="button-like secondary upload">
          <input part="file-input" class="file" type="file" accept="image/*" ?disabled=${this.busy} @change=${this.onFile} />
          <span>${t('input.upload')}</span>
            </label>`}
      </div>
      ${this.ways === 'camera' ? nothing : this.renderOtherWays()}
    </section>`;
  }

  /** Dropping or pasting a picture, or pasting the link (not at a kiosk: `ways="camera"`). */
  private renderOtherWays(): TemplateResult {
    const { t } = this;
    return html`<p class="drop">${this.dragging ? t('input.dropHere') : t('input.drop')}</p>
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
      </form>`;
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
}
