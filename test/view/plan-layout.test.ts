import {describe, expect, test} from 'vitest';
import {planLayout, type DashboardPlan, type LayoutContent, type LayoutNode, type PanelPlan} from '../../source/view/plan-layout.js';

const dashboard = (columns: number, rows?: number, content: LayoutContent = {}): DashboardPlan => {
	const plan = planLayout(columns, rows, content);
	if (plan.kind === 'too-small') {
		throw new Error('too small');
	}

	return plan;
};

type Placed = PanelPlan & {x: number; y: number};

/**
The panels where they land: rows side by side, columns one above the other. Fails when a row's
panels differ in height or a column's in width, which would leave a hole or overlap.
*/
const place = (node: LayoutNode, x = 0, y = 0): {panels: Placed[]; width: number; height: number} => {
	if ('panel' in node) {
		return {panels: [{...node, x, y}], width: node.width, height: node.height ?? 0};
	}

	const panels: Placed[] = [];
	let offset = 0;
	const sizes = node.children.map((child) => {
		const placed = node.stack === 'row' ? place(child, x + offset, y) : place(child, x, y + offset);
		panels.push(...placed.panels);
		offset += node.stack === 'row' ? placed.width : placed.height;
		return placed;
	});
	const across = sizes.map((size) => (node.stack === 'row' ? size.height : size.width));
	expect(new Set(across).size, `a ${node.stack} of ${sizes.length} with ${across.join(', ')}`).toBe(1);
	return node.stack === 'row' ? {panels, width: offset, height: across[0]!} : {panels, width: across[0]!, height: offset};
};

const summary = (plan: DashboardPlan): string[] =>
	place(plan.body).panels.map((panel) => `${panel.panel} ${panel.width}x${panel.height ?? '?'}${panel.panel === 'kernel-heap' && panel.physicalLine ? ' +physical' : ''}`);

/** A run a while in: six subheaps and more lifecycle events than any screen shows. */
const busy: LayoutContent = {subheaps: 6, lifecycleEvents: 120};

describe('planLayout', () => {
	test.each([
		[59, 40],
		[120, 15],
		[20, 5],
	])('%ix%i is too small (minimum 60x16)', (columns, rows) => {
		expect(planLayout(columns, rows)).toEqual({kind: 'too-small', need: {columns: 60, rows: 16}, have: {columns, rows}});
	});

	test.each<[number, number, string[]]>([
		[60, 16, ['kernel-heap 60x8 +physical', 'subheaps 60x5']],
		[60, 20, ['kernel-heap 60x8 +physical', 'subheaps 60x5', 'kernel-log 60x4']],
		[80, 24, ['kernel-heap 80x8 +physical', 'subheaps 80x7', 'kernel-log 80x6']],
		// From 100 columns Physical memory & slabs keeps its panel, beside the log.
		[100, 30, ['kernel-heap 100x7', 'subheaps 100x9', 'kernel-log 50x11', 'physical 50x11']],
		[120, 40, ['kernel-heap 60x9', 'backup 60x9', 'subheaps 120x16', 'kernel-log 60x11', 'physical 60x11']],
		// Tall and narrow: Physical memory between the subheaps and the log.
		[80, 40, ['kernel-heap 80x7', 'subheaps 80x11', 'physical 80x11', 'kernel-log 80x8']],
		// From 160 columns Physical memory joins the top row, the log has the whole width, and
		// from 180 the lifecycle stands beside the subheap table.
		[200, 60, ['kernel-heap 68x10', 'backup 66x10', 'physical 66x10', 'subheaps 200x23', 'kernel-log 200x23']],
		[250, 80, ['kernel-heap 84x10', 'backup 83x10', 'physical 83x10', 'subheaps 250x33', 'kernel-log 250x33']],
	])('%ix%i, a busy run', (columns, rows, expected) => {
		expect(summary(dashboard(columns, rows, busy))).toEqual(expected);
	});

	test.each<[number, number, string[]]>([
		// The replay's line and Physical memory's in the Kernel heap panel.
		[80, 24, ['kernel-heap 80x9 +physical', 'subheaps 80x7', 'kernel-log 80x5']],
		// The replay's figures beside its call sites, across the screen; Physical memory kept.
		[120, 40, ['kernel-heap 60x9', 'backup 60x9', 'subheaps 120x8', 'trace 120x8', 'kernel-log 60x11', 'physical 60x11']],
	])('%ix%i, a trace replay', (columns, rows, expected) => {
		expect(summary(dashboard(columns, rows, {...busy, trace: true}))).toEqual(expected);
	});

	test('the Subheaps panel grows with its rows and events up to its share, the log takes the rest', () => {
		const heights = [0, 1, 3, 5, 30, 200].map((events) => {
			const plan = dashboard(120, 40, {subheaps: 3, lifecycleEvents: events});
			return summary(plan).filter((line) => /^(subheaps|kernel-log)/.test(line));
		});
		expect(heights).toEqual([
			// The table (header, three rows, total), the divider and `no events yet`, the frame.
			['subheaps 120x9', 'kernel-log 60x18'],
			['subheaps 120x9', 'kernel-log 60x18'],
			['subheaps 120x11', 'kernel-log 60x16'],
			['subheaps 120x13', 'kernel-log 60x14'],
			// Its share: Physical memory & slabs keep their natural height beside the log.
			['subheaps 120x16', 'kernel-log 60x11'],
			['subheaps 120x16', 'kernel-log 60x11'],
		]);
		// The lifecycle beside the table: the taller of the two, up to half the rows below the top.
		expect(summary(dashboard(200, 60, {subheaps: 2, lifecycleEvents: 3}))).toContain('subheaps 200x6');
		expect(summary(dashboard(200, 60, {subheaps: 12, lifecycleEvents: 3}))).toContain('subheaps 200x16');
		expect(summary(dashboard(200, 60, {subheaps: 2, lifecycleEvents: 200}))).toContain('subheaps 200x23');
		expect(summary(dashboard(200, 60, {subheaps: 40, lifecycleEvents: 3}))).toContain('subheaps 200x23');
	});

	test('a log short of lines leaves the subheaps more than their share', () => {
		expect(summary(dashboard(200, 60, {...busy, logLines: 10})).slice(3)).toEqual(['subheaps 200x34', 'kernel-log 200x12']);
		expect(summary(dashboard(80, 24, {...busy, logLines: 0})).slice(1)).toEqual(['subheaps 80x9', 'kernel-log 80x4']);
		// Beside the log, Physical memory & slabs keeps its natural height.
		expect(summary(dashboard(120, 40, {...busy, logLines: 0})).slice(2)).toEqual(['subheaps 120x16', 'kernel-log 60x11', 'physical 60x11']);
	});

	// Every size from the smallest to 250×80, busy or just booted, with and without a trace.
	const sizes = Array.from({length: 20}, (_, step) => [60 + step * 10, 16 + step * 3] as const).concat([
		[60, 80],
		[250, 16],
		[99, 31],
		[100, 32],
		[159, 40],
		[160, 40],
		[179, 50],
		[180, 50],
	]);
	const contents: LayoutContent[] = [busy, {subheaps: 1, lifecycleEvents: 0}, {subheaps: 60, lifecycleEvents: 200}];

	test.each(sizes)('%ix%i: the panels tile the body exactly, every panel has room, slabs kept', (columns, rows) => {
		for (const content of contents) {
			for (const trace of [false, true]) {
				const plan = dashboard(columns, rows, {...content, trace});
				const laid = place(plan.body);
				expect([laid.width, laid.height]).toEqual([columns, plan.bodyHeight]);
				expect(plan.height).toBe(rows - 1);
				expect(1 + plan.bodyHeight! + plan.footerLines).toBe(plan.height);
				for (const panel of laid.panels) {
					expect(panel.height, panel.panel).toBeGreaterThanOrEqual(panel.panel === 'kernel-log' ? 4 : 3);
				}

				const names = laid.panels.map((panel) => panel.panel);
				// Physical memory & slabs: a panel, or a line of the Kernel heap panel (a trace
				// replay may take its place, as a replay hardly moves physical memory).
				if (!trace) {
					expect(names.includes('physical') || laid.panels.some((panel) => panel.panel === 'kernel-heap' && panel.physicalLine)).toBe(true);
				}

				expect(names.includes('kernel-log') || rows < 21).toBe(true);
			}
		}
	});

	test('a text snapshot has no height and no minimum', () => {
		expect(dashboard(120).height).toBeUndefined();
		expect(dashboard(40).kind).toBe('compact');
		expect(dashboard(120).footerLines).toBe(1);
	});

	test.each([120, 80])('a text snapshot at %i columns: the trace is a section of its own, every other panel kept', (columns) => {
		const plan = dashboard(columns, undefined, {trace: true});
		const names = place(plan.body).panels.map((panel) => panel.panel);
		expect(names).toEqual(
			columns >= 100
				? ['kernel-heap', 'backup', 'subheaps', 'kernel-log', 'physical', 'trace']
				: ['kernel-heap', 'subheaps', 'kernel-log', 'physical', 'trace'],
		);
	});
});
