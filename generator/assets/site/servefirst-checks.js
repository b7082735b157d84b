/* Serve First knowledge checks: each heading marked .sf-check becomes a small form.
 *
 * The question and its choices are ordinary Markdown (an ordered list); the heading's
 * classes carry the kind (sfq-single), the id (sfid-<id>) and what is right with the
 * feedback, encoded (sfk-<key>; see generator/knowledge/key.py): JSON, XOR-ed with
 * "sf:<id>", URL-safe base64. It keeps answers out of the page text and the search
 * index; it is not a secret from anyone who reads this script.
 * After an answer the page tells its parent window (the SCORM launcher, when there is
 * one) with postMessage: {servefirst: "answered", id, scope, correct}. Every page says
 * {servefirst: "page", path} on load. Nothing is fetched.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script ? script.src.replace(/assets\/servefirst\/servefirst-checks\.js.*$/, "") : "";

  function tell(message) {
    message.servefirst = message.servefirst || "page";
    if (window.parent && window.parent !== window) {
      window.parent.postMessage(message, "*");
    }
  }

  var LABELS = {
    en: ["Check answer", "Right", "Not quite", "Position", "The right order:",
      "Choose an answer first.", "Give each one a different position, from 1."],
    es: ["Comprobar", "Correcto", "No del todo", "Posición", "El orden correcto:",
      "Elige primero una respuesta.", "Da a cada uno una posición distinta, desde 1."]
  };

  function classValue(element, prefix) {
    for (var i = 0; i < element.classList.length; i++) {
      var name = element.classList[i];
      if (name.indexOf(prefix) === 0) return name.slice(prefix.length);
    }
    return "";
  }

  function decode(id, text) {
    var raw = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var pad = new TextEncoder().encode("sf:" + id);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      bytes[i] = raw.charCodeAt(i) ^ pad[i % pad.length];
    }
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  function sameList(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  function build(heading, number) {
    var list = null;
    var node = heading.nextElementSibling;
    var between = [];
    while (node && !/^H[1-3]$/.test(node.tagName)) {
      if (node.tagName === "OL") list = node;
      between.push(node);
      node = node.nextElementSibling;
    }
    if (!list) return;
    // A screen reader names the form by its heading and question, not by "Question 3 ¶".
    var labelledBy = [heading.id];
    between.slice(0, between.indexOf(list)).forEach(function (element, index) {
      element.id = element.id || heading.id + "-text-" + index;
      labelledBy.push(element.id);
    });
    Array.prototype.forEach.call(heading.querySelectorAll(".headerlink"), function (link) {
      link.setAttribute("aria-hidden", "true");
    });
    var id = classValue(heading, "sfid-");
    var kind = classValue(heading, "sfq-");
    var scope = heading.id.slice(0, heading.id.length - id.length - 1);
    var lang = (document.documentElement.lang || "en").slice(0, 2);
    var labels = LABELS[lang] || LABELS.en;
    var items = Array.prototype.slice.call(list.children);
    var name = "sf-" + heading.id;
    var fieldset = document.createElement("fieldset");
    fieldset.className = "sf-choices";
    fieldset.setAttribute("aria-labelledby", labelledBy.join(" "));
    var inputs = [];
    items.forEach(function (item, index) {
      var row = document.createElement("div");
      row.className = "sf-choice";
      var input;
      var label = document.createElement("label");
      var text = document.createElement("span");
      text.innerHTML = item.innerHTML;
      text.id = name + "-" + index;
      if (kind === "ordering") {
        input = document.createElement("select");
        input.setAttribute("aria-label", labels[3] + ": " + item.textContent.trim());
        for (var p = 0; p <= items.length; p++) {
          var option = document.createElement("option");
          option.value = p ? String(p) : "";
          option.textContent = p ? String(p) : "–";
          input.appendChild(option);
        }
        row.appendChild(input);
        row.appendChild(text);
      } else {
        input = document.createElement("input");
        input.type = kind === "multiple" ? "checkbox" : "radio";
        input.name = name;
        input.value = String(index);
        label.appendChild(input);
        label.appendChild(text);
        row.appendChild(label);
      }
      inputs.push(input);
      fieldset.appendChild(row);
    });
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button sf-submit";
    button.textContent = labels[0];
    var feedback = document.createElement("div");
    feedback.className = "sf-feedback";
    feedback.setAttribute("role", "status");
    feedback.setAttribute("aria-live", "polite");
    list.replaceWith(fieldset);
    fieldset.after(button);
    button.after(feedback);

    // Nothing chosen, or two items in one position: say so, and tell nobody it was wrong.
    function unanswered(text) {
      feedback.textContent = "";
      var paragraph = document.createElement("p");
      paragraph.textContent = text;
      feedback.appendChild(paragraph);
      heading.removeAttribute("data-sf-result");
    }

    button.addEventListener("click", function () {
      var key = decode(id, classValue(heading, "sfk-"));
      var chosen = [];
      if (kind === "ordering") {
        var positions = inputs.map(function (select) { return parseInt(select.value, 10); });
        chosen = positions.map(function (_, index) { return index; })
          .sort(function (a, b) { return (positions[a] || 99) - (positions[b] || 99); });
        var unique = positions.filter(function (p, index) {
          return p && positions.indexOf(p) === index;
        });
        if (unique.length !== positions.length) return unanswered(labels[6]);
      } else {
        inputs.forEach(function (input, index) { if (input.checked) chosen.push(index); });
        if (!chosen.length) return unanswered(labels[5]);
      }
      var right = kind === "ordering" ? sameList(chosen, key.a)
        : sameList(chosen.slice().sort(), key.a.slice().sort());
      var lines = [(right ? labels[1] : labels[2]) + ". " + (right ? key.c : key.i)];
      chosen.forEach(function (index) {
        if (kind !== "ordering" && key.f[index]) lines.push(key.f[index]);
      });
      if (kind === "ordering" && !right) {
        lines.push(labels[4] + " " + key.a.map(function (index) {
          return items[index].textContent.trim();
        }).join(" → "));
      }
      feedback.textContent = "";
      lines.forEach(function (line) {
        var paragraph = document.createElement("p");
        paragraph.textContent = line;
        feedback.appendChild(paragraph);
      });
      heading.setAttribute("data-sf-result", right ? "right" : "wrong");
      tell({
        servefirst: "answered",
        id: id,
        scope: scope,
        correct: right
      });
    });
  }

  function start() {
    var headings = document.querySelectorAll(".sf-check");
    Array.prototype.forEach.call(headings, build);
    var path = location.href.indexOf(root) === 0 ? location.href.slice(root.length) : "";
    tell({servefirst: "page", path: path.split("#")[0]});
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
