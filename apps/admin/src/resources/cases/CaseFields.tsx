import { ApplicantKind, CaseStatus, DecisionOutcome } from '@aqtalu/contracts';
import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

export interface CaseSubject {
  id: string;
  personId: string;
  nameKk: string | null;
  nameRu: string | null;
  birthYear: string | null;
  outcome: string | null;
}

export interface CaseRecord {
  id: string;
  number: string;
  regionCode: string;
  categoryCode: string;
  status: CaseStatus;
  summary: string;
  isGroup: boolean;
  applicant: {
    kind: ApplicantKind;
    name: string;
    kinship: string | null;
    kinshipProof: string | null;
    email: string | null;
    phone: string | null;
    address: string | null;
  };
  subjects: CaseSubject[];
  updatedAt: string;
  version: number;
}

const key = (prefix: string) => (value: string) => ({ id: value, name: `resources.cases.${prefix}.${value}` });
export const statusChoices = Object.values(CaseStatus).map(key('status'));
export const applicantKindChoices = Object.values(ApplicantKind).map(key('applicant_kind'));
export const outcomeChoices = Object.values(DecisionOutcome).map(key('outcome'));

const statusColor: Partial<Record<CaseStatus, ChipProps['color']>> = {
  [CaseStatus.Draft]: 'default',
  [CaseStatus.ReturnedToApplicant]: 'warning',
  [CaseStatus.ArchiveVerification]: 'info',
  [CaseStatus.WorkingGroupReview]: 'info',
  [CaseStatus.CommissionReview]: 'secondary',
  [CaseStatus.Rehabilitated]: 'success',
  [CaseStatus.CertificateIssued]: 'success',
  [CaseStatus.Rejected]: 'error',
};

/** The case's status as a translated chip. */
export const CaseStatusChip = ({ status }: { status?: CaseStatus | string }) => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const value = (status ?? record?.status) as CaseStatus | undefined;
  if (!value) return null;
  return (
    <Chip
      size="small"
      label={translate(`resources.cases.status.${value}`, { _: value })}
      color={statusColor[value] ?? 'primary'}
      variant={statusColor[value] === 'default' ? 'outlined' : 'filled'}
    />
  );
};

export const subjectName = (subject: Pick<CaseSubject, 'nameKk' | 'nameRu'>, locale: string) =>
  (locale === 'ru' ? subject.nameRu || subject.nameKk : subject.nameKk || subject.nameRu) ?? '—';

/**
 * The persons of the case, in one line: the first three and how many more. A list row carries them as one
 * string ("a; b"), a case read on its own as records.
 */
export const SubjectsField = ({ locale }: { locale: string; label?: string; source?: string }) => {
  const record = useRecordContext<Omit<CaseRecord, 'subjects'> & { subjects: CaseSubject[] | string }>();
  const translate = useTranslate();
  if (typeof record?.subjects === 'string') return <span>{record.subjects}</span>;
  const subjects = record?.subjects ?? [];
  const names = subjects.slice(0, 3).map((subject) => subjectName(subject, locale));
  const more = subjects.length - names.length;
  return (
    <span>
      {names.join('; ')}
      {more > 0 ? ` ${translate('resources.cases.more_subjects', { smart_count: more })}` : ''}
    </span>
  );
};
