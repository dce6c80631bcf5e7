/**
 * How fast an oversized answers file is refused (issue 10: a 7 KB workbook with one blank cell at
 * B1048576 and a 5 MB workbook with 1,000,000 rows each blocked the server 70–87 s and then killed
 * it; the goal is a refusal in well under a second). Reference in the same run: a valid 357-row
 * workbook imported as a dry run. Files are generated as in the tests (`test/hardening/files.ts`).
 * Run: npx ts-node --transpile-only bench/import-refusal.ts   (prints figures; never pass/fail)
 */
import { importResponses } from '../src/import/responses-import';
import { memoryDb } from '../test/helpers/app';
import { validRecord, allKommunenummer } from '../test/responses/fixtures';
import { answersWorkbook, blankCellAtB1048576, cellAtXfd, millionRowWorkbook, rebuiltWorkbook } from '../test/hardening/files';

async function main(): Promise<void> {
  const db = memoryDb();
  const files: [string, Buffer][] = [
    ['valid 357 answers (dry run, reference)', await answersWorkbook(allKommunenummer().map((k) => validRecord(k)))],
    ['blank cell at B1048576', await blankCellAtB1048576()],
    ['value in column XFD', await cellAtXfd()],
    ['1,000,000 rows', await millionRowWorkbook()],
    ['zip bomb (70 MB part claiming 1 byte)', await rebuiltWorkbook((parts) => [...parts, { name: 'xl/media/pad.bin', data: Buffer.alloc(70 * 1024 * 1024), claimedSize: 1 }])],
    ['2,001 answer rows', await answersWorkbook(Array.from({ length: 2001 }, (_, i) => validRecord(allKommunenummer()[i % 357])))],
  ];
  console.log('time from bytes to report (median of 5), heap growth of the last run');
  for (const [label, bytes] of files) {
    const times: number[] = [];
    let outcome = '';
    let heapMb = 0;
    for (let i = 0; i < 5; i++) {
      const heap0 = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      const report = await importResponses(db, bytes, { fileName: 'bench.xlsx', dryRun: true, by: 'bench', now: new Date().toISOString() });
      times.push(performance.now() - t0);
      heapMb = (process.memoryUsage().heapUsed - heap0) / 1024 / 1024;
      outcome = report.status === 'rejected' ? `rejected: ${report.problems[0]?.code}` : `${report.status}, ${report.counts.rows} rows`;
    }
    times.sort((a, b) => a - b);
    console.log(`  ${label.padEnd(40)} ${(bytes.length / 1024).toFixed(0).padStart(6)} KiB  ${times[2].toFixed(0).padStart(6)} ms  heap ${heapMb >= 0 ? '+' : ''}${heapMb.toFixed(1)} MB  ${outcome}`);
  }
  db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
