// Installers for each platform: `npm run dist` builds the current one (electron-builder).
// A JS file rather than YAML so that no YAML parser is needed to test it, and so that the update feed
// can follow the GitHub repository the release workflow runs in.

const [owner, repo] = (process.env.GITHUB_REPOSITORY || '').split('/');

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'ai.parley.desktop',
  productName: 'Parley',
  copyright: 'Copyright © Parley contributors',
  directories: { output: 'dist', buildResources: 'resources' },

  // The built app only; electron-builder adds package.json and the production dependencies itself.
  files: ['out/**/*', '!out/**/*.map'],
  asar: true,
  // keytar's .node binary cannot be loaded from inside the archive.
  asarUnpack: ['**/*.node'],
  // Rebuild native modules (keytar) against Electron's headers for each target.
  npmRebuild: true,
  buildDependenciesFromSource: false,
  extraResources: [
    { from: 'resources/tray', to: 'tray', filter: ['*.png'] },
    // The window icon on Linux (macOS and Windows take the bundle's and the executable's own).
    { from: 'resources/icons/256x256.png', to: 'icons/256x256.png' },
  ],

  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // Unsigned arm64 macOS builds would not start with the ad-hoc signature the fuse flip broke.
    resetAdHocDarwinSignature: true,
  },

  linux: {
    target: ['AppImage', 'deb'],
    icon: 'resources/icons',
    // `parley` on the PATH (the .deb links /usr/bin/parley), so `parley --quick` can be bound to a key.
    executableName: 'parley',
    category: 'Utility',
    synopsis: 'A fast, private chat client for OpenAI-compatible APIs',
    maintainer: 'Parley contributors <parley@users.noreply.github.com>',
    desktop: {
      entry: { StartupWMClass: 'Parley', Keywords: 'chat;ai;llm;openai;' },
      desktopActions: { QuickPrompt: { Name: 'Quick prompt', Exec: 'parley --quick' } },
    },
  },
  deb: { packageCategory: 'utils' },
  appImage: { artifactName: 'Parley-${version}-${arch}.${ext}' },

  mac: {
    target: ['dmg'],
    icon: 'resources/icon.icns',
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  dmg: { artifactName: 'Parley-${version}-${arch}.${ext}' },

  win: {
    target: ['nsis'],
    icon: 'resources/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Parley',
    artifactName: 'Parley-Setup-${version}.${ext}',
  },

  // electron-updater reads the feed from here; outside a GitHub checkout nothing is published.
  publish: owner && repo ? [{ provider: 'github', owner, repo, releaseType: 'draft' }] : null,
};
