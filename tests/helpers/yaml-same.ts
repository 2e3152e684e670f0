import { isDeepStrictEqual } from 'node:util';
import { LIMITS } from '../../src/load/document.js';
import { parseYamlText } from '../../src/load/yaml-document.js';
import { PlainYamlDocument, readPlainYaml } from '../../src/load/yaml-plain.js';

const SOURCE = { file: 'x.yaml', path: '/x.yaml' };

/** Every pointer into `data`, and a few that lead nowhere. */
function pointers(data: unknown, prefix = ''): string[] {
  const out = [prefix, `${prefix}/nowhere`, `${prefix}/0`];
  if (Array.isArray(data)) data.forEach((item, i) => out.push(...pointers(item, `${prefix}/${i}`)));
  else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) out.push(...pointers(value, `${prefix}/${escape(key)}`));
  }
  return out;
}

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/**
 * How the quick reader's document of `text` differs from the full parser's: the first difference
 * found in diagnostics, data, an item's line or the position of any pointer (and its key), as
 * words; undefined when they agree, or when the quick reader leaves `text` to the full parser
 * (then both are the full parser). The quick reader may read only what the full parser reads
 * without a diagnostic.
 */
export function quickReaderDifference(text: string): string | undefined {
  if (readPlainYaml(text, LIMITS) === undefined) return undefined;
  const quick = parseYamlText(text, SOURCE, LIMITS);
  const full = parseYamlText(text, SOURCE, LIMITS, { plain: false });
  if (full.diagnostics.length > 0) return `read quickly, but the full parser reports ${show(full.diagnostics)}`;
  if (!isDeepStrictEqual(quick.diagnostics, full.diagnostics)) return `diagnostics ${show(quick.diagnostics)}, not ${show(full.diagnostics)}`;
  if (!isDeepStrictEqual(quick.data, full.data)) return `data ${show(quick.data)}, not ${show(full.data)}`;
  if (!(quick instanceof PlainYamlDocument)) return 'read quickly, but not a PlainYamlDocument';
  // Every item's line, asked without a pointer before anything is located, as the parser places the item.
  const items = (value: unknown, pointer: string): string | undefined => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const line = quick.itemLine(value, i);
        const expected = full.locate(`${pointer}/${i}`).line;
        if (line !== expected) return `${pointer}/${i}: item line ${line}, not ${expected}`;
        const inner = items(value[i], `${pointer}/${i}`);
        if (inner !== undefined) return inner;
      }
      if (quick.itemLine(value, value.length) !== undefined) return `${pointer}: a line past the last item`;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const inner = items(child, `${pointer}/${escape(key)}`);
        if (inner !== undefined) return inner;
      }
      if (quick.itemLine(value as unknown[], 0) !== undefined) return `${pointer}: an item line in a mapping`;
    }
    return undefined;
  };
  const itemProblem = items(quick.data, '');
  if (itemProblem !== undefined) return itemProblem;
  for (const pointer of pointers(full.data)) {
    for (const options of [undefined, { key: true }]) {
      const at = quick.locate(pointer, options);
      const expected = full.locate(pointer, options);
      if (!isDeepStrictEqual(at, expected)) return `${pointer}${options === undefined ? '' : ' (key)'}: at ${show(at)}, not ${show(expected)}`;
    }
  }
  return undefined;
}
