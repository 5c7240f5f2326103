// The sweep's workers narrow V8's inlining (narrow-inlining.ts). The probe (inlining-probe.ts) is a
// callee of ~300 bytecodes: V8 inlines up to 460 by default, the sweep 100.

import process from 'node:process';
import {describe, expect, test} from 'vitest';
import {narrowInlining} from '../../source/sweep/narrow-inlining.js';
import {inlinesMidSizeCallee} from './inlining-probe.js';

describe('narrowInlining', () => {
	// First, and before and after in one test: the flags, once set, are the process's.
	test.runIf(process.versions.node.startsWith('20.'))('a ~300-bytecode callee is inlined by default and no longer once narrowed', () => {
		expect(inlinesMidSizeCallee()).toBe(true);
		expect(narrowInlining()).toBe(true);
		expect(inlinesMidSizeCallee()).toBe(false);
	});

	test.each([
		['20.20.2', true],
		['20.0.0', true],
		['22.23.5', false],
		['24.1.0', false],
		['2.0.0', false],
	])('on Node %s: narrowed %s', (version, narrowed) => {
		expect(narrowInlining(version)).toBe(narrowed);
	});
});
