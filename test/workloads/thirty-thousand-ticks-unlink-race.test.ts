// unlink-race on every revision, 30,000 ticks (60 rounds): no workload error; the revisions with
// §5.5's bug (2020-08-29 to 2020-11-04) fault at tick 3; elsewhere a round leaves the heap as it
// found it (2020-12-26 ends with two subheaps, not one more a round).
import {describeThirtyThousandTicks} from './thirty-thousand-ticks.js';

describeThirtyThousandTicks('unlink-race', {
	'2020-08-28': {subheaps: 1},
	'2020-08-29': {panicAt: 3},
	'2020-09-02': {panicAt: 3},
	'2020-09-09': {panicAt: 3},
	'2020-11-04': {panicAt: 3},
	'2020-12-26': {subheaps: 2},
	'2020-12-31': {subheaps: 1},
	'2021-02-23': {subheaps: 1},
});
