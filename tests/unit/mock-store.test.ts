// The mock back end's store: one writer over an append-only event log (file, IndexedDB, memory).
import 'fake-indexeddb/auto';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryLog, type EventLog, type StoredEvent } from '../../src/mock-api/store/log.js';
import { openStore } from '../../src/mock-api/store/store.js';
import { FileLog } from '../../src/mock-api/node/file-log.js';
import { IdbLog } from '../../src/mock-api/store/idb-log.js';

interface Counter {
  total: number;
  order: number[];
}
const reduce = (s: Counter, e: StoredEvent): Counter => ({ total: s.total + (e.data as { n: number }).n, order: [...s.order, (e.data as { n: number }).n] });
const at = '2026-11-22T00:00:00Z';
const add = (n: number) => (s: Counter) => ({ events: [{ at, type: 'add', data: { n } }], result: s.total + n });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'onelicence-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const logs: [string, () => EventLog][] = [
  ['memory', () => new MemoryLog()],
  ['file', () => new FileLog(join(dir, 'state', 'events.jsonl'))],
  ['IndexedDB', () => new IdbLog(`test-${Math.random()}`)],
];

describe.each(logs)('store over the %s log', (_, makeLog) => {
  it('runs 1000 concurrent commands one at a time, in arrival order, and loses none', async () => {
    const store = await openStore(makeLog(), { total: 0, order: [] }, reduce);
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => store.run(add(i + 1))));
    expect(store.state().total).toBe(500500);
    expect(store.state().order).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    // Each command saw the state left by the one before it.
    expect(results[999]).toBe(500500);
    expect(store.seq).toBe(1000);
    await store.close();
  }, 30_000); // 1000 commands through the log: seconds on a loaded 2-core machine

  it('a failing command changes nothing and does not block the next', async () => {
    const store = await openStore(makeLog(), { total: 0, order: [] }, reduce);
    await store.run(add(1));
    await expect(store.run(() => Promise.reject(new Error('bad input')))).rejects.toThrow('bad input');
    await store.run(add(2));
    expect(store.state()).toEqual({ total: 3, order: [1, 2] });
    await store.close();
  });

  it('a command with no events writes nothing', async () => {
    const store = await openStore(makeLog(), { total: 0, order: [] }, reduce);
    expect(await store.run((s) => ({ events: [], result: s.total }))).toBe(0);
    expect(store.seq).toBe(0);
    await store.close();
  });
});

describe('the file log', () => {
  it('survives a restart: the state is rebuilt from the file', async () => {
    const path = join(dir, 'events.jsonl');
    const first = await openStore(new FileLog(path), { total: 0, order: [] }, reduce);
    await Promise.all([1, 2, 3].map((n) => first.run(add(n))));
    await first.close();
    const second = await openStore(new FileLog(path), { total: 0, order: [] }, reduce);
    expect(second.state()).toEqual({ total: 6, order: [1, 2, 3] });
    await second.run(add(4));
    await second.close();
    expect((await readFile(path, 'utf8')).trim().split('\n')).toHaveLength(4);
  });

  it('drops a line torn by a crash mid-write, and writes on from there', async () => {
    const path = join(dir, 'events.jsonl');
    await writeFile(path, `${JSON.stringify({ seq: 1, at, type: 'add', data: { n: 5 } })}\n`);
    await appendFile(path, '{"seq":2,"at":"2026-11-22T00:00:00Z","type":"add","da');
    const store = await openStore(new FileLog(path), { total: 0, order: [] }, reduce);
    expect(store.state().total).toBe(5);
    await store.run(add(7));
    await store.close();
    const reopened = await openStore(new FileLog(path), { total: 0, order: [] }, reduce);
    expect(reopened.state()).toEqual({ total: 12, order: [5, 7] });
    await reopened.close();
  });

  it('refuses a log whose events are not contiguous (a file edited by hand)', async () => {
    const path = join(dir, 'events.jsonl');
    await writeFile(path, [1, 3].map((seq) => JSON.stringify({ seq, at, type: 'add', data: { n: 1 } })).join('\n') + '\n');
    await expect(openStore(new FileLog(path), { total: 0, order: [] }, reduce)).rejects.toThrow(/not contiguous/);
  });
});

describe('the IndexedDB log', () => {
  it('appends all or none: a repeated seq fails the whole write', async () => {
    const log = new IdbLog(`test-${Math.random()}`);
    await log.append([{ at, type: 'add', data: { n: 1 } }], 1);
    await expect(log.append([{ at, type: 'add', data: { n: 2 } }, { at, type: 'add', data: { n: 3 } }], 1)).rejects.toBeDefined();
    expect((await log.load()).map((e) => e.seq)).toEqual([1]);
    await log.close();
  });
});
