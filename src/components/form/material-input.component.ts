import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ContextConsumer } from '@lit/context';
import type { TOptions } from 'i18next';
import { apiContext } from '../../api/context.js';
import { ApiError, upload } from '../../api/client.js';
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES } from '../../api/types.js';
import { UPLOAD_MAGIC_LENGTH, sniffUploadType } from '../../api/uploads.js';
import type { NoticeMaterial } from '../../core/rules/notice.js';
import { buttons } from '../shared/buttons.js';
import { choices } from '../shared/choices.js';
import { tokens } from '../shared/tokens.js';
import { CameraError, captureJpeg, firstFrame, openCamera, stopCamera, type CameraProblem } from './camera.js';
import type { MaterialChoice, MaterialProblem } from './material-types.js';
import { FormText } from './i18n.js';
import { materialsShared } from './materials.styles.js';
import { styles } from './material-input.styles.js';
import { readableSize } from '../shared/file-size.js';

type Mode = 'upload' | 'camera' | 'commitment' | 'later';
/** A message to show, kept as its key so it follows a language change. */
interface Message {
  key: string;
  options?: TOptions;
}

const ACCEPT = [...UPLOAD_TYPES, '.pdf', '.jpg', '.jpeg', '.png'].join(',');

/** A file's name as it may be shown and kept: no control or bidi-override characters, not too long. */
export function cleanFileName(name: string): string {
  return [...name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim()].slice(0, 120).join('');
}

/**
 * @tag one-material-input
 * @summary How the applicant provides one material of the notice: upload a file (PDF, JPG or
 * PNG ≤ 1 MB), take a photo with the kiosk camera, replace it by a commitment (告知承诺, only
 * where the material allows it, with the basis shown) or bring it to the window.
 *
 * A file is checked before anything is sent: its size (≤ 1 MB, `MAX_UPLOAD_BYTES`) and its
 * type by its first bytes (`sniffUploadType`: a text file named .png is refused), then uploaded
 * through the API client from context (`apiContext`, `POST /v1/uploads`). A photo is taken
 * from a live preview (getUserMedia), checked by the applicant (retake or use) and compressed
 * to a JPEG under 1 MB; the camera is turned off when the photo is taken, the mode changes or
 * the element leaves the page. A failed upload (network, refusal) keeps the previous value and
 * says what to do.
 *
 * Methods for the form's error summary: `validate()` returns the problems
 * (`materialMissing`: nothing chosen; `materialUploading`: an upload is under way) and shows
 * them in the element; `messageFor(code)` is the text of one (namespace `form`);
 * `focusProblem()` (or `focus()`) moves focus to the choices.
 *
 * @event change - The value changed (a native `Event`, bubbling and composed): read `.value`.
 * Fired when an upload succeeds, a file is removed, or a commitment or "bring it to the window" is chosen.
 *
 * @csspart base - The fieldset of everything.
 * @csspart option - Each way of providing it (a label holding a radio button).
 * @csspart basis - The basis that allows a commitment.
 * @csspart file - The uploaded file's name and size with replace and remove.
 * @csspart choose - The button that opens the file chooser.
 * @csspart camera - The camera's live preview or the photo taken, with its buttons.
 * @csspart error - A problem, with what to do.
 *
 * @cssproperty --one-font-size - Base text size.
 * @cssproperty --one-color-primary - Buttons and the chosen option.
 * @cssproperty --one-color-danger - Problems.
 * @cssproperty --one-target-size - Minimum size of buttons and options.
 */
export class OneMaterialInput extends LitElement {
  static override styles = [tokens, buttons, choices, materialsShared, styles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The material (one of the notice's `materials`). */
  @property({ attribute: false }) material?: NoticeMaterial;

  /** How it is provided so far (from the form's draft), or undefined. */
  @property({ attribute: false }) value: MaterialChoice | undefined;

  /** The way being shown (an upload or a photo may still be on its way). */
  @state() private mode?: Mode;
  @state() private busy?: 'checking' | 'uploading';
  @state() private busyFile = '';
  @state() private error?: Message;
  /** Announced politely (upload done, file removed). */
  @state() private status?: Message;
  @state() private camera: 'off' | 'starting' | 'live' | 'captured' = 'off';
  @state() private cameraError?: CameraProblem;
  @state() private photo?: { blob: Blob; url: string };
  /** `validate()` was called: show "choose how" when nothing is chosen. */
  @state() private showProblems = false;

  private readonly text = new FormText(this);
  private readonly api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private stream?: MediaStream;
  private uploading?: AbortController;
  /** Bumped whenever the camera is turned off, so a camera that opens late is closed at once. */
  private cameraSession = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const previous = changed.get('material') as NoticeMaterial | undefined;
    if (changed.has('material') && previous && previous.key !== this.material?.key) {
      this.reset();
      this.mode = undefined;
    }
    if (changed.has('value') || changed.has('material')) {
      const how = this.currentValue()?.how;
      if (how === 'upload') this.mode = this.mode === 'camera' ? 'camera' : 'upload';
      else if (how) this.mode = how;
      if (how) this.showProblems = false;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reset();
  }

  /** The value, unless it is a commitment this material does not allow. */
  private currentValue(): MaterialChoice | undefined {
    const v = this.value;
    return v?.how === 'commitment' && !this.material?.commitmentAllowed ? undefined : v;
  }

  /** Stops the camera and any upload, and forgets the photo and messages. */
  private reset(): void {
    this.closeCamera();
    this.uploading?.abort();
    this.uploading = undefined;
    this.busy = undefined;
    this.error = undefined;
    this.status = undefined;
  }

  // ── methods for the form ──────────────────────────────────────────────────────────

  /** The problems of this material, shown in the element too: [] when it is provided. */
  validate(): MaterialProblem[] {
    this.showProblems = true;
    if (this.busy) return ['materialUploading'];
    return this.currentValue() ? [] : ['materialMissing'];
  }

  /** The text of a problem `validate()` returned, in the current language. */
  messageFor(code: MaterialProblem): string {
    return this.text.t(`materials.problems.${code}`, { name: this.name() });
  }

  /** Moves focus to the choices (the checked one, else the first). */
  focusProblem(): void {
    const radios = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[name="how"]')];
    (radios.find((r) => r.checked) ?? radios[0])?.focus();
  }

  // ── changes ───────────────────────────────────────────────────────────────────────

  private setValue(value: MaterialChoice | undefined): void {
    this.value = value;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private name(): string {
    return this.material ? this.material.name[this.text.language] : '';
  }

  private choose(mode: Mode): void {
    this.error = undefined;
    this.status = undefined;
    this.mode = mode;
    const current = this.currentValue();
    if (mode !== 'camera') this.closeCamera();
    if (mode === 'commitment' || mode === 'later') {
      this.uploading?.abort();
      this.busy = undefined;
      this.setValue({ how: mode });
      return;
    }
    // An upload or a photo: nothing is provided until it has arrived.
    if (current && current.how !== 'upload') this.setValue(undefined);
    if (mode === 'camera' && current?.how !== 'upload') void this.startCamera();
  }

  private removeFile(): void {
    this.error = undefined;
    this.setValue(undefined);
    this.status = { key: 'materials.removed' };
    void this.updateComplete.then(() => this.focusProblem());
  }

  private onFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    // The same file may be chosen again after a failure: forget it in the input.
    input.value = '';
    if (file) void this.send(file, cleanFileName(file.name));
  }

  /** A size as people read it (rounded up, so too large never reads as 1.0 MB). */
  private size(bytes: number): string {
    const { unit, size } = readableSize(bytes, this.text.language);
    return this.text.t(unit === 'mb' ? 'materials.sizeMb' : 'materials.sizeKb', { size });
  }

  /** Checks a file (size, then type by its first bytes) and uploads it; true when it was uploaded. */
  private async send(file: Blob, fileName: string): Promise<boolean> {
    this.error = undefined;
    this.status = undefined;
    if (file.size > MAX_UPLOAD_BYTES) {
      this.error = { key: 'materials.errors.tooLarge', options: { size: this.size(file.size) } };
      return false;
    }
    if (file.size === 0) {
      this.error = { key: 'materials.errors.empty' };
      return false;
    }
    const attempt = new AbortController();
    this.uploading?.abort();
    this.uploading = attempt;
    this.busy = 'checking';
    this.busyFile = fileName;
    try {
      let head: Uint8Array;
      try {
        head = new Uint8Array(await file.slice(0, UPLOAD_MAGIC_LENGTH).arrayBuffer());
      } catch {
        this.error = { key: 'materials.errors.read' };
        return false;
      }
      if (attempt.signal.aborted) return false;
      const type = sniffUploadType(head);
      if (!type) {
        this.error = { key: 'materials.errors.type', options: { file: fileName } };
        return false;
      }
      const api = this.api.value;
      if (!api) {
        this.error = { key: 'materials.errors.noService' };
        return false;
      }
      this.busy = 'uploading';
      const receipt = await upload(api, new Blob([file], { type }), { signal: attempt.signal });
      if (attempt.signal.aborted) return false;
      this.setValue({ how: 'upload', upload: receipt.id, fileName, size: receipt.size });
      this.status = { key: 'materials.uploadedFile', options: { file: fileName, size: this.size(receipt.size) } };
      return true;
    } catch (error) {
      if (!attempt.signal.aborted) this.error = this.uploadError(error, file.size);
      return false;
    } finally {
      if (this.uploading === attempt) {
        this.uploading = undefined;
        this.busy = undefined;
      }
    }
  }

  private uploadError(error: unknown, bytes: number): Message {
    const problem = error instanceof ApiError ? error.problem : undefined;
    const status = problem?.status ?? 0;
    if (status === 0) return { key: 'materials.errors.network' };
    if (status === 413) return { key: 'materials.errors.tooLarge', options: { size: this.size(bytes) } };
    if (status === 415 || problem?.messageKey === 'errors.uploadType') return { key: 'materials.errors.type', options: { file: this.busyFile } };
    if (problem?.messageKey === 'errors.uploadEmpty') return { key: 'materials.errors.empty' };
    return { key: status >= 500 ? 'materials.errors.server' : 'materials.errors.rejected', options: { status } };
  }

  // ── the camera ────────────────────────────────────────────────────────────────────

  private async startCamera(): Promise<void> {
    this.closeCamera();
    const session = this.cameraSession;
    this.camera = 'starting';
    this.cameraError = undefined;
    this.error = undefined;
    let stream: MediaStream;
    try {
      stream = await openCamera();
    } catch (error) {
      if (session !== this.cameraSession) return;
      this.cameraError = error instanceof CameraError ? error.problem : 'failed';
      this.camera = 'off';
      return;
    }
    if (session !== this.cameraSession || !this.isConnected) {
      stopCamera(stream);
      return;
    }
    this.stream = stream;
    this.camera = 'live';
    await this.updateComplete;
    const video = this.renderRoot.querySelector('video');
    if (!video) return;
    video.srcObject = stream;
    try {
      await video.play();
    } catch {
      // autoplay of a muted video is allowed; a refusal still shows the first frame
    }
    this.renderRoot.querySelector<HTMLButtonElement>('[data-action="capture"]')?.focus();
  }

  /** Turns the camera off and forgets the photo. */
  private closeCamera(): void {
    this.cameraSession++;
    stopCamera(this.stream);
    this.stream = undefined;
    if (this.photo) URL.revokeObjectURL(this.photo.url);
    this.photo = undefined;
    this.camera = 'off';
  }

  private async capture(): Promise<void> {
    const video = this.renderRoot.querySelector('video');
    if (video) await firstFrame(video);
    const blob = video && video.videoWidth ? await captureJpeg(video, video.videoWidth, video.videoHeight) : undefined;
    if (!blob) {
      this.error = { key: video?.videoWidth ? 'materials.camera.errors.tooLarge' : 'materials.camera.errors.capture' };
      return;
    }
    // The photo is checked with the camera off; "retake" turns it on again.
    stopCamera(this.stream);
    this.stream = undefined;
    this.error = undefined;
    this.photo = { blob, url: URL.createObjectURL(blob) };
    this.camera = 'captured';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[data-action="use"]')?.focus();
  }

  private async usePhoto(): Promise<void> {
    const photo = this.photo;
    if (!photo) return;
    const time = new Date().toISOString().slice(0, 19).replace(/\D/g, '');
    if (await this.send(photo.blob, this.text.t('materials.camera.fileName', { time }))) this.closeCamera();
  }

  // ── rendering ─────────────────────────────────────────────────────────────────────

  private renderOption(mode: Mode, checked: boolean): TemplateResult {
    const { t } = this.text;
    const m = this.material!;
    const basis = mode === 'commitment' && m.commitmentBasis.length;
    return html`<label part="option" class="option">
      <input
        type="radio"
        name="how"
        value=${mode}
        .checked=${checked}
        aria-invalid=${this.showProblems && !this.currentValue() ? 'true' : 'false'}
        aria-describedby=${`hint-${mode}${basis ? ' basis' : ''}`}
        @change=${() => this.choose(mode)}
      />
      <span class="label"
        >${t(`materials.modes.${mode}`)}<span class="hint" id=${`hint-${mode}`}>${t(`materials.modeHints.${mode}`)}</span>
        ${basis
          ? html`<span part="basis" class="hint basis" id="basis"
              >${t('materials.commitmentBasis')}${m.commitmentBasis.map((b) => html`<span lang="zh-CN">${b}</span>`)}</span
            >`
          : nothing}
      </span>
    </label>`;
  }

  private renderFile(v: MaterialChoice & { how: 'upload' }): TemplateResult {
    const { t } = this.text;
    const name = this.name();
    return html`<div part="file" class="file">
      <p class="file-name">
        <span class="done">${t('materials.uploaded')}</span>
        <span class="name">${t('materials.uploadedFile', { file: v.fileName ?? '', size: v.size !== undefined ? this.size(v.size) : '' })}</span>
      </p>
      <div class="row">
        ${this.mode === 'camera'
          ? html`<button type="button" class="secondary" data-action="retake-upload" ?disabled=${this.camera !== 'off'} @click=${() => void this.startCamera()}>
              ${t('materials.retakePhoto')}
            </button>`
          : this.renderChooser(t('materials.replace'))}
        <button type="button" class="secondary" data-action="remove" aria-label=${t('materials.removeLabel', { name })} @click=${() => this.removeFile()}>
          ${t('materials.remove')}
        </button>
      </div>
    </div>`;
  }

  /** The native file input, shown as a button (its label). */
  private renderChooser(label: string): TemplateResult {
    return html`<span class="chooser">
      <input
        id="file"
        class="file-input"
        type="file"
        accept=${ACCEPT}
        ?disabled=${this.busy !== undefined}
        aria-describedby=${ifDefined(this.error ? 'error' : 'hint-upload')}
        @change=${this.onFile}
      />
      <label part="choose" for="file" class="button-like">${label}<span class="visually-hidden">: ${this.name()}</span></label>
    </span>`;
  }

  private renderCamera(): TemplateResult | typeof nothing {
    const { t } = this.text;
    const name = this.name();
    if (this.camera === 'off') {
      return this.cameraError
        ? html`<div class="row">
            <button type="button" data-action="start" @click=${() => void this.startCamera()}>${t('materials.camera.start')}</button>
          </div>`
        : nothing;
    }
    if (this.camera === 'starting') return html`<p role="status" class="sub">${t('materials.camera.starting')}</p>`;
    if (this.camera === 'live') {
      return html`<div part="camera" class="camera">
        <p class="sub" id="camera-hint">${t('materials.camera.hint')}</p>
        <video muted playsinline autoplay aria-label=${t('materials.camera.preview', { name })} aria-describedby="camera-hint"></video>
        <div class="row">
          <button type="button" data-action="capture" @click=${() => void this.capture()}>${t('materials.camera.capture')}</button>
          <button type="button" class="secondary" data-action="close" @click=${() => this.closeCamera()}>${t('materials.camera.close')}</button>
        </div>
      </div>`;
    }
    return html`<div part="camera" class="camera">
      <p class="sub" id="photo-hint">${t('materials.camera.check')}</p>
      <img src=${this.photo!.url} alt=${t('materials.camera.photo', { name })} />
      <div class="row">
        <button type="button" data-action="use" ?disabled=${this.busy !== undefined} aria-describedby="photo-hint" @click=${() => void this.usePhoto()}>
          ${t('materials.camera.use')}
        </button>
        <button type="button" class="secondary" data-action="retake" ?disabled=${this.busy !== undefined} @click=${() => void this.startCamera()}>
          ${t('materials.camera.retake')}
        </button>
      </div>
    </div>`;
  }

  private renderWork(value: MaterialChoice | undefined): TemplateResult | typeof nothing {
    const { t } = this.text;
    const mode = this.mode;
    if (mode === 'commitment') return html`<p class="note">${t('materials.commitmentNote')}</p>`;
    if (mode === 'later') return html`<p class="note">${t('materials.laterNote')}</p>`;
    if (mode !== 'upload' && mode !== 'camera') return nothing;
    const uploaded = value?.how === 'upload' ? value : undefined;
    return html`${this.busy
        ? html`<div class="busy" role="status">
            <span>${this.busy === 'checking' ? t('materials.checking') : t('materials.uploading', { file: this.busyFile })}</span>
            <progress aria-label=${t('materials.uploadingLabel')}></progress>
          </div>`
        : nothing}
      ${uploaded ? this.renderFile(uploaded) : mode === 'upload' ? html`<div class="row">${this.renderChooser(t('materials.chooseFile'))}</div>` : nothing}
      ${mode === 'camera' ? this.renderCamera() : nothing}`;
  }

  private renderError(value: MaterialChoice | undefined): TemplateResult | typeof nothing {
    const { t } = this.text;
    const kept = value?.how === 'upload' && value.fileName ? t('materials.keptPrevious', { file: value.fileName }) : '';
    const text = this.error
      ? t(this.error.key, this.error.options)
      : this.cameraError && this.mode === 'camera'
        ? t(`materials.camera.errors.${this.cameraError}`)
        : this.showProblems && !value
          ? this.messageFor('materialMissing')
          : '';
    if (!text) return nothing;
    return html`<p part="error" class="error" id="error" role="alert">${text}${kept && this.error ? html` <span class="kept">${kept}</span>` : nothing}</p>`;
  }

  protected override render() {
    const m = this.material;
    if (!m) return nothing;
    const { t, language } = this.text;
    const value = this.currentValue();
    const modes: Mode[] = ['upload', 'camera', ...(m.commitmentAllowed ? (['commitment'] as const) : []), 'later'];
    return html`<fieldset part="base" class="base" aria-describedby="form-hint">
      <legend class="material">${m.name[language]}</legend>
      <p class="sub" id="form-hint">${t('materials.formHint', { form: t(`materials.forms.${m.form}`) })}</p>
      <div class="options" role="radiogroup" aria-label=${t('materials.howLegend')}>${modes.map((mode) => this.renderOption(mode, this.mode === mode))}</div>
      ${this.renderWork(value)} ${this.renderError(value)}
      <p class="visually-hidden" role="status">${this.status ? t(this.status.key, this.status.options) : ''}</p>
    </fieldset>`;
  }
}
