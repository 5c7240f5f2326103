import {describe, expect, test} from 'vitest';
import {planLayout, type DashboardPlan} from '../../source/view/plan-layout.js';

const dashboard = (columns: number, rows?: number, trace = false): DashboardPlan => {
	const plan = planLayout(columns, rows, trace);
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
		// columns, rows, kind, frame height, subheap rows, lifecycle lines, log height, where the trace goes
		[120, 40, 'full', 39, 6, 3, 14, 'bottom'],
		[100, 32, 'full', 31, 3, 2, 10, 'bottom'],
		[200, 60, 'full', 59, 17, 5, 21, 'bottom'],
		[80, 24, 'compact', 23, 3, 1, 5, 'none'],
		[60, 16, 'compact', 15, 2, 0, 0, 'none'],
		[99, 40, 'compact', 39, 6, 1, 6, 'bottom'],
	])('%ix%i with a trace: %s, the Trace replay in Physical memory\'s place when there is height', (columns, rows, kind, height, slots, lifecycle, log, trace) => {
		const plan = dashboard(columns, rows, true);
		expect([plan.kind, plan.height, plan.subheaps.slots, plan.subheaps.lifecycleLines, plan.logHeight, plan.trace, plan.physical]).toEqual([
			kind,
			height,
			slots,
			lifecycle,
			log,
			trace,
			false,
		]);
		// Compact, the Kernel heap panel always has the trace's line (one more row).
		expect([plan.traceLine, plan.heapHeight]).toEqual(kind === 'compact' ? [true, 8] : [false, 9]);
	});

	test('120x40 with a trace: the bottom row as tall as the Trace replay panel wants', () => {
		expect(dashboard(120, 40, true).bottomHeight).toBe(14);
		expect(dashboard(120, 40).bottomHeight).toBe(12);
	});

	test.each([
		[120, 40, false],
		[100, 32, false],
		[80, 24, false],
		[60, 16, false],
		[99, 40, false],
		[160, 50, false],
		[120, 40, true],
		[100, 32, true],
		[80, 24, true],
		[60, 16, true],
		[99, 40, true],
		[160, 50, true],
	])('the sections fill exactly the frame, one line short of %ix%i (trace: %s)', (columns, rows, trace) => {
		const plan = dashboard(columns, rows, trace);
		const sections =
			plan.kind === 'full'
				? 1 + plan.heapHeight + plan.subheaps.height! + plan.bottomHeight! + 2
				: 1 + plan.heapHeight + plan.subheaps.height! + plan.logHeight! + plan.bottomHeight! + 1;
		expect(sections).toBe(rows - 1);
		expect(plan.subheaps.slots! + 3 + (plan.subheaps.lifecycleLines > 0 ? plan.subheaps.lifecycleLines + 1 : 0)).toBeLessThanOrEqual(plan.subheaps.height!);
	});

	test('a trace changes nothing else: without one the plan has no trace and Physical memory', () => {
		expect([dashboard(120, 40).trace, dashboard(120, 40).physical, dashboard(80, 24).traceLine, dashboard(80, 24).heapHeight]).toEqual(['none', true, false, 7]);
	});

	test('a text snapshot has no height and no minimum', () => {
		expect(dashboard(120).height).toBeUndefined();
		expect(dashboard(40).kind).toBe('compact');
		expect(dashboard(120).footerLines).toBe(1);
	});

	test.each([120, 80])('a text snapshot at %i columns: the trace is a section of its own, every other panel kept', (columns) => {
		const plan = dashboard(columns, undefined, true);
		expect([plan.trace, plan.physical, plan.traceLine]).toEqual(['section', true, false]);
	});
});
