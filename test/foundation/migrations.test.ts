import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/db/connection';
import { migrate, migrations } from '../../src/db/migrations';
import { ensureDataset, loadDataset } from '../../src/db/load-dataset';
import { datasetHash } from '../../src/data/dataset';
import { dataset, tempDir } from '../helpers/app';

describe('database migrations', () => {
  it('When a fresh database is opened, then every migration is applied and user_version equals the newest', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('When migrate runs twice, then the second run applies nothing', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual({ from: 0, to: migrations.length });
    expect(migrate(db)).toEqual({ from: migrations.length, to: migrations.length });
    db.close();
  });

  it('When the database is newer than the code, then opening it is refused with a clear message', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${migrations.length + 5}`);
    expect(() => migrate(db)).toThrow(/newer than this code/);
    db.close();
  });

  it('When a file database is started twice, then the second start reuses it with the same rows and WAL journal', () => {
    const dir = tempDir();
    const file = path.join(dir, 'nested', 'stedsvalg.db');
    try {
      const first = openDatabase(file);
      expect(first.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(loadDataset(first, dataset()).status).toBe('loaded');
      const countsFirst = loadDataset(first, dataset()).counts;
      first.close();

      const second = openDatabase(file);
      const outcome = loadDataset(second, dataset());
      expect(outcome.status).toBe('unchanged');
      expect(outcome.counts).toEqual(countsFirst);
      expect(outcome.counts.municipalities).toBe(357);
      second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('When a data load fails part-way, then the previous contents are intact', () => {
    const db = openDatabase(':memory:');
    loadDataset(db, dataset());
    const before = db.prepare('SELECT count(*) AS n, sum(population) AS p FROM municipalities').get();
    const stationsBefore = (db.prepare('SELECT count(*) AS n FROM stations').get() as { n: number }).n;
    const broken = { ...dataset(), hash: 'different', boundaries: new Map(dataset().boundaries) };
    broken.boundaries.delete('5501');
    expect(() => loadDataset(db, broken)).toThrow(/no boundary for municipality 5501/);
    expect(db.prepare('SELECT count(*) AS n, sum(population) AS p FROM municipalities').get()).toEqual(before);
    expect((db.prepare('SELECT count(*) AS n FROM stations').get() as { n: number }).n).toBe(stationsBefore);
    db.close();
  });

  it('When the data is loaded again with force, then no row is duplicated', () => {
    const db = openDatabase(':memory:');
    const a = loadDataset(db, dataset()).counts;
    const b = loadDataset(db, dataset(), { force: true }).counts;
    expect(b).toEqual(a);
    db.close();
  });

  it('When the files are unchanged, then ensureDataset recognises them by hash alone; on an empty database it loads them', () => {
    expect(datasetHash()).toBe(dataset().hash);
    const db = openDatabase(':memory:');
    expect(ensureDataset(db).status).toBe('loaded');
    const again = ensureDataset(db);
    expect(again.status).toBe('unchanged');
    expect(again.counts.municipalities).toBe(357);
    db.close();
  });
});
