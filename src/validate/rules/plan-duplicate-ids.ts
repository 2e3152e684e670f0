import type { PlanRule } from './types.js';

/** Area ids and indicator ids are each unique within a plan. */
export const planDuplicateIds: PlanRule = ({ plan, doc, report }) => {
  const lists = [
    { name: 'area', base: '/areas', ids: plan.areas.map((a) => a.id) },
    { name: 'indicator', base: '/indicators', ids: plan.indicators.map((i) => i.id) },
  ];
  for (const { name, base, ids } of lists) {
    const first = new Map<string, number>();
    ids.forEach((id, i) => {
      const earlier = first.get(id);
      if (earlier === undefined) {
        first.set(id, i);
        return;
      }
      const line = doc.locate(`${base}/${earlier}/id`).line;
      report('duplicate-id', { pointer: `${base}/${i}/id` }, `${name} id '${id}' is already used on line ${line}`);
    });
  }
};
