// Text for a file or a pipe: no escape sequence and no control character may get in (a workload's
// log line or a holder's name could carry one), and no line ends in spaces.

// eslint-disable-next-line no-control-regex -- control characters are what this matches
const escapeSequences = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_])|[\u0000-\u0008\u000B-\u001F\u007F]/g;

export const toPlainText = (text: string): string =>
	text
		.replace(escapeSequences, '')
		.split('\n')
		.map((line) => line.trimEnd())
		.join('\n');
