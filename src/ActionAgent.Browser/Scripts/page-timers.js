// ActionAgent timer attribution, installed in every document before its own scripts run (a context init script).
// A timer or animation frame scheduled while the agent is not acting — or from inside such a callback — belongs to the
// page's own life (a clock, a ticker, a carousel, a delayed banner). What its callback changes in the DOM is handed to
// the page helper as "the page's own" (hook set by page-agent.js), so it is never taken for an action's effect.
// Callbacks scheduled while the agent acts (by the click handler) are the action's and count as usual.
(() => {
  const KEY = '__KEY___t';
  if (Object.prototype.hasOwnProperty.call(window, KEY)) return;
  // What could still change the page by itself: pending timers and animation frames, requests in flight, open
  // sockets/event streams and workers. A page with none of them (and no running animation) is quiet: nothing there can
  // change it unless something acts, so the verifier need not watch it before acting (see quiet()).
  const pending = { timeouts: new Set(), intervals: new Set(), frames: new Set(), requests: 0, channels: 0 };
  const T = { armed: false, own: false, flush: null, pending, pressed: null, allows: null, blocked: null, invalid: null, submitted: null };
  try {
    Object.defineProperty(window, KEY, { value: T, enumerable: false, configurable: false, writable: false });
  } catch (e) {
    return;
  }
  // Where the agent's press landed (read by the page helper's probe). Registered here, before the page's own scripts,
  // so a page that stops presses at the window cannot hide where one landed.
  // A press on an element the helper located (T.allows says what belongs to it) that lands on something else was moved
  // under the pointer after it was judged (an overlay shown on mousemove, a button swapped in on pointerdown, a layout
  // shift): it is stopped here, before any listener of the page, with the rest of that press (up, click, dblclick).
  const stop = (e) => { e.preventDefault(); e.stopImmediatePropagation(); };
  const onPress = (e) => {
    if (!T.armed) return;
    const p = (e.composedPath && e.composedPath()[0]) || e.target;
    if (!T.pressed) T.pressed = p;
    if (!T.blocked && T.allows && p && p.nodeType === 1) {
      let ok = true;
      try { ok = T.allows(p); } catch (x) { ok = false; }
      if (!ok) T.blocked = p;
    }
    if (T.blocked) stop(e);
  };
  const onRest = (e) => { if (T.armed && T.blocked) stop(e); };
  window.addEventListener('pointerdown', onPress, true);
  window.addEventListener('mousedown', onPress, true);
  for (const type of ['pointerup', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu']) window.addEventListener(type, onRest, true);
  // A form the agent's action tried to send: the browser's own validation refused a field of it ('invalid', which does
  // not bubble but is seen here in the capture phase), or it was submitted (its script may still refuse it).
  window.addEventListener('invalid', (e) => { if (T.armed && !T.invalid) T.invalid = e.target; }, true);
  window.addEventListener('submit', (e) => { if (T.armed && !T.submitted) T.submitted = e.target; }, true);
  const wrap = (fn, own, done) => function () {
    if (done) done();
    const prev = T.own;
    T.own = own;
    try {
      return fn.apply(this, arguments);
    } finally {
      if (own && T.flush) {
        try { T.flush(); } catch (e) { /* attribution is best effort */ }
      }
      T.own = prev;
    }
  };
  const disguise = (replaced, original) => {
    try {
      Object.defineProperty(replaced, 'toString', { value: () => Function.prototype.toString.call(original) });
    } catch (e) { /* cosmetic */ }
  };
  // Timeouts an action of the agent scheduled, by when they are due: what a hover shows after a delay (a tooltip, a
  // hover menu) comes with one, and a hover waits for it as a person's hand rests (see dueWithin).
  const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  const due = new Map();
  T.dueWithin = (ms) => {
    const t = clock();
    let soon = -1;
    for (const [id, at] of due) {
      if (at < t - 1000) { due.delete(id); continue; }
      if (at <= t + ms && (soon < 0 || at < soon)) soon = at;
    }
    return soon < 0 ? -1 : Math.max(0, Math.round(soon - t));
  };
  // set: the pending set the scheduled callback belongs to; once: the callback runs once (it leaves the set then).
  const patch = (name, set, once) => {
    const original = window[name];
    if (typeof original !== 'function') return;
    const replaced = {
      [name](callback) {
        const args = Array.prototype.slice.call(arguments);
        const slot = { id: undefined };
        const acted = name === 'setTimeout' && T.armed && !T.own;
        if (typeof callback === 'function') args[0] = wrap(callback, T.own || !T.armed, once ? () => { set.delete(slot.id); due.delete(slot.id); } : null);
        slot.id = original.apply(this, args);
        set.add(slot.id);
        if (acted) due.set(slot.id, clock() + (Number(args[1]) || 0));
        return slot.id;
      },
    }[name];
    disguise(replaced, original);
    window[name] = replaced;
  };
  const unpatch = (name, set) => {
    const original = window[name];
    if (typeof original !== 'function') return;
    const replaced = { [name](id) { set.delete(id); due.delete(id); return original.apply(this, arguments); } }[name];
    disguise(replaced, original);
    window[name] = replaced;
  };
  patch('setTimeout', pending.timeouts, true);
  patch('setInterval', pending.intervals, false);
  patch('requestAnimationFrame', pending.frames, true);
  unpatch('clearTimeout', pending.timeouts);
  unpatch('clearInterval', pending.intervals);
  unpatch('cancelAnimationFrame', pending.frames);

  // Requests in flight: their answers may change the page whenever they arrive.
  if (typeof window.fetch === 'function') {
    const originalFetch = window.fetch;
    const fetch = function () {
      pending.requests++;
      let settled = false;
      const settle = () => { if (!settled) { settled = true; pending.requests--; } };
      try {
        const p = originalFetch.apply(this, arguments);
        p.then(settle, settle);
        return p;
      } catch (e) {
        settle();
        throw e;
      }
    };
    disguise(fetch, originalFetch);
    window.fetch = fetch;
  }
  if (typeof XMLHttpRequest === 'function') {
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function () {
      pending.requests++;
      let settled = false;
      this.addEventListener('loadend', () => { if (!settled) { settled = true; pending.requests--; } });
      try {
        return send.apply(this, arguments);
      } catch (e) {
        if (!settled) { settled = true; pending.requests--; }
        throw e;
      }
    };
  }
  // Channels that push (sockets, event streams, workers, message ports a scheduler loops through): the page is never
  // quiet once one exists.
  for (const name of ['WebSocket', 'EventSource', 'Worker', 'SharedWorker', 'BroadcastChannel', 'MessageChannel']) {
    const Original = window[name];
    if (typeof Original !== 'function') continue;
    try {
      const Counted = new Proxy(Original, { construct(target, args, newTarget) { pending.channels++; return Reflect.construct(target, args, newTarget); } });
      window[name] = Counted;
    } catch (e) { /* counting is best effort; quiet() then only errs on the side of waiting */ }
  }

  // Why the page may still change by itself, or '' when it is quiet (loaded, nothing pending, nothing animating).
  T.quiet = () => {
    if (document.readyState !== 'complete') return 'still loading';
    if (pending.timeouts.size || pending.intervals.size) return 'timers pending';
    if (pending.frames.size) return 'animation frames pending';
    if (pending.requests > 0) return 'requests in flight';
    if (pending.channels > 0) return 'a socket, event stream or worker is open';
    try {
      if (document.getAnimations && document.getAnimations().some((a) => a.playState === 'running')) return 'animations running';
    } catch (e) { return 'animations unknown'; }
    for (const m of document.querySelectorAll('video,audio')) if (!m.paused) return 'media playing';
    for (const f of document.querySelectorAll('iframe,frame')) {
      let inner = null;
      try { inner = f.contentWindow && f.contentWindow[KEY]; } catch (e) { inner = null; }
      if (!inner || typeof inner.quiet !== 'function') return 'a frame that cannot be watched';
      const why = inner.quiet();
      if (why) return 'in a frame: ' + why;
    }
    return '';
  };
})();
