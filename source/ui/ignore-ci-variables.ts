// Imported first by the live shell, before anything loads Ink. Ink reads CI / CONTINUOUS_INTEGRATION
// once, when it is loaded (is-in-ci), and on a "CI" it draws nothing until exit: the user of a
// terminal with CI=1 left in their shell would stare at an empty screen. The live view only ever
// runs on a terminal (the CLI checks both streams), so here those variables are never meant.

import process from 'node:process';

for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) {
	delete process.env[key];
}
