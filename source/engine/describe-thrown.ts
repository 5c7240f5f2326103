// What a workload threw, as text, whatever it threw. JavaScript lets a module throw null, a
// string, a number, or an object whose toString, message getter or prototype (a Proxy) throws in
// turn; describing the fault must never become a second, unexplained fault.

const attempt = <T>(read: () => T): T | undefined => {
	try {
		return read();
	} catch {
		return undefined;
	}
};

const JSON_LIMIT = 200;

const describeValue = (value: unknown): string => {
	switch (typeof value) {
		case 'string': {
			// Thrown strings are messages (`throw 'out of slots'`): shown as they are.
			return value === '' ? 'threw an empty string' : value;
		}

		case 'undefined':
		case 'number':
		case 'boolean':
		case 'bigint': {
			return `threw ${String(value)}`;
		}

		case 'symbol': {
			return `threw ${value.toString()}`;
		}

		case 'function': {
			return `threw a function${value.name ? ` (${value.name})` : ''}`;
		}

		default: {
			if (value === null) {
				return 'threw null';
			}

			// An Error, or anything shaped like one.
			const message = attempt(() => (value as {message?: unknown}).message);
			if (typeof message === 'string' && message !== '') {
				return message;
			}

			// eslint-disable-next-line @typescript-eslint/no-base-to-string -- the default '[object Object]' is what the next line filters out
			const text = attempt(() => String(value));
			if (text !== undefined && text !== '' && text !== '[object Object]') {
				// An Error without a message reads as its name ("TypeError").
				return attempt(() => value instanceof Error) ? text : `threw ${text}`;
			}

			const json = attempt(() => JSON.stringify(value));
			if (json !== undefined && json !== '{}') {
				return `threw ${json.length > JSON_LIMIT ? `${json.slice(0, JSON_LIMIT)}…` : json}`;
			}

			return text === undefined ? 'threw an object that cannot be converted to text' : 'threw an object';
		}
	}
};

/** A message for any thrown value: an Error's message, a string as is, anything else as "threw …". Never throws. */
export const describeThrown = (value: unknown): string =>
	attempt(() => describeValue(value)) ?? 'threw a value that cannot be described';
