// What the footer says while the user explores: the line being typed (`/` and `k`), else the keys
// of what has the focus, so the keys that work right now are the ones in sight.

import type {FooterExplore} from '../view/describe-footer.js';
import type {ExploreState} from './explore-state.js';

const focusKeys: Record<string, Array<[string, string]>> = {
	subheap: [
		['↑↓ PgUp PgDn', 'scroll'],
		['k', 'will it fit'],
		['click', 'a cell'],
		['Esc', 'back'],
	],
	holders: [
		['↑↓', 'select'],
		['< >', 'sort'],
		['Esc', 'back'],
	],
	subheaps: [
		['↑↓', 'select'],
		['Enter m', 'chunk map'],
		['Tab', 'next panel'],
	],
	lifecycle: [
		['↑↓ PgUp PgDn', 'scroll'],
		['/ n N', 'search'],
		['e E', 'kind'],
		['Enter', 'map'],
		['Home', 'newest'],
	],
	'kernel-log': [
		['↑↓ PgUp PgDn', 'scroll'],
		['/ n N', 'search'],
		['End', 'newest'],
		['Esc', 'back'],
	],
	'holders-panel': [
		['↑↓', 'select'],
		['< >', 'sort'],
		['Enter', 'whole screen'],
	],
	none: [
		['Tab', 'panels'],
		['m', 'map'],
		['a', 'holders'],
		['/', 'search log'],
	],
};

/** While comparing, the comparison fills the body: its keys, not the panels'. */
const comparisonKeys: Array<[string, string]> = [['c Esc', 'close comparison']];

/** On the panic screen only the keys that open a view work (explore-keys.ts): the panels are not drawn. */
const panicKeys: Array<[string, string]> = [
	['m', 'map'],
	['a', 'holders'],
];

export const footerExplore = (state: ExploreState, panic = false, comparing = false): FooterExplore => {
	const {prompt} = state;
	if (prompt) {
		return prompt.kind === 'search' ? {prompt: {text: `/${prompt.text}`, enter: 'search'}} : {prompt: {text: `will it fit: kmalloc(${prompt.text}`, enter: 'asks'}};
	}

	if (state.screen !== 'dashboard') {
		return {keys: focusKeys[state.screen]};
	}

	if (comparing) {
		return {keys: comparisonKeys};
	}

	if (panic) {
		return {idleKeys: panicKeys};
	}

	return state.focus ? {keys: focusKeys[state.focus === 'holders' ? 'holders-panel' : state.focus]} : {idleKeys: focusKeys.none};
};
