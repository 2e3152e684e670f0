/** C0 controls but tab and line feed, DEL, and the C1 controls (0x80–0x9F). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** The same, line feed included. */
const CONTROLS_AND_LINE_FEEDS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  return code === 0x7f ? '\u2421' : '\ufffd';
}

/**
 * Text from a data file made inert for a terminal or a text file: control characters (escape,
 * bell, carriage return, backspace…) are shown as their visible symbols (␛, ␇, ␍, ␈) instead
 * of being sent, so that a data file cannot recolour, move the cursor, retitle, hyperlink or
 * overwrite what the user sees. Tabs are kept, and line feeds too unless `lineFeeds` is false.
 */
export function inertControls(text: string, options: { lineFeeds?: boolean } = {}): string {
  return text.replace(options.lineFeeds === false ? CONTROLS_AND_LINE_FEEDS : CONTROLS, picture);
}
