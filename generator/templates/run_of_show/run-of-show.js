/* The live run-of-show page: draws the day of run-of-show-day.js and wires its buttons.
 *
 * The plan comes from the JSON in #ros-data (see generator/render/run_of_show.py).
 */
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("ros-data").textContent);
  const S = data.strings;
  const MIN = 60000;
  const CUE = 2 * MIN;
  const $ = (id) => document.getElementById(id);
  const timeFormat = new Intl.DateTimeFormat(data.locale, {
    hour: data.twoDigitHours ? "2-digit" : "numeric",
    minute: "2-digit",
    hourCycle: "h23",
  });

  function t(label, values) {
    let text = S[label] || label;
    for (const name in values || {}) text = text.split("{" + name + "}").join(values[name]);
    return text;
  }
  const clock = (ms) => timeFormat.format(new Date(ms));
  function span(ms) {
    const total = Math.floor(Math.abs(ms) / 1000);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = String(total % 60).padStart(2, "0");
    return h ? h + ":" + String(m).padStart(2, "0") + ":" + s : m + ":" + s;
  }
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const name in attrs || {}) {
      if (name === "text") node.textContent = attrs[name];
      else if (name === "html") node.innerHTML = attrs[name]; // build-time, sanitised HTML
      else node.setAttribute(name, attrs[name]);
    }
    for (const child of children || []) if (child) node.appendChild(child);
    return node;
  }
  const day = runOfShowDay(data);
  const state = day.state;
  const { save, freshDay, plan, dayState, isCut, nextIndex, atClock } = day;
  const { flow, proposal, startAt, advance, back, togglePause } = day;

  // ---- rendering -----------------------------------------------------------------
  const drawn = {};
  function once(name, signature, draw) {
    if (drawn[name] === signature) return;
    drawn[name] = signature;
    draw();
  }
  function section(title, nodes) {
    if (!nodes.length) return null;
    const box = el("div", { class: "block" }, [el("h3", { text: title })]);
    nodes.forEach((node) => box.appendChild(node));
    return box;
  }
  function list(items, ordered) {
    if (!items.length) return [];
    return [el(ordered ? "ol" : "ul", {}, items.map((html) => el("li", { html: html })))];
  }
  function notes(item, ds) {
    const box = $("now-notes");
    box.textContent = "";
    if (!item || item.kind !== "segment") return;
    const blocks = [];
    if (item.cut) {
      const text = el("p", { class: "if-late" }, [
        el("strong", { text: S["If you are running late:"] + " " }),
        el("span", { html: item.cut.how }),
        el("span", { text: " (" + t("saves {minutes} min", { minutes: item.cut.saves }) + ")" }),
      ]);
      blocks.push(text);
    }
    blocks.push(section(S["Say"], list(item.say, true)));
    blocks.push(section(S["Do"], list(item.do, true)));
    blocks.push(section(S["Set-up"], item.setup ? [el("div", { html: item.setup })] : []));
    blocks.push(section(S["Facilitator notes"], item.case_notes ? [el("div", { html: item.case_notes })] : []));
    blocks.push(section(S["Materials"], list(item.materials.map(escapeText), false)));
    const debrief = item.debrief.map((d) =>
      el("li", {}, [
        el("p", { html: d.question }),
        d.listen_for
          ? el("div", { class: "listen" }, [el("strong", { text: S["Listen for:"] }), el("div", { html: d.listen_for })])
          : null,
      ])
    );
    blocks.push(section(S["Debrief"], debrief.length ? [el("ol", {}, debrief)] : []));
    blocks.push(section(S["Timing:"].replace(/:$/, ""), list(item.cues, false)));
    blocks.push(section(S["Transition:"].replace(/:$/, ""), item.transition ? [el("div", { html: item.transition })] : []));
    blocks.forEach((node) => node && box.appendChild(node));
    void ds;
  }
  function escapeText(text) {
    const node = document.createElement("span");
    node.textContent = text;
    return node.innerHTML;
  }

  function drawNow(timeline, now) {
    const ds = dayState();
    const rows = timeline.rows;
    const started = ds.start !== null;
    const over = started && ds.current >= rows.length;
    const row = over ? null : rows[started ? ds.current : nextIndex(0, ds)];
    const item = row ? row.item : null;
    const card = $("now");
    once("now", [state.day, started, ds.current, ds.cuts.join(",")].join("|"), () => {
      $("now-kicker").textContent = !started
        ? S["Planned"]
        : item
          ? item.kind === "break" ? S["Break"] : item.module
          : "";
      $("now-title").textContent = item ? item.title : S["The day is over."];
      notes(item, ds);
      $("cue").textContent = "";
    });
    let countdown = "";
    let label = "";
    let meta = [];
    let soon = false;
    let late = false;
    if (!started && item) {
      countdown = clock(row.start);
      label = S["Starts at"];
    } else if (row && now < row.start) {
      countdown = span(row.start - now);
      label = S["Starts in"];
    } else if (row) {
      const remaining = row.plannedEnd - now;
      countdown = (remaining < 0 ? "+" : "") + span(remaining);
      label = ds.paused !== null ? S["Paused"] : remaining < 0 ? S["over"] : S["left"];
      soon = remaining > 0 && remaining <= CUE;
      late = remaining < 0;
    } else {
      countdown = clock(timeline.finish);
      label = S["Ends"];
    }
    if (item) {
      if (item.slide) meta.push(S["Slide"] + " " + item.slide);
      meta.push(row.minutes + " " + S["min"]);
      meta.push(S["Ends"] + " " + clock(row.end));
    }
    $("countdown").textContent = countdown;
    $("countdown").parentNode.classList.toggle("lead", label === S["Starts at"] || label === S["Starts in"]);
    $("countdown-label").textContent = label;
    $("now-meta").textContent = meta.join(" · ");
    card.classList.toggle("soon", soon);
    card.classList.toggle("over", late);
    const cue = soon ? S["Two minutes left"] : "";
    if ($("cue").textContent !== cue) $("cue").textContent = cue;
    const following = row ? rows.slice(row.index + 1).find((r) => r.status === "upcoming") : null;
    $("next").textContent = "";
    if (following) {
      $("next").appendChild(el("strong", { text: S["Next"] + ": " }));
      $("next").appendChild(
        document.createTextNode(
          following.item.title + " · " + clock(following.start) + " · " + following.minutes + " " + S["min"]
        )
      );
    }
  }

  function delta(row) {
    const planned = row.minutes;
    const actual = Math.round((row.end - row.start) / MIN);
    const diff = actual - planned;
    if (diff > 0) return { text: "+" + diff + " " + S["min"] + " " + S["late"], kind: "is-behind" };
    if (diff < 0) return { text: -diff + " " + S["min"] + " " + S["early"], kind: "is-ahead" };
    return { text: S["on time"], kind: "is-ahead" };
  }

  function drawDay(timeline) {
    const ds = dayState();
    const signature = timeline.rows
      .map((r) => [r.status, r.start, r.end, r.minutes].join(","))
      .join(";");
    once("day", state.day + "|" + signature, () => {
      const box = $("day-list");
      box.textContent = "";
      let module = null;
      for (const row of timeline.rows) {
        const item = row.item;
        const title = el("span", { class: "title", text: item.title });
        const what = el("span", { class: "what" }, [title]);
        if (item.module && item.module !== module) what.insertBefore(el("span", { class: "module", text: item.module }), title);
        module = item.module || null;
        if (row.status === "done") {
          const change = delta(row);
          what.appendChild(el("span", { class: "badge " + change.kind, text: "✓ " + S["done"] + " · " + change.text }));
        } else if (row.status === "current") {
          what.appendChild(el("span", { class: "badge", text: "▶ " + S["now"] }));
        } else if (row.status === "cut" || isCut(item, ds)) {
          what.appendChild(el("span", { class: "badge", text: "✂ " + S["cut"] }));
        }
        const mins = el("span", { class: "mins" });
        if (isCut(item, ds)) {
          mins.appendChild(el("span", { class: "was", text: String(item.minutes) }));
          mins.appendChild(document.createTextNode(" " + row.minutes + " " + S["min"]));
        } else mins.textContent = row.minutes + " " + S["min"];
        const classes = ["is-" + row.status];
        if (item.kind === "break") classes.push("is-break");
        if (isCut(item, ds)) classes.push("is-cut");
        const attrs = { class: classes.join(" "), "data-id": item.id };
        if (row.status === "current") attrs["aria-current"] = "step";
        box.appendChild(el("li", attrs, [el("span", { class: "time", text: clock(row.start) }), what, mins]));
      }
    });
  }

  function cutRow(row, timeline, action) {
    const item = row.item;
    const end = timeline.finish - item.cut.saves * MIN;
    const button = el("button", {
      type: "button",
      "data-cut": item.id,
      "aria-label": S["Cut this"] + ": " + item.title,
      text: S["Cut this"],
    });
    button.addEventListener("click", () => action(item.id));
    return el("li", { "data-id": item.id }, [
      el("strong", { class: "title", text: item.title + (item.module ? " (" + item.module + ")" : "") }),
      el("span", { class: "how", html: item.cut.how }),
      el("span", {
        class: "saving",
        text:
          t("saves {minutes} min", { minutes: item.cut.saves }) +
          " · " +
          t("the day then ends at {end}", { end: clock(end) }),
      }),
      button,
    ]);
  }

  function drawLate(timeline) {
    const ds = dayState();
    const day = plan();
    const offer = proposal(timeline);
    const late = offer.overrun > 0;
    const status = $("status");
    status.textContent =
      ds.start === null ? "" : late ? "+" + offer.overrun + " " + S["min"] + " " + S["late"] : S["on time"];
    status.classList.toggle("is-late", late);
    const signature = [state.day, timeline.finish, offer.overrun, ds.cuts.join(","), offer.proposed.length, offer.also.length].join("|");
    once("late", signature, () => {
      const section = $("late");
      section.classList.toggle("is-late", late);
      $("late-title").textContent = late ? S["Running late"] : S["Finish by"] + " " + clock(timeline.finishBy);
      const body = $("late-body");
      body.textContent = "";
      const summary = late
        ? t("The day would end at {end}, {minutes} min after {finish}.", {
            end: clock(timeline.finish),
            minutes: offer.overrun,
            finish: clock(timeline.finishBy),
          })
        : t("The day ends at {end}: on time.", { end: clock(timeline.finish) });
      body.appendChild(el("p", { class: "summary", id: "late-summary", text: summary }));
      const accept = (id) => {
        if (ds.cuts.indexOf(id) < 0) ds.cuts.push(id);
        save();
        update();
        $("late").focus();
      };
      if (late) {
        const cuttable = day.items.some((item) => item.cut);
        if (!cuttable) {
          body.appendChild(el("p", { class: "none", text: S["No segment of this day is marked cuttable, so there is nothing to propose."] }));
        } else if (!offer.proposed.length) {
          body.appendChild(el("p", { class: "none", text: S["No cut is left to make."] }));
        } else {
          const end = timeline.finish - offer.saved * MIN;
          body.appendChild(el("h3", { text: S["Proposed cuts"] }));
          body.appendChild(el("ol", { class: "cuts proposed" }, offer.proposed.map((row) => cutRow(row, timeline, accept))));
          const enough = offer.saved >= offer.overrun;
          body.appendChild(
            el("p", {
              class: "result",
              text: t(enough ? "With the proposed cuts the day ends at {end}." : "Even with every cut the day ends at {end}.", { end: clock(end) }),
            })
          );
        }
      }
      if (offer.also.length) {
        const more = el("details", {}, [el("summary", { text: S["Also possible"] + " (" + offer.also.length + ")" })]);
        more.appendChild(el("ol", { class: "cuts also" }, offer.also.map((row) => cutRow(row, timeline, accept))));
        body.appendChild(more);
      }
      const made = day.items.filter((item) => isCut(item, ds));
      if (made.length) {
        body.appendChild(el("h3", { text: S["Cuts made"] }));
        const undoable = (item) => timeline.rows.some((r) => r.item === item && r.status === "upcoming");
        body.appendChild(
          el(
            "ul",
            { class: "cuts made" },
            made.map((item) => {
              const li = el("li", { "data-id": item.id }, [
                el("strong", { text: item.title }),
                el("span", { class: "saving", text: t("saves {minutes} min", { minutes: item.cut.saves }) }),
              ]);
              if (undoable(item)) {
                const undo = el("button", { type: "button", text: S["Undo cut"], "aria-label": S["Undo cut"] + ": " + item.title });
                undo.addEventListener("click", () => {
                  ds.cuts = ds.cuts.filter((id) => id !== item.id);
                  save();
                  update();
                  $("late").focus();
                });
                li.appendChild(undo);
              }
              return li;
            })
          )
        );
      }
    });
  }

  function drawControls(now) {
    const ds = dayState();
    const started = ds.start !== null;
    const over = started && ds.current >= plan().items.length;
    $("idle-controls").hidden = started;
    $("running-controls").hidden = !started || over;
    const paused = ds.paused !== null;
    $("pause").textContent = paused ? S["Resume"] : S["Pause"];
    $("pause").setAttribute("aria-pressed", String(paused));
    $("pause").disabled = started && now < ds.curStart;
    $("back").disabled = !Object.keys(ds.done).length;
    if (!$("start-time").value) $("start-time").value = plan().start;
  }

  const system = matchMedia("(prefers-color-scheme: dark)");
  function drawTheme() {
    const dark = state.theme ? state.theme === "dark" : system.matches;
    document.documentElement.setAttribute("data-theme", dark ? "dark" : "light");
    $("theme").textContent = dark ? S["Light"] : S["Dark"];
  }
  system.addEventListener("change", drawTheme);

  function update() {
    const now = Date.now();
    const timeline = flow(now);
    $("clock").textContent = clock(now);
    drawNow(timeline, now);
    drawDay(timeline);
    drawLate(timeline);
    drawControls(now);
  }

  // ---- wiring --------------------------------------------------------------------
  function act(change) {
    return () => {
      change(Date.now());
      save();
      update();
    };
  }
  $("start").addEventListener("click", act((now) => startAt(now, now)));
  $("start-at").addEventListener("click", act((now) => {
    const value = $("start-time").value || plan().start;
    startAt(atClock(now, value), now);
  }));
  $("advance").addEventListener("click", act(advance));
  $("back").addEventListener("click", act(back));
  $("pause").addEventListener("click", act(togglePause));
  $("reset").addEventListener("click", () => {
    if (!confirm(S["Reset everything for this day? Times, late marks and cuts are forgotten."])) return;
    state.days[String(state.day)] = freshDay();
    save();
    update();
  });
  $("theme").addEventListener("click", () => {
    const dark = document.documentElement.getAttribute("data-theme") === "dark";
    state.theme = dark ? "light" : "dark";
    save();
    drawTheme();
  });
  const select = $("day-select");
  data.days.forEach((day, index) => {
    select.appendChild(el("option", { value: String(index), text: S["Day"] + " " + day.number }));
  });
  $("day-choice").hidden = data.days.length < 2;
  if (!data.days[state.day]) state.day = 0;
  select.value = String(state.day);
  select.addEventListener("change", () => {
    state.day = Number(select.value);
    $("start-time").value = plan().start;
    save();
    update();
  });
  $("build").textContent = data.build;
  drawTheme();
  update();
  setInterval(update, 1000);
})();
