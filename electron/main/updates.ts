// electron-updater is loaded only in a packaged build: development and tests never reach the network.

interface Updater {
  checkForUpdatesAndNotify(): Promise<unknown>;
}

interface UpdaterModule {
  autoUpdater?: Updater;
  default?: { autoUpdater?: Updater };
}

/** Checks the release feed once and lets electron-updater notify; any failure is only logged. */
export async function checkForUpdates(isPackaged: boolean): Promise<void> {
  if (!isPackaged) return;
  try {
    // A variable specifier keeps the bundler from inlining it: it loads from node_modules at run time.
    const specifier = 'electron-updater';
    const loaded = (await import(specifier)) as UpdaterModule;
    const updater = loaded.autoUpdater ?? loaded.default?.autoUpdater;
    if (!updater) throw new Error('electron-updater has no autoUpdater');
    await updater.checkForUpdatesAndNotify();
  } catch (error) {
    console.warn(`Parley: update check skipped: ${(error as Error).message}`);
  }
}
