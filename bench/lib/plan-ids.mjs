/** The shipped plan's id, as measurement files name it. */
export const PLAN_ID = 'daklak-sgtvt-cchc-2021-2030';

/**
 * The shipped plan's 21 percent indicators (every indicator of the contract's table that is
 * not a qualitative milestone). The generated data reports each of them with counts.
 */
export const PERCENT_INDICATORS = [
  'dossiers-e-transfer',
  'procedures-online-payment',
  'online-payment-transactions',
  'results-digitized',
  'level4-services-multichannel',
  'services-on-national-portal',
  'dossiers-online',
  'satisfaction-procedures',
  'satisfaction-procedures-construction',
  'internal-procedures-published',
  'no-resubmission',
  'procedures-online-level34',
  'satisfaction-department',
  'leaders-international-department',
  'leaders-international-division',
  'audit-recommendations-resolved',
  'dossiers-fully-online',
  'work-files-online',
  'reports-on-provincial-system',
  'inspections-digital',
  'online-procedures-reengineered',
];

/** "Xã 0001" … with a precomposed ã (NFC), as ccp normalises text to. */
export function communeName(index) {
  return `X\u00e3 ${String(index).padStart(4, '0')}`;
}
