import {describe, expect, test} from 'vitest';
import {computeCallRates, formatCallRate} from '../../source/view/compute-call-rates.js';
import {baseDocument} from './document-fixture.js';

describe('call rates from the history', () => {
	test('per tick over the samples kept (here four intervals of ten ticks)', () => {
		expect(computeCallRates(baseDocument().history)).toEqual({kmallocPerTick: 128.875, kfreePerTick: 93.75});
	});

	test('a narrower window', () => {
		expect(computeCallRates(baseDocument().history, 1)).toEqual({kmallocPerTick: 7.5, kfreePerTick: 66.8});
	});

	test('the size_t counters wrap at 2^32', () => {
		const history = {...baseDocument().history, kmallocCalls: [2 ** 32 - 10, 30], kfreeCalls: [5, 5]};
		expect(computeCallRates(history)).toEqual({kmallocPerTick: 4, kfreePerTick: 0});
	});

	test('one sample is no rate', () => {
		expect(computeCallRates({...baseDocument().history, kmallocCalls: [1], kfreeCalls: [1]})).toBeUndefined();
	});

	test.each([
		[128.875, 100, '12.9k/s'],
		[93.75, 1000, '93.8k/s'],
		[128.875, undefined, '129/tick'],
		[undefined, 100, '–/s'],
		[undefined, undefined, '–/tick'],
	])('formatCallRate(%s, %s) = %s', (perTick, rate, text) => {
		expect(formatCallRate(perTick, rate)).toBe(text);
	});
});
