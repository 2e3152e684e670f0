import type { ActualSource } from '../../model/evaluation.js';
import type { Lang } from '../../model/text.js';
import { formatNumber, t } from '../i18n.js';

/**
 * An actual's sources as a person reads them: `data/2025.yaml:9`, or for a file that gave
 * many entries `big.csv:2, 23, 44, … (48,000 rows)`. A million pooled rows must not become
 * a million `file:line` pairs in a spreadsheet cell (a cell holds 32,767 characters) or a
 * footnote, so each file shows its first lines and counts the rest, and past a number of
 * files (or of characters) the remaining files are counted too. The JSON report keeps the
 * whole list; this is only what is shown.
 */

/** Lines shown per file before the rest is counted. */
export const SHOWN_LINES = 10;
/** Files shown before the rest is counted. */
export const SHOWN_FILES = 20;
/** Characters the shown files may take, counting tail aside: keeps a cell small whatever the file names. */
export const SHOWN_CHARACTERS = 4000;

/** How much of an actual's sources to show. */
export interface SourceTextOptions {
  /** Between two files: `; ` in a CSV cell (the default), `, ` in running text. */
  separator?: string;
  /** Lines shown per file (default {@link SHOWN_LINES}). */
  lines?: number;
  /** Files shown (default {@link SHOWN_FILES}). */
  files?: number;
  /** Characters the shown files may take (default {@link SHOWN_CHARACTERS}). */
  characters?: number;
}

/** How many entries one file gave: `lines ?? [line]`. */
export function entryCount(source: ActualSource): number {
  return source.lines === undefined ? 1 : source.lines.length;
}

/** One file's entries: `data/2025.yaml:9`, `a.csv:3, 5`, or the first lines then `… (48,000 rows)`. */
export function formatSource(source: ActualSource, lang: Lang, shownLines: number = SHOWN_LINES): string {
  const lines = source.lines ?? [source.line];
  const limit = Math.max(1, shownLines);
  const shown = lines.length > limit ? lines.slice(0, limit) : lines;
  const text = `${source.file}:${shown.join(', ')}`;
  if (shown.length === lines.length) return text;
  return `${text}, ${t(lang, 'sources.moreLines', { rows: rowsText(lines.length, lang) })}`;
}

/** `48,000 rows`, `1 row`, `48.000 dòng`. */
function rowsText(count: number, lang: Lang): string {
  return t(lang, count === 1 ? 'sources.row' : 'sources.rows', { count: formatNumber(count, lang) });
}

/** The first `length` characters of `text` and `…`, never splitting a surrogate pair. */
function cut(text: string, length: number): string {
  let end = Math.max(0, length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * Every file of an actual's sources, capped as {@link SourceTextOptions} says; the files
 * left out are counted with their entries: `… 3,980 more files (47,760 rows)`.
 */
export function formatSources(sources: readonly ActualSource[], lang: Lang, options: SourceTextOptions = {}): string {
  const separator = options.separator ?? '; ';
  const maxFiles = Math.max(0, options.files ?? SHOWN_FILES);
  const budget = options.characters ?? SHOWN_CHARACTERS;
  const parts: string[] = [];
  let used = 0;
  let shown = 0;
  for (const source of sources) {
    if (shown === maxFiles) break;
    const text = formatSource(source, lang, options.lines);
    // The first file is always shown in part at least: a very long name is cut, not dropped.
    const room = budget - used - (parts.length === 0 ? 0 : separator.length);
    if (text.length > room) {
      if (parts.length > 0) break;
      parts.push(cut(text, room - 1));
      shown++;
      break;
    }
    parts.push(text);
    used += text.length + (parts.length === 1 ? 0 : separator.length);
    shown++;
  }
  if (shown < sources.length) {
    let rows = 0;
    for (let i = shown; i < sources.length; i++) rows += entryCount(sources[i]!);
    const files = sources.length - shown;
    const key = files === 1 ? 'sources.moreFile' : 'sources.moreFiles';
    parts.push(t(lang, key, { files: formatNumber(files, lang), rows: rowsText(rows, lang) }));
  }
  return parts.join(separator);
}
