/**
 * The packaged app's fuses, read from electron-builder.yml the way electron-builder itself reads it
 * (app-builder-lib is electron-builder's own package; getConfig also validates against its schema).
 * A fuse left at Electron's default would let another program run code as Pulsebar and read its
 * keychain items, or give file:// pages extra reach; this pins each one.
 */
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';

async function builderConfig(): Promise<Configuration> {
  const config = await getConfig(process.cwd(), null, null);
  await validateConfiguration(config, new (await import('builder-util')).DebugLogger(false));
  return config;
}

describe('electron-builder.yml', () => {
  it('sets every security fuse', async () => {
    const { electronFuses } = await builderConfig();
    expect(electronFuses).toEqual({
      runAsNode: false, // ELECTRON_RUN_AS_NODE would turn the app into a plain Node with its keychain identity
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS=--require would inject code
      enableNodeCliInspectArguments: false, // --inspect would open a debugger into main
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true, // with integrity: only the signed app.asar is loaded
      grantFileProtocolExtraPrivileges: false, // the page is served over app://, not file://
    });
  });

  it('keeps keytar outside the asar archive and rebuilt for Electron', async () => {
    const config = await builderConfig();
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/keytar/**');
  });
});
