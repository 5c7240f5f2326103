import {describe, expect, test} from 'vitest';
import {formatByteCount, formatCompactSize, formatKernelAddress, formatKilobytes, formatMebibytes, formatPages} from '../../source/view/format-bytes.js';
import {formatCompactNumber, formatCount, formatPercent, formatTickRate} from '../../source/view/format-number.js';

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

describe('the other byte formats', () => {
	test.each([
		[formatMebibytes(3_596_615), '3.43 MiB'],
		[formatMebibytes(1_048_576), '1.00 MiB'],
		[formatByteCount(1_048_576), '1048576 bytes'],
		[formatPages(1_048_576), '256 pages'],
		[formatPages(4096), '1 page'],
		[formatPages(4100), '4100 bytes'],
		[formatKernelAddress('0xc0801000'), 'V0xc0801000'],
	])('%s', (actual, expected) => {
		expect(actual).toBe(expected);
	});

	test.each([
		[0, '0B'],
		[736, '736B'],
		[1024, '1.0K'],
		[10_624, '10.3K'],
		[71_936, '70.2K'],
		[492_448, '480K'],
		[1_016_768, '992K'],
		[1_048_576, '1.00M'],
		[2_033_600, '1.93M'],
		[70_176_768, '66.9M'],
	])('formatCompactSize(%i) = %s (truncated, never more than there is)', (bytes, text) => {
		expect(formatCompactSize(bytes)).toBe(text);
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
	])('formatCount(%i) = %s', (value, text) => {
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
