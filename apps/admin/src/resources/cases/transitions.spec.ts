import { CaseStatus, CaseTransition, DecisionOutcome } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { buildTransitionRequest, byAvailability, toExceptions, validateTransitionForm } from './transitions';

// the API says which steps decide and what they record; the screen copies no such rule
const submit = { name: CaseTransition.Submit, needsReason: false, decides: null };
const rehabilitate = { name: CaseTransition.Rehabilitate, needsReason: true, decides: DecisionOutcome.Rehabilitated };
const returnToApplicant = { name: CaseTransition.ReturnToApplicant, needsReason: true, decides: null };

describe('building a transition request', () => {
  it('sends only the version for a step without a reason', () => {
    expect(buildTransitionRequest(submit, 3, { reason: 'ignored', exceptions: [] })).toEqual({ version: 3 });
  });

  it('sends the trimmed reason for a step that needs one', () => {
    expect(buildTransitionRequest(returnToApplicant, 5, { reason: '  kinship proof missing ' })).toEqual({
      version: 5,
      reason: 'kinship proof missing',
    });
  });

  it('sends the persons decided otherwise with a decision, and not the ones decided as the case', () => {
    const sut = buildTransitionRequest(rehabilitate, 7, {
      reason: 'extrajudicial troika',
      exceptions: [
        { subjectId: 'a', outcome: DecisionOutcome.ReturnedForEvidence, reason: ' no file found ' },
        { subjectId: 'b', outcome: DecisionOutcome.Rehabilitated, reason: 'same as the case' },
        { subjectId: 'c', outcome: '', reason: '' },
      ],
    });
    expect(sut).toEqual({
      version: 7,
      reason: 'extrajudicial troika',
      exceptions: [{ subjectId: 'a', outcome: DecisionOutcome.ReturnedForEvidence, reason: 'no file found' }],
    });
  });

  it('never sends exceptions with a step that is not a decision', () => {
    const sut = buildTransitionRequest(returnToApplicant, 1, {
      reason: 'missing',
      exceptions: [{ subjectId: 'a', outcome: DecisionOutcome.Rejected, reason: 'x' }],
    });
    expect(sut).not.toHaveProperty('exceptions');
  });
});

describe('checking the transition form', () => {
  it('asks for a reason of at least three characters where the step needs one', () => {
    expect(validateTransitionForm(returnToApplicant, { reason: ' a ' })).toEqual({ reason: 'resources.cases.transitions.reason_required' });
    expect(validateTransitionForm(submit, {})).toEqual({});
  });

  it('asks why each excepted person is decided otherwise', () => {
    const sut = validateTransitionForm(rehabilitate, {
      reason: 'troika',
      exceptions: [{ subjectId: 'a' }, { subjectId: 'b', outcome: DecisionOutcome.Rejected, reason: '' }],
    });
    expect(sut).toEqual({ 'exceptions.1.reason': 'resources.cases.transitions.exception_reason_required' });
  });

  it('maps no rows to no exceptions', () => {
    expect(toExceptions(DecisionOutcome.Rejected, undefined)).toEqual([]);
  });

  it('lists the steps that may be taken now first', () => {
    const sut = byAvailability([
      {
        name: CaseTransition.ReturnToApplicant, to: CaseStatus.ReturnedToApplicant, allowed: false, needsReason: true, decides: null,
        reasons: [{ code: 'case.reason_required', params: {}, detail: 'give the reasons (reason) for this step' }],
      },
      { name: CaseTransition.AcceptForVerification, to: CaseStatus.ArchiveVerification, allowed: true, reasons: [], needsReason: false, decides: null },
    ]);
    expect(sut.map((t) => t.name)).toEqual([CaseTransition.AcceptForVerification, CaseTransition.ReturnToApplicant]);
  });
});
