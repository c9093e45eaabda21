import { JobName, PublicApplicationMailKind } from '@aqtalu/contracts';
import type { EntityManager } from 'typeorm';
import type { OutboxService } from '../outbox/outbox.service.js';

/** Records an e-mail to an online applicant and its job in the caller's transaction (the worker sends it once). */
export async function enqueueApplicantMail(manager: EntityManager, outbox: OutboxService, applicationId: string, kind: PublicApplicationMailKind): Promise<void> {
  const [mail] = await manager.query(`INSERT INTO public_application_mails (application_id, kind) VALUES ($1, $2) RETURNING id`, [applicationId, kind]);
  await outbox.enqueue(manager, JobName.MailApplicant, { mailId: mail.id });
}

/**
 * The case workflow tells the applicant (its `applicant` audience): an applicant who applied online gets an e-mail when
 * the secretary returns the case for more documents; other messages wait on the status page. Answers how many were told.
 */
export async function tellOnlineApplicant(manager: EntityManager, outbox: OutboxService, caseId: string, message: string): Promise<number> {
  if (message !== 'case.returned_to_applicant') return 0;
  const applications: Array<{ id: string }> = await manager.query(`SELECT id FROM public_applications WHERE case_id = $1`, [caseId]);
  for (const application of applications) await enqueueApplicantMail(manager, outbox, application.id, PublicApplicationMailKind.DocumentsRequested);
  return applications.length;
}
