/* Serve First SCORM launcher: one SCO for the whole handbook.
 *
 * Finds the LMS's API the standard way (the window's parents, then the opener's): `API`
 * for SCORM 1.2, `API_1484_11` for SCORM 2004. Opens the handbook in the frame at the
 * page the learner was on, and hears from each handbook page (servefirst-checks.js,
 * postMessage): which page is open and how each knowledge check was answered. It stores
 * the page as the location and {v: pages visited, a: {"scope:id": 1 or 0}} as the
 * suspend data, sets completion once every module page was visited, and the score as the
 * share of the module checks last answered right (0-100; scaled 0-1 in 2004).
 * Nothing is fetched.
 */
(function () {
  "use strict";
  var course = window.SERVEFIRST_COURSE;
  var v12 = course.version === "1.2";
  var frame = document.getElementById("handbook");
  var started = new Date().getTime();

  function search(win, name) {
    for (var tries = 0; win && tries < 12; tries++) {
      try {
        if (win[name]) return win[name];
      } catch (e) { /* another origin: look further up */ }
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  function findApi(name) {
    var api = search(window, name);
    if (!api && window.opener) api = search(window.opener, name);
    if (!api && window.top && window.top.opener) api = search(window.top.opener, name);
    return api;
  }

  var api = findApi(v12 ? "API" : "API_1484_11");
  var names = v12 ? {
    init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue",
    commit: "LMSCommit", finish: "LMSFinish",
    location: "cmi.core.lesson_location", status: "cmi.core.lesson_status",
    raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max",
    exit: "cmi.core.exit", time: "cmi.core.session_time"
  } : {
    init: "Initialize", get: "GetValue", set: "SetValue",
    commit: "Commit", finish: "Terminate",
    location: "cmi.location", status: "cmi.completion_status",
    raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max",
    exit: "cmi.exit", time: "cmi.session_time"
  };

  function call(name) {
    if (!api) return "";
    var args = Array.prototype.slice.call(arguments, 1);
    return String(api[names[name]].apply(api, args));
  }

  var state = {v: [], a: {}};
  var open = api && call("init", "") === "true";
  if (open) {
    try {
      var stored = call("get", "cmi.suspend_data");
      if (stored) state = JSON.parse(stored);
    } catch (e) { state = {v: [], a: {}}; }
    if (v12 && call("get", names.status) === "not attempted") call("set", names.status, "incomplete");
    if (!v12 && call("get", names.status) !== "completed") call("set", names.status, "incomplete");
  }
  var location = open ? call("get", names.location) : "";
  frame.src = location ? "handbook/" + location : course.start;

  function save() {
    if (!open) return;
    call("set", "cmi.suspend_data", JSON.stringify(state));
    var done = course.pages.every(function (page) { return state.v.indexOf(page) >= 0; });
    if (done) call("set", names.status, "completed");
    if (course.scored.length) {
      var right = course.scored.filter(function (id) { return state.a[id] === 1; }).length;
      var raw = Math.round(100 * right / course.scored.length);
      call("set", names.min, "0");
      call("set", names.max, "100");
      call("set", names.raw, String(raw));
      if (!v12) call("set", "cmi.score.scaled", String(raw / 100));
    }
    call("commit", "");
  }

  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || !event.data) return;
    var message = event.data;
    if (message.servefirst === "page" && typeof message.path === "string" && message.path) {
      if (state.v.indexOf(message.path) < 0) state.v.push(message.path);
      if (open) call("set", names.location, message.path);
      save();
    } else if (message.servefirst === "answered" && typeof message.id === "string") {
      state.a[message.scope + ":" + message.id] = message.correct ? 1 : 0;
      save();
    }
  });

  function duration() {
    var seconds = Math.round((new Date().getTime() - started) / 1000);
    if (!v12) return "PT" + seconds + "S";
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return pad(Math.floor(seconds / 3600)) + ":" + pad(Math.floor(seconds / 60) % 60) + ":" +
      pad(seconds % 60);
  }

  var finished = false;
  function finish() {
    if (!open || finished) return;
    finished = true;
    call("set", names.time, duration());
    call("set", names.exit, "suspend");
    call("commit", "");
    call("finish", "");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
