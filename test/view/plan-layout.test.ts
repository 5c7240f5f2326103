import {describe, expect, test} from 'vitest';
import {planLayout, type DashboardPlan} from '../../source/view/plan-layout.js';

const dashboard = (columns: number, rows?: number): DashboardPlan => {
	const plan = planLayout(columns, rows);
	if (plan.kind === 'too-small') {
		throw new Error('too small');
	}

	return plan;
};

describe('planLayout', () => {
	test.each([
		[59, 40],
		[120, 15],
		[20, 5],
	])('%ix%i is too small (minimum 60x16)', (columns, rows) => {
		expect(planLayout(columns, rows)).toEqual({kind: 'too-small', need: {columns: 60, rows: 16}, have: {columns, rows}});
	});

	test.each([
		// columns, rows, kind, frame height, subheap rows, lifecycle lines, log height, physical
		[120, 40, 'full', 39, 8, 3, 12, true],
		[100, 32, 'full', 31, 4, 2, 9, true],
		[200, 60, 'full', 59, 17, 5, 21, true],
		[80, 24, 'compact', 23, 4, 1, 5, false],
		[60, 16, 'compact', 15, 3, 0, 0, false],
		[99, 40, 'compact', 39, 6, 2, 8, true],
		[120, 31, 'compact', 30, 7, 2, 8, false],
	])('%ix%i: %s', (columns, rows, kind, height, slots, lifecycle, log, physical) => {
		const plan = dashboard(columns, rows);
		expect([plan.kind, plan.height, plan.subheaps.slots, plan.subheaps.lifecycleLines, plan.logHeight, plan.physical]).toEqual([
			kind,
			height,
			slots,
			lifecycle,
			log,
			physical,
		]);
	});

	test.each([
		[120, 40],
		[100, 32],
		[80, 24],
		[60, 16],
		[99, 40],
		[160, 50],
	])('the sections fill exactly the frame, one line short of %ix%i', (columns, rows) => {
		const plan = dashboard(columns, rows);
		const sections =
			plan.kind === 'full'
				? 1 + 9 + plan.subheaps.height! + plan.bottomHeight! + 2
				: 1 + 7 + plan.subheaps.height! + plan.logHeight! + plan.bottomHeight! + 1;
		expect(sections).toBe(rows - 1);
		expect(plan.subheaps.slots! + 3 + (plan.subheaps.lifecycleLines > 0 ? plan.subheaps.lifecycleLines + 1 : 0)).toBeLessThanOrEqual(plan.subheaps.height!);
	});

	test('a text snapshot has no height and no minimum', () => {
		expect(dashboard(120).height).toBeUndefined();
		expect(dashboard(40).kind).toBe('compact');
		expect(dashboard(120).footerLines).toBe(1);
	});
});
