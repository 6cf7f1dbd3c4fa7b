/** Which issue events the intake acts on: a new form, an edited form, or the intake label being added. */
import type { IssuesEvent } from '@octokit/webhooks-types';

/** The label the submit-case form puts on its issues. */
export const INTAKE_LABEL = '案例投稿';

export type Trigger = { act: true } | { act: false; reason: string };

export function intakeTrigger(event: IssuesEvent): Trigger {
  const issue = event.issue;
  if (issue.state !== 'open') return { act: false, reason: `issue #${issue.number} is ${issue.state}` };
  if (!issue.labels?.some((l) => l.name === INTAKE_LABEL)) return { act: false, reason: `issue #${issue.number} has no ${INTAKE_LABEL} label` };
  switch (event.action) {
    case 'opened':
      return { act: true };
    case 'edited':
      return event.changes.body ? { act: true } : { act: false, reason: 'the edit did not change the form' };
    case 'labeled':
      return event.label?.name === INTAKE_LABEL ? { act: true } : { act: false, reason: `another label (${event.label?.name ?? '?'}) was added` };
    default:
      return { act: false, reason: `action ${event.action} is not handled` };
  }
}
