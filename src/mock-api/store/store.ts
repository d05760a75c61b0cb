/**
 * One writer over an event log. Commands run one at a time, in arrival order: each reads the
 * current state and returns the events it causes (or none) and its result; the events are
 * written to the log and only then applied to the state. So concurrent requests never race,
 * a command that fails changes nothing, and a crash loses at most the command in flight.
 */
import type { EventLog, NewEvent, StoredEvent } from './log.js';

export type Reducer<S> = (state: S, event: StoredEvent) => S;

export interface CommandResult<R> {
  events: NewEvent[];
  result: R;
}

export interface Store<S> {
  /** The current state (read-only: change it only through `run`). */
  state(): S;
  /** Run a command under the single writer. */
  run<R>(command: (state: S) => CommandResult<R> | Promise<CommandResult<R>>): Promise<R>;
  /** Events written so far. */
  readonly seq: number;
  close(): Promise<void>;
}

export async function openStore<S>(log: EventLog, initial: S, reduce: Reducer<S>): Promise<Store<S>> {
  let state = initial;
  let seq = 0;
  for (const event of await log.load()) {
    if (event.seq !== seq + 1) throw new Error(`event log is not contiguous at seq ${event.seq}`);
    state = reduce(state, event);
    seq = event.seq;
  }
  let queue: Promise<unknown> = Promise.resolve();

  return {
    state: () => state,
    get seq() {
      return seq;
    },
    run<R>(command: (state: S) => CommandResult<R> | Promise<CommandResult<R>>): Promise<R> {
      const next = queue.then(async () => {
        const { events, result } = await command(state);
        if (events.length === 0) return result;
        await log.append(events, seq + 1);
        let s = state;
        events.forEach((e, i) => {
          s = reduce(s, { ...e, seq: seq + 1 + i });
        });
        state = s;
        seq += events.length;
        return result;
      });
      // A failed command must not stop the ones behind it.
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      await queue;
      await log.close();
    },
  };
}
