import { CaseAction } from '@aqtalu/contracts';
import { EditButton, useCanAccess, useRecordContext } from 'react-admin';
import type { CaseRecord } from './CaseFields';
import { useCaseActions } from './useCaseActions';

/** "Edit" on the case, only while the lifecycle's edit action is open for this user (the API says). */
export const CaseEditButton = () => {
  const record = useRecordContext<CaseRecord>();
  const { canAccess } = useCanAccess({ resource: 'cases', action: 'edit' });
  const { action } = useCaseActions(canAccess ? record : undefined);
  if (!record || !action(CaseAction.Edit)?.allowed) return null;
  return <EditButton record={record} label="aqtalu.screens.case_edit.edit" variant="outlined" />;
};
