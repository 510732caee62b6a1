import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './menu.css';

export interface MenuAction {
  label: string;
  onSelect: () => void;
  /** Drawn in the danger colour (Delete). */
  danger?: boolean;
}

interface Props {
  /** The button's accessible name (and the menu's). */
  label: string;
  actions: MenuAction[];
  /** What the button shows; an icon-only button gets `label` as its name. */
  children: ReactNode;
  className?: string;
}

const GAP_PX = 4;
const MARGIN_PX = 8;

/** Places the menu under the button (right edges aligned), or above it when there is no room below. */
function place(menu: HTMLElement, button: HTMLElement): void {
  const anchor = button.getBoundingClientRect();
  const { offsetWidth: width, offsetHeight: height } = menu;
  const below = anchor.bottom + GAP_PX;
  const top = below + height > window.innerHeight - MARGIN_PX ? Math.max(MARGIN_PX, anchor.top - GAP_PX - height) : below;
  const left = Math.min(Math.max(MARGIN_PX, anchor.right - width), window.innerWidth - width - MARGIN_PX);
  menu.style.top = `${top}px`;
  menu.style.left = `${Math.max(MARGIN_PX, left)}px`;
}

/**
 * A button that opens a menu (the WAI-ARIA menu button pattern): arrows move between the items,
 * Esc closes it and gives focus back to the button. The menu is a manual popover, so it sits in the
 * top layer and is never clipped by a scrolling sidebar.
 */
export function MenuButton({ label, actions, children, className }: Props) {
  const [open, setOpen] = useState<false | 'first' | 'last'>(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);

  useLayoutEffect(() => {
    const element = menu.current;
    if (!open || !element || !button.current) return;
    element.showPopover();
    place(element, button.current);
    const all = [...element.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
    (open === 'last' ? all.at(-1) : all[0])?.focus();
  }, [open]);

  // A click anywhere else closes it (a manual popover has no light dismiss of its own).
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && (menu.current?.contains(target) || button.current?.contains(target))) return;
      setOpen(false);
    };
    const onResize = () => setOpen(false);
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('resize', onResize);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('resize', onResize);
    };
  }, [open]);

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    const focusAt = (i: number) => all[(i + all.length) % all.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        focusAt(index - 1);
        break;
      case 'Home':
        focusAt(0);
        break;
      case 'End':
        focusAt(all.length - 1);
        break;
      case 'Escape':
        close(true);
        break;
      case 'Tab':
        close(false);
        return; // Tab moves on as usual
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className={`menu-button ${className ?? ''}`}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open !== false}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(true) : setOpen('first'))}
        onKeyDown={onButtonKeyDown}
      >
        {children}
      </button>
      {open && (
        <div ref={menu} id={menuId} className="menu" role="menu" aria-label={label} popover="manual" onKeyDown={onMenuKeyDown}>
          {actions.map((action) => (
            <button
              key={action.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={`menu__item${action.danger ? ' menu__item--danger' : ''}`}
              onClick={() => {
                // Focus goes back to the button first, so an action may move it somewhere better.
                close(true);
                action.onSelect();
              }}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}

/** Three dots, for "more actions" buttons. */
export function MoreIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <circle cx="3.5" cy="8" r="1.4" fill="currentColor" />
      <circle cx="8" cy="8" r="1.4" fill="currentColor" />
      <circle cx="12.5" cy="8" r="1.4" fill="currentColor" />
    </svg>
  );
}
