/**
 * Voice reading for elder mode (长辈模式, issue 8 §2): "read this screen aloud" speaks the
 * visible text of the kiosk's main area in reading order — walking into shadow roots and slots
 * (the flat tree), skipping what is hidden, `aria-hidden` or only for screen readers — with a
 * `speechSynthesis` voice of the session's language. Where the device has no voice for that
 * language it stays silent and says so: it never reads Chinese with an English voice or the
 * reverse. Long text is spoken as several utterances (Chrome cuts long ones off).
 */
import type { Language } from '../i18n/index.js';

/** The voice languages that may read each kiosk language, best first (BCP 47, lower case). */
const VOICE_LANGS: Record<Language, readonly string[]> = {
  'zh-CN': ['zh-cn', 'cmn-cn', 'zh-hans-cn', 'cmn-hans-cn', 'zh-hans', 'zh-sg'],
  'zh-TW': ['zh-tw', 'cmn-tw', 'zh-hant-tw', 'zh-hant', 'zh-hk', 'yue-hk', 'zh-hant-hk'],
  en: ['en-gb', 'en-us', 'en'],
};

const norm = (lang: string) => lang.replace(/_/g, '-').toLowerCase();

/**
 * The voice that reads `language`: an exact match of the session language first, then the
 * other forms of the same written language; any English voice for English. None: undefined.
 */
export function pickVoice<V extends { lang: string; localService?: boolean }>(voices: readonly V[], language: Language): V | undefined {
  const wanted = VOICE_LANGS[language];
  const rank = (v: V): number => {
    const lang = norm(v.lang);
    const exact = wanted.indexOf(lang);
    if (exact >= 0) return exact;
    if (language === 'en' && /^en(-|$)/.test(lang)) return wanted.length;
    return -1;
  };
  let best: V | undefined;
  let bestRank = Infinity;
  for (const v of voices) {
    const r = rank(v);
    // A voice on the device is preferred among equals: it works offline.
    const score = r < 0 ? Infinity : r * 2 + (v.localService === false ? 1 : 0);
    if (score < bestRank) {
      best = v;
      bestRank = score;
    }
  }
  return best;
}

/** Sentence ends (Chinese and Latin punctuation), then clause breaks, for splitting long text. */
const SENTENCE = /(?<=[。！？!?；;]|[.](?=\s))\s*/u;
const CLAUSE = /(?<=[，,、：:])\s*/u;

/**
 * Splits what is read into utterances: one a block (heading, paragraph, button …), a block
 * longer than `max` characters at sentence ends, then at clause breaks, and only as a last
 * resort in the middle of a run of text.
 */
export function chunkText(blocks: readonly string[], max = 120): string[] {
  const out: string[] = [];
  const push = (piece: string) => {
    const s = piece.trim();
    if (s) out.push(s);
  };
  const split = (text: string, patterns: readonly RegExp[]) => {
    if (text.length <= max) return push(text);
    const [pattern, ...rest] = patterns;
    if (!pattern) {
      for (let i = 0; i < text.length; i += max) push(text.slice(i, i + max));
      return;
    }
    let current = '';
    for (const part of text.split(pattern)) {
      if (current && current.length + part.length > max) {
        split(current, rest);
        current = '';
      }
      current += part;
    }
    split(current, rest);
  };
  for (const block of blocks) split(block.replace(/\s+/g, ' ').trim(), [SENTENCE, CLAUSE]);
  return out;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'svg', 'SVG', 'CANVAS', 'VIDEO', 'IFRAME', 'INPUT', 'TEXTAREA', 'SELECT']);
const INLINE = /^(inline|contents)/;

/** Hidden from people who look at the screen: not rendered, aria-hidden, or clipped to a pixel. */
function hidden(el: Element): boolean {
  if (el.getAttribute('aria-hidden') === 'true' || (el as HTMLElement).hidden) return true;
  if (el instanceof HTMLDialogElement && !el.open) return true;
  const style = getComputedStyle(el);
  // (a slot, or a host with `display: contents`, has no box of its own but shows its children)
  if (style.display === 'contents') return false;
  if (typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return true;
  const box = el.getBoundingClientRect();
  return box.width <= 1 && box.height <= 1 && style.position === 'absolute';
}

/**
 * The visible text under `root` in reading order (the flat tree: shadow roots and what their
 * slots show), one string a block (paragraph, heading, list item, button …).
 */
export function visibleText(root: Element): string[] {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const s = line.replace(/\s+/g, ' ').trim();
    if (s) blocks.push(s);
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      line += node.textContent ?? '';
      return;
    }
    if (!(node instanceof Element) || hidden(node)) return;
    if (node.tagName === 'IMG' || node.getAttribute('role') === 'img') {
      // An image says what it is by its label (a QR code: "scan with your phone").
      const label = node.getAttribute('aria-label') ?? node.getAttribute('alt');
      if (label) {
        flush();
        line = label;
        flush();
      }
      return;
    }
    if (SKIP.has(node.tagName)) return;
    const block = !INLINE.test(getComputedStyle(node).display);
    if (block) flush();
    if (node instanceof HTMLSlotElement) {
      const assigned = node.assignedNodes({ flatten: true });
      for (const child of assigned.length ? assigned : node.childNodes) walk(child);
    } else {
      for (const child of (node.shadowRoot ?? node).childNodes) walk(child);
    }
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

/** What the reader can do now: read, is reading, or cannot (no speech at all, or no voice for the language). */
export type VoiceState = 'ready' | 'speaking' | 'no-speech' | 'no-voice';

/**
 * Reads text aloud with a voice of one language, several utterances in a row; `stop()` ends
 * it at once. `onChange` hears every change of state (voices arrive late in Chrome).
 */
export class ScreenVoice {
  private language: Language;
  private speaking = false;
  /** Bumped by every start and stop, so the end of an old reading cannot touch a new one. */
  private run = 0;
  private readonly synth: SpeechSynthesis | undefined;

  constructor(
    language: Language,
    private readonly onChange: () => void,
    synth: SpeechSynthesis | undefined = globalThis.speechSynthesis,
  ) {
    this.language = language;
    this.synth = synth;
    this.synth?.addEventListener?.('voiceschanged', this.onChange);
  }

  dispose(): void {
    this.stop();
    this.synth?.removeEventListener?.('voiceschanged', this.onChange);
  }

  get state(): VoiceState {
    if (!this.synth) return 'no-speech';
    if (!this.voice()) return 'no-voice';
    return this.speaking ? 'speaking' : 'ready';
  }

  private voice(): SpeechSynthesisVoice | undefined {
    return pickVoice(this.synth?.getVoices() ?? [], this.language);
  }

  /** A new language stops any reading (it would be in the wrong language). */
  setLanguage(language: Language): void {
    if (language === this.language) return;
    this.stop();
    this.language = language;
    this.onChange();
  }

  /** Reads `blocks` aloud; false (and silence) where there is no voice for the language. */
  speak(blocks: readonly string[]): boolean {
    this.stop();
    const voice = this.voice();
    const chunks = chunkText(blocks);
    if (!this.synth || !voice || !chunks.length) return false;
    const run = ++this.run;
    this.speaking = true;
    chunks.forEach((text, i) => {
      const u = new SpeechSynthesisUtterance(text);
      // (only the browser's own voice objects are accepted; the language alone picks one too)
      if (typeof SpeechSynthesisVoice === 'undefined' || voice instanceof SpeechSynthesisVoice) u.voice = voice;
      u.lang = voice.lang;
      if (i === chunks.length - 1) {
        const done = () => {
          if (run !== this.run) return;
          this.speaking = false;
          this.onChange();
        };
        u.addEventListener('end', done);
        u.addEventListener('error', done);
      }
      this.synth!.speak(u);
    });
    this.onChange();
    return true;
  }

  stop(): void {
    this.run++;
    if (this.speaking) this.synth?.cancel();
    const was = this.speaking;
    this.speaking = false;
    if (was) this.onChange();
  }
}
