// The header and the footer's text, line by line, on a hand-written document: exact strings,
// what a user reads above and below the panels.

import {describe, expect, test} from 'vitest';
import {describeFooter, workloadList} from '../../source/view/describe-footer.js';
import {describeHeader} from '../../source/view/describe-header.js';
import {lineText, type StyledLine} from '../../source/view/styled-line.js';
import type {ViewFacts} from '../../source/view/view-facts.js';
import {baseDocument} from './document-fixture.js';

const text = (lines: StyledLine[]) => lines.map(lineText);
const facts: ViewFacts = {live: true, rate: 100, achievedRate: 98.6, kmallocPerSecond: 12_887.5, kfreePerSecond: 9375, workloads: ['steady', 'vmobject-churn', 'logging-burst'], paused: false};

describe('header', () => {
	test.each([
		[120, facts, ' kmtop  rev 2021-02-23 (5d180d1f996)  workload 2 vmobject-churn  seed 1   99/100 t/s  tick 4,000      ▸ RUNNING  ? help '],
		[80, facts, ' kmtop  rev 2021-02-23  2 vmobject-churn   99/100 t/s  tick 4,000     ▸ RUNNING '],
		[100, {...facts, paused: true, achievedRate: 0}, ' kmtop  rev 2021-02-23 (5d180d1f996)  2 vmobject-churn  seed 1    0/100 t/s  tick 4,000    ‖ PAUSED '],
		[
			120,
			{...facts, frozen: true, liveTick: 4250},
			' kmtop  rev 2021-02-23 (5d180d1f996)  2 vmobject-churn   99/100 t/s  tick 4,000         ≋ FROZEN live t4,250  ▸ RUNNING ',
		],
		[120, {}, ' kmtop  rev 2021-02-23 (5d180d1f996)  workload vmobject-churn  seed 1  tick 4,000                                       '],
		// The tick and the state stay whole; the name and the workload (the footer has it) give way first.
		[60, facts, ' rev 2021-02-23  2 vmobject-churn  tick 4,000     ▸ RUNNING '],
		[60, {...facts, frozen: true, liveTick: 4100}, ' rev 2021-02-23  tick 4,000             ≋ FROZEN  ▸ RUNNING '],
	])('%i columns', (width, lineFacts, expected) => {
		const line = lineText(describeHeader(baseDocument(), lineFacts, width));
		expect(line).toBe(expected);
		expect([...line]).toHaveLength(width);
	});

	test('at any width, the whole tick and the state badges before anything optional', () => {
		const document = {...baseDocument(), run: {...baseDocument().run, tick: 1_234_567}};
		for (const lineFacts of [facts, {...facts, paused: true}, {...facts, frozen: true, liveTick: 1_240_000}]) {
			for (let width = 40; width <= 200; width++) {
				const line = lineText(describeHeader(document, lineFacts, width));
				expect(line).toContain('tick 1,234,567');
				expect(line).toContain(lineFacts.paused ? '‖ PAUSED' : '▸ RUNNING');
				expect(line).not.toContain('…');
				expect([...line]).toHaveLength(width);
			}
		}
	});

	test('a halted kernel says so', () => {
		const document = {...baseDocument(), panic: {tick: 4000, kind: 'oom' as const, lines: []}};
		expect(lineText(describeHeader(document, facts, 80))).toBe(' kmtop  rev 2021-02-23  2 vmobject-churn   99/100 t/s  tick 4,000      × HALTED ');
	});
});

describe('footer', () => {
	test('in the past the workload keys (they wait for the present) are not offered, on two lines or one', () => {
		const past = {...facts, paused: true, time: {shown: {boot: 1, tick: 323}, present: {boot: 1, tick: 326}}};
		expect(text(describeFooter(baseDocument(), past, 100, 2)).map((line) => line.trimEnd())).toEqual([
			' [2 vmobject-churn]  workloads switch at the present',
			' space present  ←/→ travel  . step  +/- speed  f freeze  s save  ? help  q quit',
		]);
		expect(text(describeFooter(baseDocument(), past, 60, 1)).map((line) => line.trimEnd())).toEqual([' space present  ←/→ travel  f freeze  s save  ? help  q quit']);
		expect(lineText(workloadList(baseDocument(), past, 20))).toBe(' [2 vmobject-churn] ');
		// At the present the same widths offer them.
		expect(lineText(describeFooter(baseDocument(), {...facts, paused: true}, 60, 1)[0]!)).toContain('1-3 w/W');
	});

	test('two lines: workloads (the running one bracketed), keys', () => {
		expect(text(describeFooter(baseDocument(), facts, 100, 2)).map((line) => line.trimEnd())).toEqual([
			'  1 steady [2 vmobject-churn] 3 logging-burst   w/W next/previous',
			' space pause  . step  +/- speed  f freeze  v/V revision  r reboot  s save  ? help  q quit',
		]);
	});

	test('the keys make room for the status, ? help and q quit always stay', () => {
		const [, keys] = describeFooter(baseDocument(), {...facts, paused: true, frozen: true, status: 'saved kmtop-vmobject-churn-seed1-tick4000.json'}, 100, 2);
		expect(lineText(keys!)).toBe(' space resume  f unfreeze  s save  ? help  q quit    saved kmtop-vmobject-churn-seed1-tick4000.json ');
	});

	test('one line: the status when there is one, else the keys that fit', () => {
		expect(lineText(describeFooter(baseDocument(), {...facts, status: 'saved x.json'}, 80, 1)[0]!).trimEnd()).toBe(' saved x.json');
		expect(lineText(describeFooter(baseDocument(), facts, 80, 1)[0]!).trimEnd()).toBe(
			' [2 vmobject-churn]  1-3 w/W  space pause  f freeze  s save  ? help  q quit',
		);
	});

	test('a failed workload is the status', () => {
		const document = baseDocument();
		document.events.push({tick: 3999, kind: 'workload-error', message: 'workload vmobject-churn failed at tick 3999: boom'});
		expect(lineText(describeFooter(document, facts, 80, 1)[0]!).trimEnd()).toBe(' workload vmobject-churn failed at tick 3,999: boom');
	});

	test('more than ten workloads: ten have keys, 1 to 9 and 0', () => {
		const names = Array.from({length: 12}, (_, index) => `w${index}`);
		const line = lineText(describeFooter({...baseDocument(), run: {...baseDocument().run, workload: 'w1'}}, {...facts, workloads: names}, 120, 2)[0]!);
		expect(line.trimEnd()).toBe('  1 w0 [2 w1] 3 w2  4 w3  5 w4  6 w5  7 w6  8 w7  9 w8  0 w9  +2 more  w/W next/previous');
	});

	const builtins = ['steady', 'vmobject-churn', 'logging-burst', 'fragmentation', 'big-allocations', 'leak', 'drain', 'expansion-loop', 'unlink-race', 'backup-deadlock'];
	const running = (workload: string) => ({...baseDocument(), run: {...baseDocument().run, workload}});

	test.each([
		[
			'120 columns: every name, cut to the same length, the running one whole',
			'vmobject-churn',
			builtins,
			120,
			'  1 steady [2 vmobject-churn] 3 logging…  4 fragmen…  5 big-all…  6 leak  7 drain  8 expansi…  9 unlink-…  0 backup-…',
		],
		[
			'100 columns: too short for five letters, the keys alone',
			'vmobject-churn',
			builtins,
			100,
			'  1 [2 vmobject-churn] 3  4  5  6  7  8  9  0   w/W next/previous',
		],
		[
			'the running one keeps its name',
			'expansion-loop',
			builtins,
			120,
			'  1 steady  2 vmobjec…  3 logging…  4 fragmen…  5 big-all…  6 leak  7 drain [8 expansion-loop] 9 unlink-…  0 backup-…',
		],
		['the tenth has the key 0', 'backup-deadlock', builtins, 120, '  1 steady  2 vmobjec…  3 logging…  4 fragmen…  5 big-all…  6 leak  7 drain  8 expansi…  9 unlink-… [0 backup-deadlock]'],
		[
			'a trace replay, beyond the tenth: by name after the keyed ones',
			'trace',
			[...builtins, 'trace'],
			120,
			'  1 steady  2 vmobjec…  3 logging…  4 fragmen…  5 big-all…  6 leak  7 drain  8 expansi…  9 unlink-…  0 backup-…  [trace]',
		],
		[
			'200 columns: every name whole',
			'vmobject-churn',
			builtins,
			200,
			'  1 steady [2 vmobject-churn] 3 logging-burst  4 fragmentation  5 big-allocations  6 leak  7 drain  8 expansion-loop  9 unlink-race  0 backup-deadlock   w/W next/previous',
		],
	])('workloads, %s', (_name, workload, names, width, expected) => {
		const [line] = describeFooter(running(workload), {...facts, workloads: names}, width, 2);
		expect(lineText(line!).trimEnd()).toBe(expected);
		expect([...lineText(line!)]).toHaveLength(width);
	});

	test('too narrow for the names: the keys that select them', () => {
		expect(lineText(workloadList(running('vmobject-churn'), {...facts, workloads: builtins}, 60)).trimEnd()).toBe('  1 [2 vmobject-churn] 3  4  5  6  7  8  9  0');
		expect(lineText(workloadList(running('vmobject-churn'), {...facts, workloads: builtins}, 40)).trimEnd()).toBe(' [2 vmobject-churn]  0-9 w/W');
	});

	test('a text snapshot: what the document is', () => {
		expect(lineText(describeFooter(baseDocument(), {}, 80, 1)[0]!).trimEnd()).toBe(' kmtop.snapshot/1  kmtop 0.1.0  RAM 524288K');
	});
});
