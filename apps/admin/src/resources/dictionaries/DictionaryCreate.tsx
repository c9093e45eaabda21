import { Create, SimpleForm } from 'react-admin';
import { DictionaryFields, validateDictionaryEntry } from './DictionaryFields';

export const DictionaryCreate = () => (
  <Create redirect="list">
    <SimpleForm validate={validateDictionaryEntry}>
      <DictionaryFields creating />
    </SimpleForm>
  </Create>
);
