/**
 * Focuses the element `find` returns, at once when a virtual list has it rendered already, else as
 * soon as it has (a few frames). For a few frames after, focus is put back if the list's re-render
 * after a long jump (Home, End) dropped it to the page.
 */
export function focusWhenRendered(find: () => HTMLElement | null, then?: (element: HTMLElement) => void): void {
  const until = performance.now() + 2_000;
  let settle = 10;
  let focused = false;
  const step = () => {
    const element = find();
    if (element && (!focused || document.activeElement === document.body || document.activeElement === null)) {
      element.focus({ preventScroll: focused });
      if (!focused) then?.(element);
      focused = true;
    }
    if (focused) settle--;
    if (settle > 0 && performance.now() < until) requestAnimationFrame(step);
  };
  step();
}
