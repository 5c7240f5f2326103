// A worker for the pool's tests, speaking its protocol ({index, task} in; {index, result} or
// {index, error} out) and misbehaving on request.
import process from 'node:process';
import {parentPort, threadId} from 'node:worker_threads';

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
