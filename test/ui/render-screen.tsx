// The dashboard screen of one document at one terminal size, drawn by Ink into a headless xterm
// and read back row by row, as a user would see it. No live session: the screen is a pure
// function of the document, the facts and the size, so these tests hold whatever drives it.
//
// A test file that uses this must clear the CI variables before Ink loads (see screen-sizes.test.tsx):
// Ink stays silent until exit when it thinks it runs on CI.

import {render} from 'ink';
import type {SnapshotDocument} from '../../source/engine/snapshot-types.js';
import {createScreenStream} from '../../source/ui/create-screen-stream.js';
import {DashboardScreen} from '../../source/ui/dashboard-screen.js';
import type {ViewFacts} from '../../source/view/view-facts.js';
import {FakeStdin, FakeStdout} from './fake-terminal.js';

export type ScreenOptions = {facts?: ViewFacts; helpOpen?: boolean};

/** The screen's rows (trailing spaces trimmed), `rows` of them. */
export const renderScreen = async (document: SnapshotDocument, columns: number, rows: number, options: ScreenOptions = {}): Promise<string[]> => {
	const stdout = new FakeStdout(columns, rows);
	const instance = render(<DashboardScreen document={document} facts={options.facts ?? {}} columns={columns} rows={rows} helpOpen={options.helpOpen} />, {
		// As the live view draws: frames turned into line updates.
		stdout: createScreenStream(stdout).stream,
		stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
		stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
		patchConsole: false,
		exitOnCtrlC: false,
	});
	// The exit promise first: asked for after unmount, Ink adds a beforeExit listener that nothing
	// removes (one per screen drawn; past ten, Node warns of a leak).
	const exited = instance.waitUntilExit();
	instance.unmount();
	await exited;
	return stdout.screen();
};
