/**
 * The mock back end keeps its state as an append-only event log: every change is an event,
 * and the state is what the events add up to. Two logs implement the same interface — a
 * JSON-lines file in Node (`../node/file-log.ts`, what `npm start` and the end-to-end tests
 * use) and IndexedDB in the page (`idb-log.ts`, for a static build with no server) — plus an
 * in-memory one for tests.
 */

export interface StoredEvent<T = unknown> {
  /** 1, 2, 3 … in the order written. */
  seq: number;
  /** When it was written (ISO 8601). */
  at: string;
  type: string;
  data: T;
}

export type NewEvent<T = unknown> = Omit<StoredEvent<T>, 'seq'>;

export interface EventLog {
  /** Every event so far, in order. */
  load(): Promise<StoredEvent[]>;
  /** Append `events` after the last one, all or none, and resolve once they are durable. */
  append(events: readonly NewEvent[], firstSeq: number): Promise<void>;
  /** Release files or connections. */
  close(): Promise<void>;
}

export class MemoryLog implements EventLog {
  readonly events: StoredEvent[] = [];

  async load(): Promise<StoredEvent[]> {
    return structuredClone(this.events);
  }

  async append(events: readonly NewEvent[], firstSeq: number): Promise<void> {
    if (firstSeq !== this.events.length + 1) throw new Error(`log out of step: expected seq ${this.events.length + 1}, got ${firstSeq}`);
    this.events.push(...events.map((e, i) => structuredClone({ ...e, seq: firstSeq + i })));
  }

  async close(): Promise<void> {}
}
