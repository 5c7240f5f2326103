// What a layout plan is (plan-layout.ts makes them): a tree of rows and columns of panels, each
// with its size, and what the plan needs to know of the document.

export type PanelPlan =
	| {panel: 'kernel-heap'; width: number; height: number; compact: boolean; traceLine: boolean; physicalLine: boolean}
	| {panel: 'backup'; width: number; height: number}
	/** Without a height: every row and `lifecycleLines` events. */
	| {panel: 'subheaps'; width: number; height?: number; lifecycle: 'below' | 'beside'; lifecycleLines?: number}
	/** Without a height: the newest `lines` screen lines. */
	| {panel: 'kernel-log'; width: number; height?: number; lines?: number}
	| {panel: 'physical'; width: number; height?: number}
	| {panel: 'trace'; width: number; height?: number}
	| {panel: 'holders'; width: number; height: number};

export type StackPlan = {stack: 'row' | 'column'; children: LayoutNode[]};

export type LayoutNode = PanelPlan | StackPlan;

export type DashboardPlan = {
	kind: 'full' | 'compact';
	columns: number;
	/** Frame height (terminal rows - 1); undefined for a text snapshot. */
	height?: number;
	/** Two in the full live layout; one in the compact one and in a text snapshot. */
	footerLines: 1 | 2;
	/** What the panels, a panic screen or the help overlay have between header and footer. */
	bodyHeight?: number;
	body: LayoutNode;
};

export type LayoutPlan =
	| {kind: 'too-small'; need: {columns: number; rows: number}; have: {columns: number; rows: number}}
	| DashboardPlan;

/** What the plan needs of the document. */
export type LayoutContent = {
	/** The run replays a trace (fixed for the run, whether or not the replay runs right now). */
	trace?: boolean;
	/** Linked subheaps; unknown: as many as the share allows. */
	subheaps?: number;
	/** Lifecycle events the Subheaps panel lists. */
	lifecycleEvents?: number;
	/** Lines in the kernel log (each takes a screen line at least); unknown: more than any screen. */
	logLines?: number;
	/** Rows of the holders table, when the document has one (no Holders panel without). */
	holders?: number;
	/** The widest holder's name: no Holders panel where a name would be cut. */
	holderNameWidth?: number;
};
