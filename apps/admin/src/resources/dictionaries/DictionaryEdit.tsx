import { SaveButton, SimpleForm, Toolbar, type Identifier } from 'react-admin';
import { VersionedEdit } from '../../layout/VersionedEdit';
import { DictionaryFields, validateDictionaryEntry } from './DictionaryFields';

/** Nothing is deleted from a dictionary (episodes refer to its codes): save only. */
const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** Changes an entry's names and fields, sending the version read (409 when someone else saved first). */
export const DictionaryEdit = ({ id }: { id?: Identifier }) => (
  <VersionedEdit id={id} redirect="list">
    <SimpleForm toolbar={<SaveOnly />} validate={validateDictionaryEntry} resetOptions={{ keepDirtyValues: true }}>
      <DictionaryFields />
    </SimpleForm>
  </VersionedEdit>
);
