// The other built-ins on every revision, 30,000 ticks: no workload error, and each run's outcome.
import {expect, it} from 'vitest';
import {builtinWorkloadNames} from '../../source/engine/workload-loader.js';
import {describeThirtyThousandTicks} from './thirty-thousand-ticks.js';

const heavy = new Set(['expansion-loop', 'unlink-race', 'backup-deadlock', 'vmobject-churn']);

const outcomes = {
	'steady': {
		'2020-08-28': {subheaps: 1},
		'2020-08-29': {subheaps: 1},
		'2020-09-02': {subheaps: 1},
		'2020-09-09': {subheaps: 1},
		'2020-11-04': {subheaps: 1},
		'2020-12-26': {subheaps: 1},
		'2020-12-31': {subheaps: 1},
		'2021-02-23': {subheaps: 1},
	},
	'logging-burst': {
		'2020-08-28': {subheaps: 1},
		'2020-08-29': {subheaps: 1},
		'2020-09-02': {subheaps: 1},
		'2020-09-09': {subheaps: 1},
		'2020-11-04': {subheaps: 1},
		'2020-12-26': {subheaps: 1},
		'2020-12-31': {subheaps: 1},
		'2021-02-23': {subheaps: 1},
	},
	'fragmentation': {
		'2020-08-28': {subheaps: 1},
		'2020-08-29': {panicAt: 382},
		'2020-09-02': {panicAt: 382},
		'2020-09-09': {panicAt: 382},
		'2020-11-04': {subheaps: 1},
		'2020-12-26': {subheaps: 1},
		'2020-12-31': {subheaps: 1},
		'2021-02-23': {subheaps: 1},
	},
	'big-allocations': {
		'2020-08-28': {panicAt: 16},
		'2020-08-29': {panicAt: 16},
		'2020-09-02': {panicAt: 16},
		'2020-09-09': {panicAt: 758},
		'2020-11-04': {panicAt: 5927},
		'2020-12-26': {panicAt: 5927},
		'2020-12-31': {panicAt: 5927},
		'2021-02-23': {panicAt: 5927},
	},
	'leak': {
		'2020-08-28': {panicAt: 990},
		'2020-08-29': {subheaps: 90},
		'2020-09-02': {subheaps: 90},
		'2020-09-09': {subheaps: 90},
		'2020-11-04': {subheaps: 90},
		'2020-12-26': {subheaps: 90},
		'2020-12-31': {subheaps: 90},
		'2021-02-23': {subheaps: 90},
	},
	'drain': {
		'2020-08-28': {subheaps: 1},
		'2020-08-29': {subheaps: 1},
		'2020-09-02': {subheaps: 1},
		'2020-09-09': {subheaps: 1},
		'2020-11-04': {subheaps: 1},
		'2020-12-26': {subheaps: 1},
		'2020-12-31': {subheaps: 1},
		'2021-02-23': {subheaps: 1},
	},
};

it('covers every built-in that has no file of its own', () => {
	expect(Object.keys(outcomes).sort()).toEqual(builtinWorkloadNames().filter((name) => !heavy.has(name)).sort());
});

for (const [name, outcome] of Object.entries(outcomes)) {
	describeThirtyThousandTicks(name, outcome);
}
