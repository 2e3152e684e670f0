/**
 * Widths and wrapping of text as a terminal shows it, for renderers that must fit a number of
 * columns. Escape codes take no room; combining marks (Vietnamese typed decomposed) take none;
 * East Asian wide characters take two.
 */

import { inertControls } from './terminal-text.js';

const ANSI = /\u001b\[[0-9;]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;
const COMBINING = /\p{Mn}|\p{Me}|\u200b|\u200c|\u200d|\ufe0e|\ufe0f/u;
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** Removes terminal escape codes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** The columns one character (one code point) takes: the definition visibleWidth counts by. */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0;
  if (COMBINING.test(char)) return 0;
  return WIDE.test(char) ? 2 : 1;
}

/**
 * Whether UTF-16 unit `code` is a whole character one column wide without a closer look:
 * printable ASCII, Latin-1 and Latin Extended up to U+02FF (the combining marks start at
 * U+0300), and Latin Extended Additional (U+1E00–U+1EFF, where most of Vietnamese's letters
 * are). Nothing in these ranges is a control, a combining mark or wide.
 */
function plainNarrow(code: number): boolean {
  return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code < 0x300) || (code >= 0x1e00 && code < 0x1f00);
}

/** The number of terminal columns `text` takes (one line, escape codes ignored). */
export function visibleWidth(text: string): number {
  // Tables measure every line of every cell, often more than once: the common letters are
  // counted without the per-character patterns charWidth() uses for everything else.
  const plain = text.includes('\u001b') ? stripAnsi(text) : text;
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    if (plainNarrow(plain.charCodeAt(i))) {
      width++;
      continue;
    }
    const code = plain.codePointAt(i)!;
    if (code > 0xffff) i++;
    width += charWidth(String.fromCodePoint(code));
  }
  return width;
}

/** Cuts a word that is wider than `width` into pieces that fit. */
function cutWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const char of word) {
    const w = charWidth(char);
    if (pieceWidth + w > width && piece !== '') {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += char;
    pieceWidth += w;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Wraps plain text (no escape codes) into lines no wider than `width`, breaking at spaces and,
 * for ids like `dossiers-e-transfer@2025`, after `-`, `/`, `@` or `.` before cutting a word.
 * Existing line breaks are kept; a no-break space (U+00A0) is never broken at.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, Math.floor(width));
  const out: string[] = [];
  for (const given of text.split(/\r\n|\r|\n/)) {
    // Data text may hold control characters: shown, never sent to the terminal.
    const paragraph = inertControls(given);
    // A no-break space glues words that must stay together; it is wrapped like a letter.
    const words = paragraph.split(/[^\S\u00a0]+/).filter((word) => word !== '');
    let line = '';
    const flush = () => {
      out.push(line);
      line = '';
    };
    for (const word of words) {
      const joined = line === '' ? word : `${line} ${word}`;
      if (visibleWidth(joined) <= limit) {
        line = joined;
        continue;
      }
      if (line !== '') flush();
      if (visibleWidth(word) <= limit) {
        line = word;
        continue;
      }
      // Too long for a line of its own: break after punctuation where possible.
      const parts = word.match(/[^-/@.]+[-/@.]*|[-/@.]+/g) ?? [word];
      for (const part of parts) {
        for (const piece of visibleWidth(part) <= limit ? [part] : cutWord(part, limit)) {
          if (visibleWidth(line + piece) <= limit) {
            line += piece;
          } else {
            if (line !== '') flush();
            line = piece;
          }
        }
      }
    }
    if (line !== '' || words.length === 0) flush();
  }
  return out;
}

/**
 * The most lines a table cell shows of one text. A plan's title may run to 10,000 characters:
 * drawn whole it would fill screens, and the table library's work grows with the square of a
 * cell's length. The reports in JSON, CSV, Markdown and HTML keep the whole text.
 */
export const MAX_CELL_LINES = 12;

/** `lines` cut to `max`, the last kept line ending in "…" (still within `width`) when any were cut. */
export function clampLines(lines: readonly string[], width: number, max: number = MAX_CELL_LINES): string[] {
  if (lines.length <= max) return [...lines];
  const kept = lines.slice(0, max);
  let last = [...(kept[max - 1] ?? '')];
  while (last.length > 0 && visibleWidth(`${last.join('')}…`) > width) last = last.slice(0, -1);
  kept[max - 1] = `${last.join('')}…`;
  return kept;
}

/** `text` cut to what `lines` lines of `width` columns can show, ending in "…" when cut. */
export function clampText(text: string, width: number, lines: number = MAX_CELL_LINES): string {
  const room = Math.max(1, Math.floor(width)) * lines;
  const chars = [...text];
  return chars.length <= room ? text : `${chars.slice(0, room - 1).join('')}…`;
}
