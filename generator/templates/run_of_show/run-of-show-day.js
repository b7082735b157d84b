/* The run-of-show's day: its state, the timeline and the cuts, without any page.
 *
 * runOfShowDay(data) reads and keeps the state in localStorage under data.storageKey,
 * one record per day: when the day started, the current item and when it started,
 * pauses, finished items with their real start and end (ms), and the cuts accepted.
 * Clock times re-flow from the current item's projected end; proposal() picks the
 * running-late cuts (facilitator.if_late) in their order until the day fits finish_by.
 */
function runOfShowDay(data) {
  "use strict";
  const MIN = 60000;
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

  return {
    state: state,
    save: save,
    freshDay: freshDay,
    plan: plan,
    dayState: dayState,
    isCut: isCut,
    nextIndex: nextIndex,
    atClock: atClock,
    flow: flow,
    proposal: proposal,
    startAt: startAt,
    advance: advance,
    back: back,
    togglePause: togglePause,
  };
}
