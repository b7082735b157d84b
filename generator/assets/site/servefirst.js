/* Serve First: open collapsed blocks before printing, so paper shows everything. */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.splice(0).forEach(function (details) { details.open = false; });
  });
})();
