// The live view holds TurboFan back (hold-back-turbofan.ts): the flags per Node version, and on the
// Node that runs the tests, that V8 takes them: a function of ~250 bytecodes, called with the same
// argument again and again, is sent to TurboFan several times later once they are set (Node 20:
// after ~750 calls by default, ~3,000 held back; Node 22: ~3,000 and ~12,000).

import process from 'node:process';
import {describe, expect, test} from 'vitest';
import {holdBackTurbofan, turbofanHoldBackFlags} from '../../source/engine/hold-back-turbofan.js';
import {isBoundForTurbofan} from '../kernel/v8-natives.js';

/** How many calls a fresh function takes until V8's tiering sends it to TurboFan (at most 100,000). */
const callsUntilTurbofan = (): number => {
	const body = Array.from({length: 40}, (_, index) => `s = (s * 31 + x + ${index}) | 0;`).join('\n');
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	const probe = new Function('x', `let s = 0;\n${body}\nreturn s;`) as (x: number) => number;
	for (let calls = 1; calls <= 100_000; calls++) {
		probe(1);
		if (isBoundForTurbofan(probe)) {
			return calls;
		}
	}

	return Number.POSITIVE_INFINITY;
};

describe('holdBackTurbofan', () => {
	// Before and after in one test: the flags, once set, are the process's.
	test.runIf(turbofanHoldBackFlags(process.versions.node).length > 0)('V8 sends a function to TurboFan 3 times later or more once TurboFan is held back', () => {
		const before = callsUntilTurbofan();
		expect(before).toBeLessThan(5000);
		expect(holdBackTurbofan()).toEqual(turbofanHoldBackFlags(process.versions.node));
		const after = callsUntilTurbofan();
		expect(after).toBeGreaterThanOrEqual(3 * before);
		expect(after).toBeLessThan(100_000);
	});

	test.each([
		['20.20.2', ['--interrupt-budget=270336']],
		['20.0.0', ['--interrupt-budget=270336']],
		['22.23.5', ['--invocation-count-for-turbofan=12000']],
		['22.1.0', ['--invocation-count-for-turbofan=12000']],
		['24.22.3', []],
		['23.11.0', []],
		['2.0.0', []],
		['200.0.0', []],
	])('on Node %s: %j', (version, flags) => {
		expect(turbofanHoldBackFlags(version)).toEqual(flags);
	});
});
