/** The two languages ccp speaks. */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text field: a plain string, or one string per language. */
export type LocalText = string | { vi?: string; en?: string };

/** Picks the text in `lang`, falling back to the other language. */
export function pickText(text: LocalText | undefined, lang: Lang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text[lang === 'vi' ? 'en' : 'vi'] ?? '';
}
