// Lint for the whole project, run by `npm test` after the typecheck: typescript-eslint's
// type-aware recommended rules (floating promises, unsafe any, misused promises) and the React
// hooks rules, on top of ESLint's own recommended set.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'coverage/**']},
	js.configs.recommended,
	...tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname}},
		plugins: {'react-hooks': reactHooks},
		rules: {
			...reactHooks.configs.recommended.rules,
			// A leading underscore marks a value left unused on purpose (a key destructured out of an
			// object to drop it, a parameter an interface requires).
			'@typescript-eslint/no-unused-vars': ['error', {
				argsIgnorePattern: '^_',
				varsIgnorePattern: '^_',
				destructuredArrayIgnorePattern: '^_',
				caughtErrorsIgnorePattern: '^_',
			}],
		},
	},
	{
		// Tests match terminal escape sequences (ESC, BEL) on purpose.
		files: ['test/**'],
		rules: {'no-control-regex': 'off'},
	},
	{
		// Plain JavaScript (the bin entry, scripts, a worker fixture) is outside tsconfig: lint it
		// without type information, as Node code.
		files: ['**/*.{js,mjs,cjs}'],
		...tseslint.configs.disableTypeChecked,
		languageOptions: {
			...tseslint.configs.disableTypeChecked.languageOptions,
			globals: {process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly'},
		},
	},
);
