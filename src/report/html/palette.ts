import type { Status } from '../../model/evaluation.js';

/** The colours of one status: a strong tone for marks and text, a pale one for backgrounds. */
export interface StatusColours {
  strong: string;
  pale: string;
}

/**
 * One colour pair per status. Colour is never the only carrier: every status also shows its
 * symbol and its word. The strong tones keep at least 4.5:1 contrast on white and on their
 * own pale tone, so the words stay readable on screen and on paper.
 */
export const STATUS_COLOURS: Readonly<Record<Status, StatusColours>> = {
  met: { strong: '#1a7f37', pale: '#dcf5e3' },
  'on-track': { strong: '#0b5cad', pale: '#dbeafb' },
  'at-risk': { strong: '#8a5a00', pale: '#fdf0c4' },
  'off-track': { strong: '#b4400a', pale: '#fde4d3' },
  missed: { strong: '#c01f2c', pale: '#fde2e2' },
  'no-data': { strong: '#5b6470', pale: '#eceff2' },
};

/** Neutral tones of the charts. */
export const INK = {
  text: '#1f2328',
  muted: '#59636e',
  track: '#e6e9ed',
  grid: '#d5dae0',
  target: '#1f2328',
  band: '#b4c3d4',
} as const;
