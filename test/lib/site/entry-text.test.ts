import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { showsSummary } from '../../../src/lib/site/entry-page.ts';
import { entryTextFacts, type EntryTextFacts } from '../../../src/lib/site/entry-text.ts';
import { relatedEntries } from '../../../src/lib/site/related.ts';
import { entries } from './fixtures.ts';

const inputs = entries.map(({ key, collection, themes, title, summary, body }) => ({ key, collection, themes, title, summary, body }));
// One report opens with its summary, so the page does not print it twice.
inputs.push({ ...inputs[0]!, key: 'reports/2023/opens', body: `${inputs[0]!.summary}\n\n更多内容。` });

describe('entryTextFacts: what entry pages read from every body, parsed once', () => {
  test('gives the related entries and the summaries shown exactly as relatedEntries and showsSummary do', () => {
    const facts = entryTextFacts(inputs);
    const related = relatedEntries(inputs);
    expect(new Map(facts.related)).toEqual(new Map([...related].map(([key, list]) => [key, list.map((r) => [r.entry.key, r.score])])));
    expect(facts.related.some(([, list]) => list.length > 0)).toBe(true);
    const shown = inputs.filter((e) => showsSummary(e)).map((e) => e.key);
    expect(facts.summaryShown).toEqual(shown);
    expect(shown).toContain('reports/2023/xian');
    expect(shown).not.toContain('reports/2023/opens');
  });

  test('the worker thread the site starts posts the same facts, to the last bit of every score', async () => {
    const worker = new Worker(new URL('../../../src/lib/site/entry-text-worker.ts', import.meta.url), { workerData: inputs });
    const posted = await new Promise<EntryTextFacts>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(posted).toEqual(entryTextFacts(inputs));
  });
});
