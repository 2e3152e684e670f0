import type { ErrorObject } from 'ajv/dist/2020.js';
import type { SourceDocument } from '../load/document.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { joinPointer, lastSegment, parentPointer, valueAt } from './pointer.js';
import { diagnosticAt, show, type Place } from './report.js';
import type { DocumentKind } from './schemas.js';
import { didYouMean, suggest } from './suggest.js';

type AnyRecord = Record<string, unknown>;

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  object: 'a mapping',
  array: 'a list',
  boolean: 'true or false',
  null: 'null',
};

const ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const PERIOD_POINTER = /^(\/measurements\/\d+)?\/period$/;
const COUNT_POINTER = /^\/measurements\/\d+\/(numerator|denominator)$/;
const PERIOD_FORMS = 'YYYY, YYYY-H1|H2, YYYY-Q1..Q4 or YYYY-MM';

function typeName(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ');
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string ${show(value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'nothing';
  return Array.isArray(value) ? 'a list' : 'a mapping';
}

function listWords(words: string[], conjunction: 'or' | 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** Turns ajv's errors for one document into short diagnostics at the right places. */
export class SchemaErrorMapper {
  constructor(
    private readonly doc: SourceDocument,
    private readonly data: unknown,
    private readonly kind: DocumentKind,
  ) {}

  map(errors: readonly ErrorObject[]): Diagnostic[] {
    let rest = [...errors];
    const out: Diagnostic[] = [];
    if (this.kind === 'Measurements') {
      // A period has two valid forms; whatever went wrong, one message names them both.
      const periods = new Set(rest.filter((e) => PERIOD_POINTER.test(e.instancePath)).map((e) => e.instancePath));
      for (const pointer of periods) {
        out.push(
          this.at('invalid-period', { pointer }, `period must be ${PERIOD_FORMS}; got ${show(valueAt(this.data, pointer))}`),
        );
      }
      rest = rest.filter((e) => !periods.has(e.instancePath));
    }
    rest = this.withoutTypoEchoes(rest);
    out.push(...this.mapGroup(rest));
    const seen = new Set<string>();
    return out.filter((d) => {
      const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /**
   * A misspelt key ('numerater') also makes the real key look missing. When the unknown key's
   * suggestion is the missing one, only the unknown key is reported.
   */
  private withoutTypoEchoes(errors: ErrorObject[]): ErrorObject[] {
    const meant = new Map<string, Set<string>>();
    for (const error of errors) {
      if (error.keyword !== 'additionalProperties') continue;
      const allowed = Object.keys(((error.parentSchema ?? {}) as AnyRecord).properties ?? {});
      const near = suggest(String((error.params as AnyRecord).additionalProperty), allowed);
      if (near === undefined) continue;
      const set = meant.get(error.instancePath) ?? new Set<string>();
      set.add(near);
      meant.set(error.instancePath, set);
    }
    if (meant.size === 0) return errors;
    const echoes = (error: ErrorObject) => {
      const set = meant.get(error.instancePath);
      if (set === undefined) return false;
      if (error.keyword === 'required' || error.keyword === 'dependentRequired') {
        return set.has(String((error.params as AnyRecord).missingProperty));
      }
      return false;
    };
    // A "give one of …" choice satisfied by the misspelt key is an echo too, with its branches.
    const choices = errors.filter(
      (e) =>
        (e.keyword === 'anyOf' || e.keyword === 'oneOf') &&
        errors.some((m) => m.schemaPath.startsWith(`${e.schemaPath}/`) && m.instancePath === e.instancePath && echoes(m)),
    );
    return errors.filter(
      (e) => !echoes(e) && !choices.some((c) => e === c || (e.schemaPath.startsWith(`${c.schemaPath}/`) && e.instancePath === c.instancePath)),
    );
  }

  private at(code: Diagnostic['code'], place: Place, message: string): Diagnostic {
    return diagnosticAt(this.doc, code, place, message);
  }

  /** What a message calls the value at a pointer: its key, or its place in a list. */
  private subject(pointer: string): string {
    if (pointer === '') return 'the document';
    const name = lastSegment(pointer);
    if (this.isProperty(pointer)) return name;
    const parent = lastSegment(parentPointer(pointer));
    return `item ${Number(name) + 1} of ${parent === '' ? 'the list' : parent}`;
  }

  /** True when the pointer names a property of a mapping (it has a key to point at). */
  private isProperty(pointer: string): boolean {
    return pointer !== '' && !Array.isArray(valueAt(this.data, parentPointer(pointer)));
  }

  private mapGroup(errors: ErrorObject[]): Diagnostic[] {
    const out: Diagnostic[] = [];
    const consumed = new Set<ErrorObject>();
    const inside = (outer: ErrorObject, inner: ErrorObject) =>
      inner !== outer &&
      inner.schemaPath.startsWith(`${outer.schemaPath}/`) &&
      (inner.instancePath === outer.instancePath || inner.instancePath.startsWith(`${outer.instancePath}/`));

    // `if`/`then`: one message from the rule's own description instead of the `then` details.
    for (const error of errors) {
      if (error.keyword !== 'if') continue;
      consumed.add(error);
      const base = error.schemaPath.slice(0, -'/if'.length);
      for (const other of errors) {
        if (other.schemaPath.startsWith(`${base}/then/`) && other.instancePath === error.instancePath) consumed.add(other);
      }
      const parent = (error.parentSchema ?? {}) as AnyRecord;
      const trigger = ((parent.if as AnyRecord | undefined)?.required as string[] | undefined)?.[0];
      const place: Place =
        trigger === undefined ? { pointer: error.instancePath } : { pointer: joinPointer(error.instancePath, trigger), key: true };
      const message = typeof parent.description === 'string' ? parent.description.replace(/\.$/, '') : 'a condition of the schema is not met';
      out.push(this.at('missing-property', place, message));
    }

    const combinators = errors.filter((e) => (e.keyword === 'oneOf' || e.keyword === 'anyOf') && !consumed.has(e));
    const outermost = combinators.filter((c) => !combinators.some((d) => inside(d, c)));
    for (const combinator of outermost) {
      const members = errors.filter((e) => !consumed.has(e) && inside(combinator, e));
      for (const member of members) consumed.add(member);
      consumed.add(combinator);
      out.push(...this.mapCombinator(combinator, members));
    }
    for (const error of errors) {
      if (!consumed.has(error)) out.push(...this.mapOne(error));
    }
    return out;
  }

  private mapCombinator(combinator: ErrorObject, members: ErrorObject[]): Diagnostic[] {
    const pointer = combinator.instancePath;
    const branches = (Array.isArray(combinator.schema) ? combinator.schema : []) as AnyRecord[];
    const value = valueAt(this.data, pointer);
    const requiredOnly = branches.length > 0 && branches.every((b) => Object.keys(b).length === 1 && Array.isArray(b.required));
    if (requiredOnly) {
      const sets = branches.map((b) => b.required as string[]);
      const has = (key: string) => value !== null && typeof value === 'object' && Object.hasOwn(value, key);
      const present = sets.filter((set) => set.every(has));
      const names = sets.map((set) => listWords(set, 'and'));
      if (present.length > 1) {
        const second = present[1]?.[0] ?? '';
        return [this.at('invalid-value', { pointer: joinPointer(pointer, second), key: true }, `give only one of ${names.join(' / ')}`)];
      }
      // Half of a pair (numerator without denominator) is explained by its own error.
      if (sets.some((set) => set.some(has))) return this.mapGroup(members.filter((m) => m.keyword !== 'required'));
      const what = combinator.keyword === 'oneOf' ? 'exactly one of' : 'one of';
      return [this.at('missing-property', { pointer, key: this.isProperty(pointer) }, `give ${what} ${names.join(' / ')}`)];
    }
    const passing = (combinator.params as { passingSchemas?: unknown }).passingSchemas;
    if (Array.isArray(passing)) {
      return [this.at('invalid-value', { pointer }, 'matches more than one of the allowed forms')];
    }
    const byBranch = branches.map((_, i) => members.filter((m) => m.schemaPath.startsWith(`${combinator.schemaPath}/${i}/`)));
    const typeMismatch = (i: number) =>
      byBranch[i]?.some((m) => m.keyword === 'type' && m.instancePath === pointer && m.schemaPath === `${combinator.schemaPath}/${i}/type`) === true;
    const fitting = branches.map((_, i) => i).filter((i) => !typeMismatch(i));
    if (fitting.length === 0) {
      const expected = branches.map((b) => typeName(b.type)).filter((t) => t !== 'undefined');
      return [
        this.at('wrong-type', { pointer }, `${this.subject(pointer)} must be ${listWords([...new Set(expected)], 'or')}, not ${describeValue(value)}`),
      ];
    }
    const best = fitting.reduce((a, b) => ((byBranch[b]?.length ?? 0) < (byBranch[a]?.length ?? 0) ? b : a));
    return this.mapGroup(byBranch[best] ?? []);
  }

  private mapOne(error: ErrorObject): Diagnostic[] {
    const pointer = error.instancePath;
    const params = error.params as AnyRecord;
    const parent = (error.parentSchema ?? {}) as AnyRecord;
    const value = valueAt(this.data, pointer);
    switch (error.keyword) {
      case 'required': {
        const missing = String(params.missingProperty);
        return [this.at('missing-property', { pointer, key: this.isProperty(pointer) }, `missing property '${missing}'`)];
      }
      case 'dependentRequired': {
        const property = String(params.property);
        const missing = String(params.missingProperty);
        return [
          this.at('missing-property', { pointer: joinPointer(pointer, property), key: true }, `'${property}' needs '${missing}' too`),
        ];
      }
      case 'additionalProperties': {
        const extra = String(params.additionalProperty);
        const allowed = Object.keys((parent.properties ?? {}) as AnyRecord);
        let hint = didYouMean(extra, allowed);
        if (hint === '' && allowed.length > 0 && allowed.length <= 6) hint = `; expected ${listWords(allowed, 'or')}`;
        return [this.at('unknown-property', { pointer: joinPointer(pointer, extra), key: true }, `unknown property '${extra}'${hint}`)];
      }
      case 'type':
        return [this.at('wrong-type', { pointer }, `${this.subject(pointer)} must be ${typeName(params.type)}, not ${describeValue(value)}`)];
      case 'const':
        return [this.at('invalid-value', { pointer }, `${this.subject(pointer)} must be ${show(params.allowedValue)}, not ${show(value)}`)];
      case 'enum': {
        const allowed = (params.allowedValues as unknown[]).map(String);
        const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
        return [this.at('invalid-value', { pointer }, `${this.subject(pointer)} must be ${listWords(allowed, 'or')}, not ${show(value)}${hint}`)];
      }
      case 'pattern': {
        const message =
          params.pattern === ID_PATTERN
            ? `${show(value)} is not a valid id: use lowercase letters, digits and single hyphens (like 'dossiers-online')`
            : `${show(value)} does not have the expected form`;
        return [this.at('invalid-value', { pointer }, message)];
      }
      case 'format':
        return [
          this.at(
            'invalid-value',
            { pointer },
            params.format === 'date' ? `${show(value)} is not a date as YYYY-MM-DD` : `${show(value)} is not a valid ${String(params.format)}`,
          ),
        ];
      case 'minimum':
      case 'exclusiveMinimum':
      case 'maximum':
      case 'exclusiveMaximum': {
        if (this.kind === 'Measurements' && COUNT_POINTER.test(pointer) && error.keyword === 'minimum') {
          return [this.at('negative-count', { pointer }, `a count cannot be negative; got ${show(value)}`)];
        }
        const words = { minimum: 'at least', exclusiveMinimum: 'more than', maximum: 'at most', exclusiveMaximum: 'less than' }[
          error.keyword
        ];
        return [this.at('invalid-value', { pointer }, `${this.subject(pointer)} must be ${words} ${String(params.limit)}; got ${show(value)}`)];
      }
      case 'minItems':
      case 'maxItems':
      case 'items': {
        const min = parent.minItems;
        const exact = typeof min === 'number' && min === parent.maxItems;
        const message = exact
          ? min === 2
            ? 'must be a pair [first, last]'
            : `must have exactly ${min} items`
          : error.keyword === 'minItems'
            ? `must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`
            : `must have at most ${String(params.limit)} items`;
        return [this.at('invalid-value', { pointer }, `${this.subject(pointer)} ${message}`)];
      }
      case 'minLength':
      case 'minProperties':
        return [this.at('invalid-value', { pointer }, `${this.subject(pointer)} must not be empty`)];
      case 'maxLength':
        return [this.at('invalid-value', { pointer }, `${this.subject(pointer)} is longer than ${String(params.limit)} characters`)];
      default:
        return [this.at('schema', { pointer }, error.message ?? `does not match the schema (${error.keyword})`)];
    }
  }
}
