// `node scripts/make-icons.mjs`: renders resources/icon.svg with Chromium into every icon the
// installers and the tray need, and packs the Windows .ico and macOS .icns by hand (both are simple
// containers of PNG images). Re-run after changing the SVG and commit the results.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const resources = resolve(import.meta.dirname, '..', 'resources');
const svg = readFileSync(join(resources, 'icon.svg'));

/** Linux wants a folder of NxN.png; the .ico and .icns are built from the same renders. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// OSType → pixel size: ic11–ic14 are the @2x variants of 16, 32, 128 and 256 points.
const ICNS_TYPES = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
  ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];

async function render(sizes) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
    const pngs = new Map();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img) => img.decode());
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
    return pngs;
  } finally {
    await browser.close();
  }
}

/** ICO: a 6-byte header, one 16-byte entry per image, then the PNGs (Windows Vista and later). */
export function packIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** ICNS: "icns" and the total length, then per image its OSType, its length (with this 8-byte header) and the PNG. */
export function packIcns(entries) {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

async function main() {
  const pngs = await render(PNG_SIZES);
  const png = (size) => pngs.get(size);
  mkdirSync(join(resources, 'icons'), { recursive: true });
  mkdirSync(join(resources, 'tray'), { recursive: true });
  for (const size of PNG_SIZES) writeFileSync(join(resources, 'icons', `${size}x${size}.png`), png(size));
  writeFileSync(join(resources, 'icon.ico'), packIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
  writeFileSync(join(resources, 'icon.icns'), packIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) }))));
  // The tray takes a 16-point image; Electron loads the @2x file beside it on high-DPI screens.
  writeFileSync(join(resources, 'tray', 'tray.png'), png(16));
  writeFileSync(join(resources, 'tray', 'tray@2x.png'), png(32));
  console.log(`Icons written to ${resources}: icons/*.png (${PNG_SIZES.join(', ')}), icon.ico, icon.icns, tray/.`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error) => {
    console.error(`make-icons: ${error.stack ?? error}`);
    process.exit(1);
  });
}
