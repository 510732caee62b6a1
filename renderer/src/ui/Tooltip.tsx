import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import './tooltip.css';

interface Props {
  /** What shows in place (a compact badge). */
  children: ReactNode;
  /** The details, shown on hover and on keyboard focus, and read as the badge's description. */
  details: ReactNode;
  className?: string;
  /** The badge's accessible name, when its visible text is not enough on its own. */
  label?: string;
}

const GAP_PX = 6;
const MARGIN_PX = 8;

/** A focusable badge whose details pop up in the top layer (never clipped by a scrolling list). */
export function Tooltip({ children, details, className, label }: Props) {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLButtonElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const id = useId();

  useLayoutEffect(() => {
    const element = tip.current;
    const target = anchor.current;
    if (!element || !target) return;
    if (!open) {
      if (element.matches(':popover-open')) element.hidePopover();
      return;
    }
    if (!element.matches(':popover-open')) element.showPopover();
    const box = target.getBoundingClientRect();
    const { offsetWidth: width, offsetHeight: height } = element;
    const above = box.top - GAP_PX - height;
    const top = above >= MARGIN_PX ? above : box.bottom + GAP_PX;
    const left = Math.min(Math.max(MARGIN_PX, box.left), window.innerWidth - width - MARGIN_PX);
    element.style.top = `${top}px`;
    element.style.left = `${Math.max(MARGIN_PX, left)}px`;
  }, [open]);

  return (
    <>
      <button
        ref={anchor}
        type="button"
        className={`tooltip-anchor ${className ?? ''}`}
        aria-label={label}
        aria-describedby={id}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.stopPropagation();
            setOpen(false);
          }
        }}
      >
        {children}
      </button>
      {/* Always in the DOM (a closed popover is not displayed) so aria-describedby has something to read. */}
      <div ref={tip} id={id} role="tooltip" className="tooltip" popover="manual">
        {details}
      </div>
    </>
  );
}
