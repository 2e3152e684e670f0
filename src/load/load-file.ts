import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { loadCsv } from './csv-document.js';
import type { LoadOptions } from './csv-stream.js';
import { diagnostic } from './diagnostic.js';
import { displayPath } from './discover.js';
import type { SourceDocument } from './document.js';
import { emptyDocument } from './empty-document.js';
import { resolveLimits } from './limits.js';
import { notAFile, readError } from './read-error.js';
import { loadYaml } from './read-yaml.js';

/**
 * Reads one YAML or CSV file (by extension: .yaml/.yml/.csv; anything else gives the
 * diagnostic 'unsupported-file-type'). Never throws for bad content: every problem becomes a
 * diagnostic of the returned document, with line and column. Throws InputError only when the
 * file cannot be read at all: missing, a folder, permission denied.
 */
export async function loadFile(path: string, options: LoadOptions): Promise<SourceDocument> {
  const absolute = resolve(options.cwd, path);
  const file = displayPath(absolute, options.cwd);
  const extension = extname(absolute).toLowerCase();
  if (extension === '.yaml' || extension === '.yml') return loadYaml(absolute, file, resolveLimits(options.limits));
  if (extension === '.csv') return loadCsv(absolute, options);
  try {
    const info = await stat(absolute);
    if (!info.isFile()) throw notAFile(file, info.isDirectory());
  } catch (error) {
    throw readError(error, file);
  }
  return emptyDocument(file, absolute, 'yaml', [
    diagnostic(file, 'unsupported-file-type', `ccp reads .yaml, .yml and .csv files, not '${extension || 'a file without extension'}'`),
  ]);
}
