import { createTranslator } from '../i18n.js';

/** The instructions written into a template, in each language. */
const MESSAGES = {
  en: {
    heading: 'Data-entry template: {plan} ({document}), period {period}.',
    check: 'Fill in every entry, then check the file with: ccp validate {file}',
    percent: 'A percent: fill in numerator and denominator (or replace both lines by `value: 87.5`).',
    value: 'A value: fill in `value:` as a plain number (87.5, not 87,5 or 87.5%).',
    milestone: 'A milestone: `status:` is one of done, in-progress, not-started.',
    remove: 'An indicator you cannot report yet: delete its entry rather than leave it empty.',
    optional: 'Optional: uncomment and fill in.',
    reported: "the report's date",
    statuses: 'done | in-progress | not-started',
    thisFile: '<this file>',
  },
  vi: {
    heading: 'Mẫu nhập số liệu: {plan} ({document}), kỳ {period}.',
    check: 'Điền đủ các mục, sau đó kiểm tra tệp bằng lệnh: ccp validate {file}',
    percent: 'Chỉ tiêu tỷ lệ: điền tử số (numerator) và mẫu số (denominator), hoặc thay hai dòng đó bằng `value: 87.5`.',
    value: 'Chỉ tiêu giá trị: điền `value:` là một số, dùng dấu chấm thập phân (87.5, không viết 87,5 hay 87.5%).',
    milestone: 'Chỉ tiêu định tính: `status:` là một trong done (hoàn thành), in-progress (đang thực hiện), not-started (chưa triển khai).',
    remove: 'Chỉ tiêu chưa có số liệu: xoá cả mục đó, không để trống.',
    optional: 'Không bắt buộc: bỏ dấu # ở đầu dòng rồi điền.',
    reported: 'ngày báo cáo',
    statuses: 'done | in-progress | not-started',
    thisFile: '<tệp này>',
  },
} as const;

/** A template instruction in `lang`. */
export const ts = createTranslator<keyof (typeof MESSAGES)['en']>(MESSAGES);
