// The framed panels on a screen read back from a terminal: where each `┌ Title ───┐` starts, its
// inside row by row down to its `└───┘`. Panels side by side are told apart by their corners.

export type ScreenPanel = {title: string; top: number; left: number; width: number; rows: string[]};

export const findPanels = (screen: readonly string[]): ScreenPanel[] => {
	const grid = screen.map((line) => [...line]);
	const panels: ScreenPanel[] = [];
	for (const [top, cells] of grid.entries()) {
		for (const [left, cell] of cells.entries()) {
			if (cell !== '┌') {
				continue;
			}

			const right = cells.indexOf('┐', left);
			if (right < 0) {
				continue;
			}

			const edge = cells.slice(left + 2, right).join('');
			const title = edge.split(' ─')[0]!.trim();
			const rows: string[] = [];
			let row = top + 1;
			while (row < grid.length && grid[row]![left] === '│' && grid[row]![right] === '│') {
				rows.push(grid[row]!.slice(left + 2, right - 1).join(''));
				row++;
			}

			if (grid[row]?.[left] === '└' && grid[row]?.[right] === '┘') {
				panels.push({title, top, left, width: right - left + 1, rows});
			}
		}
	}

	return panels;
};
