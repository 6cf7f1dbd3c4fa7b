/**
 * The /contribute/ form in the browser: reads the fields, tidies the text as
 * the validator would ask (simplified characters, full-width punctuation),
 * checks the draft with the validator's own code (src/lib/case-form-checks.ts),
 * shows problems only for fields the person has left or after they submit,
 * with an error summary at the top, and then offers the Word file, the
 * Markdown file and the GitHub route.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { caseDraft, githubRoute, type CaseDraft, type CaseFields, type FieldProblem } from '../lib/case-draft.ts';
import { caseDocumentSections, caseDocumentText } from '../lib/case-document.ts';
import { draftProblems } from '../lib/case-form-checks.ts';
import { slugIndex } from '../lib/checks/entry.ts';
import type { EntryCheckContext } from '../lib/checks/index.ts';
import { normalizeChinese } from '../lib/chinese-text.ts';
import { regionFullName } from '../lib/regions.ts';
import { caseSlug } from '../lib/slug.ts';
import type { Theme } from '../schemas/theme.ts';
import type { RegionPicker } from './region-picker.ts';

/** Fields whose text is tidied when the person leaves them. */
const PROSE = ['title', 'organization', 'summary', 'background', 'practice', 'results', 'lessons'];
const TIDY_NOTE = '已自动把繁体字改为简体字、中文之间的半角标点改为全角标点。';

interface Ids {
  reports: string[];
  cases: string[];
  rules: string[];
}

function readFields(form: HTMLFormElement): CaseFields {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  return {
    title: text('title'),
    region: text('region'),
    organization: text('organization'),
    year: text('year').trim(),
    themes: data.getAll('themes').map(String),
    summary: text('summary'),
    background: text('background'),
    practice: text('practice'),
    results: text('results'),
    lessons: text('lessons'),
    sources: text('sources').split('\n'),
  };
}

/** A source line is tidied only when it is a publication written out, not an id or an address. */
const tidySource = (line: string) => (/^(?:reports|rules)\/|^https?:\/\//.test(line.trim()) ? line : normalizeChinese(line));

function download(doc: Document, blob: Blob, name: string): void {
  const a = Object.assign(doc.createElement('a'), { href: URL.createObjectURL(blob), download: name });
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** A file name people recognise: 案例投稿-<案例名称>, without characters file systems refuse. */
const fileTitle = (title: string) => `案例投稿-${title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 40) || '未命名'}`;

/**
 * Starts the form around the region picker the page already runs (contribute-page.ts), taking
 * the fields the person left before this module arrived as left now. Returns what the picker
 * calls when the region changes.
 */
export function startContributeForm(doc: Document, picker: RegionPicker, leftBefore: readonly Element[] = []): () => void {
  const form = doc.querySelector<HTMLFormElement>('#case-form');
  const summary = doc.querySelector<HTMLElement>('#error-summary');
  const result = doc.querySelector<HTMLElement>('#case-result');
  if (!form || !summary || !result) return () => undefined;
  const $ = <T extends HTMLElement>(selector: string) => doc.querySelector<T>(selector) as T;
  const themes = JSON.parse(form.dataset['themes'] ?? '[]') as Theme[];
  const repo = form.dataset['repo'] ?? '';
  const slugInput = $<HTMLInputElement>('#f-slug');
  const status = $<HTMLElement>('#case-status');
  const touched = new Set<string>();
  let submitted = false;
  let slugEdited = false;
  let context: EntryCheckContext | undefined;

  const ready = fetch(form.dataset['ids'] ?? '')
    .then((r) => (r.ok ? (r.json() as Promise<Ids>) : Promise.reject(new Error(String(r.status)))))
    .then((ids) => {
      const known = { reports: new Set(ids.reports), cases: new Set(ids.cases), rules: new Set(ids.rules), themes: new Set(themes.map((t) => t.id)) };
      context = { ids: known, themes, idsBySlug: slugIndex(known), parseMarkdown: (body) => fromMarkdown(body) };
      // Fields left before the list arrived are checked now.
      update();
    });

  const current = (): { fields: CaseFields; draft: CaseDraft; problems: FieldProblem[] } => {
    const fields = readFields(form);
    if (!slugEdited) slugInput.value = caseSlug(fields.title, picker.region());
    const draft = caseDraft(fields, themes, slugInput.value.trim() || 'case');
    const problems = context ? draftProblems(fields, draft, themes, context) : [];
    return { fields, draft, problems };
  };

  const showProblems = (problems: FieldProblem[]) => {
    for (const output of form.querySelectorAll<HTMLElement>('[data-problem-for]')) {
      const field = output.dataset['problemFor'] ?? '';
      const mine = submitted || touched.has(field) ? problems.filter((p) => p.field === field) : [];
      output.textContent = mine.map((p) => p.message).join('；');
      const control = field === 'region' ? $('#f-region-name') : form.querySelector<HTMLElement>(`[name="${field}"]`);
      if (field !== 'themes') control?.setAttribute('aria-invalid', String(mine.length > 0));
    }
  };

  /** The summary lists problems in the order of the fields on the page. */
  const order = [...form.querySelectorAll<HTMLElement>('[data-problem-for]')].map((el) => el.dataset['problemFor'] ?? '');
  const showSummary = (unordered: FieldProblem[]) => {
    const problems = [...unordered].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    summary.hidden = problems.length === 0;
    $('#error-count').textContent = String(problems.length);
    $('#error-list').replaceChildren(
      ...problems.map((p) => {
        const li = doc.createElement('li');
        const target = p.field === 'region' ? 'f-region-name' : p.field === 'themes' ? 'f-themes' : `f-${p.field}`;
        li.append(Object.assign(doc.createElement('a'), { href: `#${target}`, textContent: p.message }));
        return li;
      }),
    );
  };

  const showResult = (draft: CaseDraft) => {
    result.hidden = false;
    $('#case-preview').textContent = `${draft.path}\n\n${draft.content}`;
    $('#docx-name').textContent = `${fileTitle(draft.title)}.docx`;
    const mail = $<HTMLAnchorElement>('#send-mail');
    mail.href = `mailto:${mail.dataset['email']}?subject=${encodeURIComponent(`案例投稿：${draft.title}`)}&body=${encodeURIComponent('附件是案例投稿的 Word 文件，请查收。')}`;
    const route = githubRoute(repo, draft);
    const submit = $<HTMLAnchorElement>('#case-submit');
    submit.href = route.url;
    submit.dataset['paste'] = String(route.paste);
    $('#paste-note').hidden = !route.paste;
  };

  const update = (): void => {
    const { draft, problems } = current();
    showProblems(problems);
    if (submitted) showSummary(problems);
    if (submitted && problems.length === 0) showResult(draft);
    else result.hidden = true;
    if (submitted) status.textContent = problems.length === 0 ? '检查通过，可以下载或提交。' : `还有 ${problems.length} 处需要修改。`;
  };

  const tidy = (control: HTMLInputElement | HTMLTextAreaElement) => {
    const tidied = control.name === 'sources' ? control.value.split('\n').map(tidySource).join('\n') : normalizeChinese(control.value);
    if (tidied === control.value) return;
    control.value = tidied;
    const note = form.querySelector<HTMLElement>(`[data-note-for="${control.name}"]`);
    if (note) note.textContent = TIDY_NOTE;
  };

  // Pressing the submit button moves focus before the click lands: messages shown on that blur
  // would push the button away from under the finger, so the submit handler shows them instead.
  let pressingSubmit = false;
  form.addEventListener('pointerdown', (event) => {
    pressingSubmit = (event.target as Element).closest('button[type="submit"]') !== null;
  });
  // Released elsewhere: no submit follows (the click, if any, is dispatched before this runs).
  doc.addEventListener('pointerup', () => setTimeout(() => (pressingSubmit = false)));
  /** A field the person has left: its problems show from now on, and (unless a submit follows, which tidies every field) its text is tidied. */
  const leave = (control: HTMLInputElement | HTMLTextAreaElement, tidyNow = true) => {
    const field = control.name || control.dataset['field'] || '';
    if (field && field !== 'themes') touched.add(field);
    if (tidyNow && (PROSE.includes(field) || field === 'sources')) tidy(control);
  };
  form.addEventListener('focusout', (event) => {
    leave(event.target as HTMLInputElement | HTMLTextAreaElement, !pressingSubmit);
    if (!pressingSubmit) update();
  });
  form.addEventListener('input', (event) => {
    if (event.target === slugInput) slugEdited = true;
    update();
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).name === 'themes') touched.add('themes');
    update();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    pressingSubmit = false;
    for (const control of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], textarea')) {
      if (PROSE.includes(control.name) || control.name === 'sources') tidy(control);
    }
    status.textContent = '正在检查……';
    try {
      await ready;
    } catch {
      status.textContent = '无法读取已收录条目的列表，暂时不能检查出处。请检查网络后刷新本页。';
      return;
    }
    submitted = true;
    update();
    const { problems } = current();
    if (problems.length > 0) summary.focus();
    else $('#result-heading').focus();
  });

  $('#download-docx').addEventListener('click', async () => {
    const { fields, draft } = current();
    const themeName = (id: string) => themes.find((t) => t.id === id || t.name === id)?.name ?? id;
    const sections = caseDocumentSections({ fields, slug: slugInput.value.trim() }, regionFullName(fields.region.trim()), themeName);
    const { caseDocxBlob } = await import('../lib/case-docx.ts');
    download(doc, await caseDocxBlob(sections, caseDocumentText(sections)), `${fileTitle(draft.title)}.docx`);
  });
  $('#download-md').addEventListener('click', () => {
    const { draft } = current();
    download(doc, new Blob([draft.content], { type: 'text/markdown;charset=utf-8' }), draft.path.split('/').pop() ?? 'case.md');
  });
  $('#case-submit').addEventListener('click', (event) => {
    const link = event.currentTarget as HTMLAnchorElement;
    if (link.dataset['paste'] !== 'true') return;
    const { draft } = current();
    const done = $('#paste-done');
    navigator.clipboard.writeText(draft.content).then(
      () => (done.textContent = '全文已复制到剪贴板，请到打开的 GitHub 页面中粘贴。'),
      () => (done.textContent = '没能自动复制：请展开下面的“预览生成的文件”，从第一行 --- 开始全选复制，再到 GitHub 页面中粘贴。'),
    );
  });

  for (const control of leftBefore) if (form.contains(control)) leave(control as HTMLInputElement | HTMLTextAreaElement);
  update();
  return update;
}
