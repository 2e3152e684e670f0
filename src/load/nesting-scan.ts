/**
 * A quick scan of YAML text for nesting far beyond any real document, before the parser sees
 * it: the parser's time and memory grow with the depth it is asked to hold, and a 10 MiB file
 * of `[` (inside the size limit) would take gigabytes. The scan is one pass, linear, and only
 * estimates: indentation levels, compact `- ` and `? ` markers and open flow brackets outside
 * quotes, comments and block scalars. The parser and the exact depth check still run on
 * anything the scan lets through.
 */

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

/**
 * The offset at which the estimated nesting of `text` first exceeds `limit`, or undefined.
 * Give a limit well above the real one: the estimate may count a level or two too many.
 */
export function nestingBeyond(text: string, limit: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  // A block scalar (`|`, `>`): the column its parent starts at, and its content's indentation.
  let blockScalarParent: number | undefined;
  let blockScalarIndent: number | undefined;
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    let i = start;
    let indent = 0;
    while (text[i] === ' ') {
      i++;
      indent++;
    }
    const blank = i >= end || text[i] === '\r' || text[i] === '#';
    if (blockScalarParent !== undefined) {
      const empty = i >= end || text[i] === '\r';
      if (empty || (indent > blockScalarParent && indent >= (blockScalarIndent ?? indent))) {
        if (!empty) blockScalarIndent ??= indent;
        if (newline === -1) break;
        start = newline + 1;
        continue;
      }
      blockScalarParent = undefined;
      blockScalarIndent = undefined;
    }
    let depth = 0;
    let column = indent;
    if (quote === undefined && flow === 0 && !blank) {
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      depth = indents.length;
      // Compact nesting on one line: `- - - x`, `? - x`.
      while ((text[i] === '-' || text[i] === '?') && (isSpace(text[i + 1]) || i + 1 >= end || text[i + 1] === '\r')) {
        depth++;
        if (depth + flow > limit) return i;
        i += 2;
        while (isSpace(text[i])) i++;
      }
      column = i - start;
    } else {
      depth = indents.length;
    }
    // The previous character that is not a space, on this line: tells a token's start.
    let previous: string | undefined = i > start && quote === undefined ? text[i - 1] : undefined;
    if (previous === ' ' || previous === '\t') previous = '-';
    for (; i < end; i++) {
      const char = text[i]!;
      if (quote === '"') {
        if (char === '\\') i++;
        else if (char === '"') quote = undefined;
        previous = char;
        continue;
      }
      if (quote === "'") {
        if (char === "'" && text[i + 1] === "'") i++;
        else if (char === "'") quote = undefined;
        previous = char;
        continue;
      }
      if (char === ' ' || char === '\t' || char === '\r') continue;
      const tokenStart =
        previous === undefined || previous === ':' || previous === '-' || previous === '?' || previous === ',' || previous === '[' || previous === '{';
      if (char === '#' && (i === start || isSpace(text[i - 1]))) break;
      if (flow > 0 || tokenStart) {
        if (char === '[' || char === '{') {
          flow++;
          if (depth + flow > limit) return i;
        } else if ((char === ']' || char === '}') && flow > 0) {
          flow--;
        } else if (tokenStart && (char === '"' || char === "'")) {
          quote = char;
        } else if (flow === 0 && tokenStart && (char === '|' || char === '>') && /^[|>][-+0-9]*\s*(#.*)?$/.test(text.slice(i, end).trimEnd())) {
          blockScalarParent = column;
          break;
        }
      }
      previous = char;
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return undefined;
}
