// A holder's name in a narrow Holders table (a 60-column terminal gives it 28 columns): the rows
// of one process must still read apart, so the process and what it holds are each cut at their
// own end, not the whole name at its end.
import {describe, expect, it} from 'vitest';
import {fitHolderName} from '../../source/view/describe-holders.js';

const decoder = (purpose: string) => ({process: 'ImageDecoder(45:45)', purpose, workload: null});

describe('fitHolderName', () => {
	it('leaves a name that fits as it is', () => {
		expect(fitHolderName(decoder('VMObject'), 30)).toBe('ImageDecoder(45:45) · VMObject');
	});

	it('cuts the process first, so the kinds one process holds read apart', () => {
		expect(['VMObject page vector', 'VMObject', 'VMObject purgeable ranges', 'PhysicalPage (slab full)'].map((purpose) => fitHolderName(decoder(purpose), 28))).toEqual([
			'ImageDeco… · VMObject page …',
			'ImageDecoder(45:… · VMObject',
			'ImageDeco… · VMObject purge…',
			'ImageDeco… · PhysicalPage (…',
		]);
	});

	it('keeps the workload of a workload\'s block, and a kernel holder\'s purpose', () => {
		expect(fitHolderName({process: 'ImageDecoder(45:45)', purpose: null, workload: 'big-allocations'}, 28)).toBe('ImageDeco… · workload big-a…');
		expect(fitHolderName({process: null, purpose: 'VMObject page vector', workload: null}, 20)).toBe('kernel · VMObject p…');
	});

	it('is never wider than asked', () => {
		for (const width of [1, 5, 11, 12, 17, 28, 40]) {
			expect(fitHolderName(decoder('VMObject purgeable ranges'), width).length).toBeLessThanOrEqual(width);
		}

		expect(fitHolderName(decoder('VMObject purgeable ranges'), 11)).toBe('ImageDecod…');
	});
});
