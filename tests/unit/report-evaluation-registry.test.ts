import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_FORMATS, DIAGNOSTIC_RENDERERS, loadDiagnosticsRenderer } from '../../src/report/diagnostics/index.js';
import { EVALUATION_FORMATS, evaluationRenderers, loadEvaluationRenderer, renderEvaluation } from '../../src/report/evaluation/index.js';
import { sampleEvaluation, samplePlan } from '../fixtures/report/sample.js';

const SCHEMA = fileURLToPath(new URL('../../schemas/evaluation.schema.json', import.meta.url));

describe('evaluation renderers', () => {
  it('has one renderer per format', () => {
    expect(Object.keys(evaluationRenderers).sort()).toEqual([...EVALUATION_FORMATS].sort());
  });

  it('loads, one format at a time, the same renderer the registry holds', async () => {
    for (const format of EVALUATION_FORMATS) expect(await loadEvaluationRenderer(format)).toBe(evaluationRenderers[format]);
    for (const format of DIAGNOSTIC_FORMATS) expect(await loadDiagnosticsRenderer(format)).toBe(DIAGNOSTIC_RENDERERS[format]);
  });

  for (const format of EVALUATION_FORMATS) {
    for (const lang of ['vi', 'en'] as const) {
      it(`${format} (${lang}) is pure: same input, same text, input untouched`, () => {
        const evaluation = sampleEvaluation();
        const before = structuredClone(evaluation);
        const options = { lang, color: false, plan: samplePlan };
        const first = renderEvaluation(format, evaluation, options);
        expect(first.endsWith('\n')).toBe(true);
        expect(renderEvaluation(format, evaluation, options)).toBe(first);
        expect(evaluation).toEqual(before);
      });
    }
  }

  it('json is the evaluation itself, whatever the language', () => {
    const evaluation = sampleEvaluation();
    const vi = renderEvaluation('json', evaluation, { lang: 'vi', color: true, plan: samplePlan });
    const en = renderEvaluation('json', evaluation, { lang: 'en', color: false, plan: samplePlan });
    expect(vi).toBe(en);
    expect(JSON.parse(vi)).toEqual(evaluation);
    expect(vi).toBe(`${JSON.stringify(evaluation, null, 2)}\n`);
  });

  it.skipIf(!existsSync(SCHEMA))('json validates against schemas/evaluation.schema.json', () => {
    const Ajv = Ajv2020 as unknown as typeof Ajv2020.default;
    const ajv = new Ajv({ allErrors: true, strict: false });
    (addFormats as unknown as typeof addFormats.default)(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
    const data: unknown = JSON.parse(renderEvaluation('json', sampleEvaluation(), { lang: 'en', color: false, plan: samplePlan }));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });
});
