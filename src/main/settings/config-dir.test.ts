import { describe, expect, it } from 'vitest';
import { resolveConfigDir } from './config-dir';

describe('resolveConfigDir', () => {
  it('prefers PULSEBAR_CONFIG_DIR', () => {
    expect(resolveConfigDir({ env: { PULSEBAR_CONFIG_DIR: '/srv/pb' }, platform: 'linux', home: '/home/u' })).toBe('/srv/pb');
  });

  it('uses ~/.config/Pulsebar on Linux, honouring an absolute XDG_CONFIG_HOME', () => {
    expect(resolveConfigDir({ env: {}, platform: 'linux', home: '/home/u' })).toBe('/home/u/.config/Pulsebar');
    expect(resolveConfigDir({ env: { XDG_CONFIG_HOME: '/x/cfg' }, platform: 'linux', home: '/home/u' })).toBe('/x/cfg/Pulsebar');
    expect(resolveConfigDir({ env: { XDG_CONFIG_HOME: 'rel' }, platform: 'linux', home: '/home/u' })).toBe('/home/u/.config/Pulsebar');
  });

  it('uses Application Support on macOS', () => {
    expect(resolveConfigDir({ env: {}, platform: 'darwin', home: '/Users/u' })).toBe('/Users/u/Library/Application Support/Pulsebar');
  });

  it('uses %APPDATA% on Windows', () => {
    expect(resolveConfigDir({ env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\u' })).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\Pulsebar',
    );
    expect(resolveConfigDir({ env: {}, platform: 'win32', home: 'C:\\Users\\u' })).toBe('C:\\Users\\u\\AppData\\Roaming\\Pulsebar');
  });
});
