export { openSettings, type OpenSettingsOptions } from './openSettings.ts';
export { SettingsService } from './SettingsService.ts';
export { createConfBackend, backendFromStore, settingsJsonSchema, storeLocation } from './confBackend.ts';
