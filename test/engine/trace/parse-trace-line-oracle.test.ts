// The linear, regex-free line parsers against the regular expressions they replace (kept in
// regex-trace-parsers.ts as the oracle): on every generated line, short enough for the regular
// expressions to be quick, both give exactly the same record, `'bad-fields'` or undefined.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {normalizeTracePointer} from '../../../source/engine/trace/normalize-trace-pointer.js';
import {parseFtraceLine} from '../../../source/engine/trace/parse-ftrace-line.js';
import {parsePerfLine} from '../../../source/engine/trace/parse-perf-line.js';
import {regexNormalizeTracePointer, regexParseFtraceLine, regexParsePerfLine} from '../../reference/regex-trace-parsers.js';
import {ftraceLike, perfLike, soup} from './trace-line-arbitraries.js';
import {fixtureEventLines, toPerfScriptLine} from './trace-test-helpers.js';

const agree = (parse: (line: string) => unknown, oracle: (line: string) => unknown) => (line: string) => {
	expect(parse(line)).toStrictEqual(oracle(line));
};

describe('the linear parsers give what the regular expressions gave', () => {
	it('on every line of the fixture, as ftrace and as perf script prints it', () => {
		for (const [index, line] of fixtureEventLines.entries()) {
			agree(parseFtraceLine, regexParseFtraceLine)(line);
			const perf = toPerfScriptLine(line, index % 2 === 0);
			agree(parsePerfLine, regexParsePerfLine)(perf);
			agree(parseFtraceLine, regexParseFtraceLine)(perf);
			agree(parsePerfLine, regexParsePerfLine)(line);
		}
	});

	it('ftrace: on lines shaped like ftrace\'s, slots broken at random', () => {
		fc.assert(fc.property(ftraceLike, agree(parseFtraceLine, regexParseFtraceLine)), {numRuns: 20_000});
	});

	it('perf: on lines shaped like perf script\'s, slots broken at random', () => {
		fc.assert(fc.property(perfLike, agree(parsePerfLine, regexParsePerfLine)), {numRuns: 20_000});
	});

	it('both: on two lines run together (the task is the last one that parses)', () => {
		fc.assert(fc.property(fc.oneof(ftraceLike, perfLike), fc.oneof(ftraceLike, perfLike), (first, second) => {
			agree(parseFtraceLine, regexParseFtraceLine)(`${first} ${second}`);
			agree(parsePerfLine, regexParsePerfLine)(`${first} ${second}`);
		}), {numRuns: 10_000});
	});

	it('both: on lines made of pieces of lines', () => {
		fc.assert(fc.property(soup, (line) => {
			agree(parseFtraceLine, regexParseFtraceLine)(line);
			agree(parsePerfLine, regexParsePerfLine)(line);
		}), {numRuns: 20_000});
	});

	it('pointers: on any short string, and on pieces of pointers', () => {
		const pointerish = fc.array(fc.constantFrom('0', 'x', 'X', 'a', 'F', 'g', '(', 'nil', 'null', ')', 'N', 'İ', '9'), {maxLength: 6}).map(parts => parts.join(''));
		fc.assert(fc.property(fc.oneof(fc.string({maxLength: 8}), pointerish), agree(normalizeTracePointer, regexNormalizeTracePointer)), {numRuns: 20_000});
	});
});
