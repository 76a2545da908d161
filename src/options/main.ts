import { loadSettings, onSettingsChanged } from '../platform/settings-store.ts';
import { localize } from '../ui/i18n.ts';
import { bindAppearance, fillAppearance } from './appearance.ts';
import { bindData } from './data.ts';
import { showShortcuts } from './shortcuts.ts';

// Wiring only: each section of the page lives in its own module.
async function main(): Promise<void> {
  localize();
  let settings = await loadSettings();
  fillAppearance(settings);
  bindAppearance(() => settings);
  onSettingsChanged((s) => {
    settings = s;
    fillAppearance(s);
  });
  await Promise.all([bindData(), showShortcuts()]);
}

void main();
