/** The HTML compliance report: one self-contained page, safe to open and to print. */
export { renderHtml, type HtmlRenderOptions } from './render-html.js';
export { escapeHtml } from './escape.js';
