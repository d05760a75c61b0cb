import { describe, expect, it } from 'vitest';
import { clearSession, emptySession, loadSession, saveSession, JOURNEY_STORAGE_PREFIX } from '../../src/kiosk/session.js';
import { loadRatingDraft, saveRatingDraft } from '../../src/components/rating/draft.js';

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

describe('kiosk session storage', () => {
  it('round-trips what the citizen chose', () => {
    const s = new MemoryStorage();
    const session = {
      ...emptySession(),
      language: 'en' as const,
      elder: true,
      textSize: 'largest' as const,
      selection: { industries: ['bookshop', 'cafe-teahouse'], general: ['F5299'], generalUnclassified: true as const },
      confirmed: true,
      step: 'guide' as const,
      guide: 'cafe-teahouse',
      answers: { 'food-activities': ['drinks'], 'sells-liquor': false, 'floor-area': 120, 'telecom-scope': 'shanghai' },
    };
    saveSession(session, s);
    expect(loadSession(s)).toEqual(session);
  });

  it.each([
    ['not JSON', '{oops'],
    ['a number', '42'],
    ['wrong types', JSON.stringify({ language: 'fr', elder: 'yes', textSize: 'huge', selection: { industries: 'x', general: [1, 2] } })],
    ['markup and emoji ids', JSON.stringify({ selection: { industries: ['<img src=x>', '😀', 'a'.repeat(500)], general: [] } })],
  ])('falls back to a clean session on %s', (_name, raw) => {
    const s = new MemoryStorage();
    s.setItem('onelicence.kiosk.session', raw);
    const loaded = loadSession(s);
    expect(loaded.language).toBe('zh-CN');
    expect(loaded.elder).toBe(false);
    expect(loaded.textSize).toBe('standard');
    expect(loaded.selection.industries).toEqual([]);
  });

  it('keeps only answers shaped like answers, and only known steps', () => {
    const s = new MemoryStorage();
    const answers = { ok: true, n: 5, pick: 'a-b', many: ['x', 'y'], big: 1e400, nan: null, html: '<b>', obj: { a: 1 }, 'Bad Key': true, mixed: ['x', 3] };
    s.setItem('onelicence.kiosk.session', JSON.stringify({ step: 'payment', guide: '<b>x</b>', answers }));
    const loaded = loadSession(s);
    expect(loaded.step).toBe('selection');
    expect(loaded.guide).toBe('');
    expect(loaded.answers).toEqual({ ok: true, n: 5, pick: 'a-b', many: ['x', 'y'] });
    s.setItem('onelicence.kiosk.session', JSON.stringify({ answers: ['not', 'a', 'map'] }));
    expect(loadSession(s).answers).toEqual({});
  });

  it('survives storage that throws', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } } as unknown as Storage;
    const loaded = loadSession(broken);
    expect(loaded).toEqual(emptySession(loaded.id));
    expect(() => saveSession(emptySession(), broken)).not.toThrow();
    expect(() => clearSession(broken)).not.toThrow();
  });

  it('keeps its session id; a missing or forged id gets a new random one', () => {
    const s = new MemoryStorage();
    const session = emptySession();
    expect(session.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    saveSession(session, s);
    expect(loadSession(s).id).toBe(session.id);
    s.setItem('onelicence.kiosk.session', JSON.stringify({ id: '../../etc/passwd' }));
    const forged = loadSession(s).id;
    expect(forged).not.toBe('../../etc/passwd');
    expect(forged).not.toBe(loadSession(s).id);
  });

  it('keeps a receipt only on the receipt step, and only when it is shaped like one', () => {
    const s = new MemoryStorage();
    const receipt = { id: 'SL202603020001', token: 'ap_abcdefghijklmnop' };
    saveSession({ ...emptySession(), step: 'receipt', receipt }, s);
    expect(loadSession(s)).toMatchObject({ step: 'receipt', receipt });
    for (const bad of [{ id: '<b>', token: 'ap_abcdefghijklmnop' }, { id: 'ap_1', token: 'x' }, 'receipt', null]) {
      s.setItem('onelicence.kiosk.session', JSON.stringify({ step: 'receipt', receipt: bad }));
      expect(loadSession(s).step).toBe('notice');
      expect(loadSession(s).receipt).toBeUndefined();
    }
    s.setItem('onelicence.kiosk.session', JSON.stringify({ step: 'form', receipt }));
    expect(loadSession(s).receipt).toBeUndefined();
  });

  it('forgets everything on clearSession', () => {
    const s = new MemoryStorage();
    saveSession({ ...emptySession(), elder: true, answers: { a: true } }, s);
    clearSession(s);
    expect(s.length).toBe(0);
    expect(loadSession(s).answers).toEqual({});
  });

  it('forgets the unsent ratings (好差评 drafts) on clearSession, and nothing else of the tab', () => {
    const s = new MemoryStorage();
    saveRatingDraft('A1', { score: 1, comment: 'rude-unique-1' }, s);
    saveRatingDraft('A2', { comment: 'rude-unique-2' }, s);
    s.setItem('other.app', 'kept');
    expect(loadRatingDraft('A1', s)).toEqual({ score: 1, comment: 'rude-unique-1' });
    clearSession(s);
    expect(s.length).toBe(1);
    expect(s.getItem('other.app')).toBe('kept');
    expect(loadRatingDraft('A1', s)).toEqual({ comment: '' });
  });

  it('drops a rating draft that is not shaped like one', () => {
    const s = new MemoryStorage();
    s.setItem('onelicence.rating.A1', JSON.stringify({ score: 9, comment: 42 }));
    expect(loadRatingDraft('A1', s)).toEqual({ comment: '' });
    s.setItem('onelicence.rating.A1', '{not json');
    expect(loadRatingDraft('A1', s)).toEqual({ comment: '' });
  });

  it('forgets what the journeys kept (every onelicence. key) on clearSession', () => {
    const s = new MemoryStorage();
    s.setItem(`${JOURNEY_STORAGE_PREFIX}track`, 'typed-by-someone');
    saveSession({ ...emptySession(), view: 'track' }, s);
    s.setItem('other.app', 'kept');
    clearSession(s);
    expect([...Array(s.length)].map((_, i) => s.key(i))).toEqual(['other.app']);
  });

  it('keeps the view when it is shaped like one, and starts at the attract screen otherwise', () => {
    const s = new MemoryStorage();
    saveSession({ ...emptySession(), view: 'home' }, s);
    expect(loadSession(s).view).toBe('home');
    s.setItem('onelicence.kiosk.session', JSON.stringify({ view: '<script>' }));
    expect(loadSession(s).view).toBe('attract');
    expect(loadSession(new MemoryStorage()).view).toBe('attract');
  });
});
