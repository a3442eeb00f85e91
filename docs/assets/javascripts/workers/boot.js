// Runs inside the hidden iframe in which shim.js runs a worker when the site is opened from
// disk. iframe-worker 1.0.4 wrote these lines into the iframe as an inline script (with the
// worker's address in it); as a file they run under a Content-Security-Policy that allows
// no inline script. The worker's address comes from the iframe element (shim.js sets it).
"use strict";
self.postMessage = (message, origin) => parent.postMessage(message, origin || "*");
self.importScripts = (...urls) => urls.reduce((loaded, url) => loaded.then(() => new Promise(resolve => {
  const script = document.createElement("script");
  script.src = url;
  script.onload = resolve;
  document.body.appendChild(script);
})), Promise.resolve());
addEventListener("error", ({ error }) => {
  parent.dispatchEvent(new ErrorEvent("error", { filename: frameElement.dataset.worker, error }));
});
