export * from './text.js';
export * from './diagnostic.js';
export * from './errors.js';
export * from './plan.js';
export * from './measurement.js';
export * from './evaluation.js';
