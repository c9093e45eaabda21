import { type ReactNode, useState } from 'react';
import { Edit, type EditProps, HttpError, useEditContext, useNotify } from 'react-admin';
import { StaleVersionAlert } from './StaleVersionAlert';

const ReloadingAlert = ({ detail, onReloaded }: { detail: string; onReloaded: () => void }) => {
  const { refetch } = useEditContext();
  return (
    <StaleVersionAlert
      detail={detail}
      onReload={async () => {
        await refetch();
        onReloaded();
      }}
    />
  );
};

/**
 * An edit page for a record with optimistic locking: the dataProvider sends the version read, and the API's
 * 409 shows as the stale-version warning with a reload (what was typed is kept; the next save sends the new version).
 */
export const VersionedEdit = ({ children, ...props }: Omit<EditProps, 'mutationMode' | 'mutationOptions'> & { children: ReactNode }) => {
  const notify = useNotify();
  const [conflict, setConflict] = useState<string>();

  const onError = (error: unknown) => {
    if (error instanceof HttpError && error.status === 409) {
      setConflict(error.message);
      return;
    }
    // Field problems are shown under the inputs by the form itself.
    if (error instanceof HttpError && error.body?.errors) return;
    const message = error instanceof Error && error.message ? error.message : 'ra.notification.http_error';
    notify(message, { type: 'error', messageArgs: { _: message } });
  };

  return (
    <Edit {...props} mutationMode="pessimistic" mutationOptions={{ onError, onSuccess: () => setConflict(undefined) }}>
      {conflict ? <ReloadingAlert detail={conflict} onReloaded={() => setConflict(undefined)} /> : null}
      {children}
    </Edit>
  );
};
