/** Where the cells of one CSV record start in its raw text, and an opening quote never closed. */
export interface CellScan {
  /** Offsets into the raw text of each cell's first character (after leading spaces). */
  starts: number[];
  /** The offset of a quote that opens a cell and is not closed before the text ends. */
  unclosedQuote?: number;
}

/**
 * Finds where each cell of a record starts, quote-aware, reading as the parser does: a quote
 * opens a quoted cell only as the cell's first character; `""` inside it is a quote.
 */
export function scanCells(raw: string, separator: string): CellScan {
  const starts: number[] = [];
  const end = raw.length;
  let i = 0;
  for (;;) {
    let start = i;
    while (start < end && (raw[start] === ' ' || raw[start] === '\t')) start++;
    starts.push(start);
    let k = start;
    if (raw[start] === '"') {
      k = start + 1;
      let closed = false;
      while (k < end) {
        if (raw[k] === '"') {
          if (raw[k + 1] === '"') {
            k += 2;
            continue;
          }
          closed = true;
          k++;
          break;
        }
        k++;
      }
      if (!closed) return { starts, unclosedQuote: start };
    }
    while (k < end && raw[k] !== separator) k++;
    if (k >= end) return { starts };
    i = k + 1;
  }
}

/** The line (0-based, within the raw text) and 1-based column of an offset into raw text. */
export function offsetPosition(raw: string, offset: number): { lineOffset: number; column: number } {
  let lineOffset = 0;
  let lineStart = 0;
  for (let i = raw.indexOf('\n'); i !== -1 && i < offset; i = raw.indexOf('\n', i + 1)) {
    lineOffset++;
    lineStart = i + 1;
  }
  return { lineOffset, column: offset - lineStart + 1 };
}

/**
 * The raw text of a record as the parser hands it over, without the blank lines it skipped
 * before the record and without the line break that ends it; and how many line breaks the
 * rest holds, so the record's first line is `lines - breaks` (`lines` being the parser's count).
 */
export function trimRaw(raw: string): { text: string; breaks: number } {
  const text = raw.replace(/^(?:[ \t]*\n)+/, '').replace(/\n$/, '');
  return { text, breaks: text.split('\n').length - 1 };
}
