import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Catalogue, DocumentTemplate } from '../../core/catalogue/types.js';
import type { Notice } from '../../core/rules/notice.js';
import { documentText, type Applicant } from '../../core/rules/documents.js';
import { ID_TYPES, idNumberProblem, isIdType, normalizeIdNumber, type IdType } from '../../core/form/id-number.js';
import { buttons } from '../shared/buttons.js';
import { choices } from '../shared/choices.js';
import { tokens } from '../shared/tokens.js';
import type { CommitmentProblem, CommitmentSignature, SignatoryCandidate } from './material-types.js';
import { FormText } from './i18n.js';
import { materialsShared } from './materials.styles.js';
import { styles } from './commitment.styles.js';

/** The controls a problem is about, by the id of the element that takes focus. */
const FOCUS: Record<CommitmentProblem, string> = {
  signatoryNone: 'signatory',
  signatoryName: 'signatory',
  idType: 'id-type',
  empty: 'id-number',
  idNumberLength: 'id-number',
  idNumberCharacters: 'id-number',
  idNumberBirthDate: 'id-number',
  idNumberCheck: 'id-number',
  idNumberFormat: 'id-number',
  warning: 'warning',
};
type Field = 'signatory' | 'id-type' | 'id-number' | 'warning';

/**
 * @tag one-commitment
 * @summary 告知承诺 — the applicant signs the commitment letter: its versioned text for the notice
 * (naming exactly the permits, conditions and documents committed to), the warning seed 000
 * requires (a false commitment is punished: the permit revoked, an entry in the credit
 * record, sanctions for breach of trust) as a box the signatory must tick, and who signs —
 * the legal representative or the contact person — with their ID type and number.
 *
 * The letter comes from the catalogue (`documentText(catalogue, notice, 'commitment-letter', …)`)
 * for the materials committed; the value records the text's version (`textVersion`), so a
 * signature on an older text (a draft restored after the catalogue changed) asks to confirm
 * again. The ID number is checked for the chosen type (`idNumberProblem`, GB 11643 for the
 * 居民身份证) and each problem says how to fix it.
 *
 * Methods for the form's error summary: `validate()` returns the problem codes
 * (`CommitmentProblem`: `signatoryNone`, `signatoryName`, `idType`, `empty`, `idNumberLength`,
 * `idNumberCharacters`, `idNumberBirthDate`, `idNumberCheck`, `idNumberFormat`, `warning`;
 * [] when the signature is complete or nothing is committed) and shows them at their fields;
 * `messageFor(code)` is the text of one in the current language; `focusProblem(code)` moves
 * focus to its field.
 *
 * @event change - The signature changed (a native `Event`, bubbling and composed): read `.value`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart letter - The scrollable text of the commitment letter.
 * @csspart version - The text's version.
 * @csspart warning - The warning about false commitments, with its checkbox.
 * @csspart signatory - The signatory's name, ID type and number.
 * @csspart error - A problem at its field.
 *
 * @cssproperty --one-font-size - Base text size (the letter follows it, so elder mode enlarges it).
 * @cssproperty --one-color-danger - The warning's border and problems.
 * @cssproperty --one-target-size - Minimum size of the choices.
 * @cssproperty --one-commitment-letter-height - Height of the letter's scroll box (default 24em).
 */
export class OneCommitment extends LitElement {
  static override styles = [tokens, buttons, choices, materialsShared, styles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The catalogue the notice was built with (its version must match): the letter's text and the ID types come from it. */
  @property({ attribute: false }) catalogue?: Catalogue;

  /** The notice (`buildNotice`). */
  @property({ attribute: false }) notice?: Notice;

  /** The permits committed for: a material is in the letter when every permit that needs it is here. */
  @property({ attribute: false }) permits: string[] = [];

  /**
   * The keys (`NoticeMaterial.key`) of the materials a commitment replaces; when not given,
   * every material that allows a commitment and is needed only by `permits`.
   */
  @property({ attribute: false }) materials?: string[];

  /** Who may sign: the legal representative and the contact person named in the form. */
  @property({ attribute: false }) candidates: SignatoryCandidate[] = [];

  /** The header lines of the letter (`entity.name`, `entity.uscc`, `legalRep.name`, `premises.address`), when known. */
  @property({ attribute: false }) applicant?: Applicant;

  /** The signature so far (from the form's draft), or undefined. */
  @property({ attribute: false }) value: CommitmentSignature | undefined;

  /** Fields whose problems are shown (left once, or all after `validate()`). */
  @state() private shown = new Set<Field>();

  private readonly text = new FormText(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('notice') && changed.get('notice')) this.shown = new Set();
  }

  // ── what is signed ────────────────────────────────────────────────────────────────

  private template(): DocumentTemplate | undefined {
    return this.catalogue?.documents.templates.find((t) => t.kind === 'commitment');
  }

  /** The notice as the letter sees it: only the materials committed allow a commitment. */
  private committedNotice(): Notice | undefined {
    const n = this.notice;
    if (!n) return undefined;
    const permits = new Set(this.permits);
    const keys = this.materials ? new Set(this.materials) : undefined;
    return {
      ...n,
      materials: n.materials.map((m) => ({ ...m, commitmentAllowed: m.commitmentAllowed && m.permits.every((p) => permits.has(p)) && (!keys || keys.has(m.key)) })),
    };
  }

  /** The letter's text, '' when nothing is committed, undefined when the catalogue does not match the notice. */
  private letter(): string | undefined {
    const notice = this.committedNotice();
    const template = this.template();
    if (!notice || !this.catalogue || !template || notice.catalogueVersion !== this.catalogue.version) return undefined;
    if (!notice.materials.some((m) => m.commitmentAllowed)) return '';
    return documentText(this.catalogue, notice, template.id, this.text.language, this.applicant ?? {}) ?? '';
  }

  /** The candidates once each by name, with every role they hold. */
  private people(): { name: string; roles: SignatoryCandidate['role'][] }[] {
    const out = new Map<string, SignatoryCandidate['role'][]>();
    for (const c of this.candidates) {
      const name = c.name.trim();
      if (name) out.set(name, [...(out.get(name) ?? []), c.role]);
    }
    return [...out].map(([name, roles]) => ({ name, roles: [...new Set(roles)] }));
  }

  private idTypeLabel(type: IdType): string {
    const option = this.catalogue?.elements.find((e) => e.id === 'legalRep.idType')?.options?.find((o) => o.value === type);
    return option ? option.label[this.text.language] : type;
  }

  /** The signature with the current text version; the warning counts only for the text shown. */
  private current(): CommitmentSignature {
    const version = this.template()?.version ?? '';
    const v = this.value;
    return {
      name: v?.name ?? '',
      idType: v && isIdType(v.idType) ? v.idType : '',
      idNumber: v?.idNumber ?? '',
      textVersion: version,
      warningAccepted: v?.warningAccepted === true && v.textVersion === version,
    };
  }

  // ── methods for the form ──────────────────────────────────────────────────────────

  /** Every problem of the signature, shown at its field; [] when it is complete or there is nothing to sign. */
  validate(): CommitmentProblem[] {
    const problems = this.problems();
    this.shown = new Set(['signatory', 'id-type', 'id-number', 'warning']);
    return problems;
  }

  /** The text of a problem `validate()` returned, in the current language. */
  messageFor(code: CommitmentProblem): string {
    const s = this.current();
    const format = isIdType(s.idType) ? this.text.t(`materials.commitment.formats.${s.idType}`) : '';
    return this.text.t(`materials.commitment.problems.${code}`, { count: [...normalizeIdNumber(s.idNumber)].length, format });
  }

  /** Moves focus to the field of a problem (the first field when none is given). */
  focusProblem(code?: CommitmentProblem): void {
    const id = code ? FOCUS[code] : 'signatory';
    const target = id === 'signatory' || id === 'id-type' ? this.renderRoot.querySelector<HTMLInputElement>(`[data-group="${id}"] input:checked, [data-group="${id}"] input`) : this.renderRoot.querySelector<HTMLElement>(`#${id}`);
    (target ?? this.renderRoot.querySelector<HTMLElement>(`#${id}`))?.focus();
  }

  private problems(): CommitmentProblem[] {
    const letter = this.letter();
    if (!letter) return [];
    const s = this.current();
    const out: CommitmentProblem[] = [];
    const people = this.people();
    if (people.length === 0) out.push('signatoryNone');
    else if (!people.some((p) => p.name === s.name)) out.push('signatoryName');
    if (!s.idType) {
      out.push('idType');
      if (!s.idNumber.trim()) out.push('empty');
    } else {
      const problem = s.idNumber.trim() === '' ? 'empty' : idNumberProblem(s.idNumber, s.idType);
      if (problem) out.push(problem);
    }
    if (!s.warningAccepted) out.push('warning');
    return out;
  }

  // ── changes ───────────────────────────────────────────────────────────────────────

  private edit(change: Partial<CommitmentSignature>): void {
    const next = { ...this.current(), ...change };
    if (next.idType && next.idNumber.trim() !== '' && !idNumberProblem(next.idNumber, next.idType)) next.idNumber = normalizeIdNumber(next.idNumber);
    this.value = next;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private show(field: Field): void {
    if (!this.shown.has(field)) this.shown = new Set([...this.shown, field]);
  }

  // ── rendering ─────────────────────────────────────────────────────────────────────

  private fieldError(field: Field, problems: CommitmentProblem[]): { id?: string; view: TemplateResult | typeof nothing } {
    const code = this.shown.has(field) ? problems.find((p) => FOCUS[p] === field) : undefined;
    if (!code) return { view: nothing };
    const id = `${field}-error`;
    return { id, view: html`<p part="error" class="error" id=${id}>${this.messageFor(code)}</p>` };
  }

  /** One radio choice of the `signatory` or `id-type` group: choosing it edits the signature with `change`. */
  private radio(group: 'signatory' | 'id-type', value: string, checked: boolean, errorId: string | undefined, change: Partial<CommitmentSignature>, label: unknown): TemplateResult {
    return html`<label part="option" class="option">
      <input
        type="radio"
        name=${group}
        .value=${value}
        .checked=${checked}
        aria-invalid=${errorId ? 'true' : 'false'}
        @change=${() => {
          this.show(group);
          this.edit(change);
        }}
      />
      <span class="label">${label}</span>
    </label>`;
  }

  private renderSignatory(s: CommitmentSignature, problems: CommitmentProblem[]): TemplateResult {
    const { t } = this.text;
    const people = this.people();
    const nameError = this.fieldError('signatory', problems);
    const typeError = this.fieldError('id-type', problems);
    const numberError = this.fieldError('id-number', problems);
    const format = s.idType ? t(`materials.commitment.formats.${s.idType}`) : '';
    return html`<div part="signatory" class="signatory">
      <fieldset data-group="signatory" aria-describedby=${['signatory-hint', nameError.id].filter(Boolean).join(' ')}>
        <legend class="field-label">${t('materials.commitment.signatory')}</legend>
        <p class="hint" id="signatory-hint">${t('materials.commitment.signatoryHint')}</p>
        ${people.length === 0 ? html`<p part="error" class="error">${t('materials.commitment.problems.signatoryNone')}</p>` : nameError.view}
        <div class="options">
          ${people.map((p) =>
            this.radio('signatory', p.name, s.name === p.name, nameError.id, { name: p.name }, html`${p.name}<span class="hint">${p.roles.map((r) => t(`materials.commitment.roles.${r}`)).join(' · ')}</span>`),
          )}
        </div>
      </fieldset>
      <fieldset data-group="id-type" aria-describedby=${ifDefined(typeError.id)}>
        <legend class="field-label">${t('materials.commitment.idType')}</legend>
        ${typeError.view}
        <div class="options id-types">
          ${ID_TYPES.map((type) => this.radio('id-type', type, s.idType === type, typeError.id, { idType: type }, this.idTypeLabel(type)))}
        </div>
      </fieldset>
      <div class="field">
        <label class="field-label" for="id-number">${t('materials.commitment.idNumber')}</label>
        <p class="hint" id="id-number-hint">${t('materials.commitment.idNumberHint')}${format ? html`<span class="format">${format}</span>` : nothing}</p>
        ${numberError.view}
        <input
          id="id-number"
          class="text"
          type="text"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck="false"
          maxlength="40"
          .value=${s.idNumber}
          aria-describedby=${['id-number-hint', numberError.id].filter(Boolean).join(' ')}
          aria-invalid=${numberError.id ? 'true' : 'false'}
          @input=${(e: Event) => this.edit({ idNumber: (e.target as HTMLInputElement).value })}
          @change=${(e: Event) => {
            if ((e.target as HTMLInputElement).value.trim()) this.show('id-number');
          }}
        />
      </div>
    </div>`;
  }

  private renderWarning(s: CommitmentSignature, problems: CommitmentProblem[]): TemplateResult {
    const { t } = this.text;
    const error = this.fieldError('warning', problems);
    const changed = this.value?.warningAccepted && this.value.textVersion !== s.textVersion;
    return html`<section part="warning" class="warning" aria-labelledby="warning-title">
      <h4 id="warning-title">${t('materials.commitment.warningTitle')}</h4>
      <p id="warning-text">${t('materials.commitment.warningText')}</p>
      <p class="hint">${t('materials.commitment.warningBasis')}</p>
      ${changed ? html`<p class="changed" role="status">${t('materials.commitment.textChanged', { from: this.value!.textVersion, to: s.textVersion })}</p>` : nothing}
      ${error.view}
      <label class="option accept">
        <input
          id="warning"
          type="checkbox"
          .checked=${s.warningAccepted}
          aria-describedby=${['warning-text', error.id].filter(Boolean).join(' ')}
          aria-invalid=${error.id ? 'true' : 'false'}
          @change=${(e: Event) => {
            this.show('warning');
            this.edit({ warningAccepted: (e.target as HTMLInputElement).checked });
          }}
        />
        <span class="label">${t('materials.commitment.warningAccept')}</span>
      </label>
    </section>`;
  }

  protected override render() {
    const { t, language } = this.text;
    if (!this.notice || !this.catalogue) return nothing;
    const letter = this.letter();
    const s = this.current();
    const heading = html`<h3 id="commitment-title">${t('materials.commitment.title')}</h3>`;
    if (letter === undefined) {
      return html`<section part="base" class="base" aria-labelledby="commitment-title">${heading}<p part="error" class="error" role="alert">${t('materials.commitment.unavailable')}</p></section>`;
    }
    if (letter === '') {
      return html`<section part="base" class="base" aria-labelledby="commitment-title">${heading}<p class="note">${t('materials.commitment.none')}</p></section>`;
    }
    const problems = this.problems();
    return html`<section part="base" class="base" aria-labelledby="commitment-title">
      ${heading}
      <p class="intro">${t('materials.commitment.intro')}</p>
      <p part="version" class="hint version">${t('materials.commitment.version', { version: s.textVersion })}</p>
      <div part="letter" class="letter" role="region" tabindex="0" lang=${language} aria-label=${t('materials.commitment.textLabel')} aria-describedby="letter-hint">${letter}</div>
      <p class="hint" id="letter-hint">${t('materials.commitment.textHint')}</p>
      ${this.renderWarning(s, problems)} ${this.renderSignatory(s, problems)}
    </section>`;
  }
}
