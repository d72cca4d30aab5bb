/**
 * Test setup for the renderer project (vitest.config.ts): jest-dom matchers, a clean DOM and no fake
 * bridge left over between tests, and the few layout APIs jsdom lacks that the window's code touches.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { registerProviderDescriptors } from '../../../shared/provider-descriptor';
import { JUNKIE_DESCRIPTOR } from '../../../main/providers/junkie/descriptor';
import { LUAAUTH_DESCRIPTOR } from '../../../main/providers/luaauth/descriptor';
import { LUAPROT_DESCRIPTOR } from '../../../main/providers/luaprot/descriptor';

// Main hands the window its providers' descriptors when it loads (providers:list); views under test
// see the shipped ones, as the window does.
registerProviderDescriptors([JUNKIE_DESCRIPTOR, LUAPROT_DESCRIPTOR, LUAAUTH_DESCRIPTOR]);

afterEach(() => {
  cleanup();
  delete window.pulsebar;
});

// jsdom does no layout: give elements a size so the virtualized session list renders its rows
// (TanStack Virtual measures the scroller and the rows), and scrolling calls are no-ops.
Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: { configurable: true, get: () => 600 },
  offsetWidth: { configurable: true, get: () => 400 },
  clientHeight: { configurable: true, get: () => 600 },
});
Element.prototype.getBoundingClientRect = function () {
  return { x: 0, y: 0, top: 0, left: 0, bottom: 600, right: 400, width: 400, height: 600, toJSON: () => ({}) } as DOMRect;
};
Element.prototype.scrollTo = function () {} as Element['scrollTo'];
Element.prototype.scrollIntoView = function () {};
// uPlot reads the device pixel ratio through matchMedia when it loads; jsdom has no media queries.
if (!window.matchMedia) {
  window.matchMedia = ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
}
if (!('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
