// A worker for the pool's tests, speaking its protocol ({index, task} in; {index, result} or
// {index, error} out) and misbehaving on request.
import process from 'node:process';
import {parentPort, threadId, workerData} from 'node:worker_threads';
// The heartbeat the pool's watchdog reads (built: npm test builds first).
import {writeHeartbeat} from '../../dist/source/engine/hook-watchdog.js';

const beat = workerData?.heartbeat && writeHeartbeat(workerData.heartbeat, () => ({boot: 1, workloadIndex: 0}));

parentPort.on('message', ({index, task}) => {
	switch (task.do) {
		case 'exit': {
			process.exit(3); // in a worker: ends this thread, with that code
			break;
		}

		case 'throw-uncaught': {
			setTimeout(() => {
				throw new Error('uncaught boom\n    at somewhere');
			});
			break;
		}

		case 'fail': {
			parentPort.postMessage({index, error: 'handled failure'});
			break;
		}

		case 'hang': {
			break; // never answers
		}

		case 'hang-in-hook': {
			beat.enter('tick', task.value);
			for (;;) {} // a workload's endless loop: only terminating the thread ends it
		}

		case 'print': {
			console.log('worker says hi');
			parentPort.postMessage({index, result: {value: task.value * 2, thread: threadId}});
			break;
		}

		default: {
			parentPort.postMessage({index, result: {value: task.value * 2, thread: threadId}});
		}
	}
});
