/**
 * The event log in IndexedDB (through idb), for the in-page mock: a static build with no server
 * keeps its state in the browser. Appends are one transaction: all events or none.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { EventLog, NewEvent, StoredEvent } from './log.js';

const STORE = 'events';

export class IdbLog implements EventLog {
  private db: Promise<IDBPDatabase> | undefined;

  constructor(readonly name = 'onelicence-mock-api') {}

  private open(): Promise<IDBPDatabase> {
    return (this.db ??= openDB(this.name, 1, {
      upgrade(db) {
        db.createObjectStore(STORE, { keyPath: 'seq' });
      },
    }));
  }

  async load(): Promise<StoredEvent[]> {
    return (await (await this.open()).getAll(STORE)) as StoredEvent[];
  }

  async append(events: readonly NewEvent[], firstSeq: number): Promise<void> {
    const tx = (await this.open()).transaction(STORE, 'readwrite');
    // `add` (not `put`): a seq already written makes the whole transaction fail.
    await Promise.all([...events.map((e, i) => tx.store.add({ ...e, seq: firstSeq + i })), tx.done]);
  }

  async close(): Promise<void> {
    (await this.db)?.close();
    this.db = undefined;
  }
}
