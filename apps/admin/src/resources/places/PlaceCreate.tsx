import { ArrayInput, Create, NumberInput, SelectInput, SimpleForm, SimpleFormIterator, TextInput, required } from 'react-admin';
import { placeLanguageChoices } from './place';
import { PlaceFields, placeNameRules, placeYear, validatePlace } from './PlaceFields';

/** A new place with its three main names and, optionally, the other names it had. */
export const PlaceCreate = () => (
  <Create redirect="show">
    <SimpleForm validate={validatePlace}>
      <PlaceFields />
      <ArrayInput source="otherNames" label="resources.places.fields.names">
        <SimpleFormIterator inline disableReordering>
          <TextInput source="name" label="resources.places.fields.name" validate={placeNameRules} />
          <SelectInput source="language" label="resources.places.fields.language" choices={placeLanguageChoices} validate={required()} />
          <NumberInput source="validFrom" label="resources.places.fields.validFrom" validate={placeYear} step={1} />
          <NumberInput source="validTo" label="resources.places.fields.validTo" validate={placeYear} step={1} />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  </Create>
);
