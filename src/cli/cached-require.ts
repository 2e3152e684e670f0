/**
 * Loads ccp's own CommonJS bundles (`dist/cli/*.cjs`) with the V8 code cache the build made
 * for each (`<bundle>.cache`), so that a start compiles next to nothing: node 20 has no
 * compile cache of its own (`module.enableCompileCache()` came with node 22).
 *
 * A cache is only ever a shortcut. It is used when its first line names the same build as
 * the bundle's first line; V8 then checks it belongs to this node, these flags and a source of
 * this length, and compiles from the source when it does not (`cachedDataRejected`). A missing,
 * stale or damaged cache costs time, never correctness. Nothing here writes a file: the caches
 * are made by `scripts/build.mjs`, which calls `codeCaches()` after running sample commands.
 *
 * Only files of the bundle's own folder that a bundle names as `./<name>.cjs` go through
 * here; every other `require` (node's modules, the plan validator) is node's own.
 *
 * Memory is the cost that counts at start: on these machines a page of memory touched for
 * the first time costs about as much as running a thousand lines of cold code. So the build
 * writes each bundle already wrapped in its module function (no second copy of the source to
 * make one), and every file is read into one buffer kept for the run (a cache is needed only
 * while V8 reads it; a source only until it is a string), not into a fresh buffer per file.
 */
import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The first line of every bundle and of every cache: which build made it. */
const BUILD_LINE = /^\/\/ ccp-build ([0-9a-z]+)\n/;
const CACHE_PREFIX = 'ccp-code-cache ';
/** How a module's code is wrapped, as node wraps it; a bundle the build wrapped starts its second line so. */
export const MODULE_WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {';
export const MODULE_WRAPPER_END = '\n})';

/** The buffer every file is read into, grown when a file does not fit. */
let scratch = Buffer.allocUnsafeSlow(0);

/** The bytes of `file`, in the shared buffer: valid only until the next read. */
function readShared(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(Math.max(size, 2 * scratch.length, 1 << 18));
    let done = 0;
    for (let n; done < size && (n = readSync(fd, scratch, done, size - done, null)) > 0; ) done += n;
    return scratch.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

interface Loaded {
  module: { exports: unknown };
  script: Script;
  build: string | undefined;
  /** true: V8 took the cache; false: it refused it; null: there was none to offer. */
  cacheAccepted: boolean | null;
}

const loaded = new Map<string, Loaded>();

/** The V8 data of `file`'s cache when the cache was made by build `build`, else undefined. */
function readCache(file: string, build: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readShared(`${file}.cache`);
  } catch {
    return undefined;
  }
  const header = `${CACHE_PREFIX}${build}\n`;
  if (bytes.length <= header.length || bytes.toString('latin1', 0, header.length) !== header) return undefined;
  return bytes.subarray(header.length);
}

/**
 * node's own `require` as a file of `dir` has it. ccp's bundles sit beside boot.cjs (this file,
 * built), whose own `require` resolves exactly as theirs would. `createRequire` is asked for
 * only in another folder (the tests'): the `node:module` builtin that has it loads node's ESM
 * loader and source maps along with it, about a millisecond of every start.
 */
function nodeRequireFor(dir: string, file: string): NodeJS.Require {
  if (dir === __dirname) return require;
  return (require('node:module') as typeof import('node:module')).createRequire(file);
}

/**
 * `require` for one of ccp's bundles, by absolute path: compiled with its code cache when the
 * cache fits, run once, its exports kept (a cycle sees the exports filled so far, as node's own
 * `require` does).
 */
export function cachedRequire(file: string): unknown {
  const known = loaded.get(file);
  if (known !== undefined) return known.module.exports;
  // Bundles are ASCII but for a few template literals: latin1 takes ASCII bytes as they are.
  const bytes = readShared(file);
  const text = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const build = BUILD_LINE.exec(text);
  const source = build !== null && text.startsWith(MODULE_WRAPPER_START, build[0].length) ? text : `${MODULE_WRAPPER_START}${text}${MODULE_WRAPPER_END}`;
  // Read after the source has become a string: both use the one buffer.
  const cachedData = build === null ? undefined : readCache(file, build[1]!);
  const script = new Script(source, { filename: file, ...(cachedData === undefined ? {} : { cachedData }) });
  const module = { exports: {} as unknown };
  const entry: Loaded = { module, script, build: build?.[1], cacheAccepted: cachedData === undefined ? null : script.cachedDataRejected !== true };
  loaded.set(file, entry);
  const dir = dirname(file);
  const nodeRequire = nodeRequireFor(dir, file);
  const bundleRequire = (specifier: string): unknown =>
    specifier.startsWith('./') && specifier.endsWith('.cjs') && !specifier.includes('/', 2) ? cachedRequire(join(dir, specifier)) : nodeRequire(specifier);
  const run = script.runInThisContext() as (exports: unknown, require: unknown, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, Object.assign(bundleRequire, { resolve: nodeRequire.resolve }), module, file, dir);
  return module.exports;
}

/** Every bundle loaded so far and whether V8 took its cache: for the tests and the build. */
export function loadedBundles(): { file: string; cacheAccepted: boolean | null }[] {
  return [...loaded].map(([file, entry]) => ({ file, cacheAccepted: entry.cacheAccepted }));
}

/**
 * The code cache of every bundle loaded so far, with its header, as the build writes it beside
 * the bundle. Taken after the sample commands ran, it holds the functions they compiled too.
 */
export function codeCaches(): { file: string; bytes: Buffer }[] {
  const out: { file: string; bytes: Buffer }[] = [];
  for (const [file, entry] of loaded) {
    if (entry.build === undefined) continue;
    out.push({ file: `${file}.cache`, bytes: Buffer.concat([Buffer.from(`${CACHE_PREFIX}${entry.build}\n`, 'latin1'), entry.script.createCachedData()]) });
  }
  return out;
}
