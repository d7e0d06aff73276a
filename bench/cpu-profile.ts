import inspector from 'node:inspector/promises';
import path from 'node:path';

/** A V8 CPU profile (what `node --cpu-prof` writes and the inspector's Profiler.stop returns). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  /** Sampled milliseconds in all, and of them idle (waiting for I/O: the event loop had nothing to run). */
  totalMs: number;
  idleMs: number;
  /** Self time by where the code lives: a package, a folder of src/, Node's own, GC, the program (native). */
  byPlace: { place: string; ms: number; share: number }[];
  /** The functions with the most self time. */
  topSelf: { fn: string; ms: number }[];
  /** Inclusive time of the functions with the most of it (time spent in them and everything they called). */
  topTotal: { fn: string; ms: number }[];
}

/** Starts profiling this process's JavaScript (the app, in-process), sampling every `intervalUs`; the returned function stops and gives the profile. */
export async function startProfiler(intervalUs = 200): Promise<() => Promise<CpuProfile>> {
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.post('Profiler.start');
  return async () => {
    try {
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
      return profile;
    } finally {
      session.disconnect();
    }
  };
}

const ROOT = path.resolve(import.meta.dirname, '..');

/** Where a function's code lives: `pkg:<name>` for node_modules, `src/<folder>`, `bench`, `node:<module>` or V8's pseudo-nodes. */
export function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return `pkg:${rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  if (url.startsWith('node:')) return url.split('/')[0]!;
  const file = url.replace(/^file:\/\//, '');
  if (file.startsWith(ROOT)) {
    const parts = path.relative(ROOT, file).split(path.sep);
    return parts[0] === 'src' ? parts.slice(0, parts[1] === 'modules' || parts[1] === 'platform' ? 3 : 2).join('/') : parts[0]!;
  }
  return url;
}

/** Self and inclusive times of a profile, grouped by place and by function. */
export function summarise(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000));
  const label = (id: number) => {
    const f = byId.get(id)!.callFrame;
    const where = f.url ? `${path.relative(ROOT, f.url.replace(/^file:\/\//, ''))}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'} ${where}`.trim();
  };
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
  let idleMs = 0;
  const places = new Map<string, number>();
  const selfFn = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    const place = placeOf(f.url, f.functionName);
    places.set(place, (places.get(place) ?? 0) + ms);
    selfFn.set(label(id), (selfFn.get(label(id)) ?? 0) + ms);
  }
  // Inclusive: a function's time counted once per sample even when it recurses.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totalFn = new Map<string, number>();
  for (const [id, ms] of self) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const l = label(at);
      if (seen.has(l) || l === '(root)') continue;
      seen.add(l);
      totalFn.set(l, (totalFn.get(l) ?? 0) + ms);
    }
  }
  const busy = totalMs - idleMs;
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    totalMs: r(totalMs),
    idleMs: r(idleMs),
    byPlace: sorted(places).map(([place, ms]) => ({ place, ms: r(ms), share: Math.round((ms / busy) * 1000) / 1000 })),
    topSelf: sorted(selfFn).map(([fn, ms]) => ({ fn, ms: r(ms) })),
    topTotal: sorted(totalFn).map(([fn, ms]) => ({ fn, ms: r(ms) })),
  };
}
