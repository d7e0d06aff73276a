import { performance } from 'node:perf_hooks';
import type { LoadOptions, LoadResult } from '../platform/db/transfer';

/** Progress on stderr: each table as its copy goes on, at most a line a second per table. */
export function progress(): Required<Pick<LoadOptions, 'afterBatch'>> {
  let shownAt = 0;
  return {
    afterBatch: (table, rows) => {
      const now = performance.now();
      if (now - shownAt < 1000) return;
      shownAt = now;
      process.stderr.write(`  ${table}: ${rows} wierszy\n`);
    },
  };
}

export function summary(result: LoadResult, startedAt: number): string {
  const seconds = (performance.now() - startedAt) / 1000;
  const lines = [
    `Sprawdzono: ${result.tables} tabel, ${result.rows} wierszy — liczby wierszy i sumy kontrolne zgodne ze źródłem.`,
    `Czas: ${seconds.toFixed(1)} s, ${Math.round(result.rows / Math.max(seconds, 0.001))} wierszy/s (migracje: ${result.migrations} w ${(result.ms.migrations / 1000).toFixed(1)} s;`
      + ` kopia wierszy: ${(result.ms.copy / 1000).toFixed(1)} s, ${Math.round(result.rows / Math.max(result.ms.copy / 1000, 0.001))} wierszy/s; klucze i sprawdzenie: ${(result.ms.verify / 1000).toFixed(1)} s).`,
  ];
  if (result.skipped.length) lines.push(`Pominięto tabele, których nie tworzy żadna migracja: ${result.skipped.join(', ')}.`);
  return lines.join('\n');
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

/** A line of the command's answer on stdout (progress and refusals go to stderr). */
export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}
