// A worker thread that loads the sweep's worker module (built: npm test builds first) and says
// whether V8 inlined a ~300-bytecode callee before and after, as inlining-probe.ts does on the
// test's own thread (whose probe is not to be trusted once a worker has come and gone). Natives
// syntax: the test's thread allowed it, for the process.
import {parentPort} from 'node:worker_threads';

const natives = {
	prepare: new Function('f', '%PrepareFunctionForOptimization(f)'),
	optimizeOnNextCall: new Function('f', '%OptimizeFunctionOnNextCall(f)'),
	status: new Function('f', 'return %GetOptimizationStatus(f)'),
};
const OPTIMIZED = 1 << 4;

const inlinesMidSizeCallee = () => {
	const body = Array.from({length: 60}, (_, index) => `s = s + ${index};`).join('\n');
	const callee = new Function('x', `let s = x;\n${body}\nreturn s;`);
	const caller = new Function('callee', 'x', 'callee(x);\nreturn 0;');
	natives.prepare(callee);
	natives.prepare(caller);
	caller(callee, 1);
	caller(callee, 2);
	natives.optimizeOnNextCall(caller);
	caller(callee, 3);
	const optimized = (natives.status(caller) & OPTIMIZED) !== 0;
	caller(callee, 'a string');
	return optimized && (natives.status(caller) & OPTIMIZED) === 0;
};

const before = inlinesMidSizeCallee();
// It serves tasks once loaded; none come, and this worker ends when told to.
await import('../../dist/source/sweep/sweep-worker.js');
parentPort.postMessage({before, after: inlinesMidSizeCallee()});
