/**
 * A quick look at a whole Measurements document, before the schema validator: true only for
 * data the measurements schema (schemas/measurements.schema.json) certainly accepts, and in
 * which no number is NaN or infinite. Anything it does not recognise goes to the validator,
 * which finds and words the problems. The validator, fine for one call, makes objects for every
 * entry even when all is well (its options, and the error of each `anyOf` branch not taken);
 * a folder of a thousand files holds twenty thousand entries.
 *
 * A string's length is counted here in UTF-16 code units, never fewer than the code points the
 * schema counts, so a string within a limit here is within it there.
 */

const PLAN_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** The schema's period pattern (`$defs/period`). */
const PERIOD = /^(19|20|21)[0-9]{2}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;
/** The `date` format: a full date (RFC 3339), as the format checks it. */
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MAX_ENTRIES = 100_000;

const DOCUMENT_KEYS: ReadonlySet<string> = new Set(['apiVersion', 'kind', 'plan', 'period', 'reported', 'source', 'org', 'note', 'measurements']);
const ENTRY_KEYS: ReadonlySet<string> = new Set(['indicator', 'period', 'value', 'numerator', 'denominator', 'status', 'evidence', 'org', 'source', 'note']);

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]!);
}

function isPeriod(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1900 && value <= 2200;
  return typeof value === 'string' && PERIOD.test(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Absent, or a string of at most `max` code units. */
function isText(value: unknown, max: number): boolean {
  return value === undefined || (typeof value === 'string' && value.length <= max);
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Whether every key of `value` the validator would look at is one of `allowed`. */
function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  // for…in, as the validator walks the keys: the same keys, inherited enumerable ones included.
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

function isPlainEntry(entry: unknown): boolean {
  if (!isObject(entry) || !onlyKeys(entry, ENTRY_KEYS)) return false;
  const { indicator, period, value, numerator, denominator, status } = entry;
  if (typeof indicator !== 'string' || indicator.length === 0 || indicator.length > 100) return false;
  if (period !== undefined && !isPeriod(period)) return false;
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) return false;
  // dependentRequired: the counts come together or not at all.
  if ((numerator === undefined) !== (denominator === undefined)) return false;
  if (numerator !== undefined && !(isCount(numerator) && isCount(denominator))) return false;
  if (status !== undefined && status !== 'done' && status !== 'in-progress' && status !== 'not-started') return false;
  // anyOf: a value, counts, or a status.
  if (value === undefined && numerator === undefined && status === undefined) return false;
  return isText(entry.evidence, 10_000) && isText(entry.org, 1000) && isText(entry.source, 1000) && isText(entry.note, 10_000);
}

/** True only for a Measurements document the schema accepts and that holds no NaN or infinity. */
export function plainlyValidMeasurements(data: Record<string, unknown>): boolean {
  if (!onlyKeys(data, DOCUMENT_KEYS)) return false;
  if (data.apiVersion !== 'ccp/v1' || data.kind !== 'Measurements') return false;
  const { plan, period, reported, measurements } = data;
  if (plan !== undefined && (typeof plan !== 'string' || plan.length > 100 || !PLAN_ID.test(plan))) return false;
  if (period !== undefined && !isPeriod(period)) return false;
  if (reported !== undefined && (typeof reported !== 'string' || !isDate(reported))) return false;
  if (!isText(data.source, 1000) || !isText(data.org, 1000) || !isText(data.note, 10_000)) return false;
  if (!Array.isArray(measurements) || measurements.length > MAX_ENTRIES) return false;
  for (let i = 0; i < measurements.length; i++) if (!isPlainEntry(measurements[i])) return false;
  return true;
}
