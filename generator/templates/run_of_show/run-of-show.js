/* The live run-of-show: keeps the day on time in the browser, offline.
 *
 * The plan comes from the JSON in #ros-data (see generator/render/run_of_show.py).
 * State lives in localStorage under the program's title and build, one record per day:
 * when the day started, the current item and when it started, pauses, finished items
 * with their real start and end, and the cuts the facilitator accepted. Clock times
 * re-flow from the current item's projected end; when the day would end after
 * finish_by, the running-late cuts (facilitator.if_late) are proposed in their order.
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
  function atClock(base, hhmm) {
    const moment = new Date(base);
    const parts = hhmm.split(":");
    moment.setHours(Number(parts[0]), Number(parts[1]), 0, 0);
    return moment.getTime();
  }

  // ---- state ---------------------------------------------------------------------
  function load() {
    try {
      const saved = JSON.parse(localStorage.getItem(data.storageKey) || "null");
      if (saved && typeof saved === "object" && saved.days) return saved;
    } catch (error) {
      /* unreadable state: start afresh */
    }
    return { day: 0, theme: null, days: {} };
  }
  let state = load();
  function save() {
    try {
      localStorage.setItem(data.storageKey, JSON.stringify(state));
    } catch (error) {
      /* private browsing: the page still works, without memory */
    }
  }
  function freshDay() {
    return { start: null, current: 0, curStart: null, paused: null, pausedTotal: 0, done: {}, cuts: [] };
  }
  const plan = () => data.days[state.day] || data.days[0];
  function dayState() {
    const key = String(state.day);
    if (!state.days[key]) state.days[key] = freshDay();
    return state.days[key];
  }
  const isCut = (item, ds) => Boolean(item.cut) && ds.cuts.indexOf(item.id) >= 0;
  const effective = (item, ds) => item.minutes - (isCut(item, ds) ? item.cut.saves : 0);
  function nextIndex(from, ds) {
    const items = plan().items;
    let i = from;
    while (i < items.length && effective(items[i], ds) <= 0) i += 1;
    return i;
  }

  // ---- the timeline --------------------------------------------------------------
  /* Every item with its start and end (ms) and status: done, current, upcoming or cut. */
  function flow(now) {
    const day = plan();
    const ds = dayState();
    const rows = [];
    const started = ds.start !== null;
    let time = started ? ds.start : atClock(now, day.start);
    day.items.forEach((item, index) => {
      const minutes = effective(item, ds);
      const row = { item: item, index: index, minutes: minutes, status: "upcoming" };
      if (started && index < ds.current) {
        const done = ds.done[item.id];
        row.status = done ? "done" : "cut";
        row.start = done ? done.start : time;
        row.end = done ? done.end : time;
      } else if (started && index === ds.current) {
        const pausedFor = ds.pausedTotal + (ds.paused !== null ? now - ds.paused : 0);
        row.status = "current";
        row.start = ds.curStart;
        row.plannedEnd = ds.curStart + minutes * MIN + pausedFor;
        row.end = now > ds.curStart ? Math.max(row.plannedEnd, now) : row.plannedEnd;
      } else {
        row.status = minutes > 0 ? "upcoming" : "cut";
        row.start = time;
        row.end = time + minutes * MIN;
      }
      time = row.end;
      rows.push(row);
    });
    const base = started ? ds.start : now;
    return { rows: rows, finish: time, finishBy: atClock(base, day.finish_by) };
  }

  function proposal(timeline) {
    const ds = dayState();
    // In whole minutes of the clock, as the page prints times: 10:25 is 5 past 10:20.
    const overrun = Math.floor(timeline.finish / MIN) - Math.floor(timeline.finishBy / MIN);
    const candidates = timeline.rows
      .filter((row) => row.status === "upcoming" && row.item.cut && !isCut(row.item, ds))
      .sort((a, b) => a.item.cut.order - b.item.cut.order || a.index - b.index);
    const proposed = [];
    const also = [];
    let saved = 0;
    for (const row of candidates) {
      if (saved < overrun) {
        proposed.push(row);
        saved += row.item.cut.saves;
      } else also.push(row);
    }
    return { overrun: overrun, proposed: proposed, also: also, saved: saved };
  }

  // ---- actions -------------------------------------------------------------------
  function startAt(moment, now) {
    const ds = freshDay();
    ds.cuts = dayState().cuts;
    state.days[String(state.day)] = ds;
    const items = plan().items;
    let time = moment;
    let i = nextIndex(0, ds);
    while (i < items.length && time + effective(items[i], ds) * MIN <= now) {
      const end = time + effective(items[i], ds) * MIN;
      ds.done[items[i].id] = { start: time, end: end };
      time = end;
      i = nextIndex(i + 1, ds);
    }
    ds.start = moment;
    ds.current = i;
    ds.curStart = time;
  }
  function advance(now) {
    const ds = dayState();
    const item = plan().items[ds.current];
    if (!item) return;
    if (now < ds.curStart) {
      // A day set to start later begins now instead.
      ds.start = now;
      ds.curStart = now;
      return;
    }
    ds.done[item.id] = { start: ds.curStart, end: now };
    ds.current = nextIndex(ds.current + 1, ds);
    ds.curStart = now;
    ds.paused = null;
    ds.pausedTotal = 0;
  }
  function back() {
    const ds = dayState();
    const items = plan().items;
    for (let i = Math.min(ds.current, items.length) - 1; i >= 0; i -= 1) {
      const done = ds.done[items[i].id];
      if (done) {
        delete ds.done[items[i].id];
        ds.current = i;
        ds.curStart = done.start;
        ds.paused = null;
        ds.pausedTotal = 0;
        return;
      }
    }
  }
  function togglePause(now) {
    const ds = dayState();
    if (ds.paused === null) ds.paused = now;
    else {
      ds.pausedTotal += now - ds.paused;
      ds.paused = null;
    }
  }

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
