/** The pure evaluation core: targets from a plan, due dates, pooling, statuses. */
export { expandTargets } from './targets.js';
