/*
 * Pulsebar browser bridge client: defines window.pulsebar (the PulsebarApi of
 * src/shared/ipc-contract.ts) over HTTP for `npm run web` and the e2e tests.
 *   invoke(channel, request) → POST /ipc/<channel> {request} → IpcResult
 *   on(event, listener)      ← Server-Sent Events on /events, data = {event, payload}
 * Served same-origin by scripts/web-bridge.ts and injected as <script src> into
 * index.html, so the page's CSP (script-src 'self') holds. Both requests carry the
 * bridge's token as the HttpOnly cookie set when the page was first opened with
 * ?token=… (same-origin fetch and EventSource send it); this script never sees it. This replaces only
 * Electron's IPC transport; the renderer bundle is the one Electron loads.
 */
(function () {
  'use strict';
  var listeners = new Map();
  var source = null;

  function connect() {
    source = new EventSource('/events');
    source.onmessage = function (message) {
      var data;
      try {
        data = JSON.parse(message.data);
      } catch (err) {
        return;
      }
      var set = listeners.get(data.event);
      if (!set) return;
      set.forEach(function (listener) {
        try {
          listener(data.payload);
        } catch (err) {
          console.error('pulsebar listener failed', err);
        }
      });
    };
    // EventSource reconnects on its own after a dropped connection.
  }

  function invoke(channel, request) {
    return fetch('/ipc/' + encodeURIComponent(channel), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ request: request }),
    })
      .then(function (response) {
        return response.json();
      })
      .catch(function (err) {
        return { ok: false, error: { kind: 'failed', message: 'The Pulsebar bridge did not answer: ' + String(err && err.message) } };
      });
  }

  function on(event, listener) {
    if (!listeners.has(event)) listeners.set(event, new Set());
    listeners.get(event).add(listener);
    return function () {
      var set = listeners.get(event);
      if (set) set.delete(listener);
    };
  }

  connect();
  Object.defineProperty(window, 'pulsebar', {
    value: Object.freeze({ invoke: invoke, on: on, host: 'browser' }),
    writable: false,
    configurable: false,
  });
})();
