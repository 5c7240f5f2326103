import {describe, expect, test} from 'vitest';
import {computeCallRates, describeCallRates} from '../../source/view/compute-call-rates.js';
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
		[{kmallocPerSecond: 330_123, kfreePerSecond: 0}, {kmalloc: '330k/s', kfree: '0/s'}],
		[{kmallocPerSecond: 12_887.5, kfreePerSecond: 9375}, {kmalloc: '12.9k/s', kfree: '9.38k/s'}],
		[{}, {kmalloc: '129/tick', kfree: '94/tick'}],
	])('live, what the engine measured; in a text snapshot, per tick (%j)', (facts, text) => {
		expect(describeCallRates(baseDocument().history, facts)).toEqual(text);
	});

	test('no history, no rate', () => {
		expect(describeCallRates({...baseDocument().history, kmallocCalls: [1], kfreeCalls: [1]}, {})).toEqual({kmalloc: '–/tick', kfree: '–/tick'});
	});
});
