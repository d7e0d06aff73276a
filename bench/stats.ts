/** A load client writes this line on standard error when its measured window opens (after any logins). */
export const LOAD_START = '  load: start';

export interface LatencySummary {
  /** Milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

/** Exact percentiles (nearest rank) of the recorded latencies, in ms. */
export function latencySummary(ms: number[]): LatencySummary {
  if (ms.length === 0) return { p50: 0, p95: 0, p99: 0, mean: 0 };
  const sorted = Float64Array.from(ms).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const round = (v: number) => Math.round(v * 100) / 100;
  return { p50: round(at(50)), p95: round(at(95)), p99: round(at(99)), mean: round(mean) };
}

/** Samples this process's resident set size until stopped; returns the peak and mean in MiB. */
export function sampleRss(everyMs = 200): () => { peakMb: number; meanMb: number } {
  const samples: number[] = [process.memoryUsage().rss];
  const timer = setInterval(() => samples.push(process.memoryUsage().rss), everyMs);
  return () => {
    clearInterval(timer);
    samples.push(process.memoryUsage().rss);
    const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
    return { peakMb: mb(Math.max(...samples)), meanMb: mb(samples.reduce((a, b) => a + b, 0) / samples.length) };
  };
}
