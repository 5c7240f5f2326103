import {describe, expect, it} from 'vitest';
import {formatSize, parseSize} from '../../source/cli/parse-size.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

describe('parseSize', () => {
	it.each([
		{text: '0', bytes: 0},
		{text: '4096', bytes: 4096},
		{text: '16777216', bytes: 16 * MiB},
		{text: '4096B', bytes: 4096},
		{text: '4096b', bytes: 4096},
		{text: '64K', bytes: 64 * KiB},
		{text: '64k', bytes: 64 * KiB},
		{text: '64KB', bytes: 64 * KiB},
		{text: '64KiB', bytes: 64 * KiB},
		{text: '65536K', bytes: 64 * MiB},
		{text: '512M', bytes: 512 * MiB},
		{text: '512m', bytes: 512 * MiB},
		{text: '512MB', bytes: 512 * MiB},
		{text: '512MiB', bytes: 512 * MiB},
		{text: '512mib', bytes: 512 * MiB},
		{text: '1G', bytes: GiB},
		{text: '1GiB', bytes: GiB},
		{text: '4G', bytes: 4 * GiB},
		{text: '2T', bytes: 2048 * GiB},
		{text: '1.5G', bytes: 1536 * MiB},
		{text: '1.50G', bytes: 1536 * MiB},
		{text: '1.0000000000000000000000G', bytes: GiB},
		{text: '0.5K', bytes: 512},
		{text: '007M', bytes: 7 * MiB},
		{text: '99999999999999999999G', bytes: Number.POSITIVE_INFINITY},
	])('reads "$text" as $bytes bytes', ({text, bytes}) => {
		expect(parseSize(text)).toBe(bytes);
	});

	it.each([
		'', 'abc', 'M', '512X', '512KK', '512iB', '-1', '+1', '-512M', '1e3', '0x10', '1,024', '1_024',
		'512 M', ' 512M', '512M ', '.5G', '1.G', '1.5', '0.1K', '1.1M',
	])('refuses %j', text => {
		expect(parseSize(text)).toBeNull();
	});
});

describe('formatSize', () => {
	it.each([
		{bytes: 0, text: '0'},
		{bytes: 1023, text: '1023'},
		{bytes: 1_000_000, text: '1000000'},
		{bytes: 4096, text: '4K'},
		{bytes: 64 * KiB, text: '64K'},
		{bytes: 16 * MiB, text: '16M'},
		{bytes: 512 * MiB, text: '512M'},
		{bytes: 1536 * MiB, text: '1536M'},
		{bytes: GiB, text: '1G'},
		{bytes: 4 * GiB, text: '4G'},
		{bytes: 1024 * GiB, text: '1T'},
		{bytes: 16 * MiB + 4096, text: '16388K'},
	])('writes $bytes bytes as "$text", which reads back', ({bytes, text}) => {
		expect(formatSize(bytes)).toBe(text);
		expect(parseSize(text)).toBe(bytes);
	});
});
