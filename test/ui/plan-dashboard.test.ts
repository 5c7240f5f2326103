// The screen's plan is worked out again only when the size or what it is planned from changes:
// the same plan object otherwise, and always the plan planLayout gives (issue #14).
import {describe, expect, it} from 'vitest';
import {createPlanner} from '../../source/ui/plan-dashboard.js';
import type {LayoutContent} from '../../source/view/layout-types.js';
import {planLayout} from '../../source/view/plan-layout.js';

const content: LayoutContent = {trace: false, subheaps: 5, lifecycleEvents: 12, logLines: 37};

describe('createPlanner', () => {
	it.each([
		['the same size and content, a new object', 120, 40, {...content}, true],
		['one more subheap', 120, 40, {...content, subheaps: 6}, false],
		['one more lifecycle event', 120, 40, {...content, lifecycleEvents: 13}, false],
		['one more log line', 120, 40, {...content, logLines: 38}, false],
		['a trace', 120, 40, {...content, trace: true}, false],
		['holders besides', 120, 40, {...content, holders: 30, holderNameWidth: 12}, false],
		['a key left out', 120, 40, {trace: false, subheaps: 5, lifecycleEvents: 12}, false],
		['a key set to undefined where it was left out', 120, 40, {...content, holders: undefined}, true],
		['a key set where it was left out', 120, 40, {...content, holders: 0}, false],
		['a column more', 121, 40, {...content}, false],
		['a row fewer', 120, 39, {...content}, false],
		['no rows (a text snapshot)', 120, undefined, {...content}, false],
	] as const)('%s: the plan before again (%s)', (_, columns, rows, next, same) => {
		const plan = createPlanner();
		const first = plan(120, 40, content);
		expect(first).toEqual(planLayout(120, 40, content));
		const second = plan(columns, rows, next);
		expect(second === first).toBe(same);
		expect(second).toEqual(planLayout(columns, rows, next));
	});

	it('plans again after a change, then keeps the new plan', () => {
		const plan = createPlanner();
		const first = plan(120, 40, content);
		const wider = plan(160, 50, content);
		expect(wider).not.toBe(first);
		expect(plan(160, 50, {...content})).toBe(wider);
		expect(plan(120, 40, content)).toEqual(first);
	});
});
