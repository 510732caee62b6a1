import { EVOLINK_MODELS, EVOLINK_PRESETS } from '../../../../shared/providerLinks.ts';

interface Props {
  baseUrl: string;
  model: string;
  onBaseUrl: (baseUrl: string) => void;
  onModel: (model: string) => void;
}

/** evolink's two addresses and its two everyday models, as radio groups. */
export function EvolinkPresets({ baseUrl, model, onBaseUrl, onModel }: Props) {
  return (
    <>
      <fieldset className="first-run__choice">
        <legend>Address</legend>
        {EVOLINK_PRESETS.map((preset) => (
          <label key={preset.baseUrl} className="first-run__option">
            <input type="radio" name="first-run-base" value={preset.baseUrl} checked={baseUrl === preset.baseUrl} onChange={() => onBaseUrl(preset.baseUrl)} />
            <span>
              <code>{preset.baseUrl}</code>
              <small>{preset.note}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="first-run__choice">
        <legend>Model</legend>
        {EVOLINK_MODELS.map((option) => (
          <label key={option.model} className="first-run__option">
            <input type="radio" name="first-run-model" value={option.model} checked={model === option.model} onChange={() => onModel(option.model)} />
            <span>
              <code>{option.model}</code>
              <small>{option.note}</small>
            </span>
          </label>
        ))}
      </fieldset>
    </>
  );
}
