import {describe, expect, it} from 'vitest';
import {describeThrown} from '../../source/engine/describe-thrown.js';

const hostile = new Proxy(
	{},
	{
		get() {
			throw new Error('get');
		},
		getPrototypeOf() {
			throw new Error('prototype');
		},
		ownKeys() {
			throw new Error('keys');
		},
	},
);

describe('describeThrown', () => {
	it.each<[string, unknown, string]>([
		['an Error', new Error('out of slots'), 'out of slots'],
		['a TypeError', new TypeError('x is not a function'), 'x is not a function'],
		['an Error without a message', new RangeError(), 'RangeError'],
		['an error-like object', {message: 'from a plain object'}, 'from a plain object'],
		['a string', 'boom', 'boom'],
		['an empty string', '', 'threw an empty string'],
		['null', null, 'threw null'],
		['undefined', undefined, 'threw undefined'],
		['a number', 42, 'threw 42'],
		['a boolean', false, 'threw false'],
		['a bigint', 10n, 'threw 10'],
		['a symbol', Symbol('why'), 'threw Symbol(why)'],
		['a named function', function tick() {}, 'threw a function (tick)'],
		['an object with its own toString', {toString: () => 'custom'}, 'threw custom'],
		['a plain object', {slot: 3}, 'threw {"slot":3}'],
		['an empty object', {}, 'threw an object'],
		['an object whose toString throws', {toString() { throw new Error('no'); }}, 'threw an object that cannot be converted to text'],
		['an object whose message getter throws', {get message(): string { throw new Error('no'); }, toString: () => 'fallback'}, 'threw fallback'],
		['a Proxy whose every trap throws', hostile, 'threw an object that cannot be converted to text'],
		['a cyclic object', (() => { const cycle: Record<string, unknown> = {}; cycle.self = cycle; return cycle; })(), 'threw an object'],
	])('%s', (_, value, text) => {
		expect(describeThrown(value)).toBe(text);
	});

	it('cuts a long JSON description', () => {
		const text = describeThrown({list: Array.from({length: 100}, (_, index) => index)});
		expect(text.startsWith('threw {"list":[0,1,2')).toBe(true);
		expect(text).toHaveLength('threw '.length + 201);
	});
});
