import { inertControls } from '../terminal-text.js';

/**
 * Escaping of text from data files for GitHub-flavoured Markdown, so that a title or note
 * can neither break a table nor turn into a heading, a link, a list or raw HTML.
 */

const BACKSLASHED = /[\\`*_[\]|~#]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes inline text (a table cell, a heading after its `#`, text after a list marker):
 * line breaks become spaces (a table row is one line), Markdown's punctuation gets a
 * backslash, `& < >` become entities.
 */
export function escapeMarkdown(text: string): string {
  return inertControls(
    text
      .normalize('NFC')
      .replace(/\r\n|\r|\n|\u2028|\u2029/g, ' '),
  )
    .replace(/[&<>]/g, (char) => ENTITIES[char] ?? char)
    .replace(BACKSLASHED, (char) => `\\${char}`);
}

/**
 * Escapes text that starts a line of its own (a paragraph): as `escapeMarkdown`, and a start
 * that would open a list, a setext heading or a numbered item is escaped too.
 */
export function escapeMarkdownBlock(text: string): string {
  return escapeMarkdown(text)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}
