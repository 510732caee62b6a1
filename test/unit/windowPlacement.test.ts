import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { centreIn, displayUnder, EDGE_MARGIN, placeQuickPrompt, type DisplayLike, type Rect } from '../../electron/core/quickPrompt/placement.ts';
import { QUICK_WINDOW_SIZE, quickWindowOptions } from '../../electron/main/quickWindowOptions.ts';
import { isTrustedSender } from '../../electron/main/senderCheck.ts';

const size = { width: 680, height: 460 };
const rect = (x: number, y: number, width: number, height: number): Rect => ({ x, y, width, height });
/** A display with a taskbar (or menu bar) of `bar` DIPs along the bottom (or top, when negative). */
function display(name: string, bounds: Rect, bar = 0): DisplayLike & { name: string } {
  const workArea = bar >= 0 ? { ...bounds, height: bounds.height - bar } : { ...bounds, y: bounds.y - bar, height: bounds.height + bar };
  return { name, bounds, workArea };
}
const centreOf = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const whole = (r: Rect) => [r.x, r.y, r.width, r.height].every(Number.isInteger);

describe('displayUnder', () => {
  // A laptop (primary), a monitor to its left and one above: negative coordinates on both axes.
  const laptop = display('laptop', rect(0, 0, 1440, 900), 40);
  const left = display('left', rect(-1920, -180, 1920, 1080));
  const above = display('above', rect(0, -1080, 1920, 1080));
  const layout = [laptop, left, above];

  it('finds the display containing the pointer, negative coordinates included', () => {
    expect(displayUnder({ x: 100, y: 100 }, layout)?.name).toBe('laptop');
    expect(displayUnder({ x: -1, y: 0 }, layout)?.name).toBe('left');
    expect(displayUnder({ x: -1920, y: -180 }, layout)?.name).toBe('left');
    expect(displayUnder({ x: 500, y: -1 }, layout)?.name).toBe('above');
  });

  it('treats right and bottom edges as outside, and picks the nearest display from a gap', () => {
    expect(displayUnder({ x: 1440, y: 10 }, layout)?.name).toBe('laptop'); // just past the laptop, nearest is still it
    expect(displayUnder({ x: 1600, y: 950 }, layout)?.name).toBe('laptop');
    expect(displayUnder({ x: -2500, y: 300 }, layout)?.name).toBe('left');
    expect(displayUnder({ x: 10, y: 10 }, [])).toBeUndefined();
  });
});

describe('placeQuickPrompt', () => {
  it('centres the window in the work area of the display under the pointer', () => {
    const primary = display('primary', rect(0, 0, 1920, 1080), 48);
    const second = display('second', rect(1920, 0, 2560, 1440), 0);
    const onSecond = placeQuickPrompt({ x: 3000, y: 700 }, [primary, second], primary, size);
    expect(onSecond).toEqual({ x: 1920 + (2560 - 680) / 2, y: (1440 - 460) / 2, width: 680, height: 460 });
    const onPrimary = placeQuickPrompt({ x: 5, y: 5 }, [primary, second], primary, size);
    expect(centreOf(onPrimary)).toEqual(centreOf(primary.workArea));
  });

  it('works left of and above the primary display, and under a top menu bar', () => {
    const primary = display('mac', rect(0, 0, 1512, 982), -38);
    const left = display('left', rect(-2560, -400, 2560, 1440), 0);
    const placed = placeQuickPrompt({ x: -100, y: -300 }, [primary, left], primary, size);
    expect(placed).toEqual({ x: -2560 + (2560 - 680) / 2, y: -400 + (1440 - 460) / 2, width: 680, height: 460 });
    const onMac = placeQuickPrompt({ x: 700, y: 500 }, [primary, left], primary, size);
    expect(onMac.y).toBe(38 + Math.round((982 - 38 - 460) / 2));
  });

  it('gives whole DIPs on scaled displays (Electron reports DIPs; setBounds refuses fractions)', () => {
    // 4K at 200% is 1920×1080 DIPs; 1920×1080 at 125% is 1536×864 DIPs with a 38-DIP taskbar;
    // 2880×1800 at 175% gives an odd 1645-DIP width.
    const hidpi = display('4k', rect(0, 0, 1920, 1080), 40);
    const laptop = display('125%', rect(1920, 0, 1536, 864), 38);
    const odd = display('175%', rect(-1645, 0, 1645, 1028), 41);
    for (const [pointer, expected] of [
      [{ x: 100, y: 100 }, hidpi],
      [{ x: 2000, y: 100 }, laptop],
      [{ x: -10, y: 10 }, odd],
    ] as const) {
      const placed = placeQuickPrompt(pointer, [hidpi, laptop, odd], hidpi, size);
      expect(whole(placed), JSON.stringify(placed)).toBe(true);
      expect(inside(placed, expected.workArea)).toBe(true);
      expect(Math.abs(centreOf(placed).x - centreOf(expected.workArea).x)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(centreOf(placed).y - centreOf(expected.workArea).y)).toBeLessThanOrEqual(0.5);
    }
  });

  it('shrinks the window to fit a small work area, keeping a margin', () => {
    const tiny = display('tiny', rect(0, 0, 640, 400), 0);
    expect(centreIn(tiny.workArea, size)).toEqual({ x: EDGE_MARGIN, y: EDGE_MARGIN, width: 640 - 2 * EDGE_MARGIN, height: 400 - 2 * EDGE_MARGIN });
  });

  it('falls back to the given display when none is known', () => {
    const primary = display('primary', rect(0, 0, 1280, 800), 0);
    expect(placeQuickPrompt({ x: 9999, y: 9999 }, [], primary, size)).toEqual({ x: 300, y: 170, width: 680, height: 460 });
  });
});

describe('quickWindowOptions', () => {
  it('is small, frameless, always on top, hidden but painted, and as locked down as the main window', () => {
    const options = quickWindowOptions('/app/out/preload/index.cjs');
    expect(options).toMatchObject({
      ...QUICK_WINDOW_SIZE,
      show: false,
      paintWhenInitiallyHidden: true,
      frame: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      resizable: false,
      fullscreenable: false,
    });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      backgroundThrottling: false,
    });
  });
});

describe('the quick window page', () => {
  it('may call main like the main page, and no other local file may', () => {
    const page = (name: string) => pathToFileURL(`/opt/Parley app/resources/app.asar/out/renderer/${name}`).href;
    const trusted = { packagedIndexUrl: page('index.html'), otherPackagedUrls: [page('quick.html')] };
    const top = (url: string) => ({ url, parent: null });
    expect(isTrustedSender(top(page('quick.html')), trusted)).toBe(true);
    expect(isTrustedSender(top(`${page('index.html')}?conversation=abc`), trusted)).toBe(true);
    expect(isTrustedSender(top(page('other.html')), trusted)).toBe(false);
    expect(isTrustedSender({ url: page('quick.html'), parent: {} }, trusted)).toBe(false);
    expect(isTrustedSender(top(page('quick.html')), { packagedIndexUrl: page('index.html') })).toBe(false);
  });
});
