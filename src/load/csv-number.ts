/** The separators a CSV file may use. */
export const CSV_SEPARATORS = [',', ';'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** What a number cell reads as: a number, two possible numbers (or a doubtful one), or text. */
export type CsvNumber =
  | { kind: 'number'; value: number }
  | { kind: 'ambiguous'; readings: number[]; message: string }
  | { kind: 'text' };

const GROUPED: Record<string, RegExp> = { '.': /^[1-9]\d{0,2}(\.\d{3})+$/, ',': /^[1-9]\d{0,2}(,\d{3})+$/ };

function grouped(body: string, mark: string): boolean {
  return GROUPED[mark]!.test(body);
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}

function number(value: number): CsvNumber {
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'text' };
}

/**
 * Reads a number cell as people in Vietnamese offices write them. With `;` as separator the
 * decimal mark is a comma (`80,5`, `1.200,5`, `12.345.678`); with `,` it is a dot. A cell that
 * could be read two ways (`1.200` in a `;` file; a comma in a `,` file) is ambiguous: ccp says
 * so rather than guess. Anything else that is not a plain number (`abc`, `NaN`, `Infinity`,
 * `1e3`) is text, left for the validator to report.
 */
export function parseCsvNumber(cell: string, separator: CsvSeparator): CsvNumber {
  if (/^\d{1,15}$/.test(cell)) return { kind: 'number', value: Number(cell) };
  const match = /^([+-]?)(\d[\d.,]*)$/.exec(cell);
  if (!match) return { kind: 'text' };
  const sign = match[1] === '-' ? -1 : 1;
  const body = match[2]!;
  if (!/\d$/.test(body)) return { kind: 'text' };
  const dots = count(body, '.');
  const commas = count(body, ',');
  if (dots === 0 && commas === 0) return number(sign * Number(body));

  if (dots > 0 && commas > 0) {
    // Both marks: the last one is the decimal mark, the other groups thousands.
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    if (count(body, decimal) !== 1) return { kind: 'text' };
    const [whole, fraction] = body.split(decimal) as [string, string];
    if (!grouped(whole, group) || fraction === '') return { kind: 'text' };
    return number(sign * Number(`${whole.split(group).join('')}.${fraction}`));
  }

  const mark = dots > 0 ? '.' : ',';
  if (dots + commas > 1) {
    return grouped(body, mark) ? number(sign * Number(body.split(mark).join(''))) : { kind: 'text' };
  }
  const [whole, fraction] = body.split(mark) as [string, string];
  const asDecimal = sign * Number(`${whole}.${fraction}`);
  const asThousands = grouped(body, mark) ? sign * Number(`${whole}${fraction}`) : undefined;
  const decimalMark = separator === ';' ? ',' : '.';
  if (mark === decimalMark) return number(asDecimal);
  if (separator === ';') {
    // A dot in a ';' file: a thousands dot when three digits follow, else a decimal dot (80.5).
    if (asThousands === undefined) return number(asDecimal);
    return {
      kind: 'ambiguous',
      readings: [asThousands, asDecimal],
      message:
        `'${cell}' is ambiguous in a ';'-separated file: ${asThousands} (the dot grouping thousands) ` +
        `or ${asDecimal} (the dot as decimal mark); write ${asThousands} or ${String(asDecimal).replace('.', ',')}`,
    };
  }
  // A comma inside a number in a ','-separated file (the cell was quoted).
  if (asThousands === undefined) {
    return {
      kind: 'ambiguous',
      readings: [asDecimal],
      message:
        `'${cell}' uses a decimal comma in a ','-separated file: is it ${asDecimal}? ` +
        `Write ${asDecimal} with a dot, or use ';' as the separator`,
    };
  }
  return {
    kind: 'ambiguous',
    readings: [asThousands, asDecimal],
    message:
      `'${cell}' is ambiguous in a ','-separated file: ${asThousands} (the comma grouping thousands) ` +
      `or ${asDecimal} (a decimal comma); write ${asThousands} or ${asDecimal}`,
  };
}
