// The footer's keys while exploring. On the panic screen the panels are not drawn and only `m` and
// `a` open something (explore-keys.ts): the footer must not offer Tab or `/`, which do nothing there.
import {describe, expect, it} from 'vitest';
import {footerExplore} from '../../source/ui/explore-hints.js';
import {initialExploreState} from '../../source/ui/explore-state.js';

describe('footerExplore', () => {
	it('offers the panels, the map, the holders and the log search on the dashboard', () => {
		expect(footerExplore(initialExploreState)).toEqual({
			idleKeys: [
				['Tab', 'panels'],
				['m', 'map'],
				['a', 'holders'],
				['/', 'search log'],
			],
		});
	});

	it('offers only the map and the holders on the panic screen, whatever panel had the focus before', () => {
		const panicKeys = {
			idleKeys: [
				['m', 'map'],
				['a', 'holders'],
			],
		};
		expect(footerExplore(initialExploreState, true)).toEqual(panicKeys);
		expect(footerExplore({...initialExploreState, focus: 'lifecycle'}, true)).toEqual(panicKeys);
	});

	it('while comparing, offers the comparison\'s keys (the panels are not drawn), halted or not', () => {
		const keys = {keys: [['c Esc', 'close comparison']]};
		expect(footerExplore(initialExploreState, false, true)).toEqual(keys);
		expect(footerExplore(initialExploreState, true, true)).toEqual(keys);
	});

	it('keeps the open view\'s keys on the panic screen (the map opened with m)', () => {
		expect(footerExplore({...initialExploreState, screen: 'holders'}, true).keys?.map(([key]) => key)).toEqual(['↑↓', '< >', 'Esc']);
	});
});
