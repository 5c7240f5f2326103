// `kmtop workloads` names each workload's key in the live view: 1…9, then 0 for the tenth
// (source/view/live-keys.ts), and none beyond, as the help overlay and the footer do.
import {describe, expect, it} from 'vitest';
import {formatWorkloadTable} from '../../source/cli/format-tables.js';

const workloads = Array.from({length: 11}, (_, index) => ({name: `w${index + 1}`, description: `workload ${index + 1}`}));

describe('formatWorkloadTable', () => {
	it('gives the live view\'s key of each workload: 1…9, 0 for the tenth, none for the eleventh', () => {
		expect(formatWorkloadTable(workloads, 'w2').split('\n')).toEqual([
			'KEY  NAME          DESCRIPTION',
			'1    w1            workload 1',
			'2    w2 (default)  workload 2',
			'3    w3            workload 3',
			'4    w4            workload 4',
			'5    w5            workload 5',
			'6    w6            workload 6',
			'7    w7            workload 7',
			'8    w8            workload 8',
			'9    w9            workload 9',
			'0    w10           workload 10',
			'     w11           workload 11',
		]);
	});
});
