import {describe, expect, it} from 'vitest';
import {formatCsv, formatJsonl} from '../../source/sweep/format-rows.js';
import {rowFields} from '../../source/sweep/sweep-row.js';
import {panicked, row} from './row-fixture.js';

describe('formatJsonl', () => {
	it('one object a line, fields in the declared order whatever order the row has them in', () => {
		const {wallMs, workload, ...rest} = row();
		const text = formatJsonl([{wallMs, ...rest, workload}, panicked(2, 300, 10, 8)]);
		const lines = text.split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[2]).toBe('');
		expect(Object.keys(JSON.parse(lines[0]!) as object)).toEqual(rowFields.map(([name]) => name));
		expect(lines[0]).toBe(
			'{"workload":"big-allocations","revision":"2021-02-23","seed":1,"ramBytes":536870912,"ticks":8000,"ticksRun":8000,' +
				'"heapTotalBytes":3145728,"heapAllocatedBytes":1048576,"peakHeapBytes":3145728,"subheapsAdded":0,"subheapsRemoved":0,' +
				'"backupConsumed":0,"backupReplaced":0,"backupFailed":0,"firstExpansionTick":null,"panicKind":null,"panicTick":null,' +
				'"panicLine":null,"workloadErrorTick":null,"workloadError":null,"error":null,"wallMs":12.5}',
		);
	});

	it('nothing for no rows', () => {
		expect(formatJsonl([])).toBe('');
	});
});

describe('formatCsv', () => {
	it('a header, then a line a row; null is empty; commas, quotes and line breaks quoted', () => {
		const lines = formatCsv([row({workloadError: 'bad "size", then\nmore', workloadErrorTick: 4}), panicked(2, 300, 10, 8)]).split('\n');
		expect(lines[0]).toBe(rowFields.map(([name]) => name).join(','));
		expect(lines[1]).toBe('big-allocations,2021-02-23,1,536870912,8000,8000,3145728,1048576,3145728,0,0,0,0,0,,,,,4,"bad ""size"", then');
		expect(lines[2]).toBe('more",,12.5');
		expect(lines[3]).toBe(
			'big-allocations,2021-02-23,2,536870912,8000,300,3145728,1048576,8388608,1,0,0,0,0,10,oom,300,kmalloc(): PANIC! Out of memory (no suitable block for size 1016768),,,,12.5',
		);
		expect(lines[4]).toBe('');
	});

	it('only the header for no rows', () => {
		expect(formatCsv([])).toBe(`${rowFields.map(([name]) => name).join(',')}\n`);
	});
});
