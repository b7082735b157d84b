/* Serve First: lets the handbook's search run when the site is opened from file://,
 * for example from a USB stick.
 *
 * Browsers refuse to start a Web Worker from a file:// page, and Material's search runs
 * in one. This stand-in runs the worker script in a hidden iframe of the same origin and
 * passes messages both ways. It is what Material's offline plugin gets from a CDN (the
 * iframe-worker shim), written here so the site never asks the network for anything.
 * Over http(s) it does nothing and the browser's own Worker is used.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:" || "IFrameWorker" in window) {
    return;
  }

  function load(scope, src) {
    return new Promise(function (resolve, reject) {
      var script = scope.document.createElement("script");
      script.src = src;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      scope.document.head.appendChild(script);
    });
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      var worker = this;
      var src = new URL(url, location.href).href;
      this.onmessage = null;
      this.onerror = null;
      this.pending = [];
      this.scope = null;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.title = "Search";
      this.frame.tabIndex = -1;
      this.frame.setAttribute("aria-hidden", "true");
      (document.body || document.documentElement).appendChild(this.frame);
      var scope = this.frame.contentWindow;
      // What the worker script calls: postMessage answers the page, importScripts loads
      // more scripts (Material awaits it, so a promise is fine).
      scope.postMessage = function (data) {
        var copy = structuredClone(data);
        setTimeout(function () { worker.emit(new MessageEvent("message", { data: copy })); });
      };
      scope.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (done, next) {
          return done.then(function () { return load(scope, new URL(next, src).href); });
        }, Promise.resolve());
      };
      load(scope, src).then(
        function () {
          worker.scope = scope;
          worker.pending.splice(0).forEach(function (data) { worker.deliver(data); });
        },
        function (error) {
          worker.emit(new ErrorEvent("error", { error: error, message: error.message }));
        }
      );
    }

    postMessage(data) {
      if (this.scope) {
        this.deliver(data);
      } else {
        this.pending.push(data);
      }
    }

    terminate() {
      this.frame.remove();
      this.scope = null;
    }

    deliver(data) {
      var scope = this.scope;
      // Cloned into the iframe's realm, as a real worker would receive it.
      var copy = scope.structuredClone(data);
      setTimeout(function () {
        scope.dispatchEvent(new scope.MessageEvent("message", { data: copy }));
      });
    }

    emit(event) {
      var handler = event.type === "message" ? this.onmessage : this.onerror;
      if (typeof handler === "function") {
        handler.call(this, event);
      }
      this.dispatchEvent(event);
    }
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
