import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ModelList } from '../../../../shared/contract/providers.ts';
import type { Conversation } from '../../../../shared/domain.ts';
import { useApi } from '../../app/services.tsx';
import { ChevronIcon } from '../../ui/icons.tsx';
import { filterModels, loadModels } from './modelCache.ts';
import './modelPicker.css';

interface Props {
  conversation: Omit<Conversation, 'messages'>;
  /** The model from Settings; undefined while it loads. */
  defaultModel: string | undefined;
  onSaved: (conversation: Conversation) => void;
}

interface Choice {
  model: string;
  /** "Use …" for a name typed by hand that the list does not have. */
  typed?: boolean;
}

/**
 * The conversation's model, in the chat header: a searchable list from the provider's /models
 * (cached, refreshable), the default marked; any name can be typed where the provider lists none.
 */
export function ModelPicker({ conversation, defaultModel, onSaved }: Props) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [list, setList] = useState<ModelList | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const listId = useId();
  const providerId = conversation.settings?.providerId;
  const chosen = conversation.settings?.model;
  const current = chosen ?? defaultModel ?? '…';

  const load = useCallback(
    (refresh: boolean) => {
      setList(null);
      void loadModels(api, providerId, refresh).then(setList);
    },
    [api, providerId],
  );

  useLayoutEffect(() => {
    const element = panel.current;
    const anchor = button.current;
    if (!open || !element || !anchor) return;
    element.showPopover();
    const box = anchor.getBoundingClientRect();
    const left = Math.min(Math.max(8, box.right - element.offsetWidth), window.innerWidth - element.offsetWidth - 8);
    element.style.top = `${box.bottom + 4}px`;
    element.style.left = `${Math.max(8, left)}px`;
    element.querySelector<HTMLInputElement>('input')?.focus();
  }, [open]);

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    setQuery('');
    setActive(0);
    if (refocus) button.current?.focus();
  }, []);

  // A click anywhere else closes it (a manual popover has no light dismiss of its own).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && (panel.current?.contains(target) || button.current?.contains(target))) return;
      close(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [open, close]);

  const models = list?.available ? list.models : [];
  // The default first, then the provider's list in its order.
  const withDefault = defaultModel ? [defaultModel, ...models.filter((model) => model !== defaultModel)] : models;
  const matches: Choice[] = filterModels(withDefault, query).map((model) => ({ model }));
  const typed = query.trim();
  if (typed && !withDefault.includes(typed)) matches.push({ model: typed, typed: true });
  const activeIndex = Math.min(active, Math.max(0, matches.length - 1));

  const choose = async (model: string) => {
    setError(null);
    const result = await api.conversations.updateSettings({ id: conversation.id, model: model === defaultModel ? null : model });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    close(true);
    onSaved(result.value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        setActive((activeIndex + 1) % Math.max(1, matches.length));
        break;
      case 'ArrowUp':
        setActive((activeIndex - 1 + matches.length) % Math.max(1, matches.length));
        break;
      case 'Enter': {
        const pick = matches[activeIndex];
        if (pick) void choose(pick.model);
        break;
      }
      case 'Escape':
        close(true);
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const optionId = (index: number) => `${listId}-${index}`;
  return (
    <>
      <button
        ref={button}
        type="button"
        className="model-picker__button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={`Model: ${current}${chosen ? '' : ' (default)'}`}
        title="Choose the model for this conversation"
        onClick={() => {
          if (open) return close(true);
          setOpen(true);
          load(false);
        }}
      >
        <span className="model-picker__current">{current}</span>
        <span className="model-picker__chevron">
          <ChevronIcon />
        </span>
      </button>
      {open && (
        <div ref={panel} className="model-picker" role="dialog" aria-label="Choose a model" popover="manual">
          <input
            className="model-picker__search"
            role="combobox"
            aria-label="Search models"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={matches.length > 0 ? optionId(activeIndex) : undefined}
            placeholder="Search or type a model"
            value={query}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <ul id={listId} className="model-picker__list" role="listbox" aria-label="Models">
            {matches.map((choice, index) => (
              <li
                key={`${choice.typed ? 'typed:' : ''}${choice.model}`}
                id={optionId(index)}
                role="option"
                aria-selected={choice.model === current}
                data-active={index === activeIndex || undefined}
                className="model-picker__option"
                onPointerMove={() => setActive(index)}
                onClick={() => void choose(choice.model)}
              >
                <span className="model-picker__name">{choice.typed ? `Use “${choice.model}”` : choice.model}</span>
                {choice.model === defaultModel && !choice.typed && <span className="model-picker__tag">default</span>}
              </li>
            ))}
          </ul>
          <div className="model-picker__footer">
            <span className="model-picker__status" role="status">
              {list === null ? 'Loading models…' : list.available ? `${models.length} models` : list.reason}
            </span>
            <button type="button" className="link-button" onClick={() => load(true)}>
              Refresh list
            </button>
          </div>
          {error && (
            <p className="model-picker__error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </>
  );
}
