import { useGetList, useRecordContext } from 'react-admin';
import { EvidencePanel } from '../evidence/EvidencePanel';
import type { CaseRecord } from './CaseFields';

/** The case's documents; an upload may name the archive request it answers. */
export const CaseEvidenceTab = () => {
  const record = useRecordContext<CaseRecord>();
  const { data: requests } = useGetList(
    'archive-requests',
    { filter: { caseId: record?.id }, pagination: { page: 1, perPage: 50 }, sort: { field: 'dueDate', order: 'ASC' } },
    { enabled: Boolean(record) },
  );
  if (!record) return null;
  const choices = (requests ?? []).map((request) => ({ id: String(request.id), label: `${request.archiveCode} — ${String(request.sought).slice(0, 60)}` }));
  return <EvidencePanel caseId={record.id} archiveRequests={choices} />;
};
