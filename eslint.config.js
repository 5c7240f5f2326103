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
		rules: {...reactHooks.configs.recommended.rules},
	},
	{files: ['**/*.js'], ...tseslint.configs.disableTypeChecked},
);
