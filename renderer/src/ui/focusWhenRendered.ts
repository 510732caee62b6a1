/**
 * Focuses the element `find` returns, at once when a virtual list has it rendered already, else as
 * soon as it can take focus (within two seconds): a virtual list renders an item hidden until it is
 * measured, and a hidden element refuses focus. For a few frames after, focus is put back if the
 * list's re-render after a long jump (Home, End) dropped it.
 */
export function focusWhenRendered(find: () => HTMLElement | null, then?: (element: HTMLElement) => void): void {
  const until = performance.now() + 2_000;
  let settle = 10;
  let focused = false;
  const step = () => {
    const element = find();
    if (element && document.activeElement !== element && (!focused || document.activeElement === document.body || document.activeElement === null)) {
      element.focus({ preventScroll: focused });
      if (!focused && document.activeElement === element) {
        focused = true;
        then?.(element);
      }
    }
    if (focused) settle--;
    if (settle > 0 && performance.now() < until) requestAnimationFrame(step);
  };
  step();
}
