import { describe, expect, test } from 'vitest';
import { scopeProblems, uncheckedContent } from '../../scripts/lib/github/scope.ts';

describe('scopeProblems', () => {
  test('sees an edit outside content/ next to a case with a Chinese file name', () => {
    const problems = scopeProblems(['content/cases/2023/安康-委员.md', 'src/layouts/BaseLayout.astro'], []);
    expect(problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['src/layouts/BaseLayout.astro pr/outside-content']);
  });
});

describe('uncheckedContent', () => {
  test('a changed content file the validator did not check is an error; other files are left to scopeProblems', () => {
    const changed = ['content/cases/2023/a.md', 'content/cases/2023/"\\345\\256\\211.md"', 'content/themes.yaml', 'README.md'];
    const problems = uncheckedContent(changed, ['content/cases/2023/a.md', 'content/themes.yaml']);
    expect(problems.map((p) => `${p.file} ${p.rule} ${p.severity}`)).toEqual(['content/cases/2023/"\\345\\256\\211.md" pr/unchecked-content error']);
  });
});
