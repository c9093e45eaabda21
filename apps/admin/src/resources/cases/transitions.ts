import { CaseTransition, DecisionOutcome } from '@aqtalu/contracts';

/** One entry of `GET /api/cases/:id/transitions`. */
export interface AvailableTransition {
  name: CaseTransition;
  to: string;
  allowed: boolean;
  reasons: string[];
  needsReason: boolean;
}

export interface TransitionsAnswer {
  version: number;
  status: string;
  transitions: AvailableTransition[];
}

/** The decisions of the chair: on a group case some persons may be decided otherwise. */
export const decisionTransitions: readonly CaseTransition[] = [
  CaseTransition.Rehabilitate,
  CaseTransition.Reject,
  CaseTransition.ReturnForEvidence,
];

export const isDecision = (name: CaseTransition) => decisionTransitions.includes(name);

/** What the chair would decide for the whole case, so an exception can only say something else. */
export const outcomeOf: Partial<Record<CaseTransition, DecisionOutcome>> = {
  [CaseTransition.Rehabilitate]: DecisionOutcome.Rehabilitated,
  [CaseTransition.Reject]: DecisionOutcome.Rejected,
  [CaseTransition.ReturnForEvidence]: DecisionOutcome.ReturnedForEvidence,
};

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
export function toExceptions(name: CaseTransition, rows: readonly ExceptionRow[] | null | undefined): DecisionException[] {
  const caseOutcome = outcomeOf[name];
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
  transition: Pick<AvailableTransition, 'name' | 'needsReason'>,
  version: number,
  form: TransitionForm = {},
): TransitionRequest {
  const request: TransitionRequest = { version };
  const reason = (form.reason ?? '').trim();
  if (transition.needsReason && reason) request.reason = reason;
  if (isDecision(transition.name)) {
    const exceptions = toExceptions(transition.name, form.exceptions);
    if (exceptions.length > 0) request.exceptions = exceptions;
  }
  return request;
}

/** Problems to show before sending, as translation keys with the subject's position when per row. */
export function validateTransitionForm(
  transition: Pick<AvailableTransition, 'name' | 'needsReason'>,
  form: TransitionForm,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (transition.needsReason && (form.reason ?? '').trim().length < 3) errors.reason = 'resources.cases.transitions.reason_required';
  if (isDecision(transition.name)) {
    (form.exceptions ?? []).forEach((row, index) => {
      if (row.outcome && row.outcome !== outcomeOf[transition.name] && (row.reason ?? '').trim().length < 3) {
        errors[`exceptions.${index}.reason`] = 'resources.cases.transitions.exception_reason_required';
      }
    });
  }
  return errors;
}

/** The order buttons appear in: what may be done now first, then the rest with their reasons. */
export const byAvailability = (transitions: readonly AvailableTransition[]) =>
  [...transitions].sort((a, b) => Number(b.allowed) - Number(a.allowed));
