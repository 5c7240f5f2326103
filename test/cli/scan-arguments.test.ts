import {describe, expect, it} from 'vitest';
import {optionTable} from '../../source/cli/command-table.js';
import {canonicalArguments, scanArguments} from '../../source/cli/scan-arguments.js';

// What each argument is, and the line meow is then given: every well-formed option as
// --name=value, then -- and the words.
const cases: Array<{argv: string[]; canonical: string[]}> = [
	{argv: [], canonical: ['--']},
	{argv: ['snapshot', '-w', 'steady', '--seed=-5'], canonical: ['--workload=steady', '--seed=-5', '--', 'snapshot']},
	{argv: ['-wsteady', '-hv'], canonical: ['--workload=steady', '--help=true', '--version=true', '--']},
	{argv: ['-o', '-', '--no-color'], canonical: ['--output=-', '--no-color=true', '--']},
	// Missing values, switches given one and unknown options never reach meow.
	{argv: ['--seed', '--ticks', '5', '--strict=yes', '--sed', '4'], canonical: ['--ticks=5', '--']},
	{argv: ['-xh', '--seed='], canonical: ['--']},
	// yargs-parser drops a pair of quotes around a value: a second pair keeps them.
	{argv: ['-o', '"q"', '--trace', "'"], canonical: ['--output=""q""', '--trace="\'"', '--']},
	{argv: ['--', '--help', '-'], canonical: ['--', '--help', '-']},
];

describe('scanArguments and canonicalArguments', () => {
	it.each(cases)('$argv', ({argv, canonical}) => {
		expect(canonicalArguments(scanArguments(argv, optionTable), optionTable)).toEqual(canonical);
	});

	it('gives each argument its position in argv', () => {
		expect(scanArguments(['--sed', '4', 'snapshot', '-w', 'leak', '--', '-x'], optionTable)).toEqual([
			{kind: 'unknown', flag: '--sed', position: 0},
			{kind: 'word', value: 'snapshot', position: 2},
			{kind: 'option', name: 'workload', flag: '-w', text: 'leak', position: 3},
			{kind: 'word', value: '-x', position: 6},
		]);
	});
});
