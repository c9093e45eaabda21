import type { CaseAction, CaseActionOption } from '@aqtalu/contracts';
import { useApi } from '../../providers/useApi';
import type { CaseRecord } from './CaseFields';
import type { TransitionsAnswer } from './transitions';

/**
 * What the user may do with the case now besides its steps (edit, request an archive, draft or sign the
 * conclusion …), as the API's lifecycle table says: the screens show a form or a button only when its
 * action is open, and say why not otherwise. Asked again whenever the case's version changes.
 */
export function useCaseActions(record: Pick<CaseRecord, 'id' | 'version'> | undefined) {
  const { data, reload } = useApi<TransitionsAnswer>(record ? `/cases/${record.id}/transitions?v=${record.version}` : null);
  const action = (name: CaseAction): CaseActionOption | undefined => data?.actions.find((option) => option.name === name);
  return { action, loaded: data !== undefined, reload };
}
