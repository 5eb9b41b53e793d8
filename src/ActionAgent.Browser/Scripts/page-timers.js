// ActionAgent timer attribution, installed in every document before its own scripts run (a context init script).
// A timer or animation frame scheduled while the agent is not acting — or from inside such a callback — belongs to the
// page's own life (a clock, a ticker, a carousel, a delayed banner). What its callback changes in the DOM is handed to
// the page helper as "the page's own" (hook set by page-agent.js), so it is never taken for an action's effect.
// Callbacks scheduled while the agent acts (by the click handler) are the action's and count as usual.
(() => {
  const KEY = '__KEY___t';
  if (Object.prototype.hasOwnProperty.call(window, KEY)) return;
  const T = { armed: false, own: false, flush: null };
  try {
    Object.defineProperty(window, KEY, { value: T, enumerable: false, configurable: false, writable: false });
  } catch (e) {
    return;
  }
  const wrap = (fn, own) => function () {
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
  const patch = (name) => {
    const original = window[name];
    if (typeof original !== 'function') return;
    const replaced = {
      [name](callback) {
        const args = Array.prototype.slice.call(arguments);
        if (typeof callback === 'function') args[0] = wrap(callback, T.own || !T.armed);
        return original.apply(this, args);
      },
    }[name];
    try {
      Object.defineProperty(replaced, 'toString', { value: () => Function.prototype.toString.call(original) });
    } catch (e) { /* cosmetic */ }
    window[name] = replaced;
  };
  patch('setTimeout');
  patch('setInterval');
  patch('requestAnimationFrame');
})();
