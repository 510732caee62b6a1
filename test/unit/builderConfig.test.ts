import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const configPath = join(root, 'electron-builder.config.cjs');
type Target = string | { target: string };
type PlatformConfig = { target: Target[]; icon: string };
type BuilderConfig = {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
  electronFuses: Record<string, boolean>;
  linux: PlatformConfig & { executableName: string };
  mac: PlatformConfig;
  win: PlatformConfig;
  publish: unknown;
};

/** The config as electron-builder loads it, in a given environment. */
function loadConfig(env: Record<string, string | undefined> = {}): BuilderConfig {
  const saved = process.env.GITHUB_REPOSITORY;
  if ('GITHUB_REPOSITORY' in env) process.env.GITHUB_REPOSITORY = env.GITHUB_REPOSITORY;
  else delete process.env.GITHUB_REPOSITORY;
  try {
    const require = createRequire(import.meta.url);
    delete require.cache[configPath];
    return require(configPath) as BuilderConfig;
  } finally {
    if (saved === undefined) delete process.env.GITHUB_REPOSITORY;
    else process.env.GITHUB_REPOSITORY = saved;
  }
}
const targets = (platform: PlatformConfig) => platform.target.map((t) => (typeof t === 'string' ? t : t.target));
const pngSize = (png: Buffer) => {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};

describe('electron-builder configuration', () => {
  const config = loadConfig();

  it('names the app and builds AppImage + deb, dmg and NSIS', () => {
    expect(config.appId).toBe('ai.parley.desktop');
    expect(config.productName).toBe('Parley');
    expect(targets(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targets(config.mac)).toEqual(['dmg']);
    expect(targets(config.win)).toEqual(['nsis']);
    expect(config.linux.executableName).toBe('parley');
  });

  it('packs only the built app into an asar, with keytar rebuilt and unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual(['out/**/*']);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    for (const { from } of config.extraResources) expect(existsSync(join(root, from)), from).toBe(true);
  });

  it('sets every fuse', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('points at icons that exist, at every size each platform needs', () => {
    const linuxDir = join(root, config.linux.icon);
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const file = join(linuxDir, `${size}x${size}.png`);
      expect(existsSync(file), file).toBe(true);
      expect(pngSize(readFileSync(file))).toEqual({ width: size, height: size });
    }

    const ico = readFileSync(join(root, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon, not a cursor
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const entry = 6 + 16 * i;
      const image = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      const declared = ico.readUInt8(entry) || 256;
      expect(pngSize(image).width).toBe(declared);
      return declared;
    });
    expect(icoSizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));

    const icns = readFileSync(join(root, config.mac.icon));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types = new Map<string, number>();
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      types.set(icns.subarray(offset, offset + 4).toString('ascii'), pngSize(icns.subarray(offset + 8, offset + icns.readUInt32BE(offset + 4))).width);
    }
    expect(Object.fromEntries(types)).toMatchObject({ icp4: 16, icp5: 32, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic14: 512 });
  });

  it('publishes the update feed only inside a GitHub repository', () => {
    expect(config.publish).toBeNull();
    expect(loadConfig({ GITHUB_REPOSITORY: 'someone/parley' }).publish).toEqual([
      expect.objectContaining({ provider: 'github', owner: 'someone', repo: 'parley' }),
    ]);
  });

  it('is built by a release workflow on all three platforms', () => {
    const workflow = readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8');
    for (const runner of ['ubuntu-latest', 'macos-latest', 'windows-latest']) expect(workflow).toContain(`os: ${runner}`);
    expect(workflow).toContain('electron-builder --config electron-builder.config.cjs');
  });
});
