import { createTranslator } from '../i18n.js';

/** The words of the targets listing that the shared strings do not have. */
const MESSAGES = {
  en: {
    title: 'Targets of the plan',
    count: '{count} targets',
    none: 'No targets match.',
    everyYear: 'every year {from}–{to}',
    quote: 'Plan text (translated)',
  },
  vi: {
    title: 'Chỉ tiêu của kế hoạch',
    count: '{count} chỉ tiêu',
    none: 'Không có chỉ tiêu phù hợp.',
    everyYear: 'hằng năm {from}–{to}',
    quote: 'Văn bản',
  },
} as const;

/** A string of the targets listing in `lang`. */
export const tt = createTranslator<keyof (typeof MESSAGES)['en']>(MESSAGES);
