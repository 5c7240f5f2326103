import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {apportionKilobytes, formatKernelAddress, formatKilobytes, formatPages, formatSize} from '../../source/view/format-bytes.js';
import {formatCompactNumber, formatCount, formatCountOf, formatPercent, formatTickRate} from '../../source/view/format-number.js';

describe('formatKilobytes: SystemMonitor K, integer division', () => {
	test.each([
		[0, '0K'],
		[1023, '0K'],
		[1024, '1K'],
		[3_580_448, '3496K'],
		// The boot total of reference §8.2: pool + backup.
		[2_033_600 + 1_048_576, '3009K'],
		[2_033_600 + 1_048_576 + 1_016_768, '4002K'],
	])('%i bytes → %s', (bytes, text) => {
		expect(formatKilobytes(bytes)).toBe(text);
	});
});

describe('formatSize: kmtop\'s one size style', () => {
	test.each([
		[0, '0B'],
		[736, '736B'],
		[1023, '1023B'],
		[1024, '1K'],
		[10_624, '10K'],
		[492_448, '480K'],
		[1_016_768, '992K'],
		[1_048_576, '1024K'],
		[2_105_344, '2056K'],
		// Large sizes stay in K, as SystemMonitor prints `Physical memory: 213832K/516096K`.
		[536_870_912, '524288K'],
	])('%i bytes → %s', (bytes, text) => {
		expect(formatSize(bytes)).toBe(text);
	});

	test.each([
		[formatPages(1_048_576), '256 pages'],
		[formatPages(4096), '1 page'],
		[formatPages(4100), '4K'],
		[formatKernelAddress('0xc0801000'), 'V0xc0801000'],
	])('%s', (actual, expected) => {
		expect(actual).toBe(expected);
	});
});

describe('apportionKilobytes: parts in K that add up to the K of their sum', () => {
	// The pool (63,550 chunks), four 1 MiB subheaps (31,774 each) and a 2 MiB region (63,797):
	// each alone is 1985K, 992K and 1993K, which add up to 7946K, five short of the 7951K of the sum.
	const parts = [2_033_600, 1_016_768, 1_016_768, 1_016_768, 1_016_768, 2_041_504];

	test('the column sums to the total, every part within 1K of its own size', () => {
		const shown = apportionKilobytes(parts);
		expect(shown).toEqual([1985, 993, 993, 993, 993, 1994]);
		expect(shown.reduce((sum, part) => sum + part, 0)).toBe(7951);
		expect(formatKilobytes(parts.reduce((sum, part) => sum + part, 0))).toBe('7951K');
		for (const [index, part] of parts.entries()) {
			expect(Math.abs(shown[index]! - part / 1024)).toBeLessThan(1);
		}
	});

	test('any sizes: the sum is the K of the total, each part its K rounded down or up', () => {
		fc.assert(
			fc.property(fc.array(fc.nat({max: 64 * 1024 * 1024})), (bytes) => {
				const shown = apportionKilobytes(bytes);
				expect(shown.reduce((sum, part) => sum + part, 0)).toBe(Math.floor(bytes.reduce((sum, part) => sum + part, 0) / 1024));
				for (const [index, part] of bytes.entries()) {
					expect([Math.floor(part / 1024), Math.ceil(part / 1024)]).toContain(shown[index]);
				}
			}),
		);
	});
});

describe('numbers', () => {
	test.each([
		[0, '0'],
		[999, '999'],
		[4000, '4,000'],
		[48_211, '48,211'],
		[1_234_567, '1,234,567'],
		[-1200, '-1,200'],
		[1000, '1,000'],
		[12_345, '12,345'],
		[123_456, '123,456'],
		[4_294_967_295, '4,294,967,295'],
		[1234.9, '1,234'],
		[-0.5, '-0'],
		[9.99e20, '999,000,000,000,000,000,000'],
		[1e21, '1e+21'],
		[Number.POSITIVE_INFINITY, 'Infinity'],
		[Number.NaN, 'NaN'],
	])('formatCount(%d) = %s', (value, text) => {
		expect(formatCount(value)).toBe(text);
	});

	test.each([
		[0, '0'],
		[4.5, '4.5'],
		[7, '7'],
		[93.75, '94'],
		[999.4, '999'],
		[8123, '8.12k'],
		[9375, '9.38k'],
		[12_890, '12.9k'],
		[453_000, '453k'],
		[999_999, '1.00M'],
		[1_200_000, '1.20M'],
	])('formatCompactNumber(%d) = %s', (value, text) => {
		expect(formatCompactNumber(value)).toBe(text);
	});

	test.each([
		[0, '0.0%'],
		[0.584, '58.4%'],
		[0.9999, '99.9%'],
		[1, '100.0%'],
		[1.2, '100.0%'],
	])('formatPercent(%d) = %s', (fraction, text) => {
		expect(formatPercent(fraction)).toBe(text);
	});

	test.each([
		[0, '0'],
		[0.001, '<0.1'],
		[0.5, '0.5'],
		[0.94, '0.9'],
		[0.96, '1'],
		[1, '1'],
		[97.6, '98'],
		[2000, '2000'],
		[20_000, '20k'],
		[500_000, '500k'],
		[1_000_000, '1M'],
		[1_500_000, '1.5M'],
	])('formatTickRate(%d) = %s', (rate, text) => {
		expect(formatTickRate(rate)).toBe(text);
	});
});

describe('formatCountOf', () => {
	test.each([
		[0, 'run', '0 runs'],
		[1, 'run', '1 run'],
		[2, 'run', '2 runs'],
		[1, 'chunk', '1 chunk'],
		[31_774, 'chunk', '31,774 chunks'],
	])('%i %s: %s', (value, noun, text) => {
		expect(formatCountOf(value, noun)).toBe(text);
	});
});
