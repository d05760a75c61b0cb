/**
 * The kiosk's idle timer (WCAG 2.2.1 Timing Adjustable), DOM-free: the shell feeds it activity
 * and shows what it reports. After `idleMs` without activity it warns (`onWarn`), counts the
 * warning down once a second (`onTick`, whole seconds left), and when the warning runs out it
 * expires (`onExpire`, the shell wipes the session). `moreTime()` — the warning's "I need more
 * time" — restores the full time. While the warning is up, ordinary activity does not dismiss it:
 * only the deliberate `moreTime()` does. `pause()` (the print dialog) holds the clock; `resume()`
 * restarts the idle period from its beginning. `stop()` (the home screen: nothing to wipe) ends
 * everything until the next `start()`.
 */

export interface IdleSettings {
  /** Time without activity before the warning, in ms. */
  idleMs: number;
  /** How long the warning counts down before the wipe, in ms. */
  warningMs: number;
}

export interface IdleCallbacks {
  onWarn(secondsLeft: number): void;
  onTick(secondsLeft: number): void;
  onExpire(): void;
  /** The warning was taken away without a wipe (more time, stop or pause). */
  onCancel(): void;
}

export type IdlePhase = 'stopped' | 'idle' | 'warning' | 'paused';

/** The defaults: two minutes of quiet, then thirty seconds of warning. */
export const DEFAULT_IDLE: IdleSettings = { idleMs: 120_000, warningMs: 30_000 };

const MIN_MS = 1_000;
const MAX_MS = 3_600_000;

/**
 * The settings a kiosk runs with: its configured values (the `idle-seconds` and
 * `idle-warning-seconds` attributes) where they are sensible, else the defaults; then a test
 * override (the `?idle=` and `?idle-warning=` URL parameters, in seconds), which may only
 * shorten them, so nobody can stretch a kiosk's timeout from its address bar.
 */
export function idleSettings(
  configured: { idleSeconds?: number | null; warningSeconds?: number | null },
  override: { idle?: string | null; warning?: string | null } = {},
): IdleSettings {
  const ms = (seconds: number | null | undefined, fallback: number) =>
    typeof seconds === 'number' && Number.isFinite(seconds) && seconds * 1000 >= MIN_MS && seconds * 1000 <= MAX_MS ? Math.round(seconds * 1000) : fallback;
  const shorter = (raw: string | null | undefined, current: number) => {
    if (raw == null || !/^\d{1,5}(\.\d{1,3})?$/.test(raw)) return current;
    return Math.min(current, ms(Number(raw), current));
  };
  const idleMs = ms(configured.idleSeconds, DEFAULT_IDLE.idleMs);
  const warningMs = ms(configured.warningSeconds, DEFAULT_IDLE.warningMs);
  return { idleMs: shorter(override.idle, idleMs), warningMs: shorter(override.warning, warningMs) };
}

/**
 * Whether a screen reader should hear the countdown at this many seconds left: at the
 * multiples of ten and at five, never every second (the number on screen changes every second).
 */
export const announceAt = (secondsLeft: number): boolean => secondsLeft > 0 && (secondsLeft % 10 === 0 || secondsLeft === 5);

export class IdleTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private deadline = 0;
  private current: IdlePhase = 'stopped';

  constructor(
    private settings: IdleSettings,
    private readonly callbacks: IdleCallbacks,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get phase(): IdlePhase {
    return this.current;
  }

  /** Whole seconds left on the warning (0 outside it). */
  get secondsLeft(): number {
    return this.current === 'warning' ? Math.max(0, Math.ceil((this.deadline - this.now()) / 1000)) : 0;
  }

  configure(settings: IdleSettings): void {
    this.settings = settings;
    if (this.current === 'idle') this.arm();
  }

  /** Someone is here with something to lose: run the idle period (again) from its start. */
  start(): void {
    const warned = this.current === 'warning';
    this.arm();
    if (warned) this.callbacks.onCancel();
  }

  /** A touch, a key, an input: the idle period restarts — but never dismisses the warning. */
  activity(): void {
    if (this.current === 'idle') this.arm();
  }

  /** "I need more time": the full time again. */
  moreTime(): void {
    if (this.current === 'warning') this.start();
  }

  /** Nothing to wipe (the home screen), or the wipe is done: no timer until the next start. */
  stop(): void {
    this.end('stopped');
  }

  /** The print dialog is up: hold the clock (a warning is taken away). */
  pause(): void {
    if (this.current === 'idle' || this.current === 'warning') this.end('paused');
  }

  /** The print dialog closed: a full idle period from now. */
  resume(): void {
    if (this.current === 'paused') this.arm();
  }

  private end(phase: IdlePhase): void {
    const warned = this.current === 'warning';
    this.clear();
    this.current = phase;
    if (warned) this.callbacks.onCancel();
  }

  private clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    this.clear();
    this.current = 'idle';
    this.timer = setTimeout(() => this.warn(), this.settings.idleMs);
  }

  private warn(): void {
    this.current = 'warning';
    this.deadline = this.now() + this.settings.warningMs;
    this.callbacks.onWarn(this.secondsLeft);
    this.tick();
  }

  /** Wakes at each whole second left, so the countdown on screen never skips or lags. */
  private tick(): void {
    const left = this.deadline - this.now();
    if (left <= 0) {
      this.clear();
      this.current = 'stopped';
      this.callbacks.onExpire();
      return;
    }
    const toNextSecond = left % 1000 || 1000;
    this.timer = setTimeout(() => {
      if (this.current !== 'warning') return;
      const s = this.secondsLeft;
      if (s > 0) this.callbacks.onTick(s);
      this.tick();
    }, toNextSecond);
  }
}
