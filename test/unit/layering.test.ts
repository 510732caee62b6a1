// The layering allow-lists of eslint.config.js, checked on small snippets placed in each folder.
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });
});

/** The layering messages for `code` as if it were the file at `path` (which need not exist). */
async function layering(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'parley/allowed-imports').map((m) => m.message);
}

const refused = (specifier: string) => expect.stringContaining(`'${specifier}' is not on the allow-list`);

describe('layering: an allow-list per folder', { timeout: 60_000 }, () => {
  it('shared/ imports only shared/ and zod', async () => {
    expect(await layering('shared/x.ts', "import { z } from 'zod';\nimport type { AppError } from './errors.ts';\nexport const s = z.string();\nexport type E = AppError;\n")).toEqual([]);
    expect(await layering('shared/x.ts', "import fs from 'node:fs';\nimport path from 'path';\nexport { fs, path };\n")).toEqual([refused('node:fs'), refused('path')]);
    expect(await layering('shared/x.ts', "export const load = () => import('react');\nexport * from '../electron/core/services.ts';\n")).toEqual([refused('react'), refused('../electron/core/services.ts')]);
  });

  it('electron/core never reaches electron, not even by type, require() or a dynamic import()', async () => {
    expect(await layering('electron/core/x/y.ts', "import { readFileSync } from 'node:fs';\nimport OpenAI from 'openai';\nimport { fail } from '../../../shared/errors.ts';\nimport { TokenVault } from '../vault/TokenVault.ts';\nexport { readFileSync, OpenAI, fail, TokenVault };\n")).toEqual([]);
    const messages = await layering(
      'electron/core/x/y.ts',
      "import { app } from 'electron';\nimport type { App } from 'electron';\nexport const later = () => import('electron');\nexport const old = require('electron');\nexport type W = import('electron').BrowserWindow;\nexport { app };\nexport type A = App;\n",
    );
    expect(messages).toEqual([refused('electron'), refused('electron'), refused('electron'), refused('electron'), refused('electron')]);
    expect(await layering('electron/core/x/y.ts', "import { registerIpc } from '../../main/ipc.ts';\nexport { registerIpc };\n")).toEqual([refused('../../main/ipc.ts')]);
  });

  it('a computed import() is refused; a const string specifier is followed', async () => {
    expect(await layering('electron/core/x.ts', 'export const load = (name: string) => import(name);\n')).toEqual([
      expect.stringContaining('only literal specifiers'),
    ]);
    expect(await layering('electron/main/x.ts', "const specifier = 'electron-updater';\nexport const load = () => import(specifier);\n")).toEqual([]);
    expect(await layering('electron/core/x.ts', "const specifier = 'electron';\nexport const load = () => import(specifier);\n")).toEqual([refused('electron')]);
  });

  it('electron/main may use Electron, Node and the services, never the pages', async () => {
    expect(await layering('electron/main/x.ts', "import { app } from 'electron';\nimport { join } from 'node:path';\nimport { createServices } from '../core/services.ts';\nexport { app, join, createServices };\n")).toEqual([]);
    expect(await layering('electron/main/x.ts', "import { App } from '../../renderer/src/App.tsx';\nexport { App };\n")).toEqual([refused('../../renderer/src/App.tsx')]);
  });

  it('the preload imports electron and the channel list and API builder; other shared/ modules by type only', async () => {
    expect(
      await layering(
        'electron/preload/index.ts',
        "import { contextBridge } from 'electron';\nimport { buildApi } from '../../shared/contract/api.ts';\nimport { callChannels } from '../../shared/contract/channels.ts';\nimport type { Result } from '../../shared/errors.ts';\nexport { contextBridge, buildApi, callChannels };\nexport type R = Result<unknown>;\n",
      ),
    ).toEqual([]);
    expect(await layering('electron/preload/index.ts', "import { z } from 'zod';\nimport fs from 'fs';\nimport { callSchemas } from '../../shared/contract/index.ts';\nexport { z, fs, callSchemas };\n")).toEqual([
      refused('zod'),
      refused('fs'),
      refused('../../shared/contract/index.ts'),
    ]);
  });

  it('the renderer gets browser libraries and shared/, never Electron, Node, openai or keytar', async () => {
    expect(await layering('renderer/src/x.tsx', "import { useState } from 'react';\nimport katexCss from 'katex/dist/katex.min.css?url';\nimport { callChannels } from '../../shared/contract/channels.ts';\nexport { useState, katexCss, callChannels };\n")).toEqual([]);
    expect(
      await layering('renderer/src/x.tsx', "import { ipcRenderer } from 'electron';\nimport OpenAI from 'openai';\nimport keytar from 'keytar';\nexport const fs = () => import('node:fs');\nexport { ipcRenderer, OpenAI, keytar };\n"),
    ).toEqual([refused('electron'), refused('openai'), refused('keytar'), refused('node:fs')]);
    expect(await layering('renderer/src/x.tsx', "export * from '../../electron/core/services.ts';\n")).toEqual([refused('../../electron/core/services.ts')]);
  });

  it('tests may import anything', async () => {
    expect(await layering('test/unit/x.test.ts', "import { app } from 'electron';\nimport fs from 'node:fs';\nimport { App } from '../../renderer/src/App.tsx';\nexport { app, fs, App };\n")).toEqual([]);
  });
});
