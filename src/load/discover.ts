// Synchronous calls: for the handful of stats and listings a run makes, the promise API costs
// more in thread-pool trips (and in loading node's promise file module at start) than the calls.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { glob as Glob } from 'tinyglobby';
import { InputError } from '../model/errors.js';
import { readError } from './read-error.js';

/** File extensions ccp reads, by format. */
export const DATA_EXTENSIONS = ['.yaml', '.yml', '.csv'] as const;

/** Whether `path` names a file ccp reads (by its extension, case-insensitive). */
export function isDataFile(path: string): boolean {
  const lower = path.toLowerCase();
  return DATA_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

let lastCwd: string | undefined;
let lastRoot = '';

/** Whether `path` holds no `.` or `..` segment, no doubled and no trailing separator. */
function isNormalPosixPath(path: string): boolean {
  return !path.includes('/.') && !path.includes('//') && !path.endsWith('/');
}

/** The path as shown to users: relative to `cwd` when inside it (with '/' separators), else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  if (sep === '/' && cwd.startsWith('/')) {
    // Every file of a folder is shown: a path already normal and below the cwd is cut, not resolved.
    if (cwd !== lastCwd) {
      lastRoot = resolve(cwd);
      lastCwd = cwd;
    }
    const root = lastRoot;
    if (absolute.length > root.length + 1 && absolute.charCodeAt(root.length) === 0x2f && absolute.startsWith(root) && isNormalPosixPath(absolute)) {
      return absolute.slice(root.length + 1);
    }
  }
  const rel = relative(resolve(cwd), resolve(absolute));
  if (rel === '') return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return resolve(absolute);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** Whether `path` is `root` or lies below it. */
function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Every data file below `dir`, skipping node_modules and dot-entries, following links once.
 * A link is followed only when it leads to a place `allowed` accepts.
 */
async function walk(dir: string, shown: string, seen: Set<string>, out: string[], allowed: (real: string) => boolean): Promise<void> {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (error) {
    throw readError(error, shown);
  }
  if (seen.has(real)) return;
  seen.add(real);
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw readError(error, shown);
  }
  // `dir` is resolved, so normal, and a listed name is one plain segment: joined without normalising again.
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  for (const entry of entries) {
    if (skipped(entry.name)) continue;
    const path = prefix + entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        // A link committed among data files must not reach elsewhere on the machine.
        if (!allowed(realpathSync(path))) continue;
        const info = statSync(path);
        isDir = info.isDirectory();
        isFile = info.isFile();
      } catch {
        continue; // a dangling link in a folder is not something the user named
      }
    }
    if (isDir) await walk(path, `${shown}/${entry.name}`, seen, out, allowed);
    else if (isFile && isDataFile(entry.name)) out.push(path);
  }
}

/**
 * Files, folders (recursively *.yaml, *.yml, *.csv; skipping node_modules and dot-folders) and
 * globs (tinyglobby), resolved against `cwd`. Returns absolute paths, sorted, without duplicates.
 * A named file or folder that does not exist, or a glob that matches nothing, throws InputError
 * (exit 2). A folder with no data files gives [].
 *
 * A path that exists is taken literally even when it holds glob characters. A named file is
 * returned whatever its extension (loading reports an unsupported type); a glob keeps only data files.
 * Inside a folder, a symbolic link is followed only when it leads inside that folder or the
 * working directory.
 */
export async function discover(paths: string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = resolve(cwd, given);
    let info;
    try {
      info = statSync(absolute);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? (error as NodeJS.ErrnoException).code : undefined;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        // The glob library is loaded only for a path that does not exist: most runs name files and folders.
        const { glob, isDynamicPattern } = await import('tinyglobby');
        if (isDynamicPattern(given)) {
          for (const file of await expandGlob(glob, given, cwd)) found.add(file);
          continue;
        }
      }
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(`${given}: no such file or folder`, given);
      throw readError(error, given);
    }
    if (info.isDirectory()) {
      const out: string[] = [];
      // Links found inside may lead anywhere inside the named folder or the working directory.
      const roots = [absolute, cwd].map((root) => {
        try {
          return realpathSync(resolve(root));
        } catch {
          return resolve(root);
        }
      });
      const allowed = (real: string) => roots.some((root) => within(root, real));
      await walk(absolute, given.replace(/[\\/]+$/, '') || given, new Set(), out, allowed);
      for (const file of out) found.add(file);
    } else {
      found.add(absolute);
    }
  }
  return [...found].sort(compareCodeUnits);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function expandGlob(glob: typeof Glob, pattern: string, cwd: string): Promise<string[]> {
  // tinyglobby wants '/' separators; on Windows a user types '\'.
  const normalized = sep === '\\' ? pattern.replace(/\\/g, '/') : pattern;
  let matches: string[];
  try {
    matches = await glob(normalized, {
      cwd,
      absolute: true,
      dot: false,
      onlyFiles: true,
      expandDirectories: false,
      ignore: ['**/node_modules/**'],
    });
  } catch (error) {
    throw new InputError(`${pattern}: not a usable glob (${error instanceof Error ? error.message : String(error)})`, pattern);
  }
  if (matches.length === 0) throw new InputError(`${pattern}: the glob matches no files`, pattern);
  const data = matches.map((match) => resolve(match)).filter(isDataFile);
  if (data.length === 0) throw new InputError(`${pattern}: the glob matches no .yaml, .yml or .csv files`, pattern);
  return data;
}
