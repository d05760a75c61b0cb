/**
 * The kiosk's outbox (issue 8, "Offline"; DESIGN §7): submissions of the one form that failed
 * for lack of network wait here, in IndexedDB (`onelicence-outbox`), and are sent **exactly once**
 * when the connection returns.
 *
 * Exactly once rests on three things:
 * - each entry keeps the form's Idempotency-Key, so the server answers a second POST of the same
 *   submission with the application it already made (a crash between the send and the delete,
 *   or a response lost on the way back, costs a replay, never a second application);
 * - sending holds the Web Lock `onelicence-outbox` (one sender across every tab of the kiosk;
 *   where Web Locks are missing, a single in-flight flush per page), and each entry is read again
 *   under the lock before it is sent, so one another tab already sent is not sent again;
 * - an entry is deleted only after a 2xx or a definitive refusal (a 4xx other than 408/425/429);
 *   a network failure or a 5xx leaves it for the next try.
 *
 * A definitive refusal is recorded for staff in the store `failures` (key, status, problem title
 * and time — not the submission), and the entry with its personal data is deleted. Nothing here is
 * ever shown to the person at the screen; the kiosk's idle wipe leaves this database alone, and the
 * banner shows only a count.
 *
 * DOM-free apart from IndexedDB and `navigator.locks` (injectable; unit tests use fake-indexeddb
 * and a fake lock manager).
 */
import { openDB, type IDBPDatabase } from 'idb';
import { ApiError, createApplication, type ApiClient } from '../api/client.js';
import type { NewApplicationRequest } from '../api/types.js';

export const OUTBOX_DB = 'onelicence-outbox';
export const OUTBOX_LOCK = 'onelicence-outbox';
const QUEUE = 'submissions';
const FAILURES = 'failures';

/** One submission waiting to be sent. */
export interface OutboxEntry {
  /** The Idempotency-Key the form made for this submission (also the entry's key). */
  key: string;
  /** The request body, exactly as the form built it. */
  body: unknown;
  queuedAt: string;
  /** Sends tried so far (network failures and 5xx). */
  attempts: number;
}

/** A definitive refusal, kept for staff (no personal data). */
export interface OutboxFailure {
  key: string;
  status: number;
  title: string;
  at: string;
}

/** What one try to send an entry came to. */
export type SendOutcome = { kind: 'sent' } | { kind: 'retry'; status: number } | { kind: 'final'; status: number; title: string };

/** Sends one entry (with its Idempotency-Key) and says what came of it; never throws. */
export type OutboxSender = (entry: OutboxEntry) => Promise<SendOutcome>;

/** What a flush did. */
export interface FlushResult {
  sent: number;
  failed: number;
  /** Entries still waiting (a network failure or a 5xx). */
  waiting: number;
  /** Whether a try failed for lack of network (status 0): the kiosk is offline, whatever navigator.onLine says. */
  offline: boolean;
}

/** The part of `navigator.locks` the outbox uses. */
export interface LockLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** An HTTP status (0: no answer at all) as an outcome: 4xx is final except 408, 425 and 429. */
export function outcomeOfStatus(status: number, title = ''): SendOutcome {
  if (status >= 200 && status < 300) return { kind: 'sent' };
  if (status >= 400 && status < 500 && status !== 408 && status !== 425 && status !== 429) return { kind: 'final', status, title };
  return { kind: 'retry', status };
}

const KEY = /^[\x21-\x7e]{8,100}$/;

export interface OutboxOptions {
  send: OutboxSender;
  /** Default `navigator.locks` where there is one. */
  locks?: LockLike;
  /** Told the number waiting after every change this page makes or sees. */
  onCount?: (waiting: number) => void;
  now?: () => Date;
}

export class Outbox {
  private db?: Promise<IDBPDatabase>;
  private inFlight?: Promise<FlushResult>;
  private readonly locks: LockLike | undefined;

  constructor(private readonly o: OutboxOptions) {
    this.locks = o.locks ?? (globalThis.navigator as { locks?: LockLike } | undefined)?.locks;
  }

  private open(): Promise<IDBPDatabase> {
    return (this.db ??= openDB(OUTBOX_DB, 1, {
      upgrade(database) {
        database.createObjectStore(QUEUE, { keyPath: 'key' });
        database.createObjectStore(FAILURES, { keyPath: 'key' });
      },
      blocking: () => {
        void this.db?.then((d) => d.close());
        this.db = undefined;
      },
    }).catch((e: unknown) => {
      this.db = undefined;
      throw e;
    }));
  }

  /**
   * Keeps a submission for sending. The same key twice keeps the first (it is the same
   * submission: the form keeps its key across failures). Throws on a malformed key or a storage
   * failure — the caller must then not tell the person it was saved.
   */
  async enqueue(key: string, body: unknown): Promise<void> {
    if (!KEY.test(key)) throw new TypeError('outbox: the Idempotency-Key must be 8–100 visible ASCII characters');
    if (body === undefined) throw new TypeError('outbox: nothing to send');
    const db = await this.open();
    const tx = db.transaction(QUEUE, 'readwrite');
    if (!(await tx.store.get(key))) {
      const entry: OutboxEntry = { key, body, queuedAt: this.now().toISOString(), attempts: 0 };
      await tx.store.put(entry);
    }
    await tx.done;
    await this.report();
  }

  /** How many submissions are waiting. */
  async count(): Promise<number> {
    return (await this.open()).count(QUEUE);
  }

  /** The definitive refusals recorded for staff. */
  async failures(): Promise<OutboxFailure[]> {
    return (await this.open()).getAll(FAILURES) as Promise<OutboxFailure[]>;
  }

  /**
   * Sends every waiting entry once, in the order queued. Calls while a flush of this page is under
   * way share it; across tabs the Web Lock lets one send at a time and the entries are read again
   * under it.
   */
  flush(): Promise<FlushResult> {
    this.inFlight ??= this.withLock(() => this.sendAll()).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private withLock<T>(run: () => Promise<T>): Promise<T> {
    return this.locks ? this.locks.request(OUTBOX_LOCK, run) : run();
  }

  private async sendAll(): Promise<FlushResult> {
    const db = await this.open();
    const result: FlushResult = { sent: 0, failed: 0, waiting: 0, offline: false };
    const keys = (await db.getAll(QUEUE) as OutboxEntry[]).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt)).map((e) => e.key);
    for (const key of keys) {
      // Read again: another tab may have sent it while this one waited for the lock.
      const entry = (await db.get(QUEUE, key)) as OutboxEntry | undefined;
      if (!entry) continue;
      if (result.offline) {
        result.waiting++;
        continue;
      }
      const outcome = await this.o.send(entry).catch((): SendOutcome => ({ kind: 'retry', status: 0 }));
      if (outcome.kind === 'sent') {
        await db.delete(QUEUE, key);
        result.sent++;
      } else if (outcome.kind === 'final') {
        const tx = db.transaction([QUEUE, FAILURES], 'readwrite');
        const failure: OutboxFailure = { key, status: outcome.status, title: outcome.title.slice(0, 200), at: this.now().toISOString() };
        await Promise.all([tx.objectStore(FAILURES).put(failure), tx.objectStore(QUEUE).delete(key), tx.done]);
        result.failed++;
      } else {
        await db.put(QUEUE, { ...entry, attempts: entry.attempts + 1 });
        result.waiting++;
        // No answer at all: the rest would fail the same way; they wait for the next try.
        if (outcome.status === 0) result.offline = true;
      }
    }
    await this.report();
    return result;
  }

  private async report(): Promise<void> {
    if (this.o.onCount) this.o.onCount(await this.count());
  }

  private now(): Date {
    return this.o.now ? this.o.now() : new Date();
  }
}

/** Sends an entry through the API client with its Idempotency-Key (what the kiosk uses). */
export function apiSender(api: ApiClient): OutboxSender {
  return async (entry) => {
    try {
      await createApplication(api, entry.body as NewApplicationRequest, entry.key);
      return { kind: 'sent' };
    } catch (e) {
      return e instanceof ApiError ? outcomeOfStatus(e.problem.status, e.problem.title) : { kind: 'retry', status: 0 };
    }
  };
}
