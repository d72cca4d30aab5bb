/** Writes the tray and app icons to build/icons (run: npx tsx scripts/make-icons.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { drawTrayIcon } from '../src/main/tray/tray-icon-image';

const dir = 'build/icons';
mkdirSync(dir, { recursive: true });
for (const state of ['normal', 'alert', 'error', 'paused'] as const) {
  writeFileSync(`${dir}/tray-${state}.png`, drawTrayIcon(state, 16));
  writeFileSync(`${dir}/tray-${state}@2x.png`, drawTrayIcon(state, 32));
}
writeFileSync(`${dir}/trayTemplate.png`, drawTrayIcon('normal', 16, true));
writeFileSync(`${dir}/trayTemplate@2x.png`, drawTrayIcon('normal', 32, true));
writeFileSync('build/icon.png', drawTrayIcon('normal', 512));
console.log(`icons written to ${dir} and build/icon.png`);
