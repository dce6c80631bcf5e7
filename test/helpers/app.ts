import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { openDatabase, type Db } from '../../src/db/connection';
import { readDataset, type Dataset } from '../../src/data/dataset';
import { loadDataset } from '../../src/db/load-dataset';
import { createApp } from '../../src/web/app';

let datasetCache: Dataset | null = null;

/** The committed data set, read once per test file. */
export function dataset(): Dataset {
  return (datasetCache ??= readDataset());
}

/** A fresh in-memory database with the reference data loaded. */
export function memoryDb(): Db {
  const db = openDatabase(':memory:');
  loadDataset(db, dataset());
  return db;
}

/**
 * The API-test set-up: the app over a fresh in-memory database with the reference data, made when
 * the test file (or `describe` block) is defined; the database is closed after it. `prepare` runs
 * on the database first (e.g. to load answers).
 */
export function testApp(prepare?: (db: Db) => void): { db: Db; app: ReturnType<typeof createApp> } {
  const db = memoryDb();
  prepare?.(db);
  const app = createApp({ db });
  afterAll(() => db.close());
  return { db, app };
}

/** A temporary directory removed by the caller with `fs.rmSync(dir, { recursive: true })`. */
export function tempDir(prefix = 'stedsvalg-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Starts the real app on a free localhost port over a fresh database; `close()` stops both. */
export async function startServer(db: Db = memoryDb()): Promise<{ url: string; db: Db; close: () => Promise<void> }> {
  const app = createApp({ db });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
