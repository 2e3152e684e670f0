import type { Lang } from '../../model/text.js';

/**
 * The evaluate core's remarks (stable words in `Result.remarks`) in words a reader follows.
 * A remark this table does not know yet is shown as its word.
 */
const REMARK_TEXT: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  'unpooled-values': {
    vi: 'các giá trị tỷ lệ không kèm tử số, mẫu số nên không gộp được',
    en: 'percent values without counts cannot be pooled',
  },
  'zero-denominator': { vi: 'mẫu số gộp bằng 0', en: 'the pooled denominator is 0' },
  'previous-year-missing': {
    vi: 'chưa có số liệu năm trước để tính mức tăng',
    en: 'no actual for the previous year to add the gain to',
  },
  'finer-periods-ignored': {
    vi: 'bỏ qua số liệu kỳ ngắn hơn vì đã có số liệu cho kỳ dài hơn',
    en: 'shorter periods ignored: a longer period covers the year',
  },
  'duplicate-entries': { vi: 'số liệu báo cáo trùng; chỉ dùng một lần', en: 'reported more than once; used once' },
  'too-few-years': {
    vi: 'mới có một năm số liệu, chưa đủ để tính tỷ lệ tiến độ',
    en: 'one year of data: too few for a progress ratio',
  },
  'progress-ratio-undefined': { vi: 'không tính được tỷ lệ tiến độ', en: 'the progress ratio cannot be formed' },
};

/** A remark in words: `too-few-years` → "one year of data: too few for a progress ratio". */
export function remarkText(remark: string, lang: Lang): string {
  return Object.hasOwn(REMARK_TEXT, remark) ? (REMARK_TEXT[remark]?.[lang] ?? remark) : remark;
}
