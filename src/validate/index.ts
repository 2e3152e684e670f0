/** Validation: schema checks and the rules a schema cannot say, turning files into a typed Plan and entries. */
export { checkFiles, loadPlan, type CheckOptions, type CheckResult } from './check-files.js';
export { toPlan } from './to-plan.js';
