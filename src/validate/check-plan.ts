import type { Diagnostic } from '../model/diagnostic.js';
import type { Plan } from '../model/plan.js';
import type { DocumentCheck } from './check-document.js';
import { diagnosticAt } from './report.js';
import { PLAN_RULES } from './rules/index.js';
import { toPlan } from './to-plan.js';

/**
 * Runs the plan rules on a schema-valid plan document. The plan is returned whenever the
 * schema passed, so measurements can still be checked against a plan with rule errors.
 */
export function checkPlan(check: DocumentCheck): { plan?: Plan; diagnostics: Diagnostic[] } {
  if (check.kind !== 'Plan' || !check.schemaValid || check.data === undefined) return { diagnostics: [] };
  const doc = check.doc;
  const plan = toPlan(check.data, doc.file);
  const diagnostics: Diagnostic[] = [];
  for (const rule of PLAN_RULES) {
    rule({
      plan,
      doc,
      report: (code, place, message, severity) => diagnostics.push(diagnosticAt(doc, code, place, message, severity)),
    });
  }
  return { plan, diagnostics };
}
