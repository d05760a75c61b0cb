// The kiosk's outbox: exactly once — two senders racing, a crash between send and delete, a 4xx is
// final, a 5xx or no network retries. A fake server keeps the back end's idempotency rule (the
// same key answers with the application it made) and counts what it created.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { OUTBOX_DB, Outbox, outcomeOfStatus, type LockLike, type OutboxEntry, type SendOutcome } from '../../src/kiosk/outbox.js';

/** A lock manager like navigator.locks: one holder per name, the others wait in order. */
function fakeLocks(): LockLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, cb: () => Promise<T>): Promise<T> {
      const prev = tails.get(name) ?? Promise.resolve();
      const run = prev.then(cb, cb);
      tails.set(name, run.catch(() => undefined));
      return run;
    },
  };
}

/** The server: creates one application per Idempotency-Key, replays it after. */
function fakeServer() {
  const created = new Map<string, number>();
  let posts = 0;
  let status = 201;
  return {
    created,
    get posts() {
      return posts;
    },
    answer(s: number) {
      status = s;
    },
    async post(entry: OutboxEntry): Promise<number> {
      posts++;
      await new Promise((r) => setTimeout(r, 5));
      if (status === 0) throw new TypeError('Failed to fetch');
      if (status >= 300) return status;
      if (created.has(entry.key)) return 200;
      created.set(entry.key, created.size + 1);
      return 201;
    },
  };
}

const sender =
  (server: ReturnType<typeof fakeServer>) =>
  async (entry: OutboxEntry): Promise<SendOutcome> => {
    try {
      return outcomeOfStatus(await server.post(entry), 'refused');
    } catch {
      return { kind: 'retry', status: 0 };
    }
  };

const KEY = '4f7c2a9e-1b3d-4c5e-8f60-718293a4b5c6';
const KEY2 = '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d';

beforeEach(async () => {
  // a fresh database for each test
  await new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase(OUTBOX_DB);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error as Error);
  });
});

describe('outbox', () => {
  it('keeps a submission and sends it once, then nothing is left', async () => {
    const server = fakeServer();
    const counts: number[] = [];
    const outbox = new Outbox({ send: sender(server), locks: fakeLocks(), onCount: (n) => counts.push(n) });
    await outbox.enqueue(KEY, { kind: 'new' });
    await outbox.enqueue(KEY, { kind: 'new' }); // the same submission again: still one entry
    expect(await outbox.count()).toBe(1);
    expect(await outbox.flush()).toEqual({ sent: 1, failed: 0, waiting: 0, offline: false });
    expect(await outbox.flush()).toEqual({ sent: 0, failed: 0, waiting: 0, offline: false });
    expect(server.created.size).toBe(1);
    expect(server.posts).toBe(1);
    expect(counts.at(-1)).toBe(0);
  });

  it('two tabs flushing at once send each entry once (Web Lock, entries read again under it)', async () => {
    const server = fakeServer();
    const locks = fakeLocks();
    const tabA = new Outbox({ send: sender(server), locks });
    const tabB = new Outbox({ send: sender(server), locks });
    await tabA.enqueue(KEY, { a: 1 });
    await tabB.enqueue(KEY2, { b: 2 });
    const [a, b, a2] = await Promise.all([tabA.flush(), tabB.flush(), tabA.flush()]);
    expect(a2).toBe(a); // the same page's second call shares its flush
    expect(a.sent + b.sent).toBe(2);
    expect(server.posts).toBe(2);
    expect(server.created.size).toBe(2);
  });

  it('one page flushing twice at once shares one flush (no Web Locks at all)', async () => {
    const server = fakeServer();
    const outbox = new Outbox({ send: sender(server), locks: undefined });
    await outbox.enqueue(KEY, { a: 1 });
    const [a, b] = await Promise.all([outbox.flush(), outbox.flush()]);
    expect(a).toBe(b);
    expect(server.posts).toBe(1);
  });

  it('a crash between send and delete: the next send is a replay, the server still has one', async () => {
    const server = fakeServer();
    // The first page sends, the server creates, and the page dies before it hears back.
    const crashing = new Outbox({
      send: async (entry) => {
        await server.post(entry);
        throw new Error('the page died');
      },
      locks: fakeLocks(),
    });
    await crashing.enqueue(KEY, { a: 1 });
    const first = await crashing.flush();
    expect(first.waiting).toBe(1);
    expect(server.created.size).toBe(1);
    // After the reload, the entry is still there and goes again with the same key.
    const reloaded = new Outbox({ send: sender(server), locks: fakeLocks() });
    expect(await reloaded.count()).toBe(1);
    expect((await reloaded.flush()).sent).toBe(1);
    expect(server.posts).toBe(2);
    expect(server.created.size).toBe(1);
    expect(await reloaded.count()).toBe(0);
  });

  it('a 4xx is final: the entry goes, a failure without the submission is kept for staff', async () => {
    const server = fakeServer();
    server.answer(422);
    const outbox = new Outbox({ send: sender(server), locks: fakeLocks(), now: () => new Date('2025-03-01T08:00:00Z') });
    await outbox.enqueue(KEY, { name: '张三' });
    expect(await outbox.flush()).toEqual({ sent: 0, failed: 1, waiting: 0, offline: false });
    expect(await outbox.count()).toBe(0);
    expect(await outbox.failures()).toEqual([{ key: KEY, status: 422, title: 'refused', at: '2025-03-01T08:00:00.000Z' }]);
    server.answer(201);
    await outbox.flush();
    expect(server.posts).toBe(1);
    expect(server.created.size).toBe(0);
  });

  it('a 5xx, a 429 and no network retry; with no network the rest wait without a try', async () => {
    const server = fakeServer();
    const outbox = new Outbox({ send: sender(server), locks: fakeLocks() });
    await outbox.enqueue(KEY, { a: 1 });
    await new Promise((r) => setTimeout(r, 2));
    await outbox.enqueue(KEY2, { b: 2 });
    server.answer(503);
    expect(await outbox.flush()).toEqual({ sent: 0, failed: 0, waiting: 2, offline: false });
    server.answer(429);
    expect((await outbox.flush()).waiting).toBe(2);
    server.answer(0);
    const posts = server.posts;
    expect(await outbox.flush()).toEqual({ sent: 0, failed: 0, waiting: 2, offline: true });
    expect(server.posts).toBe(posts + 1);
    server.answer(201);
    expect((await outbox.flush()).sent).toBe(2);
    expect(server.created.size).toBe(2);
    const db = await openDB(OUTBOX_DB);
    expect(await db.count('submissions')).toBe(0);
    db.close();
  });

  it('refuses a malformed key or nothing to send, and stores nothing', async () => {
    const outbox = new Outbox({ send: async () => ({ kind: 'sent' }), locks: fakeLocks() });
    await expect(outbox.enqueue('short', {})).rejects.toThrow(/Idempotency-Key/);
    await expect(outbox.enqueue('has space in it', {})).rejects.toThrow(/Idempotency-Key/);
    await expect(outbox.enqueue(KEY, undefined)).rejects.toThrow(/nothing to send/);
    expect(await outbox.count()).toBe(0);
  });

  it('classifies statuses', () => {
    expect(outcomeOfStatus(201).kind).toBe('sent');
    expect(outcomeOfStatus(200).kind).toBe('sent');
    expect(outcomeOfStatus(400).kind).toBe('final');
    expect(outcomeOfStatus(409).kind).toBe('final');
    for (const s of [0, 408, 425, 429, 500, 502, 503]) expect(outcomeOfStatus(s).kind).toBe('retry');
  });
});
