import { createTranslator } from '../i18n.js';

/** The words of `ccp diff`'s reports. Keys are stable; wording may change. */
const MESSAGES = {
  en: {
    'title.evaluations': 'Changes between two evaluations',
    'title.plans': 'Changes between two plans',
    'side.before': 'Before',
    'side.after': 'After',
    'side.evaluation': 'plan {plan} version {version}, as of {date}',
    'side.plan': 'plan {plan} version {version}',
    'note.different-plans':
      'The two sides belong to different plans ({before}, {after}): the targets they share are compared, the others are listed as added or removed.',
    'note.different-plan-versions':
      'The two sides use different versions of plan {plan} ({before} and {after}): the targets they share are compared, the others are listed as added or removed.',
    'col.change': 'Change',
    'col.target': 'Target',
    'col.status': 'Status',
    'col.value': 'Value',
    'col.delta': 'Δ',
    'col.before': 'Before',
    'col.after': 'After',
    'change.regressed': 'regressed',
    'change.improved': 'improved',
    'change.changed': 'changed',
    'change.added': 'added',
    'change.removed': 'removed',
    'change.unchanged': 'unchanged',
    'horizon.by': 'by {year}',
    'horizon.everyYear': 'every year {from}–{to}',
    'unit.points': 'pp',
    'summary': 'Summary',
    'none': 'No differences.',
    'unchanged.hidden': 'Unchanged targets, not listed: {count} (--format json lists them).',
    'deltaUnit': 'Δ: after minus before, in percentage points (pp) for percents.',
  },
  vi: {
    'title.evaluations': 'So sánh hai lần đánh giá',
    'title.plans': 'So sánh hai kế hoạch',
    'side.before': 'Trước',
    'side.after': 'Sau',
    'side.evaluation': 'kế hoạch {plan} phiên bản {version}, tính đến ngày {date}',
    'side.plan': 'kế hoạch {plan} phiên bản {version}',
    'note.different-plans':
      'Hai bên thuộc hai kế hoạch khác nhau ({before}, {after}): chỉ so sánh các chỉ tiêu chung, các chỉ tiêu còn lại được liệt kê là mới hoặc bỏ.',
    'note.different-plan-versions':
      'Hai bên dùng hai phiên bản khác nhau của kế hoạch {plan} ({before} và {after}): chỉ so sánh các chỉ tiêu chung, các chỉ tiêu còn lại được liệt kê là mới hoặc bỏ.',
    'col.change': 'Thay đổi',
    'col.target': 'Chỉ tiêu',
    'col.status': 'Đánh giá',
    'col.value': 'Giá trị',
    'col.delta': 'Δ',
    'col.before': 'Trước',
    'col.after': 'Sau',
    'change.regressed': 'xấu đi',
    'change.improved': 'cải thiện',
    'change.changed': 'thay đổi',
    'change.added': 'mới',
    'change.removed': 'bỏ',
    'change.unchanged': 'không đổi',
    'horizon.by': 'đến năm {year}',
    'horizon.everyYear': 'hằng năm {from}–{to}',
    'unit.points': 'đ.p.',
    'summary': 'Tổng hợp',
    'none': 'Không có khác biệt.',
    'unchanged.hidden': 'Chỉ tiêu không đổi, không liệt kê: {count} (--format json liệt kê đủ).',
    'deltaUnit': 'Δ: sau trừ trước, tính bằng điểm phần trăm (đ.p.) với chỉ tiêu tỷ lệ.',
  },
} as const;

export type DiffMessageKey = keyof (typeof MESSAGES)['en'];

/** A string of the diff reports in `lang`. */
export const td = createTranslator<DiffMessageKey>(MESSAGES);
