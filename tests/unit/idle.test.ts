import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_IDLE, IdleTimer, announceAt, idleSettings } from '../../src/kiosk/idle.js';

function setup(idleMs = 10_000, warningMs = 5_000) {
  const events: string[] = [];
  const timer = new IdleTimer(
    { idleMs, warningMs },
    {
      onWarn: (s) => events.push(`warn ${s}`),
      onTick: (s) => events.push(`tick ${s}`),
      onExpire: () => events.push('expire'),
      onCancel: () => events.push('cancel'),
    },
  );
  return { timer, events };
}

describe('IdleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('does nothing until started (the home screen has nothing to wipe)', () => {
    const { timer, events } = setup();
    timer.activity();
    vi.advanceTimersByTime(60_000);
    expect(events).toEqual([]);
    expect(timer.phase).toBe('stopped');
  });

  it('warns after the idle time, counts down each second, then expires once', () => {
    const { timer, events } = setup();
    timer.start();
    vi.advanceTimersByTime(9_999);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['warn 5']);
    expect(timer.phase).toBe('warning');
    expect(timer.secondsLeft).toBe(5);
    vi.advanceTimersByTime(5_000);
    expect(events).toEqual(['warn 5', 'tick 4', 'tick 3', 'tick 2', 'tick 1', 'expire']);
    expect(timer.phase).toBe('stopped');
    vi.advanceTimersByTime(60_000);
    expect(events.filter((e) => e === 'expire')).toHaveLength(1);
  });

  it('activity restarts the idle period, but does not dismiss a warning', () => {
    const { timer, events } = setup();
    timer.start();
    vi.advanceTimersByTime(8_000);
    timer.activity();
    vi.advanceTimersByTime(8_000);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(2_000);
    expect(events).toEqual(['warn 5']);
    timer.activity();
    vi.advanceTimersByTime(5_000);
    expect(events.at(-1)).toBe('expire');
  });

  it('"more time" restores the full time, from the warning only', () => {
    const { timer, events } = setup();
    timer.start();
    vi.advanceTimersByTime(12_000);
    timer.moreTime();
    expect(events).toEqual(['warn 5', 'tick 4', 'tick 3', 'cancel']);
    expect(timer.phase).toBe('idle');
    vi.advanceTimersByTime(9_999);
    expect(events).toHaveLength(4);
    vi.advanceTimersByTime(1);
    expect(events.at(-1)).toBe('warn 5');
    timer.stop();
    timer.moreTime();
    expect(timer.phase).toBe('stopped');
  });

  it('pauses while printing (taking a warning away) and resumes with a full idle period', () => {
    const { timer, events } = setup();
    timer.start();
    vi.advanceTimersByTime(11_000);
    timer.pause();
    expect(events).toEqual(['warn 5', 'tick 4', 'cancel']);
    vi.advanceTimersByTime(600_000);
    expect(events).toHaveLength(3);
    timer.resume();
    vi.advanceTimersByTime(10_000);
    expect(events.at(-1)).toBe('warn 5');
  });

  it('stop ends a running timer; resume does not start a stopped one', () => {
    const { timer, events } = setup();
    timer.start();
    timer.stop();
    timer.resume();
    vi.advanceTimersByTime(600_000);
    expect(events).toEqual([]);
  });
});

describe('idleSettings', () => {
  it('uses sensible configured values, else the defaults', () => {
    expect(idleSettings({})).toEqual(DEFAULT_IDLE);
    expect(idleSettings({ idleSeconds: 300, warningSeconds: 60 })).toEqual({ idleMs: 300_000, warningMs: 60_000 });
    expect(idleSettings({ idleSeconds: 0, warningSeconds: Number.NaN })).toEqual(DEFAULT_IDLE);
    expect(idleSettings({ idleSeconds: -5, warningSeconds: 1e9 })).toEqual(DEFAULT_IDLE);
  });

  it('lets the URL override only shorten, and ignores anything malformed', () => {
    expect(idleSettings({}, { idle: '5', warning: '3' })).toEqual({ idleMs: 5_000, warningMs: 3_000 });
    expect(idleSettings({}, { idle: '9999', warning: '600' })).toEqual(DEFAULT_IDLE);
    for (const bad of ['', '-1', '0', 'abc', '1e3', '5s', '0.5']) expect(idleSettings({}, { idle: bad, warning: bad })).toEqual(DEFAULT_IDLE);
  });
});

describe('announceAt', () => {
  it('announces at tens and at five, never every second', () => {
    const spoken = Array.from({ length: 30 }, (_, i) => 30 - i).filter(announceAt);
    expect(spoken).toEqual([30, 20, 10, 5]);
    expect(announceAt(0)).toBe(false);
  });
});
