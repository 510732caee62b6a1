import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';

export interface TrayActions {
  newChat(): void;
  quickPrompt(): void;
  showMain(): void;
  quit(): void;
}

export function trayMenuTemplate(actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: 'New chat', click: () => actions.newChat() },
    { label: 'Quick prompt', click: () => actions.quickPrompt() },
    { label: 'Show Parley', click: () => actions.showMain() },
    { type: 'separator' },
    { label: 'Quit', click: () => actions.quit() },
  ];
}

/** The tray (menu-bar) icon. iconPath names the 1× PNG; Electron picks up its @2x sibling itself. */
export function createTray(iconPath: string, actions: TrayActions): Tray {
  const image = nativeImage.createFromPath(iconPath);
  if (image.isEmpty()) console.warn(`Parley: the tray icon ${iconPath} is missing; the tray may show a blank icon.`);
  const tray = new Tray(image);
  tray.setToolTip('Parley');
  tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(actions)));
  // Windows users expect a left click to bring the app back; macOS and Linux open the menu instead.
  if (process.platform === 'win32') tray.on('click', () => actions.showMain());
  return tray;
}
