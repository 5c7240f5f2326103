// vmobject-churn (the default workload) on every revision, 30,000 ticks: no workload error.
import {describeThirtyThousandTicks} from './thirty-thousand-ticks.js';

describeThirtyThousandTicks('vmobject-churn', {
	'2020-08-28': {panicAt: 982},
	'2020-08-29': {panicAt: 2610},
	'2020-09-02': {panicAt: 2610},
	'2020-09-09': {panicAt: 2847},
	'2020-11-04': {subheaps: 3},
	'2020-12-26': {subheaps: 3},
	'2020-12-31': {subheaps: 3},
	'2021-02-23': {subheaps: 3},
});
