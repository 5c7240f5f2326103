// A problem with what the user asked for, and how any problem reaches the user: one line on
// stderr, escaped so that text from input cannot move the cursor or start a line.

import process from 'node:process';
import {escapeText} from '../view/escape-text.js';

/** A problem with what the user asked for: one line, exit 2. */
export class BadInput extends Error {}

/** One line on stderr; values from input inside `message` cannot move the cursor or start a line. */
export const report = (message: string): void => {
	process.stderr.write(`kmtop: ${escapeText(message)}\n`);
};
