import {describe, expect, it} from 'vitest';
import {helpText} from '../../source/cli/help-text.js';
import {optionTable} from '../../source/cli/command-table.js';
import {sweepOptionTable} from '../../source/sweep/parse-sweep-arguments.js';
import {liveKeys} from '../../source/view/live-keys.js';
import {context, MiB} from './parse-context.js';

const text = helpText(context, {version: '1.2.3'});
const lines = text.split('\n');

describe('helpText', () => {
	it.each([80, 72, 100, 200])('fits %i columns, without trailing spaces', columns => {
		for (const line of helpText(context, {version: '1.2.3', columns}).split('\n')) {
			expect(line.length).toBeLessThanOrEqual(columns);
			expect(line).not.toMatch(/\s$/);
		}
	});

	it('is plain text: no colour codes, tabs or leftover no-break spaces', () => {
		expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F\u00A0]/);
		expect(text).not.toMatch(/\n$/);
	});

	it.each([
		'kmtop 1.2.3: a terminal monitor for a simulated SerenityOS kernel heap',
		'  kmtop [options]           the live dashboard (needs a terminal)',
		'  kmtop snapshot [options]  run headless, write one snapshot, exit',
		'  kmtop sweep [options]     runs on every core: seeds × workloads × revisions',
		"  kmtop sweep merge FILES…  the summary of shards' --format jsonl rows",
		'  --seeds LIST              seeds like 1..1000 or 1,5,9 (default: 1..100)',
		'  --jobs N                  worker threads (default: one per core)',
		'  --shard K/N               run only the K-th of N slices (docs/sweep.md)',
		'  --format table|jsonl|csv  the summary, or one row per run (default: table)',
		'  kmtop workloads           list the workloads',
		'  kmtop revisions           list the kernel revisions',
		'                            (.js, or .ts on a Node that strips types: 22.18+)',
		'                            (default: vmobject-churn)',
		'  --seed N                  integer seed; same seed, same run (default: 1)',
		'                            (default: 2021-02-23)',
		'                            whole 4K pages from 16M to 4G (default: 512M)',
		'  --rate N                  ticks per second, up to 1000000 (default: 100)',
		'  --refresh MS              redraw every MS ms, 50 to 5000 (default: 250)',
		'                            (default: 1000, or a whole --trace)',
		'  --format json|text        JSON, or the dashboard as plain text (default: json)',
		'  --columns N               width for --format text, 40 to 1000; 77 up for',
		'                            compare (default: 120)',
		// Where the options of a section apply, when not only to the command it is named for.
		'Live view options (--rate, --refresh also for kmtop replay)',
		'Compare options (--ticks, --format, --columns, -o as for a snapshot)',
		'Trace replay options (the live view and kmtop snapshot)',
		'  -o, --output FILE         write to FILE, atomically (default: - for stdout)',
		'                            (default: req)',
		'  kmtop -w logging-burst --seed 7',
		'  kmtop snapshot --ticks 5000 --revision 2020-08-29 -o run.json',
		'  kmtop sweep -w big-allocations --revision all --seeds 1..40',
	])('has the line %j', line => {
		expect(lines).toContain(line);
	});

	// Every key of the live view (source/view/live-keys.ts).
	it.each(['1..9, 0', 'w / W', 'space', '.', '+ / -', 'f', 'v / V', 'r', '← → [ ] g', 'z / c', 's', '?', 'q, Ctrl+C'])('lists the key %j', key => {
		expect(lines.some(line => line.startsWith(`  ${key}  `))).toBe(true);
	});

	// The help overlay's table: the two cannot drift apart.
	it('lists the live keys as the help overlay does, in its order and words', () => {
		const wide = helpText(context, {version: '1.2.3', columns: 200}).split('\n');
		const start = wide.indexOf('Keys in the live view');
		expect(wide.slice(start + 1, start + 1 + liveKeys.length)).toEqual(liveKeys.map(([keys, action]) => `  ${keys.padEnd(11)}${action}`));
		expect(wide[start + 1 + liveKeys.length]).toBe('');
	});

	it.each([...new Set([...Object.keys(optionTable), ...Object.keys(sweepOptionTable)])])('documents --%s, which a parser takes', name => {
		expect(text).toMatch(new RegExp(`  (-\\w, )?--${name}\\b`));
	});

	it('lines every option description up in one column', () => {
		const starts = lines.filter(line => line.startsWith('  -')).map(line => /^ {2}\S.*? {2,}(?=\S)/.exec(line)?.[0].length);
		expect(new Set(starts)).toEqual(new Set([28]));
	});

	it('takes its defaults and RAM range from the context', () => {
		const other = helpText({...context, defaultWorkload: 'steady', defaultRevision: '2020-08-29', minRamBytes: 32 * MiB, maxRamBytes: 2048 * MiB}, {version: '0.0.1'});
		expect(other).toContain('(default: steady)');
		expect(other).toContain('(default: 2020-08-29)');
		expect(other).toContain('whole 4K pages from 32M to 2G');
		expect(other).toMatch(/^kmtop 0\.0\.1: /);
	});

	it('wraps descriptions under themselves on a narrow terminal', () => {
		const narrow = helpText(context, {version: '1.2.3', columns: 62}).split('\n');
		expect(narrow).toContain('  --seed N                  integer seed; same seed, same run');
		expect(narrow).toContain('                            (default: 1)');
	});
});
