// Prompts: `/` and `k` read a line; Enter takes it, Esc drops it.

import type {ExploreContext} from './explore-geometry.js';
import {done, type ExploreOutcome, type KeyPress} from './explore-outcome.js';
import type {ExploreState} from './explore-state.js';
import {applyFit} from './scroll-subheap-map.js';
import {applySearch} from './search-list.js';

export const readPromptKey = (context: ExploreContext, state: ExploreState, press: KeyPress): ExploreOutcome => {
	const prompt = state.prompt!;
	if (press.escape) {
		return done({...state, prompt: undefined});
	}

	if (press.return) {
		return prompt.kind === 'search' ? applySearch(context, state, prompt.target, prompt.text) : applyFit(context, state, prompt.text);
	}

	if (press.backspace || press.delete) {
		// Backspace on an empty line closes it, as in vim and less.
		return done(prompt.text === '' ? {...state, prompt: undefined} : {...state, prompt: {...prompt, text: [...prompt.text].slice(0, -1).join('')}});
	}

	// eslint-disable-next-line no-control-regex -- only printable characters go into the line, not a pasted newline or an escape's bytes
	if (press.input !== '' && !press.ctrl && !press.meta && !/[\u0000-\u001F\u007F]/.test(press.input)) {
		return done({...state, prompt: {...prompt, text: prompt.text + press.input}});
	}

	// Arrows, Tab and the like do nothing while a line is being typed.
	return done(state);
};
