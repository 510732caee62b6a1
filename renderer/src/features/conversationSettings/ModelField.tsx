import { useId } from 'react';
import { Field } from '../settings/Field.tsx';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The provider's models, offered as suggestions; typing any other name still works. */
  models: string[];
  error?: string | undefined;
  placeholder?: string;
  hint?: string;
}

/** A model name: free text, with the provider's list as suggestions where it offers one. */
export function ModelField({ models, ...field }: Props) {
  const listId = useId();
  return (
    <>
      <Field {...field} list={models.length > 0 ? listId : undefined} spellCheck={false} autoComplete="off" />
      {models.length > 0 && (
        <datalist id={listId}>
          {models.map((model) => (
            <option key={model} value={model} />
          ))}
        </datalist>
      )}
    </>
  );
}
