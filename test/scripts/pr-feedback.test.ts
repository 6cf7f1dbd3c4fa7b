import examples from '@octokit/webhooks-examples';
import type { WorkflowRunCompletedEvent } from '@octokit/webhooks-types';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { COMMENT_MARKER, renderComment } from '../../scripts/lib/github/comment.ts';
import { publishFeedback, RefusedArtifact } from '../../scripts/lib/github/feedback.ts';
import { createOctokit } from '../../scripts/lib/github/octokit.ts';
import { buildPrReport, type PrReport } from '../../scripts/lib/github/pr-report.ts';
import { scopeProblems } from '../../scripts/lib/github/scope.ts';

const event = structuredClone(
  examples.find((e) => e.name === 'workflow_run')?.examples.find((e) => (e as { action?: string }).action === 'completed'),
) as unknown as WorkflowRunCompletedEvent;
event.workflow_run.event = 'pull_request';
const HEAD = event.workflow_run.head_sha;
const repo = { owner: event.repository.owner.login, repo: event.repository.name };
const API = 'https://api.github.test';
const base = `${API}/repos/${repo.owner}/${repo.repo}`;

interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
}
let state: { comments: Comment[]; labels: string[]; prHead: string; calls: string[] };

const server = setupServer(
  http.get(`${base}/pulls/:n`, ({ params }) =>
    HttpResponse.json({ number: Number(params['n']), state: 'open', head: { sha: state.prHead }, labels: state.labels.map((name) => ({ name })) }),
  ),
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
beforeEach(() => {
  state = { comments: [], labels: ['文档'], prHead: HEAD, calls: [] };
});

const github = createOctokit('test-token', API);

function report(overrides: Partial<PrReport> = {}): PrReport {
  return {
    ...buildPrReport({
      pullRequest: 7,
      headSha: HEAD,
      files: ['content/cases/2023/qindu-platform.md'],
      regions: ['610402'],
      diagnostics: [{ file: 'content/cases/2023/qindu-platform.md', line: 3, column: 9, rule: 'schema/invalid-value', severity: 'error', message: 'x' }],
    }),
    ...overrides,
  };
}

describe('publishFeedback', () => {
  test('creates the comment once, then updates it in place', async () => {
    await publishFeedback(github, repo, HEAD, report());
    const second = await publishFeedback(github, repo, HEAD, report({ problems: [], errors: 0 }));
    expect(second.comment).toBe('updated');
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]?.body).toContain('投稿检查通过');
    expect(state.calls.filter((c) => c === 'create comment')).toHaveLength(1);
  });

  test('finds its comment on a later page of a long discussion', async () => {
    state.comments = Array.from({ length: 230 }, (_, i) => ({ id: i + 1, body: `意见 ${i}`, user: { login: 'someone', type: 'User' } }));
    state.comments[220] = { id: 221, body: `${COMMENT_MARKER}\n旧的检查结果`, user: { login: 'github-actions[bot]', type: 'Bot' } };
    const result = await publishFeedback(github, repo, HEAD, report());
    expect(result.comment).toBe('updated');
    expect(state.calls).toContain('list comments page 3');
    expect(state.calls).toContain('update comment 221');
  });

  test('does not take over a person’s comment that quotes the marker', async () => {
    state.comments = [{ id: 5, body: `${COMMENT_MARKER} 复制来的`, user: { login: 'mallory', type: 'User' } }];
    expect((await publishFeedback(github, repo, HEAD, report())).comment).toBe('created');
  });

  test('labels the collection, the city and the status, and swaps the status when fixed', async () => {
    await publishFeedback(github, repo, HEAD, report());
    expect(state.labels).toEqual(['文档', '创新案例', '咸阳市', '需修改']);
    await publishFeedback(github, repo, HEAD, report({ problems: [], errors: 0 }));
    expect(state.labels).toEqual(['文档', '创新案例', '咸阳市', '待审核']);
  });

  test('refuses a forged artifact: wrong head SHA, a pull request at another commit, unknown rule ids, extra fields', async () => {
    await expect(publishFeedback(github, repo, HEAD, report({ headSha: 'f'.repeat(40) }))).rejects.toThrow(RefusedArtifact);
    state.prHead = 'a'.repeat(40);
    await expect(publishFeedback(github, repo, HEAD, report())).rejects.toThrow(/not at/);
    state.prHead = HEAD;
    const forged = { ...report(), problems: [{ file: 'x.md', line: 1, column: 1, rule: 'evil/rule', severity: 'error' }] };
    await expect(publishFeedback(github, repo, HEAD, forged)).rejects.toThrow(RefusedArtifact);
    await expect(publishFeedback(github, repo, HEAD, { ...report(), labels: ['admin'] })).rejects.toThrow(RefusedArtifact);
    await expect(publishFeedback(github, repo, HEAD, { ...report(), pullRequest: '7; rm -rf /' })).rejects.toThrow(RefusedArtifact);
    expect(state.calls.filter((c) => !c.startsWith('list'))).toEqual([]);
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
