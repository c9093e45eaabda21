import type { CaseTransitionOption, CaseTransitionsAnswer, DecisionOutcome } from '@aqtalu/contracts';

/** One entry of `GET /api/cases/:id/transitions` (the contracts' shape: the API's own). */
export type AvailableTransition = CaseTransitionOption;
export type TransitionsAnswer = CaseTransitionsAnswer;

/** The chair's decisions, as the API marks them: the outcome a step records (on a group case some persons may be decided otherwise). */
export const isDecision = (transition: Pick<AvailableTransition, 'decides'>) => transition.decides !== null;

/** A row of the exceptions form: one per subject; an empty outcome means "as the whole case". */
export interface ExceptionRow {
  subjectId: string;
  outcome?: DecisionOutcome | '' | null;
  reason?: string | null;
}

export interface DecisionException {
  subjectId: string;
  outcome: DecisionOutcome;
  reason: string;
}

export interface TransitionForm {
  reason?: string | null;
  exceptions?: ExceptionRow[] | null;
}

export interface TransitionRequest {
  version: number;
  reason?: string;
  exceptions?: DecisionException[];
}

/** The persons decided otherwise: rows with an outcome that differs from the case's own. */
export function toExceptions(caseOutcome: DecisionOutcome | null, rows: readonly ExceptionRow[] | null | undefined): DecisionException[] {
  return (rows ?? [])
    .filter((row): row is ExceptionRow & { outcome: DecisionOutcome } => Boolean(row.outcome) && row.outcome !== caseOutcome)
    .map((row) => ({ subjectId: row.subjectId, outcome: row.outcome, reason: (row.reason ?? '').trim() }));
}

/**
 * The body of `POST /api/cases/:id/transitions/:name`: the version the screen shows, the reason when the step
 * takes one, and exceptions only for a decision that has some. Nothing empty is sent: the API refuses
 * unknown or malformed fields.
 */
export function buildTransitionRequest(
  transition: Pick<AvailableTransition, 'decides' | 'needsReason'>,
  version: number,
  form: TransitionForm = {},
): TransitionRequest {
  const request: TransitionRequest = { version };
  const reason = (form.reason ?? '').trim();
  if (transition.needsReason && reason) request.reason = reason;
  if (isDecision(transition)) {
    const exceptions = toExceptions(transition.decides, form.exceptions);
    if (exceptions.length > 0) request.exceptions = exceptions;
  }
  return request;
}

/** Problems to show before sending, as translation keys with the subject's position when per row. */
export function validateTransitionForm(
  transition: Pick<AvailableTransition, 'decides' | 'needsReason'>,
  form: TransitionForm,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (transition.needsReason && (form.reason ?? '').trim().length < 3) errors.reason = 'resources.cases.transitions.reason_required';
  if (isDecision(transition)) {
    (form.exceptions ?? []).forEach((row, index) => {
      if (row.outcome && row.outcome !== transition.decides && (row.reason ?? '').trim().length < 3) {
        errors[`exceptions.${index}.reason`] = 'resources.cases.transitions.exception_reason_required';
      }
    });
  }
  return errors;
}

/** The order buttons appear in: what may be done now first, then the rest with their reasons. */
export const byAvailability = (transitions: readonly AvailableTransition[]) =>
  [...transitions].sort((a, b) => Number(b.allowed) - Number(a.allowed));
