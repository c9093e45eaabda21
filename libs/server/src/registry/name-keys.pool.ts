import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { storedNameKeys, type StoredNameKeys } from './name-keys.worker.js';

/**
 * Search keys of many names in worker threads (piscina): one per core, so a million-row import computes its
 * keys on every core while the main thread parses the file and streams COPY. When the code runs from its
 * TypeScript sources (the tests), or `IMPORT_KEY_THREADS=0`, the keys are computed on the calling thread.
 */
export class NameKeysPool {
  private pool: Piscina | null | undefined;

  constructor(private readonly threads = Number(process.env.IMPORT_KEY_THREADS ?? availableParallelism())) {}

  /** How many chunks to keep in flight: enough to keep every thread busy. */
  get depth(): number {
    return Math.max(2, this.threads * 2);
  }

  async keys(names: string[]): Promise<StoredNameKeys[]> {
    const pool = this.start();
    if (!pool) return names.map(storedNameKeys);
    return (await pool.run(names)) as StoredNameKeys[];
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  private start(): Piscina | null {
    if (this.pool !== undefined) return this.pool;
    const worker = new URL('./name-keys.worker.js', import.meta.url);
    // built code only: a worker thread cannot load the TypeScript sources the tests run on
    this.pool = this.threads > 0 && import.meta.url.endsWith('.js') && existsSync(fileURLToPath(worker))
      ? new Piscina({ filename: worker.href, minThreads: 1, maxThreads: this.threads, idleTimeout: 5_000 })
      : null;
    return this.pool;
  }
}
