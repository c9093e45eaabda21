import { SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { VersionedEdit } from '../../layout/VersionedEdit';
import { PlaceFields, validatePlace } from './PlaceFields';

const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Changes a place, sending the version read (409 when someone else saved first); names are added from its page. */
export const PlaceEdit = () => (
  <VersionedEdit redirect="show">
    <SimpleForm toolbar={<SaveOnly />} validate={validatePlace} resetOptions={{ keepDirtyValues: true }}>
      <PlaceFields />
    </SimpleForm>
  </VersionedEdit>
);
