// Reads a V8 CPU profile (.cpuprofile, as `node --cpu-prof` writes it) and says where the
// time went: self time by place (a package, a ccp source file, node's module loader, GC),
// the functions with the most self time, and ccp's own functions by inclusive time (which
// is how phases show: loading, checking, evaluating, rendering).
// Frames in a bundle are mapped back to their original source through the bundle's source
// map, so a package bundled into a chunk is still named.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const maps = new Map();

function sourceMapFor(url) {
  if (maps.has(url)) return maps.get(url);
  let map = null;
  if (url.startsWith('file://')) {
    const file = `${fileURLToPath(url)}.map`;
    if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, 'utf8')));
  }
  maps.set(url, map);
  return map;
}

/** The original source of a frame (a path as the map names it), or the URL itself. */
function originalSource(frame) {
  const map = sourceMapFor(frame.url);
  if (map === null) return frame.url;
  const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
  return entry?.originalSource ?? frame.url;
}

/** Where a source belongs: `yaml`, `ccp src/load/csv.ts`, `node: module loading`, ... */
export function placeOf(source) {
  const modules = source.lastIndexOf('node_modules/');
  if (modules !== -1) {
    const parts = source.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const src = source.lastIndexOf('/src/');
  if (src !== -1) return `ccp ${source.slice(src + 1)}`;
  if (source.startsWith('src/')) return `ccp ${source}`;
  if (source.startsWith('node:internal/modules') || source.startsWith('node:internal/vm')) return 'node: module loading';
  if (source.startsWith('node:')) {
    const parts = source.slice('node:'.length).split('/');
    return `node: ${parts[0] === 'internal' ? parts[1] ?? 'internal' : parts[0]}`.replace(/\.js$/, '');
  }
  if (source.startsWith('file://')) return source.slice(source.lastIndexOf('/') + 1);
  return source === '' ? '(native)' : source;
}

const SPECIAL = { '(garbage collector)': 'GC', '(program)': 'V8 (program: compile, native)', '(idle)': 'idle', '(root)': 'root' };

/**
 * Summarises a profile.
 * @param {object} profile the parsed .cpuprofile
 * @returns {{ spanMs: number, samples: number, byPlace: [string, number][],
 *   topSelf: { name: string, where: string, ms: number }[], ccpInclusive: { name: string, where: string, ms: number }[] }}
 */
export function summarise(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const info = new Map();
  const describe = (id) => {
    if (info.has(id)) return info.get(id);
    const node = nodes.get(id);
    const frame = node.callFrame;
    let place;
    let where = '';
    if (SPECIAL[frame.functionName] !== undefined && frame.url === '') place = SPECIAL[frame.functionName];
    else if (frame.url === '') {
      // A builtin (JSON.parse, RegExp exec, ...): its time belongs to whoever called it.
      const up = parent.get(id);
      place = up === undefined ? '(native)' : describe(up).place;
      where = '(builtin)';
    } else {
      where = originalSource(frame);
      place = placeOf(where);
    }
    const result = { place, where, name: frame.functionName === '' ? '(top level)' : frame.functionName };
    info.set(id, result);
    return result;
  };
  const self = new Map();
  const byPlace = new Map();
  const inclusive = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the time after it belongs to it.
    const ms = (timeDeltas[i + 1] ?? 0) / 1000;
    const id = samples[i];
    const d = describe(id);
    self.set(id, (self.get(id) ?? 0) + ms);
    byPlace.set(d.place, (byPlace.get(d.place) ?? 0) + ms);
    const seen = new Set();
    for (let up = id; up !== undefined; up = parent.get(up)) {
      const u = describe(up);
      if (!u.place.startsWith('ccp ')) continue;
      const key = `${u.name}\u0000${u.where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  const perFunction = new Map();
  for (const [id, ms] of self) {
    const d = describe(id);
    const key = `${d.name}\u0000${d.where}\u0000${d.place}`;
    perFunction.set(key, (perFunction.get(key) ?? 0) + ms);
  }
  const short = (where) => where.replace(/^.*\/(node_modules|src)\//, '$1/');
  return {
    spanMs: (profile.endTime - profile.startTime) / 1000,
    samples: samples.length,
    byPlace: [...byPlace].sort((a, b) => b[1] - a[1]),
    topSelf: [...perFunction]
      .map(([key, ms]) => {
        const [name, where, place] = key.split('\u0000');
        return { name, where: where === '(builtin)' ? `(builtin, in ${place})` : short(where), ms };
      })
      .sort((a, b) => b.ms - a.ms),
    ccpInclusive: [...inclusive]
      .map(([key, ms]) => {
        const [name, where] = key.split('\u0000');
        return { name, where: short(where), ms };
      })
      .sort((a, b) => b.ms - a.ms),
  };
}

/** The summary as text, `top` lines per list. */
export function formatSummary(summary, top = 15) {
  const total = summary.byPlace.reduce((sum, [, ms]) => sum + ms, 0);
  const pct = (ms) => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  const ms = (value) => `${value.toFixed(1).padStart(8)} ms`;
  const lines = [`profiled ${summary.spanMs.toFixed(0)} ms, ${summary.samples} samples`, '', 'self time by place:'];
  for (const [place, t] of summary.byPlace.slice(0, top + 5)) lines.push(`  ${ms(t)} ${pct(t)}  ${place}`);
  lines.push('', 'functions with the most self time:');
  for (const f of summary.topSelf.slice(0, top)) lines.push(`  ${ms(f.ms)} ${pct(f.ms)}  ${f.name}  ${f.where}`);
  lines.push('', "ccp's own functions by inclusive time (phases):");
  for (const f of summary.ccpInclusive.slice(0, top)) lines.push(`  ${ms(f.ms)} ${pct(f.ms)}  ${f.name}  ${f.where}`);
  return lines.join('\n');
}

/**
 * Who calls `name`: the self time of every frame so named, grouped by its `depth` nearest
 * callers. Answers "which code asks for this?" when a builtin or a package leads the list.
 */
export function callersOf(profile, name, depth = 4) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stacks = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    if (nodes.get(id).callFrame.functionName !== name) continue;
    const chain = [];
    for (let up = parent.get(id); up !== undefined && chain.length < depth; up = parent.get(up)) {
      const frame = nodes.get(up).callFrame;
      const where = frame.url === '' ? '' : originalSource(frame).replace(/^.*\/(node_modules|src)\//, '$1/');
      chain.push(`${frame.functionName || '(top level)'}${where === '' ? '' : ` ${where}`}`);
    }
    const key = chain.join(' ← ');
    stacks.set(key, (stacks.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  }
  return [...stacks].map(([stack, ms]) => ({ stack, ms })).sort((a, b) => b.ms - a.ms);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // node bench/lib/profile-summary.mjs FILE.cpuprofile [TOP]
  // node bench/lib/profile-summary.mjs FILE.cpuprofile --callers NAME [DEPTH]
  const [file, second, name, depth] = process.argv.slice(2);
  if (file === undefined) {
    process.stderr.write('usage: node bench/lib/profile-summary.mjs FILE.cpuprofile [TOP | --callers NAME [DEPTH]]\n');
    process.exitCode = 2;
  } else {
    const profile = JSON.parse(readFileSync(file, 'utf8'));
    if (second === '--callers') {
      for (const { stack, ms } of callersOf(profile, name ?? '', Number(depth ?? 4)).slice(0, 15)) {
        process.stdout.write(`${ms.toFixed(1).padStart(9)} ms  ${stack}\n`);
      }
    } else {
      process.stdout.write(`${formatSummary(summarise(profile), Number(second ?? 15))}\n`);
    }
  }
}
