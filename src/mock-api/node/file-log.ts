/**
 * The event log as a JSON-lines file (Node only): one event per line, appended and flushed to
 * disk before the command that wrote it answers. A line cut short by a crash mid-write is the
 * only damage a crash can do; it is dropped on load (with a warning) and overwritten.
 */
import { mkdir, open, readFile, stat, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EventLog, NewEvent, StoredEvent } from '../store/log.js';

export class FileLog implements EventLog {
  private handle: FileHandle | undefined;

  constructor(readonly path: string) {}

  async load(): Promise<StoredEvent[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const events: StoredEvent[] = [];
    let good = 0;
    for (const line of text.split('\n')) {
      if (line === '') continue;
      try {
        events.push(JSON.parse(line) as StoredEvent);
        good += Buffer.byteLength(line, 'utf8') + 1;
      } catch {
        console.warn(`[mock-api] ${this.path}: dropping a torn last line (${line.length} characters)`);
        break;
      }
    }
    if (good < Buffer.byteLength(text, 'utf8')) await truncate(this.path, good);
    return events;
  }

  async append(events: readonly NewEvent[], firstSeq: number): Promise<void> {
    if (!this.handle) {
      await mkdir(dirname(this.path), { recursive: true });
      this.handle = await open(this.path, 'a');
    }
    const text = events.map((e, i) => JSON.stringify({ seq: firstSeq + i, at: e.at, type: e.type, data: e.data })).join('\n') + '\n';
    const before = (await stat(this.path)).size;
    try {
      await this.handle.appendFile(text, 'utf8');
      await this.handle.datasync();
    } catch (e) {
      // All or none: cut back whatever part of the write reached the file.
      await truncate(this.path, before).catch(() => undefined);
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }
}
