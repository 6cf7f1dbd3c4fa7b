import { createHash } from 'node:crypto';
import examples from '@octokit/webhooks-examples';
import type { WorkflowRunCompletedEvent } from '@octokit/webhooks-types';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { COMMENT_MARKER, displayPath, renderComment } from '../../scripts/lib/github/comment.ts';
import { publishFeedback, RefusedArtifact } from '../../scripts/lib/github/feedback.ts';
import { createOctokit } from '../../scripts/lib/github/octokit.ts';
import { buildPrReport, type PrReport } from '../../scripts/lib/github/pr-report.ts';
import { scopeProblems } from '../../scripts/lib/github/scope.ts';
import { allRegions, cityOf } from '../../src/lib/regions.ts';

const event = structuredClone(
  examples.find((e) => e.name === 'workflow_run')?.examples.find((e) => (e as { action?: string }).action === 'completed'),
) as unknown as WorkflowRunCompletedEvent;
event.workflow_run.event = 'pull_request';
const HEAD = event.workflow_run.head_sha;
const repo = { owner: event.repository.owner.login, repo: event.repository.name };
const API = 'https://api.github.test';
const base = `${API}/repos/${repo.owner}/${repo.repo}`;
/** The default branch's checkout whose validator re-checks the pull request: this repository. */
const ROOT = process.cwd();

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
}
interface PrFile {
  text: string;
  /** Git file mode; 120000 is a symbolic link. */
  mode?: string;
}
let state: { comments: Comment[]; labels: string[]; prHead: string; calls: string[]; files: Record<string, PrFile>; removed: string[]; statuses: { sha: string; context: string; state: string }[] };

const hex = (text: string) => createHash('sha1').update(text).digest('hex');
const blobs = new Map<string, string>();
const folders = new Map<string, string>();

/** The entries of one folder of the pull request's head commit, as the git trees API returns them. */
function treeOf(folder: string) {
  const prefix = folder === '' ? '' : `${folder}/`;
  const entries = new Map<string, object>();
  for (const [path, file] of Object.entries(state.files)) {
    if (!path.startsWith(prefix)) continue;
    const [name = '', ...deeper] = path.slice(prefix.length).split('/');
    if (deeper.length > 0) {
      const sub = `${prefix}${name}`;
      folders.set(hex(`tree ${sub}`), sub);
      entries.set(name, { path: name, mode: '040000', type: 'tree', sha: hex(`tree ${sub}`) });
    } else {
      blobs.set(hex(`blob ${path}`), path);
      entries.set(name, { path: name, mode: file.mode ?? '100644', type: 'blob', sha: hex(`blob ${path}`), size: Buffer.byteLength(file.text) });
    }
  }
  return { sha: hex(`tree ${folder}`), truncated: false, tree: [...entries.values()] };
}

const server = setupServer(
  http.get(`${base}/pulls/:n`, ({ params }) =>
    HttpResponse.json({ number: Number(params['n']), state: 'open', head: { sha: state.prHead }, labels: state.labels.map((name) => ({ name })) }),
  ),
  http.get(`${base}/pulls/:n/files`, ({ request }) => {
    const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
    const all = [
      ...Object.keys(state.files).map((filename) => ({ filename, status: 'added' })),
      ...state.removed.map((filename) => ({ filename, status: 'removed' })),
    ];
    const last = Math.ceil(all.length / 100);
    const headers: Record<string, string> = page < last ? { link: `<${base}/pulls/7/files?per_page=100&page=${page + 1}>; rel="next"` } : {};
    state.calls.push(`list files page ${page}`);
    return HttpResponse.json(all.slice((page - 1) * 100, page * 100), { headers });
  }),
  http.get(`${base}/git/trees/:sha`, ({ params }) => {
    const sha = String(params['sha']);
    const folder = sha === state.prHead ? '' : folders.get(sha);
    if (folder === undefined) return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    return HttpResponse.json(treeOf(folder));
  }),
  http.get(`${base}/git/blobs/:sha`, ({ params }) => {
    const path = blobs.get(String(params['sha']));
    const file = path === undefined ? undefined : state.files[path];
    if (!file) return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
    state.calls.push(`read ${path}`);
    return HttpResponse.json({ content: Buffer.from(file.text).toString('base64'), encoding: 'base64', size: Buffer.byteLength(file.text) });
  }),
  http.post(`${base}/statuses/:sha`, async ({ params, request }) => {
    const { context, state: verdict } = (await request.json()) as { context: string; state: string };
    state.statuses.push({ sha: String(params['sha']), context, state: verdict });
    state.calls.push(`status ${verdict}`);
    return HttpResponse.json({}, { status: 201 });
  }),
  http.get(`${base}/issues/:n/comments`, ({ request }) => {
    const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
    const perPage = 100;
    const slice = state.comments.slice((page - 1) * perPage, page * perPage);
    const last = Math.ceil(state.comments.length / perPage);
    const headers: Record<string, string> = page < last ? { link: `<${base}/issues/1/comments?per_page=100&page=${page + 1}>; rel="next"` } : {};
    state.calls.push(`list comments page ${page}`);
    return HttpResponse.json(slice, { headers });
  }),
  http.post(`${base}/issues/:n/comments`, async ({ request }) => {
    const { body } = (await request.json()) as { body: string };
    state.comments.push({ id: 9000 + state.comments.length, body, user: { login: 'github-actions[bot]', type: 'Bot' } });
    state.calls.push('create comment');
    return HttpResponse.json({ id: 1 }, { status: 201 });
  }),
  http.patch(`${base}/issues/comments/:id`, async ({ params, request }) => {
    const { body } = (await request.json()) as { body: string };
    const comment = state.comments.find((c) => c.id === Number(params['id']));
    if (comment) comment.body = body;
    state.calls.push(`update comment ${params['id']}`);
    return HttpResponse.json({ id: Number(params['id']) });
  }),
  http.post(`${base}/issues/:n/labels`, async ({ request }) => {
    const { labels } = (await request.json()) as { labels: string[] };
    state.labels.push(...labels);
    state.calls.push(`add labels ${labels.join(',')}`);
    return HttpResponse.json([]);
  }),
  http.delete(`${base}/issues/:n/labels/:name`, ({ params }) => {
    const name = decodeURIComponent(String(params['name']));
    state.labels = state.labels.filter((l) => l !== name);
    state.calls.push(`remove label ${name}`);
    return HttpResponse.json([]);
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A case file as a contributor writes it; `extra` goes at the end of the 做法 section. */
function caseText(options: { region?: string; organization?: string; extra?: string } = {}): string {
  return [
    '---',
    'title: 秦都区街道政协工作联络组',
    `region: "${options.region ?? '610402'}"`,
    `organization: ${options.organization ?? '秦都区政协'}`,
    'year: "2023"',
    'themes:',
    '  - grassroots-consultation',
    'summary: 在街道设立政协工作联络组和社情民意信息工作站。',
    'sources:',
    '  - reports/2023/qindu',
    '---',
    '',
    '## 背景',
    '',
    '基层协商缺少固定平台。',
    '',
    '## 做法',
    '',
    `出台意见，在街道设立政协工作联络组。${options.extra ?? ''}`,
    '',
    '## 成效',
    '',
    '健全了基层协商平台化的工作格局。',
    '',
  ].join('\n');
}

const CASE = 'content/cases/2023/qindu-platform.md';

beforeEach(() => {
  state = { comments: [], labels: ['文档'], prHead: HEAD, calls: [], files: { [CASE]: { text: caseText({ extra: '联系电话13912345678。' }) } }, removed: [], statuses: [] };
});

const github = createOctokit('test-token', API);

/** The report the pull request's own job uploaded; a fork controls all of it. */
function report(overrides: Partial<PrReport> = {}): PrReport {
  return {
    ...buildPrReport({
      pullRequest: 7,
      headSha: HEAD,
      files: [CASE],
      regions: ['610402'],
      diagnostics: [{ file: CASE, line: 3, column: 9, rule: 'schema/invalid-value', severity: 'error', message: 'x' }],
    }),
    ...overrides,
  };
}

/** Hundreds of county codes, one or more in every city. */
const HUNDREDS_OF_REGIONS = allRegions().filter((r) => r.level === 'county').slice(0, 400).map((r) => r.code);

describe('publishFeedback', () => {
  test('creates the comment once, then updates it in place', async () => {
    await publishFeedback(github, repo, HEAD, report(), ROOT);
    state.files[CASE] = { text: caseText() };
    const second = await publishFeedback(github, repo, HEAD, report(), ROOT);
    expect(second.comment).toBe('updated');
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]?.body).toContain('投稿检查通过');
    expect(state.calls.filter((c) => c === 'create comment')).toHaveLength(1);
    expect(state.statuses.map((s) => s.state)).toEqual(['failure', 'success']);
  });

  test('finds its comment on a later page of a long discussion', async () => {
    state.comments = Array.from({ length: 230 }, (_, i) => ({ id: i + 1, body: `意见 ${i}`, user: { login: 'someone', type: 'User' } }));
    state.comments[220] = { id: 221, body: `${COMMENT_MARKER}\n旧的检查结果`, user: { login: 'github-actions[bot]', type: 'Bot' } };
    const result = await publishFeedback(github, repo, HEAD, report(), ROOT);
    expect(result.comment).toBe('updated');
    expect(state.calls).toContain('list comments page 3');
    expect(state.calls).toContain('update comment 221');
  });

  test('does not take over a person’s comment that quotes the marker', async () => {
    state.comments = [{ id: 5, body: `${COMMENT_MARKER} 复制来的`, user: { login: 'mallory', type: 'User' } }];
    expect((await publishFeedback(github, repo, HEAD, report(), ROOT)).comment).toBe('created');
  });

  test('labels the collection, the city and the status, and swaps the status when fixed', async () => {
    await publishFeedback(github, repo, HEAD, report(), ROOT);
    expect(state.labels).toEqual(['文档', '创新案例', '咸阳市', '需修改']);
    state.files[CASE] = { text: caseText() };
    await publishFeedback(github, repo, HEAD, report(), ROOT);
    expect(state.labels).toEqual(['文档', '创新案例', '咸阳市', '待审核']);
  });

  test('refuses a forged artifact: wrong head SHA, a pull request at another commit, unknown rule ids, extra fields', async () => {
    await expect(publishFeedback(github, repo, HEAD, report({ headSha: 'f'.repeat(40) }), ROOT)).rejects.toThrow(RefusedArtifact);
    state.prHead = 'a'.repeat(40);
    await expect(publishFeedback(github, repo, HEAD, report(), ROOT)).rejects.toThrow(/not at/);
    state.prHead = HEAD;
    const forged = { ...report(), problems: [{ file: 'x.md', line: 1, column: 1, rule: 'evil/rule', severity: 'error' }] };
    await expect(publishFeedback(github, repo, HEAD, forged, ROOT)).rejects.toThrow(RefusedArtifact);
    await expect(publishFeedback(github, repo, HEAD, { ...report(), labels: ['admin'] }, ROOT)).rejects.toThrow(RefusedArtifact);
    await expect(publishFeedback(github, repo, HEAD, { ...report(), pullRequest: '7; rm -rf /' }, ROOT)).rejects.toThrow(RefusedArtifact);
    expect(state.calls.filter((c) => !c.startsWith('list'))).toEqual([]);
  });

  test('a forged report of 0 errors and hundreds of regions gets neither a pass nor more than 3 city labels', async () => {
    const forged = report({ problems: [], errors: 0, warnings: 0, regions: HUNDREDS_OF_REGIONS });
    const result = await publishFeedback(github, repo, HEAD, forged, ROOT);
    const body = state.comments[0]?.body ?? '';
    expect(body).not.toContain('投稿检查通过');
    expect(body).toContain('### 投稿检查：有 1 处需要修改');
    expect(body).toContain(`| 错误 | \`${CASE}\` 第 19 行`);
    expect(result.report?.errors).toBe(1);
    expect(state.labels).toEqual(['文档', '创新案例', '咸阳市', '需修改']);
    expect(state.statuses).toEqual([{ sha: HEAD, context: '投稿复核', state: 'failure' }]);
  });

  test('labels at most 3 cities even when the pull request really touches more', async () => {
    const cities = [
      ['610104', '莲湖区政协'],
      ['610302', '渭滨区政协'],
      ['610402', '秦都区政协'],
      ['610502', '临渭区政协'],
      ['610602', '宝塔区政协'],
    ] as const;
    state.files = Object.fromEntries(cities.map(([region, organization]) => [`content/cases/2023/case-${region}.md`, { text: caseText({ region, organization }) }]));
    const result = await publishFeedback(github, repo, HEAD, report({ regions: [] }), ROOT);
    expect(result.report?.regions).toHaveLength(5);
    const cityLabels = state.labels.filter((l) => cities.some(([code]) => cityOf(code)?.name === l));
    expect(cityLabels).toHaveLength(3);
  });

  test('checks symbolic links and files outside content/ from the commit, not from the report', async () => {
    state.files = {
      [CASE]: { text: '../../../README.md', mode: '120000' },
      'src/layouts/BaseLayout.astro': { text: '<script>alert(1)</script>' },
    };
    const result = await publishFeedback(github, repo, HEAD, report({ problems: [], errors: 0, files: [] }), ROOT);
    expect(result.report?.problems.map((p) => `${p.file} ${p.rule}`)).toEqual([`src/layouts/BaseLayout.astro pr/outside-content`, `${CASE} path/symlink`]);
    expect(state.calls).not.toContain(`read ${CASE}`);
  });

  test('checks a file with a Chinese name that the report leaves out', async () => {
    const chinese = 'content/cases/2023/安康-委员.md';
    state.files = { [chinese]: { text: caseText({ extra: '身份证号610102199001011234。' }) } };
    const result = await publishFeedback(github, repo, HEAD, report({ problems: [], errors: 0, files: [], regions: [] }), ROOT);
    expect(result.report?.errors).toBeGreaterThan(0);
    expect(result.report?.problems.map((p) => p.rule)).toContain('path/location');
    expect(state.comments[0]?.body).toContain(`\`${chinese}\``);
  });

  test('finds the entries a deletion breaks', async () => {
    state.files = {};
    state.removed = ['content/reports/2023/qindu.md'];
    const result = await publishFeedback(github, repo, HEAD, report({ problems: [], errors: 0 }), ROOT);
    expect(result.report?.problems.filter((p) => p.rule === 'reference/unresolved').length).toBeGreaterThan(0);
    expect(state.comments[0]?.body).not.toContain('投稿检查通过');
  });
});

describe('publishFeedback on a very large pull request', () => {
  test('fails the verdict without downloading hundreds of files', async () => {
    state.files = Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`content/cases/2023/case-${i}.md`, { text: caseText() }]));
    const result = await publishFeedback(github, repo, HEAD, report({ problems: [], errors: 0 }), ROOT);
    expect(result.report).toBeUndefined();
    expect(state.comments[0]?.body).toContain('### 投稿检查：改动的文件太多');
    expect(state.labels).toEqual(['文档', '需修改']);
    expect(state.statuses).toEqual([{ sha: HEAD, context: '投稿复核', state: 'failure' }]);
    expect(state.calls.filter((c) => c.startsWith('read'))).toEqual([]);
  });
});

describe('displayPath', () => {
  test('keeps Chinese names and shows Markdown and mention characters as ?', () => {
    expect(displayPath('content/cases/2023/安康-委员.md')).toBe('content/cases/2023/安康-委员.md');
    expect(displayPath('content/a`|@x\n.md')).toBe('content/a???x?.md');
  });
});

describe('renderComment', () => {
  test('builds every line from fixed templates, never from text in the artifact', () => {
    const body = renderComment(report());
    expect(body).toMatchInlineSnapshot(`
      "<!-- casebook:pr-feedback -->
      ### 投稿检查：有 1 处需要修改

      感谢投稿！下面列出的问题改好后，检查会自动重新运行。每一行写明了文件、位置和修改方法；更具体的说明标在“Files changed”页的对应行上。

      | 级别 | 位置 | 问题 | 修改方法 |
      | --- | --- | --- | --- |
      | 错误 | \`content/cases/2023/qindu-platform.md\` 第 3 行第 9 列 | 字段取值不对 | 按填写指南修改该字段的值 |

      <sub>检查的是提交 5779607。详细说明见 CONTRIBUTING.md。</sub>
      "
    `);
  });
});

describe('scopeProblems', () => {
  test('fails a content pull request that also changes code, unless an editor labelled it', () => {
    const files = ['content/cases/2023/a.md', 'scripts/validate.ts'];
    expect(scopeProblems(files, []).map((d) => `${d.file} ${d.rule}`)).toEqual(['scripts/validate.ts pr/outside-content']);
    expect(scopeProblems(files, ['编辑确认'])).toEqual([]);
    expect(scopeProblems(['scripts/validate.ts'], [])).toEqual([]);
  });
});
