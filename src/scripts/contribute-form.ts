/**
 * The /contribute/ form in the browser: builds the case file as the person
 * types, checks it with the same schema as CI, and points the submit link at
 * GitHub's new-file page with the file filled in.
 */
import { caseDraft, caseProblems, newFileUrl, type CaseFields } from '../lib/case-draft.ts';
import type { Theme } from '../schemas/theme.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function readFields(form: HTMLFormElement): { fields: CaseFields; slug: string } {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  return {
    slug: text('slug').trim(),
    fields: {
      title: text('title'),
      region: text('region'),
      organization: text('organization'),
      year: text('year'),
      themes: data.getAll('themes').map(String),
      summary: text('summary'),
      background: text('background'),
      practice: text('practice'),
      results: text('results'),
      lessons: text('lessons'),
      sources: text('sources').split('\n'),
    },
  };
}

export function startContributeForm(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('#case-form');
  const list = doc.querySelector<HTMLUListElement>('#case-problems');
  const status = doc.querySelector<HTMLElement>('#case-status');
  const preview = doc.querySelector<HTMLElement>('#case-preview');
  const submit = doc.querySelector<HTMLAnchorElement>('#case-submit');
  if (!form || !list || !status || !preview || !submit) return;
  const themes = JSON.parse(form.dataset['themes'] ?? '[]') as Theme[];
  const repo = form.dataset['repo'] ?? '';

  const update = () => {
    const { fields, slug } = readFields(form);
    const problems = caseProblems(fields, themes);
    if (!SLUG.test(slug)) problems.push({ field: 'slug', message: '文件名只能用小写字母、数字和连字符，例如 qindu-liaison-groups' });
    for (const output of form.querySelectorAll<HTMLElement>('[data-problem-for]')) {
      const mine = problems.filter((p) => p.field === output.dataset['problemFor']);
      output.textContent = mine.map((p) => p.message).join('；');
      const input = form.querySelector<HTMLElement>(`[name="${output.dataset['problemFor']}"]`);
      input?.setAttribute('aria-invalid', mine.length > 0 ? 'true' : 'false');
    }
    list.replaceChildren(...problems.map((p) => Object.assign(doc.createElement('li'), { textContent: p.message })));
    const draft = caseDraft(fields, themes, slug || 'case');
    preview.textContent = `${draft.path}\n\n${draft.content}`;
    status.textContent = problems.length === 0 ? '检查通过，可以提交。' : `还有 ${problems.length} 处需要修改。`;
    if (problems.length === 0) {
      submit.href = newFileUrl(repo, draft);
      submit.removeAttribute('aria-disabled');
    } else {
      submit.removeAttribute('href');
      submit.setAttribute('aria-disabled', 'true');
    }
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => event.preventDefault());
  update();
}
