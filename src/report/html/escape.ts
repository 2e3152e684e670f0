/**
 * HTML escaping for the report. Every text that comes from a data file passes through
 * `escapeHtml`, in element content and in attribute values alike; the `html` tag applies it
 * to every interpolated value that is not already `SafeHtml`, so forgetting to escape takes
 * an explicit `raw()`.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes `& < > " '`, so the text is safe in element content and in quoted attributes, and
 * puts it in Unicode NFC (Vietnamese typed on some systems arrives decomposed).
 */
export function escapeHtml(text: string): string {
  return text.normalize('NFC').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** A fragment of markup that is already safe to insert as is. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** Marks markup built by this module's own code (never data) as safe. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** A value the `html` tag accepts: text (escaped), safe markup, lists of either, or nothing. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map((item: HtmlValue) => render(item)).join('');
  return escapeHtml(String(value));
}

/**
 * A template tag that escapes every interpolated value unless it is `SafeHtml`:
 * `` html`<td title="${note}">${note}</td>` `` is safe whatever `note` holds.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}
