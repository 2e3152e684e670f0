import { createTranslator } from '../i18n.js';

/** The words of `ccp trend`'s reports. Keys are stable; wording may change. */
const MESSAGES = {
  en: {
    title: 'Indicators year by year',
    'col.area': 'Area',
    'col.indicator': 'Indicator',
    'col.title': 'Title',
    'col.measure': 'Measure',
    'col.targets': 'Targets',
    'col.trend': 'Trend',
    'col.provisional': 'Provisional years',
    'measure.percent': 'percent',
    'measure.count': 'count',
    'measure.milestone': 'milestone',
    noYears: 'No data for any year yet.',
    noRows: 'No indicators match.',
    sparkline: 'Trend: lowest to highest value of the row (▁ to █); · a year without data; milestones ▁ not started, ▅ in progress, █ done.',
  },
  vi: {
    title: 'Diễn biến các chỉ số qua các năm',
    'col.area': 'Lĩnh vực',
    'col.indicator': 'Chỉ số',
    'col.title': 'Tên chỉ số',
    'col.measure': 'Loại',
    'col.targets': 'Chỉ tiêu',
    'col.trend': 'Xu hướng',
    'col.provisional': 'Năm tạm tính',
    'measure.percent': 'tỷ lệ',
    'measure.count': 'số lượng',
    'measure.milestone': 'mốc',
    noYears: 'Chưa có số liệu năm nào.',
    noRows: 'Không có chỉ số phù hợp.',
    sparkline: 'Xu hướng: từ giá trị thấp nhất đến cao nhất của dòng (▁ đến █); · năm chưa có số liệu; chỉ tiêu định tính ▁ chưa triển khai, ▅ đang thực hiện, █ hoàn thành.',
  },
} as const;

export type TrendMessageKey = keyof (typeof MESSAGES)['en'];

/** A string of the trend reports in `lang`. */
export const tt = createTranslator<TrendMessageKey>(MESSAGES);
