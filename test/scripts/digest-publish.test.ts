import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createOctokit } from '../../scripts/lib/github/octokit.ts';
import { publishDigest, WORKFLOW_ACCOUNT } from '../../scripts/lib/digest/publish.ts';

const API = 'https://api.github.test';
const repo = { owner: 'casebook', repo: 'casebook' };
const base = `${API}/repos/casebook/casebook`;

let state: {
  branches: Map<string, string>;
  files: Map<string, string>;
  pulls: { number: number; body?: string }[];
  branchAuthors: string[];
  comments: { id: number; body: string }[];
  calls: string[];
};

const server = setupServer(
  http.get(`${base}/git/ref/*`, ({ request }) => {
    const ref = decodeURIComponent(new URL(request.url).pathname.split('/git/ref/')[1] ?? '').replace(/^heads\//, '');
    const sha = state.branches.get(ref);
    return sha ? HttpResponse.json({ object: { sha } }) : HttpResponse.json({ message: 'Not Found' }, { status: 404 });
  }),
  http.post(`${base}/git/refs`, async ({ request }) => {
    const { ref, sha } = (await request.json()) as { ref: string; sha: string };
    state.branches.set(ref.replace('refs/heads/', ''), sha);
    state.calls.push(`create ${ref}`);
    return HttpResponse.json({}, { status: 201 });
  }),
  http.get(`${base}/compare/*`, () =>
    HttpResponse.json({ commits: state.branchAuthors.map((login) => ({ author: { login }, commit: { author: { name: login } } })) }),
  ),
  http.get(`${base}/contents/*`, ({ request }) => {
    const path = decodeURIComponent(new URL(request.url).pathname.split('/contents/')[1] ?? '');
    return state.files.has(path) ? HttpResponse.json({ sha: 'f'.repeat(40), type: 'file' }) : HttpResponse.json({ message: 'Not Found' }, { status: 404 });
  }),
  http.put(`${base}/contents/*`, async ({ request }) => {
    const path = decodeURIComponent(new URL(request.url).pathname.split('/contents/')[1] ?? '');
    const body = (await request.json()) as { content: string; sha?: string; branch: string };
    state.files.set(path, Buffer.from(body.content, 'base64').toString('utf8'));
    state.calls.push(`${body.sha ? 'update' : 'create'} ${path} on ${body.branch}`);
    return HttpResponse.json({ content: {} });
  }),
  http.get(`${base}/pulls`, () => HttpResponse.json(state.pulls)),
  http.post(`${base}/pulls`, () => {
    state.pulls.push({ number: 12 });
    state.calls.push('open pull request');
    return HttpResponse.json({ number: 12 }, { status: 201 });
  }),
  http.patch(`${base}/pulls/:n`, ({ params }) => {
    state.calls.push(`update pull request ${params['n']}`);
    return HttpResponse.json({ number: Number(params['n']) });
  }),
  http.get(`${base}/issues/:n/comments`, () => HttpResponse.json(state.comments.map((c) => ({ ...c, user: { type: 'Bot' } })))),
  http.post(`${base}/issues/:n/comments`, async ({ request }) => {
    const { body } = (await request.json()) as { body: string };
    state.comments.push({ id: 1, body });
    state.calls.push('comment');
    return HttpResponse.json({}, { status: 201 });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
beforeEach(() => {
  state = { branches: new Map([['main', 'a'.repeat(40)]]), files: new Map(), pulls: [], branchAuthors: [], comments: [], calls: [] };
});

const github = createOctokit('t', API);
const digest = {
  year: 2023,
  files: [
    { path: 'content/digests/2023.md', content: new TextEncoder().encode('# 汇编') },
    { path: 'content/digests/digest-2023.docx', content: new Uint8Array([80, 75, 3, 4]) },
  ],
  body: '检查通过',
  defaultBranch: 'main',
};

describe('publishDigest', () => {
  test('with no branch and no pull request: creates the branch from main, writes both files and opens the pull request', async () => {
    expect(await publishDigest(github, repo, digest)).toEqual({ outcome: 'opened', pullRequest: 12 });
    expect(state.calls).toEqual([
      'create refs/heads/digest/2023',
      'create content/digests/2023.md on digest/2023',
      'create content/digests/digest-2023.docx on digest/2023',
      'open pull request',
    ]);
    expect(state.branches.get('digest/2023')).toBe('a'.repeat(40));
  });

  test('with its own branch and pull request: updates the files in place and the pull request body', async () => {
    state.branches.set('digest/2023', 'b'.repeat(40));
    state.files.set('content/digests/2023.md', 'old');
    state.pulls = [{ number: 9 }];
    state.branchAuthors = [WORKFLOW_ACCOUNT];
    expect(await publishDigest(github, repo, digest)).toEqual({ outcome: 'updated', pullRequest: 9 });
    expect(state.calls).toEqual(['update content/digests/2023.md on digest/2023', 'create content/digests/digest-2023.docx on digest/2023', 'update pull request 9']);
  });

  test('with the branch but no open pull request: writes the files and opens one', async () => {
    state.branches.set('digest/2023', 'b'.repeat(40));
    expect((await publishDigest(github, repo, digest)).outcome).toBe('opened');
  });

  test('when a person has committed to the branch: writes nothing and says so on the pull request', async () => {
    state.branches.set('digest/2023', 'b'.repeat(40));
    state.pulls = [{ number: 9 }];
    state.branchAuthors = [WORKFLOW_ACCOUNT, 'editor-li'];
    expect(await publishDigest(github, repo, digest)).toEqual({ outcome: 'held', pullRequest: 9, people: ['editor-li'] });
    expect(state.calls).toEqual(['comment']);
    expect(state.comments[0]?.body).toContain('editor-li');
    expect(state.files.size).toBe(0);
  });
});
