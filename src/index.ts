/** ccp's library API: load, validate, evaluate, diff and render, without a terminal. */
export * from './model/index.js';
export { SHIPPED_PLAN_ID, shippedPlanPath, schemaPath } from './load/package-files.js';
