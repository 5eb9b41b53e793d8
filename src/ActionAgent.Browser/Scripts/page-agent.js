// ActionAgent page helper: one function, evaluated in the top frame, that walks the page (same-origin iframes and
// open shadow roots included) and answers the executor's questions about elements by id.
// Ids live in a WeakMap on the top window under a per-session key, so the same node keeps its id across
// observations, and a fresh page gets the same ids for the same traversal order. The DOM is not modified except by
// the "tag" operation (data-aa-id on one element and its frames, so Playwright locators can reach it).
(args) => {
  const KEY = args.key;
  const top = window;
  let st = top[KEY];
  if (!st) {
    st = { map: new WeakMap(), ids: new Map(), next: 1, token: Math.random().toString(36).slice(2) + Date.now().toString(36) };
    try {
      Object.defineProperty(top, KEY, { value: st, enumerable: false, configurable: false, writable: false });
    } catch (e) {
      // A page that froze window still works for this call; ids just do not persist.
    }
  }

  // Mutations since the last baseline (an observation, or the executor locating its target just before acting), so a
  // verifier can tell whether an action changed anything. The executor's own data-aa-id marks do not count.
  // The page's own life is kept apart: an element that changed while the agent was not acting (a clock, a ticker, an
  // animation driven by script) is "live", and its later changes are never taken for an action's effect. The agent is
  // acting from "arm" (or "locate") until "rest" (or the next observation); changes in the first moments after it
  // rests may still be the action's late effect and teach nothing.
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  const GRACE_MS = 300;
  if (!st.mo && typeof MutationObserver === 'function') {
    st.mut = 0;
    st.liveMut = 0;
    st.live = new WeakSet();
    st.liveCount = 0;
    st.acting = false;
    st.idleMs = 0;
    st.idleFrom = now();
    st.watched = new WeakSet();
    st.mo = new MutationObserver((records) => { countRecords(records); });
  }
  // Where the agent's press landed: the element under the pointer when the button went down. A click whose press
  // landed on something else (a popup laid over the target, a sticky header) did not click the target. The timers'
  // init script sees it first (before the page's own listeners); this listener serves documents loaded without it.
  if (!st.pressWatch && typeof window.addEventListener === 'function') {
    st.pressWatch = true;
    const onPress = (e) => {
      if (!st.acting || st.pressed) return;
      st.pressed = (e.composedPath && e.composedPath()[0]) || e.target;
    };
    window.addEventListener('pointerdown', onPress, true);
    window.addEventListener('mousedown', onPress, true);
  }
  // What the pointer is over (the agent's hover or click): a tooltip that shows then names it (see tooltipNames).
  if (!st.overWatch && typeof window.addEventListener === 'function') {
    st.overWatch = true;
    window.addEventListener('mouseover', (e) => { st.over = (e.composedPath && e.composedPath()[0]) || e.target; }, true);
  }
  // The timers' side (page-timers.js, an init script): a callback of the page's own timer hands over what it changed.
  const timers = top[KEY + '_t'];
  if (timers && st.mo && !timers.flush) {
    timers.flush = () => countRecords(st.mo.takeRecords(), true);
  }
  function countRecords(records, own) {
    const learning = own || (!st.acting && now() - st.idleFrom >= GRACE_MS);
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName === 'data-aa-id') continue;
      const t = r.target && r.target.nodeType !== 1 ? r.target.parentNode : r.target;
      if (t && st.live.has(t)) { st.liveMut++; continue; }
      if (learning && t) {
        // The document's own containers are never live: a dialog appended to the body must still count.
        if (t !== document.body && t !== document.documentElement && t !== document.head) { st.live.add(t); st.liveCount++; }
        st.liveMut++;
        continue;
      }
      st.mut++;
      // A change inside a shadow root or a frame is not in the document's markup: the redrawn-the-same check cannot see it.
      if (t && typeof t.getRootNode === 'function' && t.getRootNode() !== document) st.foreignMut = (st.foreignMut || 0) + 1;
      const el = st.base && st.base.el;
      if (st.acting && el && r.type === 'attributes' && (r.attributeName === 'class' || r.attributeName === 'style') && (t === el || el.contains(t))) st.selfMut = (st.selfMut || 0) + 1;
    }
  }
  // Why the page may change by itself ('' when it cannot): it already did, or the timer side sees something pending.
  function restless() {
    flushMutations();
    if (st.liveCount) return st.liveCount === 1 ? '1 element changed by itself' : st.liveCount + ' elements changed by themselves';
    const timers = top[KEY + '_t'];
    if (!timers || typeof timers.quiet !== 'function') return 'the page loaded before it could be watched';
    try { return timers.quiet(); } catch (e) { return 'unknown'; }
  }
  function idleMs() {
    return Math.round(st.idleMs + (st.acting ? 0 : Math.max(0, now() - st.idleFrom - GRACE_MS)));
  }
  function setActing(on) {
    if (!st.mo) return;
    st.mo.takeRecords && countRecords(st.mo.takeRecords());
    if (on && !st.acting) st.idleMs += Math.max(0, now() - st.idleFrom - GRACE_MS);
    if (!on && st.acting) st.idleFrom = now();
    st.acting = on;
    if (top[KEY + '_t']) top[KEY + '_t'].armed = on;
  }
  function watch(root) {
    if (!st.mo || !root || st.watched.has(root)) return;
    try {
      st.mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
      st.watched.add(root);
    } catch (e) {
      // A root that cannot be observed only weakens the change check.
    }
  }
  function flushMutations() {
    if (st.mo) countRecords(st.mo.takeRecords());
    return st.mut || 0;
  }
  function deepActive() {
    let a = document.activeElement;
    for (let guard = 0; a && guard < 16; guard++) {
      if (a.shadowRoot && a.shadowRoot.activeElement) { a = a.shadowRoot.activeElement; continue; }
      if (a.localName === 'iframe' || a.localName === 'frame') {
        let d = null;
        try { d = a.contentDocument; } catch (e) { d = null; }
        if (d && d.activeElement) { a = d.activeElement; continue; }
      }
      break;
    }
    return a;
  }
  // What a press on el may land on: el or inside it, its label or its control, an ancestor (its own padding), or, when
  // the page re-rendered el on the pointer's arrival, an element of the same kind that says the same.
  function pressAllowed(el) {
    const labels = el.labels ? Array.from(el.labels) : [];
    const tag = el.localName;
    const said = collapse(el.textContent).slice(0, 200);
    const href = el.href || '';
    return (p) => composedContains(el, p) || labels.some((l) => composedContains(l, p)) || (!!el.control && composedContains(el.control, p)) || ownCover(el, p)
      || (p !== document.body && p !== document.documentElement && composedContains(p, el))
      || (!el.isConnected && (() => { const q = p.closest && p.closest(tag); return !!q && collapse(q.textContent).slice(0, 200) === said && (q.href || '') === href; })());
  }
  // A clear layer the control's own widget lays over it to take the press (iCheck's <ins class="iCheck-helper">, opacity 0,
  // over a hidden checkbox in the same small wrapper): part of the control. A clear layer from anywhere else (a page-wide
  // cover, a frame laid over a button) is not: its wrapper with the control is big, or it is not clear.
  function ownCover(el, p) {
    if (!p || p.nodeType !== 1 || !el.parentElement || p === el || collapse(p.textContent)) return false;
    let a = el.parentElement;
    for (let k = 0; k < 2 && a && !a.contains(p); k++) a = a.parentElement;
    if (!a || !a.contains(p) || a === document.body || a === document.documentElement) return false;
    let clear = false;
    for (let n = p; n && n !== a; n = n.parentElement) if (parseFloat(styleOf(n).opacity) === 0) { clear = true; break; }
    if (!clear) return false;
    const ra = a.getBoundingClientRect(), re = el.getBoundingClientRect(), rp = p.getBoundingClientRect();
    const area = (r) => Math.max(1, r.width * r.height);
    return area(ra) <= 4 * Math.max(area(re), area(rp)) && area(ra) <= 80 * 80;
  }
  // A box's checked state is a property, not an attribute: no mutation shows it, so the target's is kept aside.
  function boxState(el) {
    if (!el) return null;
    const box = el.localName === 'input' ? el : (el.control || (el.querySelector && el.querySelector('input[type=checkbox],input[type=radio]')));
    return box && (box.type === 'checkbox' || box.type === 'radio') ? !!box.checked : null;
  }
  // How an element looks by its own class and style: press feedback that is taken back leaves it the same.
  function lookOf(el) {
    return el && el.getAttribute ? (el.getAttribute('class') || '') + '|' + (el.getAttribute('style') || '') : null;
  }
  // What text is selected: the range inside a focused field, else the selected text of the page.
  function selectionOf(active) {
    try {
      if (active && (active.localName === 'input' || active.localName === 'textarea') && typeof active.selectionStart === 'number') {
        return active.selectionStart + ':' + active.selectionEnd;
      }
    } catch (e) { /* inputs without a selection (checkbox) throw */ }
    const s = document.getSelection && document.getSelection();
    return s ? 'text:' + String(s).length : '';
  }
  // press: the next press is meant for el itself (a click), so one that lands elsewhere is stopped (page-timers.js).
  function setBaseline(el, press) {
    const focus = deepActive();
    st.pressed = null;
    const T = top[KEY + '_t'];
    if (T) { T.pressed = null; T.blocked = null; T.invalid = null; T.submitted = null; T.allows = el && press ? pressAllowed(el) : null; }
    const form = el ? submittedForm(el, true) : null;
    st.base = { mut: flushMutations(), liveMut: st.liveMut || 0, selfMut: st.selfMut || 0, look: lookOf(el), focus, sel: selectionOf(focus), sx: top.scrollX, sy: top.scrollY, url: location.href, el: el || null, box: boxState(el),
      markup: markupOf(), foreign: st.foreignMut || 0, invalid: form ? new Set(form.querySelectorAll('[aria-invalid="true"]')) : null,
      errors: form ? errorTexts(form, false) : buttonLike(el) ? errorsAfterButton(el) : null,
      shown: el ? shownText(el) : null };
  }
  // What a drop-down drawn by a script shows (its trigger's text), null for fields, native selects and secrets.
  function shownText(el) {
    const tag = el.localName;
    if (tag === 'input' || tag === 'textarea' || tag === 'select' || isSecret(el, tag, inputType(el))) return null;
    return cap(visibleText(el), 200);
  }
  // The form a press on el submits (a submit button or input of it; with field, any field of it too), or null.
  function submittedForm(el, field) {
    const tag = el.localName;
    const type = (el.getAttribute('type') || '').toLowerCase();
    const submits = (tag === 'button' && (type === '' || type === 'submit')) || (tag === 'input' && (type === 'submit' || type === 'image'))
      || (!!field && (tag === 'input' || tag === 'select' || tag === 'textarea'));
    return submits && el.form ? el.form : null;
  }
  // Why the page refused the form el submits, '' when it did not: the browser's validation stops it (a required field
  // left empty, a malformed email), or after the attempt the page's script shows fields of it marked invalid
  // (aria-invalid) and usually says why next to them (aria-errormessage, aria-describedby).
  function refusal(el, base) {
    const T = top[KEY + '_t'] || {};
    const buttonForm = submittedForm(el, false);
    const form = (T.submitted && T.submitted.localName === 'form' ? T.submitted : null) || buttonForm || (T.invalid && T.invalid.form) || null;
    if (!form) {
      // A button outside any form (a script sends what the fields around it hold, a Save in a toolbar): an error message
      // that appeared with the click, at the fields around it or among the page's alerts, is the page saying no.
      if (!buttonLike(el) || !base.errors) return '';
      const said = Array.from(errorsAfterButton(el)).filter((t) => !base.errors.has(t));
      return said.length ? 'the page says "' + said[0] + '"' : '';
    }
    // The browser stopped the submit: it says which field (the 'invalid' event), or a submit button's form is invalid.
    const bad = T.invalid || (buttonForm && !formProp(form, 'noValidate') && !el.formNoValidate
      ? Array.from(form.elements).find((f) => f.willValidate && f.validity && !f.validity.valid) : null);
    if (bad) return fieldName(bad) + ' (' + cap(collapse(bad.validationMessage || ''), 80) + ')';
    // Fields marked invalid after the attempt, those marked by it first (a second attempt finds the marks of the first).
    const all = Array.from(form.querySelectorAll('[aria-invalid="true"]'));
    const fresh = (f) => !(base.invalid && base.invalid.has(f));
    const marked = markedInvalid(all.filter(fresh).concat(all.filter((f) => !fresh(f))));
    if (marked) return marked;
    // Most sites mark nothing: they write the reason in an error box beside the form ("Please enter a valid email",
    // "Invalid username or password"), the new ones first (a second attempt finds the box of the first still there).
    const said = Array.from(errorTexts(form, false));
    const first = said.find((t) => !(base.errors && base.errors.has(t))) || said[0];
    return first ? 'the page says "' + first + '"' : '';
  }
  // A page that came back from the server after a submit with fields marked invalid (server-side validation), or with
  // an error box at one of its forms (a login page sent back with "Invalid username or password").
  function refusalShown() {
    const marked = markedInvalid(Array.from(document.querySelectorAll('[aria-invalid="true"]')).filter((f) => f.checkVisibility()));
    if (marked) return marked;
    for (const form of Array.from(document.forms).slice(0, 10)) {
      if (!form.checkVisibility()) continue;
      const said = Array.from(errorTexts(form, true));
      if (said.length) return 'the page says "' + said[0] + '"';
    }
    return '';
  }
  // Visible error messages at a form: in it or around it (its parent and grandparent), or the page's alerts. A message
  // is an element that says it is one (role alert, an assertive live region, a class or id with error, invalid, danger
  // or fail; unless strict, also help and feedback boxes and polite live regions) and words that refuse.
  const ERROR_WORDS = /\b(invalid|incorrect|required|must|errors?|failed|wrong|not valid|try again|(?:does|do|did)(?: not|n't) match|too (?:short|long|large|small|many|few)|cannot be|can't be|is missing|not allowed|already (?:taken|exists|in use|registered)|please (?:enter|provide|select|fill|choose|correct|check|complete|specify|use))\b/i;
  const STRONG_SIGNS = '[role="alert"], [aria-live="assertive"], [class*="error" i], [class*="invalid" i], [class*="danger" i], [class*="fail" i], [id*="error" i], [id*="invalid" i], [id*="fail" i]';
  const SOFT_SIGNS = '[aria-live], [class*="help-block" i], [class*="feedback" i], [class*="warning" i], [class*="validation" i], [class*="message" i]';
  const NO_ERRORS = /\b(no|0|zero|without) (errors?|problems?)\b/gi;
  const ERROR_CLASS = /(^|[-_\s])(error|errors|invalid|danger|fail|failed|failure)([-_\s]|$)/i;
  const SOFT_CLASS = /(^|[-_\s])(help-block|feedback|warning|validation|message)([-_\s]|$)/i;
  // What a click can make a page act on (save, send, toggle a setting), and so answer with an error: not links.
  const buttonLike = (el) => !!el && el.nodeType === 1 && (el.localName === 'button'
    || /^(button|menuitem|menuitemcheckbox|menuitemradio|checkbox|radio|switch|option)$/.test(el.getAttribute('role') || '')
    || (el.localName === 'input' && /^(button|submit|image|checkbox|radio)$/i.test(el.getAttribute('type') || ''))
    || (el.localName === 'label' && !!el.control && /^(checkbox|radio)$/i.test(el.control.type || '')));
  // The error messages a button outside a form could bring: at the nearest group of fields around it (its parent up to
  // five levels that holds a text field or a select), and the page's strong ones (alerts, error boxes).
  function errorsAfterButton(el) {
    let group = null;
    for (let p = el.parentElement, i = 0; p && i < 5 && p !== document.body && p !== document.documentElement; p = p.parentElement, i++) {
      if (p.querySelector('input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]), textarea, select')) { group = p; break; }
    }
    const out = group ? errorTexts(group, false) : new Set();
    errorTexts(document.body || document.documentElement, true).forEach((t) => out.add(t));
    return out;
  }
  function errorTexts(form, strict) {
    const out = new Set();
    let scope = form;
    for (let i = 0; i < 2 && scope.parentElement && scope.parentElement !== document.body && scope.parentElement !== document.documentElement; i++) scope = scope.parentElement;
    const cands = new Set(scope.querySelectorAll(strict ? STRONG_SIGNS : STRONG_SIGNS + ', ' + SOFT_SIGNS));
    // The page's alerts wherever they are (a whole-page scope already holds them).
    if (scope !== document.body && scope !== document.documentElement) document.querySelectorAll('[role="alert"], [aria-live="assertive"]').forEach((e) => cands.add(e));
    for (const e of cands) {
      if (out.size >= 12) break;
      const tag = e.localName;
      if (tag === 'input' || tag === 'select' || tag === 'textarea' || tag === 'button' || tag === 'form' || tag === 'option') continue;
      const cls = (typeof e.className === 'string' ? e.className : '') + ' ' + (e.id || '');
      const role = e.getAttribute('role') || '';
      const live = (e.getAttribute('aria-live') || '').toLowerCase();
      const says = role === 'alert' || live === 'assertive' || ERROR_CLASS.test(cls) || (!strict && (live === 'polite' || SOFT_CLASS.test(cls)));
      if (!says || !e.checkVisibility()) continue;
      const t = collapse(e.innerText || '');
      if (!t || t.length > 300 || !ERROR_WORDS.test(t.replace(NO_ERRORS, ''))) continue;
      out.add(cap(t, 120));
    }
    return out;
  }
  function markedInvalid(fields) {
    const said = (f, attr) => collapse((f.getAttribute(attr) || '').split(/\s+/).map((id) => { const d = id && f.ownerDocument.getElementById(id); return d ? d.textContent : ''; }).join(' '));
    return fields.slice(0, 3).map((f) => {
      const why = cap(said(f, 'aria-errormessage') || said(f, 'aria-describedby'), 80);
      return fieldName(f) + (why ? ' (' + why + ')' : '');
    }).join('; ');
  }
  function fieldName(f) {
    const t = f.localName;
    const ty = inputType(f);
    return cap(collapse(nameOf(f, t, ty, roleOf(f, t, ty) || 'textbox')) || f.getAttribute('name') || t, 40);
  }
  // The document's markup without the marks this script and the executor add: a page that redraws a list with the same
  // rows (a pager's Next on its last page) makes DOM changes but no difference. Null on very large documents.
  function markupOf() {
    const root = document.documentElement;
    if (!root) return null;
    const html = root.outerHTML;
    return html.length > 4000000 ? null : html.replace(/ data-(?:aa-id|secret)(?:="[^"]*")?/g, '');
  }
  watch(document);

  const INTERACTIVE_ROLES = new Set(['button', 'link', 'tab', 'checkbox', 'radio', 'switch', 'menuitem', 'menuitemcheckbox',
    'menuitemradio', 'option', 'combobox', 'textbox', 'searchbox', 'slider', 'spinbutton', 'listbox', 'treeitem']);
  const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'meta', 'link', 'title', 'option', 'optgroup',
    'datalist', 'br', 'wbr', 'source', 'track', 'param', 'base', 'col', 'colgroup']);
  const SECRET_AUTOCOMPLETE = /\b(cc-number|cc-csc|one-time-code)\b/i;

  const collapse = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const cap = (s, n) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
  const round = (v) => Math.round(v * 10) / 10;

  function idOf(el) {
    let id = st.map.get(el);
    if (id === undefined) {
      id = st.next++;
      st.map.set(el, id);
      st.ids.set(id, new WeakRef(el));
    }
    return id;
  }

  function styleOf(el) {
    return el.ownerDocument.defaultView.getComputedStyle(el);
  }

  // Text of a node for names: text nodes, skipping form controls (a label's own input) and the excluded node.
  function textOf(node, exclude, depth) {
    if (depth > 20) return '';
    let out = '';
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) { out += c.data; continue; }
      if (c.nodeType !== 1 || c === exclude) continue;
      const t = c.localName;
      if (t === 'input' || t === 'select' || t === 'textarea' || t === 'script' || t === 'style' || t === 'template') continue;
      if (t === 'img') { out += ' ' + (c.getAttribute('alt') || '') + ' '; continue; }
      if (c.hidden || c.getAttribute('aria-hidden') === 'true') continue;
      out += ' ' + textOf(c, exclude, depth + 1) + ' ';
    }
    return out;
  }

  function visibleText(el) {
    // innerText honours CSS (display:none, line breaks); fall back to textContent for detached or SVG nodes.
    const t = typeof el.innerText === 'string' ? el.innerText : el.textContent;
    return collapse(t);
  }

  function inputType(el) {
    return el.localName === 'input' ? (el.getAttribute('type') || 'text').toLowerCase() : null;
  }

  const STEP_LIST = /(?:^|[\s_-])(?:wizard|steps|stepper|step-?list|progress-?steps)(?:$|[\s_-])/i;

  // The list of a wizard's steps that holds el as one item's own control (li > a, li > button); null otherwise.
  function stepList(el) {
    const li = el.parentElement;
    if (!li || li.localName !== 'li') return null;
    const list = li.parentElement;
    if (!list || (list.localName !== 'ul' && list.localName !== 'ol')) return null;
    const cls = list.getAttribute('class') || '';
    // A wizard's Previous / Next links in a "pager wizard" (or pagination) list move it; they are no steps of it.
    if (/(?:^|\s)(?:pager|pagination)(?:$|\s)/i.test(cls)) return null;
    return STEP_LIST.test(cls) ? list : null;
  }

  // A tab with no aria-selected: selected when it or its list item carries a current/selected/active class and a
  // sibling tab does not (Bootstrap's li.active, .nav-link.active, SmartWizard's a.selected); undefined when no class
  // tells.
  function tabSelected(el) {
    const marked = (x) => !!x && /(?:^|\s)(?:active|selected|current)(?:$|\s)/i.test(x.getAttribute('class') || '');
    const item = el.parentElement && el.parentElement.localName === 'li' ? el.parentElement : null;
    const mine = marked(el) || marked(item);
    const list = item ? item.parentElement : el.parentElement;
    if (!list) return undefined;
    const others = Array.from(list.children).filter((c) => c !== (item || el));
    const anyMarked = others.some((c) => marked(c) || marked(c.firstElementChild));
    return mine || anyMarked ? mine : undefined;
  }

  function roleOf(el, tag, type) {
    const explicit = (el.getAttribute('role') || '').trim().split(/\s+/)[0].toLowerCase();
    if (explicit === 'heading') return 'heading';
    if (explicit === 'img' || explicit === 'image') return 'image';
    // A button that opens a list box of options (Headless UI, Radix, the ARIA select-only combobox): a drop-down.
    if ((explicit === '' || explicit === 'button') && (tag === 'button' || explicit === 'button')
      && (el.getAttribute('aria-haspopup') || '').toLowerCase() === 'listbox') return 'combobox';
    if (INTERACTIVE_ROLES.has(explicit)) return explicit;
    // Bootstrap's tabs and pills without ARIA: <a data-toggle="tab"> (3, 4) or data-bs-toggle (5).
    if (explicit === '' && (tag === 'a' || tag === 'button') && /^(?:tab|pill)$/i.test(el.getAttribute('data-toggle') || el.getAttribute('data-bs-toggle') || '')) return 'tab';
    // A wizard's step list without ARIA (SmartWizard's ul.wizard_steps, "steps" / "stepper" lists): its links are its
    // step tabs, the current one marked by a class (see tabSelected).
    if (explicit === '' && (tag === 'a' || tag === 'button') && stepList(el)) return 'tab';
    switch (tag) {
      case 'a': return el.hasAttribute('href') ? 'link' : null;
      case 'area': return el.hasAttribute('href') ? 'link' : null;
      case 'button': return 'button';
      case 'summary': return 'button';
      case 'select': return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
      case 'textarea': return 'textbox';
      case 'canvas': return 'canvas';
      case 'input':
        switch (type) {
          case 'hidden': return null;
          case 'checkbox': return 'checkbox';
          case 'radio': return 'radio';
          case 'submit': case 'button': case 'reset': case 'image': case 'file': case 'color': return 'button';
          case 'range': return 'slider';
          case 'number': return 'spinbutton';
          case 'search': return 'searchbox';
          default: return 'textbox';
        }
      case 'img': return collapse(el.getAttribute('alt')) ? 'image' : null;
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': return 'heading';
      default: break;
    }
    if (el.isContentEditable && !(el.parentElement && el.parentElement.isContentEditable)) return 'textbox';
    if (el.hasAttribute('onclick') && tag !== 'html' && tag !== 'body') return 'button';
    // A slider's handle drawn by a script without ARIA (jQuery UI): a focusable handle inside a slider.
    if (el.tabIndex >= 0 && el.hasAttribute('tabindex') && /(^|[-_ ])(handle|thumb)([-_ ]|$)/i.test(el.className || '')
      && el.parentElement && /slider/i.test(el.parentElement.className || '')) return 'slider';
    return null;
  }

  function labelsText(el) {
    const labels = el.labels;
    if (!labels || labels.length === 0) return '';
    return collapse(Array.from(labels).map((l) => textOf(l, el, 0)).join(' '));
  }

  // The header of a field's column when the field sits in a row of fields (no cell of the row has words of its own,
  // as in a filter row or a grid's edit row): the nearest row of header cells, above or below, at the same column.
  function columnHeaderOf(el) {
    const cell = el.closest('td,th');
    const tr = cell && cell.parentElement;
    const table = cell && cell.closest('table');
    if (!tr || !table || tr.localName !== 'tr') return '';
    for (const c of tr.cells) {
      if (!c.querySelector('input,select,textarea,button') && collapse(c.innerText)) return '';
    }
    let col = 0;
    for (const c of tr.cells) { if (c === cell) break; col += c.colSpan || 1; }
    const rows = Array.from(table.rows);
    const at = rows.indexOf(tr);
    let header = null, dist = 1e9;
    rows.forEach((r, i) => {
      if (i !== at && Math.abs(i - at) < dist && r.querySelector('th,[role=columnheader]') && !r.querySelector('input,select,textarea')) { header = r; dist = Math.abs(i - at); }
    });
    if (!header) return '';
    let k = 0;
    for (const h of header.cells) {
      const span = h.colSpan || 1;
      if (col >= k && col < k + span) return cap(collapse(h.innerText), 60);
      k += span;
    }
    return '';
  }

  // A pointer cursor drawn only under the mouse (".ib-plus:hover { cursor: pointer }", an icon toolbar): the hand shows
  // when a person moves over it, so it is as clickable as one that always shows it. The page's own style sheets say which
  // elements: rules setting cursor: pointer whose subject (the last compound of the selector) is :hover, read once per
  // observation; sheets from another origin cannot be read and are passed over.
  function hoverPointerSelector(doc) {
    const memo = st.hoverPointer || (st.hoverPointer = new WeakMap());
    let sel = memo.get(doc);
    if (sel !== undefined) return sel;
    const found = [];
    const probe = doc.createDocumentFragment();
    const take = (text) => {
      for (const part of splitTop(text, ',')) {
        const s = part.trim();
        const subject = lastCompound(s);
        if (subject.indexOf(':hover') < 0 || s.indexOf('::') >= 0 || s.slice(0, s.length - subject.length).indexOf(':hover') >= 0) continue;
        const plain = s.replace(/:hover/g, '').trim();
        const t = !plain || /[\s>+~]$/.test(plain) ? plain + '*' : plain;
        try { probe.querySelector(t); } catch (e) { continue; }
        if (!found.includes(t)) found.push(t);
      }
    };
    const rules = (list, depth) => {
      if (!list || depth > 4) return;
      for (const rule of list) {
        if (found.length >= 500) return;
        if (rule.selectorText !== undefined && rule.style) {
          if (rule.style.cursor === 'pointer' && rule.selectorText.indexOf(':hover') >= 0) take(rule.selectorText);
        } else if (rule.cssRules) {
          if (rule.media && rule.media.mediaText && !doc.defaultView.matchMedia(rule.media.mediaText).matches) continue;
          rules(rule.cssRules, depth + 1);
        }
      }
    };
    for (const sheet of Array.from(doc.styleSheets || [])) {
      let list = null;
      try { list = sheet.cssRules; } catch (e) { list = null; }
      rules(list, 0);
    }
    sel = found.join(',');
    memo.set(doc, sel);
    return sel;
  }

  function hoverPointer(el) {
    const sel = hoverPointerSelector(el.ownerDocument);
    if (!sel) return false;
    try { return el.matches(sel); } catch (e) { return false; }
  }

  // A selector list split at its own commas (not those inside :not(…) or [attr="a,b"]), and a selector's last compound.
  function splitTop(text, sep) {
    const out = [];
    let depth = 0, quote = '', from = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quote) { if (ch === quote) quote = ''; continue; }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '(' || ch === '[') depth++;
      else if (ch === ')' || ch === ']') depth--;
      else if (ch === sep && depth === 0) { out.push(text.slice(from, i)); from = i + 1; }
    }
    out.push(text.slice(from));
    return out;
  }

  function lastCompound(s) {
    let depth = 0;
    for (let i = s.length - 1; i >= 0; i--) {
      const ch = s[i];
      if (ch === ')' || ch === ']') depth++;
      else if (ch === '(' || ch === '[') depth--;
      else if (depth === 0 && /[\s>+~]/.test(ch)) return s.slice(i + 1);
    }
    return s;
  }

  // The group of child items a tree item holds, if it holds one itself (not through another item).
  function ownBranch(el) {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if ((c.getAttribute('role') || '') === 'group' || ((c.localName === 'ul' || c.localName === 'ol') && c.querySelector('[role=treeitem]'))) return c;
    }
    return el.localName === 'li' ? listBranch(el) : null;
  }

  // A list item's own nested list of items (<li>node-1<ul><li>node-1-0</li>…</ul></li>).
  function listBranch(li) {
    for (let c = li.firstElementChild; c; c = c.nextElementSibling) {
      if ((c.localName === 'ul' || c.localName === 'ol') && c.querySelector(':scope > li')) return c;
    }
    return null;
  }

  // A tree drawn without ARIA: list items holding lists of items, the whole tree clickable (one listener, a pointer
  // cursor on every item) and no link or button of their own. Taken as one element it would be a single "button" named
  // by every node; each item is its own line instead, as in the ARIA tree pattern. Nested menus of links are not this.
  function plainTreeItem(el, tag) {
    if (tag !== 'li' || el.hasAttribute('role')) return false;
    const list = el.parentElement;
    if (!list || (list.localName !== 'ul' && list.localName !== 'ol') || list.hasAttribute('role')) return false;
    const clickable = (li) => ['pointer', 'not-allowed'].includes(styleOf(li).cursor); // a locked node says not-allowed
    if (!clickable(el)) return false;
    const branch = listBranch(el);
    const up = list.parentElement;
    const inBranch = up && up.localName === 'li' && listBranch(up) === list && clickable(up);
    if (!branch && !inBranch) return false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (c !== branch && (c.matches('a[href],button,input,select,textarea,[role]') || c.querySelector('a[href],button,input,select,textarea,[role]'))) return false;
    }
    return true;
  }

  // What a class list says about a drawn tree node or its parts: "treejs-node__checked", "is-expanded", "collapsed"…
  function classState(el, pattern) {
    const cls = el.getAttribute('class');
    return !!cls && cls.split(/\s+/).some((t) => pattern.test(t));
  }
  const HALF_CLASS = /(^|[-_])(half-?checked|partial|part|indeterminate|mixed)$/i;
  const CHECKED_CLASS = /(^|[-_])(checked|selected|ticked|on)$/i;
  const CLOSED_CLASS = /(^|[-_])(close|closed|collapsed|folded)$/i;
  const OPEN_CLASS = /(^|[-_])(open|opened|expanded|unfolded)$/i;
  const DISABLED_CLASS = /(^|[-_])(disabled|locked)$/i;

  // An option of a list box that holds a box of its own (a pick list "with checkboxes"): whether that box is ticked, by
  // its input, its aria-checked, a "checked" attribute or a checked class on it or inside it; undefined when it has none.
  function innerBoxChecked(el) {
    const box = el.querySelector('input[type=checkbox], [role=checkbox], [class*="checkbox"]');
    if (!box) return undefined;
    if (box.localName === 'input') return !!box.checked;
    const aria = box.getAttribute('aria-checked');
    if (aria !== null) return aria === 'true';
    const attr = box.getAttribute('checked');
    if (attr !== null) return attr !== 'false';
    return [box, ...Array.from(box.querySelectorAll('*')).slice(0, 12)].some((n) => classState(n, CHECKED_CLASS));
  }

  // A check box or radio drawn as a small textless element whose class says what it is and, often, its state: "chbx1",
  // A to-do list drawn without boxes (Flat UI's, many hand-made ones): a row toggles done when clicked, and the page
  // marks the done rows by a class ("todo-done", "completed"). A row is done or not only when it has no box of its own
  // and at least one row of its list carries such a class; a list where none does says nothing.
  const DONE_CLASS = /(^|[-_])(done|completed?|finished)$/i;
  function doneRow(el) {
    if (!el || el.localName !== 'li' || !el.parentElement || el.querySelector('input[type=checkbox],input[type=radio],[role=checkbox],[role=switch]')) return undefined;
    const marked = (x) => Array.from(x.classList || []).some((c) => DONE_CLASS.test(c));
    const rows = Array.from(el.parentElement.children).filter((c) => c.localName === 'li');
    if (rows.length < 2 || !rows.some(marked)) return undefined;
    return marked(el);
  }

  // "dhxtreeview_icon_chbx_0", "rdbt1", "radio-checked" (a form or tree library's own boxes, with no input and no ARIA).
  const DRAWN_BOX = /(?:^|[-_])(chbx|chkbx|ckbx|checkbox|check-box|rdbt|radiobtn|radio)(?:[-_]?(dis|disabled))?(?:[-_]?([0-9]|on|off|checked|unchecked))?$/i;
  // The same for a branch's open / close switch drawn as an icon ("dhxtreeview_icon_minus", "tree-expander-collapsed").
  const DRAWN_TOGGLE = /(?:tree|node|branch|folder).*[-_](plus|minus|expand|expanded|collapse|collapsed)$/i;
  // An image of one, named by its file: "item_chk1.gif", "radio_chk0.gif" (a grid's check box and radio cells).
  const BOX_IMAGE = /(?:^|[-_])(radio|rdbt|chk|chbx|checkbox|check)(?:[-_]?chk)?[-_]?([01]|on|off|checked|unchecked)$/i;
  function drawnBox(el) {
    if (el.localName === 'img' && !collapse(el.getAttribute('alt'))) {
      const file = (el.getAttribute('src') || '').split(/[?#]/)[0].split('/').pop().replace(/\.[a-z0-9]+$/i, '');
      const m = BOX_IMAGE.exec(file);
      const r = el.getBoundingClientRect();
      return m && r.width >= 6 && r.height >= 6 && r.width <= 32 && r.height <= 32 ? { kind: /^r/i.test(m[1]) ? 'radio' : 'checkbox', state: m[2], disabled: false } : null;
    }
    const cls = el.getAttribute && el.getAttribute('class');
    if (!cls) return null;
    let found = null;
    for (const t of cls.split(/\s+/)) {
      const m = DRAWN_BOX.exec(t);
      if (m) found = { kind: /^r/i.test(m[1]) ? 'radio' : 'checkbox', state: m[3], disabled: !!m[2] };
      const o = DRAWN_TOGGLE.exec(t);
      if (o && !found) found = { kind: 'toggle', open: /^(minus|expanded|collapse)$/i.test(o[1]) };
    }
    if (!found || visibleText(el) || el.querySelector('input[type=checkbox],input[type=radio],[role=checkbox],[role=radio]')) return null;
    const r = el.getBoundingClientRect();
    return r.width >= 6 && r.height >= 6 && r.width <= 32 && r.height <= 32 ? found : null;
  }

  function drawnBoxChecked(el, drawn) {
    const aria = el.getAttribute('aria-checked');
    if (aria !== null) return aria === 'true';
    if (drawn.state !== undefined) return /^(1|on|checked)$/i.test(drawn.state);
    return classState(el, CHECKED_CLASS);
  }

  // Its words: those of the nearest box around it that holds no other drawn box (the item's label beside it).
  // The words inside a box that stand on the same line as a small thing (a tree node's name, not its branch's below).
  function lineWords(box, r) {
    const mid = r.top + r.height / 2;
    const walker = box.ownerDocument.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    const words = [];
    for (let n = walker.nextNode(), k = 0; n && k < 60; n = walker.nextNode(), k++) {
      if (!collapse(n.data)) continue;
      const range = box.ownerDocument.createRange();
      range.selectNodeContents(n);
      const tr = range.getBoundingClientRect();
      if (tr.height > 0 && mid >= tr.top - 2 && mid <= tr.bottom + 2) words.push(collapse(n.data));
    }
    return collapse(words.join(' '));
  }

  // A box alone in a table cell of a row that holds other words (a grid's "In Store" column): named by its column's
  // header, the first words straight above it (the cells above in its column hold boxes, not words).
  function columnAbove(el) {
    const cell = el.closest('td,[role=gridcell],[role=cell]');
    if (!cell || collapse(visibleText(cell))) return '';
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    for (let y = cell.getBoundingClientRect().top - 3; y > 0 && y > r.top - 700; y -= 6) {
      for (const hit of el.ownerDocument.elementsFromPoint(x, y)) {
        if (hit === cell || hit.contains(cell)) continue;
        // Words of its own (a header cell), not a table or row that holds them.
        if (!Array.from(hit.childNodes).some((c) => c.nodeType === 3 && collapse(c.data))) continue;
        const t = collapse(visibleText(hit));
        if (!t) continue;
        const hr = hit.getBoundingClientRect();
        return t.length <= 40 && hr.left <= x && hr.right >= x ? t : '';
      }
    }
    return '';
  }

  function drawnBoxName(el) {
    const mine = drawnBox(el);
    const alike = (d) => !!d && !!mine && (d.kind === 'toggle') === (mine.kind === 'toggle');
    let p = el.parentElement;
    for (let i = 0; p && i < 4; i++, p = p.parentElement) {
      const others = Array.from(p.querySelectorAll('[class], img')).slice(0, 80).some((n) => n !== el && !n.contains(el) && alike(drawnBox(n)));
      if (others) return columnAbove(el);
      if (p.localName === 'tr' || p.getAttribute('role') === 'row') return columnAbove(el);
      const t = lineWords(p, el.getBoundingClientRect());
      if (t) return cap(t, 120);
    }
    return '';
  }

  // An option outside the box of its list box: scrolled out of the list (still there, offscreen: the list scrolls, by
  // its own scroll bar or one drawn by a script), or, with no text, one of a virtual list's spare rows drawn blank below
  // its end (nothing to see or pick: not listed).
  function optionClipped(el) {
    const list = el.parentElement && el.parentElement.closest('[role=listbox]');
    if (!list) return null;
    const lr = list.getBoundingClientRect(), r = el.getBoundingClientRect();
    if (r.bottom > lr.top + 1 && r.top < lr.bottom - 1) return null;
    return visibleText(el) ? 'scrolled' : 'hidden';
  }

  // A drawn node's state is in its classes (on the part or on the item), or in whether its branch shows.
  function partChecked(el) {
    const li = el.parentElement;
    const half = classState(el, HALF_CLASS) || classState(li, HALF_CLASS);
    return !half && (classState(el, CHECKED_CLASS) || classState(li, CHECKED_CLASS));
  }

  function partExpanded(el) {
    const li = el.parentElement;
    if (classState(el, OPEN_CLASS) || classState(li, OPEN_CLASS)) return true;
    if (classState(el, CLOSED_CLASS) || classState(li, CLOSED_CLASS)) return false;
    const branch = listBranch(li);
    return !!branch && branch.getBoundingClientRect().height >= 1 && branch.checkVisibility();
  }

  // The words over a group of radios that share a name, written as a label before the group (a form generator's
  // "<label>Best language</label><div><label><input type=radio name=language>JavaScript</label>…</div>").
  function boxGroupLabel(box) {
    if (box.localName !== 'input' || inputType(box) !== 'radio' || !box.name) return '';
    const root = box.form || box.ownerDocument;
    const all = Array.from(root.querySelectorAll('input[type=radio]')).filter((r) => r.name === box.name);
    if (all.length < 2) return '';
    let group = box.parentElement;
    while (group && !all.every((r) => group.contains(r))) group = group.parentElement;
    if (!group) return '';
    // Through lone wrappers ("<div class=controls><div id=…>"): the label sits before the outermost one.
    let anchor = group;
    const lone = (a) => !a.previousElementSibling && a.parentElement && Array.from(a.parentElement.children).every((c) => c === a || !c.checkVisibility());
    while (lone(anchor)) anchor = anchor.parentElement;
    const before = anchor.previousElementSibling;
    if (!before || !/^(label|legend|h[1-6]|p|span|div)$/.test(before.localName) || before.querySelector('input,select,textarea,button')) return '';
    const t = collapse(textOf(before, null, 0));
    return t.length > 0 && t.length <= 80 ? t : '';
  }

  // A part of a drawn tree item goes by its item's own words.
  function partName(el) {
    return ownText(el.parentElement, listBranch(el.parentElement));
  }

  // A textless part of a drawn tree item (a direct child of the <li>): its expand/collapse switch or its check box,
  // known by its class ("treejs-switcher", "switch", "toggler", "expander", "caret"; "treejs-checkbox", "chk", "box"),
  // or, for the switch, by its place: the first thing on the line of an item that holds a branch, as trees draw it.
  function plainTreePart(el, isItem) {
    const li = el.parentElement;
    if (!li || !isItem(li) || visibleText(el)) return null;
    const branch = listBranch(li);
    if (el === branch) return null;
    const cls = el.getAttribute('class') || '';
    if (branch && /(switch|toggle|expand|twist|caret|arrow|ocl|fold)/i.test(cls)) return 'toggle';
    if (/(check|chk|tick|box)/i.test(cls)) return 'check';
    if (branch && el === li.firstElementChild) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.width <= 32 && r.height > 0 && r.height <= 32) return 'toggle';
    }
    return null;
  }

  // The same, for an element met on its own (the executor's checks): its parent is tested as an item there and then.
  function drawnPart(el, tag, type) {
    return roleOf(el, tag, type) ? null : plainTreePart(el, (li) => plainTreeItem(li, 'li'));
  }

  // An element's words without those of one child (a tree item's branch).
  function ownText(el, except) {
    let t = '';
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c === except) continue;
      t += ' ' + (c.nodeType === 3 ? c.data : c.nodeType === 1 ? visibleText(c) : '');
    }
    return collapse(t);
  }

  // A tree item holding a branch is named by its own words (unless ARIA names it).
  function itemName(el, tag, type, role, branch) {
    return branch && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby') ? ownText(el, branch) : nameOf(el, tag, type, role);
  }

  // The words written right before a field in the same run of text, when nothing labels it ("Example 2 : <input>" in
  // a block that lists several): what a person reads as its name. Not for boxes, whose words come after them.
  // A tag or chip drawn before a tags input's text box ("Alabama" with its × inside): an entry of the input, never its
  // label. Told by a control's marks (a click handler, a control role) or a remove / close part inside it.
  function chipLike(n) {
    if (n.hasAttribute('onclick') || /^(button|option|listitem|link)$/i.test(n.getAttribute('role') || '')) return true;
    return Array.from(n.querySelectorAll('*')).slice(0, 8).some((c) => /^(remove|delete|close|dismiss)$/i.test(c.getAttribute('data-role') || c.getAttribute('data-action') || '') || iconClassed(c));
  }

  function leadingWords(el, tag, type) {
    if (tag === 'input' && ['checkbox', 'radio', 'submit', 'button', 'reset', 'image', 'hidden', 'file'].includes(type)) return '';
    let n = el.previousSibling;
    while (n && (n.nodeType === 3 && !collapse(n.data) || n.nodeType === 1 && n.localName === 'br')) n = n.previousSibling;
    if (!n) return '';
    let t = '';
    if (n.nodeType === 3) t = n.data;
    else if (n.nodeType === 1 && !n.querySelector('input,select,textarea,button') && !chipLike(n) && /^(span|b|strong|em|i|small|label|font)$/.test(n.localName)) t = visibleText(n);
    t = collapse(t).replace(/\s*[:=]$/, '');
    return t.length > 0 && t.length <= 60 ? t : '';
  }

  function nameOf(el, tag, type, role) {
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const root = el.getRootNode();
      const parts = by.split(/\s+/).map((ref) => {
        const n = (root.getElementById && root.getElementById(ref)) || el.ownerDocument.getElementById(ref);
        return n ? textOf(n, null, 0) : '';
      });
      const t = collapse(parts.join(' '));
      if (t) return t;
    }
    const aria = collapse(el.getAttribute('aria-label'));
    if (aria) return aria;
    if (tag === 'input') {
      if (type === 'submit' || type === 'reset' || type === 'button') {
        // An icon button drawn by CSS (a grid's edit and delete buttons) has no value: its tooltip is its name.
        return collapse(el.value) || (type === 'submit' ? 'Submit' : type === 'reset' ? 'Reset' : collapse(el.getAttribute('title')));
      }
      if (type === 'image') return collapse(el.getAttribute('alt')) || 'Submit';
    }
    if (tag === 'input' || tag === 'select' || tag === 'textarea' || tag === 'meter' || tag === 'progress') {
      return labelsText(el) || collapse(el.getAttribute('title')) || leadingWords(el, tag, type);
    }
    if (tag === 'img') return collapse(el.getAttribute('alt')) || collapse(el.getAttribute('title'));
    if (tag === 'label' || tag === 'legend') return collapse(textOf(el, null, 0));
    if (tag === 'iframe' || tag === 'frame') return collapse(el.getAttribute('title')) || collapse(el.getAttribute('name'));
    if (role === 'textbox' || role === 'combobox' || role === 'listbox' || role === 'canvas') {
      return labelsText(el) || collapse(el.getAttribute('title'));
    }
    let t = visibleText(el);
    if (!t) {
      const img = el.querySelector('img[alt]');
      if (img) t = collapse(img.getAttribute('alt'));
    }
    if (!t) {
      const svgTitle = el.querySelector('svg title');
      if (svgTitle) t = collapse(svgTitle.textContent);
    }
    return t || collapse(el.getAttribute('title'));
  }

  // What an icon-only control's icon says by its class ("ui-icon-close", "fa-trash", "glyphicon-remove", "bi-x-lg",
  // "icon-edit", "material-icons">delete<): the words a person reads from the drawing.
  const ICON_CLASS = /^(?:ui-icon|fa[srlbd]?|fa-solid|glyphicon|bi|icon|icons?|mdi|la|ti|ri|octicon|gg|feather|lucide)-([a-z][a-z0-9-]*)$/i;
  const ICON_SKIP = new Set(['lg', 'sm', 'xs', 'fw', 'solid', 'regular', 'light', 'thin', 'duotone', 'brands', 'fill', 'outline', 'line', 'alt', 'o', '2x', '3x', 'spin', 'inverse', 'ui', 'only', 'button', 'primary', 'secondary', 'space', 'n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw', '1']);
  const ICON_WORD = { x: 'close', times: 'close', xmark: 'close', cross: 'close', trash: 'delete', bin: 'delete', pencil: 'edit', cog: 'settings', gear: 'settings', plus: 'add', minus: 'remove', triangle: 'arrow', caret: 'arrow', chevron: 'arrow' };
  const ICON_SUFFIX = /-(up|down|left|right|prev|previous|next|close|delete|remove|destroy|add|plus|minus|edit|trash|search|menu|expand|collapse)$/i;
  const ICON_DIRECTION = { n: 'up', s: 'down', e: 'right', w: 'left' };
  // A class that names what a small part does among other words: "lm_close_tab", "tab-close-btn", "chip_remove_icon".
  const ACTION_PART = /(?:^|[-_])(close|delete|remove|destroy|dismiss)(?:[-_]|$)/i;
  // A part that removes what it is in, said by its data role ("<span class=tag>Fresh<span data-role=remove>" in a tags
  // input, drawn as a × by CSS, or laid over the whole tag).
  const REMOVE_ROLE = /^(remove|delete|close|dismiss|clear)$/i;
  function removeRole(el) {
    const role = el.getAttribute && el.getAttribute('data-role');
    return !!role && REMOVE_ROLE.test(role) && !visibleText(el);
  }

  function iconClassed(el) {
    if (removeRole(el)) return true;
    const cls = el.getAttribute && el.getAttribute('class');
    if (!cls) return false;
    return cls.split(/\s+/).some((t) => ICON_CLASS.test(t) || ICON_SUFFIX.test(t) || ACTION_PART.test(t) || /^(close|destroy|delete|remove)$/i.test(t));
  }

  function iconOf(el) {
    const words = [];
    // Icons count only for a control with no text of its own: a tab "Nunc tincidunt" holding a close icon is not
    // itself a close button. The control's own class: "ui-spinner-up", "btn-close", "destroy".
    const textless = !visibleText(el);
    const own = el.getAttribute && el.getAttribute('class');
    if (textless && removeRole(el)) words.push(el.getAttribute('data-role').toLowerCase());
    if (own && textless) {
      for (const token of own.split(/\s+/)) {
        const m = ICON_SUFFIX.exec(token) || /^(close|destroy|delete|remove|edit|trash)$/i.exec(token) || ACTION_PART.exec(token);
        if (m) {
          const w = ICON_WORD[m[1].toLowerCase()] || (m[1].toLowerCase() === 'destroy' ? 'delete' : m[1].toLowerCase());
          if (!words.includes(w)) words.push(w);
        }
      }
    }
    const nodes = [el, ...(textless && el.querySelectorAll ? Array.from(el.querySelectorAll('i,span,svg,use,em')).slice(0, 6) : [])];
    for (const n of nodes) {
      const cls = n.getAttribute && n.getAttribute('class');
      if (cls) {
        for (const token of cls.split(/\s+/)) {
          const m = ICON_CLASS.exec(token);
          if (!m) continue;
          const parts = m[1].toLowerCase().split('-');
          const pointing = parts.some((p) => p === 'triangle' || p === 'arrow' || p === 'caret' || p === 'carat' || p === 'chevron' || p === 'arrowthick');
          for (const part of parts) {
            // "ui-icon-triangle-1-n": a triangle pointing north is an up arrow.
            const w = pointing && ICON_DIRECTION[part] ? ICON_DIRECTION[part] : ICON_SKIP.has(part) || /^\d+$/.test(part) ? null : ICON_WORD[part] || part;
            if (w && !words.includes(w)) words.push(w);
          }
        }
      }
      if (n !== el && n.classList && (n.classList.contains('material-icons') || n.classList.contains('material-symbols-outlined'))) {
        const t = collapse(n.textContent).replace(/_/g, ' ');
        if (t && !words.includes(t)) words.push(t);
      }
    }
    // An icon drawn by CSS alone (no text, no children, small) in an icon set of its own: "ib-arrow-left-full",
    // "cal-plus". A short prefix, then words; only when nothing above named it.
    if (!words.length && textless && own && !el.firstElementChild) {
      const r = el.getBoundingClientRect();
      if (r.width <= 48 && r.height <= 48) {
        for (const token of own.split(/\s+/)) {
          const m = /^[a-z]{1,3}-([a-z]{2,}(?:-[a-z]+)*)$/i.exec(token);
          if (!m) continue;
          for (const part of m[1].toLowerCase().split('-')) {
            const w = ICON_SKIP.has(part) ? null : ICON_WORD[part] || part;
            if (w && !words.includes(w)) words.push(w);
          }
        }
      }
    }
    // An image button says what it shows by its file name when its alt text does not ("calendar.gif").
    const img = el.localName === 'img' ? el : textless && el.querySelector ? el.querySelector('img') : null;
    if (img && img.getAttribute('src')) {
      const file = (img.getAttribute('src').split(/[?#]/)[0].split('/').pop() || '').replace(/\.[a-z0-9]+$/i, '');
      for (const part of file.toLowerCase().split(/[-_.\s]+/)) {
        if (part.length >= 3 && /^[a-z]+$/.test(part) && !ICON_SKIP.has(part) && !['icon', 'img', 'image', 'btn', 'button', 'small', 'large'].includes(part) && !words.includes(part)) words.push(part);
      }
    }
    return words.slice(0, 4).join(' ');
  }

  function isSecret(el, tag, type) {
    if (type === 'password') return true;
    if (el.closest('[data-secret]')) return true;
    return (tag === 'input') && SECRET_AUTOCOMPLETE.test(el.getAttribute('autocomplete') || '');
  }

  // A form whose action is a script ("javascript:void(0)") or only "#": a script handles its submit, and may post what
  // it holds. Its method says nothing of what it does, so it is never taken for a form that only navigates.
  function scriptHandled(el, form) {
    const action = ((el.getAttribute('formaction') || form.getAttribute('action') || '') + '').trim().toLowerCase();
    return action.startsWith('javascript:') || action === '#';
  }

  // The method a form is sent with: the submitter's own (formmethod) when it has one, else the form's; GET by default.
  function formMethod(submitter, form) {
    return (((submitter && submitter.getAttribute('formmethod')) || form.getAttribute('method') || 'get') + '').toLowerCase();
  }

  // Sent by this submitter, the form only navigates: GET, and no script handles it (a search, a filter, "open the refund form").
  function onlyNavigates(submitter, form) {
    return formMethod(submitter, form) === 'get' && !scriptHandled(submitter, form);
  }

  function submitsForm(el, tag, type) {
    // A GET form only navigates (search, filters, "open the refund form"); only forms that post change anything.
    const form = el.form;
    if (form && (formMethod(el, form) === 'dialog' || onlyNavigates(el, form))) return false;
    if (tag === 'button') {
      const t = (el.getAttribute('type') || 'submit').toLowerCase();
      return t === 'submit' && !!el.form;
    }
    return tag === 'input' && (type === 'submit' || type === 'image') && !!el.form;
  }

  // A submit button of a form that only navigates (method get): a search, a filter, "open the refund form".
  function submitsGetForm(el, tag, type) {
    const form = el.form;
    if (!form) return false;
    const isSubmit = tag === 'button' ? (el.getAttribute('type') || 'submit').toLowerCase() === 'submit'
      : tag === 'input' && (type === 'submit' || type === 'image');
    return isSubmit && onlyNavigates(el, form);
  }

  // A single-line field of a form that posts: pressing Enter in it submits the form (implicit submission), or a script
  // listening for Enter does the same.
  function enterSubmits(el, tag, type) {
    if (tag !== 'input' || !el.form) return false;
    if (['checkbox', 'radio', 'submit', 'button', 'reset', 'image', 'file', 'hidden', 'range', 'color'].includes(type)) return false;
    const method = formMethod(null, el.form);
    return method !== 'dialog' && (method !== 'get' || scriptHandled(el, el.form));
  }

  function intersect(a, b) {
    const l = Math.max(a.l, b.l), t = Math.max(a.t, b.t), r = Math.min(a.r, b.r), bo = Math.min(a.b, b.b);
    return r > l && bo > t ? { l, t, r, b: bo } : null;
  }

  // Offset of a window's content in top-level CSS pixels and the part of the top viewport it shows.
  function frameContext(win) {
    const chain = [];
    let w = win;
    while (w !== top) {
      let fe = null;
      try { fe = w.frameElement; } catch (e) { return null; }
      if (!fe) return null;
      chain.push(fe);
      w = w.parent;
    }
    let ox = 0, oy = 0;
    let clip = { l: 0, t: 0, r: top.innerWidth, b: top.innerHeight };
    const path = [];
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = contentBox(chain[i], ox, oy);
      ox = c.l; oy = c.t;
      clip = clip && intersect(clip, c);
      path.push('iframe#' + idOf(chain[i]));
    }
    return { ox, oy, clip, path: path.join('/') };
  }

  function contentBox(frameEl, ox, oy) {
    const r = frameEl.getBoundingClientRect();
    const cs = styleOf(frameEl);
    const pl = parseFloat(cs.paddingLeft) || 0, pt = parseFloat(cs.paddingTop) || 0;
    const pr = parseFloat(cs.paddingRight) || 0, pb = parseFloat(cs.paddingBottom) || 0;
    const l = ox + r.left + frameEl.clientLeft + pl;
    const t = oy + r.top + frameEl.clientTop + pt;
    return { l, t, r: l + Math.max(0, frameEl.clientWidth - pl - pr), b: t + Math.max(0, frameEl.clientHeight - pt - pb) };
  }

  function describe(el) {
    if (!el) return 'nothing';
    const tag = el.localName;
    const role = roleOf(el, tag, inputType(el));
    const name = cap(role ? nameOf(el, tag, inputType(el), role) : visibleText(el), 40);
    return tag + (name ? ' "' + name + '"' : '');
  }

  // The name an element is listed by and checked against before acting: its own, or the tooltip that named it.
  function shownName(el, tag, type, role, branch, part) {
    const drawn = !part && (role === 'checkbox' || role === 'radio' || role === 'button') && !roleOf(el, tag, type) ? drawnBox(el) : null;
    const own = cap(part ? partName(el) : drawn ? drawnBoxName(el) : itemName(el, tag, type, role, branch), 150);
    // A button drawn as a sign ("›", "»", "+") with a title: the title's words are what a person reads in its tooltip.
    if (own && !/[\p{L}\p{N}]/u.test(own) && (role === 'button' || role === 'link')) {
      const title = collapse(el.getAttribute('title'));
      if (title && /[\p{L}]/u.test(title)) return cap(title, 150);
    }
    return own || (st.tips && st.tips.get(el)) || '';
  }

  // Text inside a table or grid cell that holds only a little text and no control: a header drawn as a div in a header
  // cell ("Sales"), a number in a styled span ("-1500"). A person names the cell by it, however far from any control;
  // a layout table's cell holds more than a short line.
  const CELL = 'td, th, [role=cell], [role=gridcell], [role=columnheader], [role=rowheader]';
  function inShortCell(el) {
    const cell = el.closest(CELL);
    return !!cell && cell !== el && visibleText(cell).length <= 80 && !cell.querySelector('input, select, textarea, button, a[href], [role=button], [role=link]');
  }

  // Text in one of a run of like boxes (a calendar's day cells, a board's cards, a grid drawn with divs): an item a
  // person points at ("the 22nd", "the third card") like a list item or a table cell, however far from any control.
  // Like: the same tag and classes, at least three of them side by side, the text itself or up to two boxes out.
  function repeatedItem(el) {
    let n = el;
    for (let depth = 0; depth < 3 && n && n.parentElement && n.parentElement !== document.body; depth++, n = n.parentElement) {
      const cls = n.getAttribute('class') || '';
      if (!cls.trim()) continue;
      let like = 0;
      for (let c = n.parentElement.firstElementChild; c && like < 3; c = c.nextElementSibling) {
        if (c.localName === n.localName && (c.getAttribute('class') || '') === cls) like++;
      }
      if (like >= 3) return true;
    }
    return false;
  }

  // A control with no name of its own (an icon drawn by CSS) whose tooltip shows while the pointer is over it: the
  // tooltip's words are its name, as a person reads them, kept for later looks (the tooltip goes when the pointer
  // leaves). A tooltip is an element with role=tooltip or a class word "tooltip", shown, of one short line. It tells
  // what something else is, so it is never listed itself (a click on it would land on the tooltip, not on the control).
  // Only a tooltip that came since the last look names the control under the pointer, and only when it shows by it: one
  // left showing (or always shown) came with something else.
  const TOOLTIP_CLASS = /(^|[-_])tool-?tips?($|[-_])/i;
  function tooltipNames(out, drop) {
    const shown = [];
    for (const t of Array.from(document.querySelectorAll('[role=tooltip], [class*=tooltip i], [class*=tool-tip i]'))) {
      if (t.getAttribute('role') !== 'tooltip' && !classState(t, TOOLTIP_CLASS)) continue;
      if (!t.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const words = collapse(visibleText(t));
      if (words.length > 0 && words.length <= 60) shown.push({ t, words });
    }
    for (const e of out) if (e.textish && shown.some((x) => x.t === e.el || x.t.contains(e.el))) drop.add(e);
    const before = st.tipsShown || [];
    st.tipsShown = shown;
    const fresh = shown.filter((x) => !before.some((b) => b.t === x.t && b.words === x.words));
    const over = st.over && st.over.isConnected ? st.over : null;
    if (!over || fresh.length !== 1) return;
    const tip = fresh[0];
    let owner = null;
    for (let n = over; n && !owner; n = n.parentElement) owner = out.find((e) => e.el === n && !e.textish) || null;
    if (!owner || owner.name || tip.t.contains(owner.el)) return;
    const r = tip.t.getBoundingClientRect();
    const o = owner.el.getBoundingClientRect();
    const gap = Math.hypot(Math.max(0, Math.max(r.left, o.left) - Math.min(r.right, o.right)), Math.max(0, Math.max(r.top, o.top) - Math.min(r.bottom, o.bottom)));
    if (gap > 120) return;
    owner.name = tip.words;
    (st.tips || (st.tips = new WeakMap())).set(owner.el, tip.words);
  }

  // ---------------------------------------------------------------- covered layers
  // A part of the page that another opaque layer lies over wherever it is in view: the page an app's router slid a new
  // page over (still in the document, behind), the slide under the one a carousel shows, the screen under a splash. A
  // person sees none of it, so none of it is listed, nor taken as the words beside what is shown. Found by looking at a
  // grid of points across the window: at each, the element on top and the elements beneath it. A beneath element's
  // branch (the child of the deepest element both are in) is covered there when something between the top element and
  // that shared parent paints an opaque background. A branch is left out when it is covered at three points or more,
  // on top at none, and a tenth of the window or more in size: a real checkbox under the box drawn over it is small.
  function opaqueAt(el) {
    const cs = styleOf(el);
    if (el.localName === 'img' || el.localName === 'video' || el.localName === 'canvas') return true;
    const m = /rgba?\(([^)]+)\)/.exec(cs.backgroundColor || '');
    if (!m) return false;
    const parts = m[1].split(',').map((x) => parseFloat(x));
    return parts.length < 4 || parts[3] >= 0.9;
  }

  function coveredLayers() {
    const covered = new Set();
    const W = top.innerWidth, H = top.innerHeight;
    if (!W || !H) return covered;
    const onTop = new Set();
    const hits = new Map();
    for (let i = 0; i < 10; i++) {
      for (let j = 0; j < 8; j++) {
        const x = (i + 0.5) * W / 10, y = (j + 0.5) * H / 8;
        const stack = document.elementsFromPoint(x, y);
        if (!stack.length) continue;
        const first = stack[0];
        const chain = [];
        for (let n = first; n; n = n.parentElement) { chain.push(n); onTop.add(n); }
        const above = new Set(chain);
        for (let k = 1; k < stack.length; k++) {
          const under = stack[k];
          if (above.has(under)) continue;
          let branch = under;
          while (branch.parentElement && !above.has(branch.parentElement)) branch = branch.parentElement;
          const shared = branch.parentElement;
          if (!shared || branch === document.documentElement || branch === document.body) continue;
          let opaque = false;
          for (const n of chain) { if (n === shared) break; if (opaqueAt(n)) { opaque = true; break; } }
          if (opaque) hits.set(branch, (hits.get(branch) || 0) + 1);
        }
      }
    }
    for (const [branch, n] of hits) {
      if (n < 3 || onTop.has(branch)) continue;
      const r = branch.getBoundingClientRect();
      const w = Math.max(0, Math.min(r.right, W) - Math.max(r.left, 0)), h = Math.max(0, Math.min(r.bottom, H) - Math.max(r.top, 0));
      if (w * h >= 0.1 * W * H) covered.add(branch);
    }
    return covered;
  }

  // ---------------------------------------------------------------- observe
  function observe() {
    const maxElements = args.maxElements || 400;
    st.hoverPointer = null; // style sheets may have changed since the last look
    const out = [];
    const notes = [];
    const emitted = new WeakSet();
    const weakControls = new WeakSet();
    // Whether the nearest listed element around this one is a control known only by its pointer cursor.
    const inWeakControl = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (weakControls.has(p)) return true;
        if (emitted.has(p)) return false;
      }
      return false;
    };
    const plainItems = new WeakSet(); // list items taken as the items of a tree drawn without ARIA
    const labelFor = []; // label elements kept only when their control is not shown
    const active = deepActive();
    const covered = coveredLayers();

    function visit(el, ctx, inControl, inText) {
      const tag = el.localName;
      if (SKIP.has(tag) || covered.has(el)) return;
      if (!el.checkVisibility()) {
        // display:contents has no box but its children do; anything else hidden hides its subtree.
        if (styleOf(el).display !== 'contents') return;
      }

      // A box of no height that clips what it holds (a closed branch, a collapsing panel) shows none of it.
      if (el.firstElementChild) {
        const clipY = styleOf(el).overflowY;
        if ((clipY === 'hidden' || clipY === 'clip') && el.getBoundingClientRect().height < 1) return;
      }

      const type = inputType(el);
      let role = roleOf(el, tag, type);
      let textish = false;
      let plain = false;
      const part = inControl && !inText && !role ? plainTreePart(el, (li) => plainItems.has(li)) : null;
      if (!role && !inControl && !inText && plainTreeItem(el, tag)) { role = 'treeitem'; plain = true; }
      if (part) role = part === 'toggle' ? 'button' : 'checkbox';
      const drawn = !role && (!inText || inWeakControl(el)) ? drawnBox(el) : null;
      if (drawn) role = drawn.kind === 'toggle' ? 'button' : drawn.kind;
      if (!role && !inControl) {
        if (tag === 'label' || tag === 'legend') { role = 'text'; textish = true; }
      }
      if (role === 'heading') textish = true;
      if (inControl && role && !part && !drawn && !(tag === 'input' || tag === 'select' || tag === 'textarea')) role = null;

      let emittedHere = false;
      let weak = false;
      let branch = null;
      // A small icon inside a control (a tab's or a chip's close ×): clickable on its own, so listed. Inside a control
      // known only by its pointer cursor (a layout's tab drawn as a plain <li>) too: the × inherits the tab's cursor.
      const nestedIcon = !role && iconClassed(el) && ((inControl && !inText) || (inText && inWeakControl(el)));
      if (role || (!inControl && !inText) || nestedIcon) {
        const r = el.getBoundingClientRect();
        const box = { l: r.left + ctx.ox, t: r.top + ctx.oy, r: r.right + ctx.ox, b: r.bottom + ctx.oy };
        const sized = r.width * r.height >= 4 && r.width >= 1 && r.height >= 1;
        const inView = sized && ctx.clip && intersect(box, ctx.clip);
        // Below the fold or scrolled away inside a container: still on the page, marked offscreen (main document and
        // open shadow roots; a frame's offscreen part is left out, its scroll is its own).
        // Moved out to the left or above the page (the "left: -9999px" way of hiding a real radio under a button drawn in
        // its place): no scrolling brings it back, so no one can see it; its label stands for it (see styled boxes).
        const win = el.ownerDocument.defaultView;
        const banished = !ctx.path && (r.right + win.scrollX <= 0 || r.bottom + win.scrollY <= 0);
        const onScreen = !banished && (inView || (sized && !ctx.path));
        // A remove part may be laid over the whole of its tag (the tag's words show through it): no bigger than what holds it.
        const iconSized = r.width <= 48 && r.height <= 48 || removeRole(el) && r.height <= 48 && el.parentElement && r.width <= el.parentElement.getBoundingClientRect().width + 1;
        if (!role && onScreen && (nestedIcon ? iconSized : !inControl && !inText)) {
          // Static text next to controls, and custom clickables that only show a pointer cursor.
          let own = '';
          for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) own += c.data;
          own = collapse(own);
          const cs = styleOf(el);
          const pointer = (e) => styleOf(e).cursor === 'pointer' || hoverPointer(e);
          if (tag !== 'html' && tag !== 'body' && tag !== 'svg' && (nestedIcon || pointer(el) && !(el.parentElement && pointer(el.parentElement)))) {
            role = 'button';
            weak = true;
          } else if (own && tag !== 'html' && tag !== 'body') {
            const full = visibleText(el);
            if (full.length <= 200) { role = 'text'; textish = true; }
          }
        }
        const clippedOption = role === 'option' ? optionClipped(el) : null;
        if (clippedOption === 'hidden') return;
        // Words faded out to nothing (the title of a page an app slid away, kept at opacity 0) are not read. Controls are
        // still listed: a real input sits transparent under the box drawn for it, and a row's tools fade in on hover.
        if (role && onScreen && el.checkVisibility({ visibilityProperty: true, opacityProperty: textish })) {
          const id = idOf(el);
          // A tree item holding its open branch (the ARIA tree pattern: <li role=treeitem><span>Oceania</span><ul
          // role=group>…): the item is its own line, above the branch; a click at the middle of the whole box would land
          // on a child, and the children's words are theirs, not its name.
          branch = role === 'treeitem' ? ownBranch(el) : null;
          let height = r.height;
          if (branch) {
            const g = branch.getBoundingClientRect();
            if (g.height > 0 && g.top > r.top) height = g.top - r.top;
          }
          const e = {
            id, role, tag, x: round(box.l), y: round(box.t), w: round(r.width), h: round(height), frame: ctx.path,
          };
          e.name = shownName(el, tag, type, role, branch, part);
          if (drawn && drawn.kind === 'toggle') {
            e.expanded = drawn.open;
          } else if (drawn) {
            e.checked = drawnBoxChecked(el, drawn);
            if (drawn.disabled || classState(el, DISABLED_CLASS) || classState(el.parentElement, DISABLED_CLASS)) e.disabled = true;
          } else if (part === 'check') {
            e.checked = partChecked(el);
            // A locked node cannot be ticked; its branch still opens and closes.
            if (classState(el, DISABLED_CLASS) || classState(el.parentElement, DISABLED_CLASS)) e.disabled = true;
          } else if (part === 'toggle') {
            e.expanded = partExpanded(el);
          }
          if (plain) plainItems.add(el);
          if (type) e.type = type;
          if (!inView || clippedOption === 'scrolled') e.off = true;
          if (role === 'link' || role === 'button' || role === 'tab' || role === 'menuitem') {
            const t = cap(visibleText(el), 150);
            if (t && t !== e.name) e.text = t;
          }
          if (tag === 'a' && el.href) e.href = el.href;
          if (role === 'button' || role === 'link' || role === 'menuitem' || role === 'tab' || role === 'img' || role === 'image') {
            const icon = iconOf(el);
            if (icon) e.icon = cap(icon, 60);
          }
          // An id that reads as words ("toggle-all", "newTodo"); ids with digits are usually generated.
          const hid = el.getAttribute('data-testid') || el.getAttribute('data-test') || el.id;
          if (hid && /^[A-Za-z][A-Za-z_-]{2,39}$/.test(hid)) e.hid = hid;
          const secret = isSecret(el, tag, type);
          if (secret) e.secret = true;
          if (tag === 'input' || tag === 'textarea') {
            if (type === 'checkbox' || type === 'radio') e.checked = !!el.checked;
            else if (type !== 'submit' && type !== 'button' && type !== 'reset' && type !== 'image' && type !== 'file') {
              if (el.value) e.value = secret ? '••••••' : cap(el.value, 200);
            } else if (type === 'file' && el.files && el.files.length) {
              e.value = Array.from(el.files).map((f) => f.name).join(', ');
            }
            const ph = collapse(el.getAttribute('placeholder'));
            if (ph) e.placeholder = ph;
          } else if (tag === 'select') {
            const opts = Array.from(el.options);
            e.options = opts.slice(0, 100).map((o) => cap(collapse(o.label || o.text), 80));
            const sel = opts.filter((o) => o.selected).map((o) => collapse(o.label || o.text));
            if (sel.length) e.value = cap(sel.join(', '), 200);
          } else if (role === 'textbox' && el.isContentEditable) {
            const v = visibleText(el);
            if (v) e.value = secret ? '••••••' : cap(v, 200);
          }
          if (role === 'slider' && e.value === undefined) {
            const now = el.getAttribute('aria-valuetext') || el.getAttribute('aria-valuenow');
            if (now) e.value = cap(collapse(now), 60);
          }
          const ariaChecked = el.getAttribute('aria-checked');
          if (e.checked === undefined && (role === 'checkbox' || role === 'radio' || role === 'switch' || role === 'menuitemcheckbox' || role === 'menuitemradio')) {
            e.checked = ariaChecked === 'true';
          }
          if (role === 'option' && e.checked === undefined) {
            const boxed = innerBoxChecked(el);
            if (boxed !== undefined) e.checked = boxed;
          }
          if (role === 'button' && e.checked === undefined) {
            const done = doneRow(el);
            if (done !== undefined) e.checked = done;
          }
          const ariaSelected = el.getAttribute('aria-selected');
          if (ariaSelected !== null) e.selected = ariaSelected === 'true';
          else if (role === 'tab') { const sel = tabSelected(el); if (sel !== undefined) e.selected = sel; }
          if (role === 'tab') {
            // The tab list it belongs to (one wizard or tab box among several on the page): its tabs share the number.
            const list = el.closest('[role=tablist]') || stepList(el) || (el.parentElement && el.parentElement.localName === 'li' ? el.parentElement.parentElement : el.parentElement);
            if (list) e.tabs = rowKey(list);
          }
          const ariaExpanded = el.getAttribute('aria-expanded');
          if (ariaExpanded !== null) e.expanded = ariaExpanded === 'true';
          else if (tag === 'summary' && el.parentElement && el.parentElement.localName === 'details') e.expanded = el.parentElement.open;
          if (role === 'heading') {
            const level = parseInt(el.getAttribute('aria-level') || (/^h[1-6]$/.test(tag) ? tag[1] : ''), 10);
            if (level) e.level = level;
          }
          // A line of a list, a table or a definition list (a term with its own controls: "show code" beside an action).
          const rowEl = el.closest('tr, [role=row], li, dt');
          if (rowEl && rowEl !== el) {
            e.row = rowKey(rowEl);
            // A table's body row (not its heading row): what "the third person in the table" counts.
            if (rowEl.localName !== 'li' && rowEl.localName !== 'dt' && !rowEl.querySelector('th, [role=columnheader]')) e.tableRow = true;
          }
          const sub = submenuOf(el, tag, role);
          if (sub !== undefined) e.submenu = sub;
          if (el.matches(':disabled') || el.getAttribute('aria-disabled') === 'true') e.disabled = true;
          if (submitsForm(el, tag, type)) e.submits = true;
          if (enterSubmits(el, tag, type)) e.enter = true;
          if (submitsGetForm(el, tag, type)) e.getform = true;
          if (el === active) e.focused = true;
          if (tag === 'label') labelFor.push({ e, control: el.control });
          e.textish = textish;
          e.el = el;
          out.push(e);
          emitted.add(el);
          if (weak) weakControls.add(el);
          emittedHere = true;
        }
      }

      // Inside a real control nothing else is emitted; inside text or a pointer-cursor card, only controls are.
      // A list box drawn with ARIA (a <div role=listbox> of role=option items) holds its options as elements of their own:
      // they are what a person ticks, picks and counts. A native <select> keeps its options in its Options.
      const listOfOptions = role === 'listbox' && tag !== 'select' && !!el.querySelector('[role=option]');
      const nowInControl = inControl || (emittedHere && !textish && !weak && role !== 'canvas' && !listOfOptions);
      const nowInText = inText || (emittedHere && (textish || weak));
      if (tag === 'svg') return;
      if (el.shadowRoot) { watch(el.shadowRoot); walk(el.shadowRoot, ctx, nowInControl, nowInText); }
      if (tag === 'iframe' || tag === 'frame') {
        let doc = null;
        try { doc = el.contentDocument; } catch (e) { doc = null; }
        if (doc && doc.documentElement) {
          const c = contentBox(el, ctx.ox, ctx.oy);
          const clip = ctx.clip && intersect(ctx.clip, c);
          if (clip) walk(doc, { ox: c.l, oy: c.t, clip, path: (ctx.path ? ctx.path + '/' : '') + 'iframe#' + idOf(el) }, false, false);
        } else if (!emittedHere) {
          const r = el.getBoundingClientRect();
          const box = { l: r.left + ctx.ox, t: r.top + ctx.oy, r: r.right + ctx.ox, b: r.bottom + ctx.oy };
          if (ctx.clip && intersect(box, ctx.clip) && r.width * r.height >= 4) {
            const e = { id: idOf(el), role: 'frame', tag, x: round(box.l), y: round(box.t), w: round(r.width), h: round(r.height), frame: ctx.path, textish: false, el };
            e.name = cap(nameOf(el, tag, null, 'frame') || (el.src || ''), 150);
            out.push(e);
            notes.push('a cross-origin frame (' + cap(el.src || 'no src', 80) + ') is shown as one element; its contents were not inspected');
          }
        }
        return;
      }
      // A tree item's branch holds tree items of its own, listed as such.
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) visit(c, ctx, c === branch ? inControl : nowInControl, c === branch ? inText : nowInText);
    }

    function walk(root, ctx, inControl, inText) {
      const start = root.nodeType === 9 ? root.documentElement : null;
      if (start) { visit(start, ctx, inControl, inText); return; }
      for (let c = root.firstElementChild; c; c = c.nextElementSibling) visit(c, ctx, inControl, inText);
    }

    walk(document, { ox: 0, oy: 0, clip: { l: 0, t: 0, r: top.innerWidth, b: top.innerHeight }, path: '' }, false, false);

    // Labels whose control is shown add nothing (the control carries the name); keep the others (styled checkboxes).
    const drop = new Set();
    tooltipNames(out, drop);
    for (const { e, control } of labelFor) if (control && emitted.has(control)) drop.add(e);

    // A styled box: the real checkbox or radio is hidden (clipped, transparent, a pixel wide) and its label is what people
    // see and click. The label then stands for the box: its role, its state, whether it is disabled. Two labels for one
    // hidden box (its words in one, the drawn square in the other, as QuickSettings draws them) are one box: the one
    // with words stands for it.
    const standsFor = new Map();
    for (const { e, control } of labelFor) {
      if (!control || emitted.has(control) || drop.has(e) || control.localName !== 'input') continue;
      const other = standsFor.get(control);
      if (!other) { standsFor.set(control, e); continue; }
      if (!other.name && e.name) { drop.add(other); standsFor.set(control, e); } else drop.add(e);
    }
    for (const { e, control } of labelFor) {
      if (!control || emitted.has(control) || drop.has(e) || control.localName !== 'input') continue;
      const t = inputType(control);
      if (t !== 'checkbox' && t !== 'radio') continue;
      e.role = control.getAttribute('role') === 'switch' ? 'switch' : t;
      e.checked = !!control.checked;
      if (control.disabled) e.disabled = true;
      e.textish = false;
    }

    const controls = out.filter((e) => !e.textish && !drop.has(e));
    const texts = out.filter((e) => e.textish && !drop.has(e));
    const controlLabels = new Set(labelFor.filter(({ control }) => control).map(({ e }) => e));

    // Nearby text: the closest text or heading left of or above a control, within 80 px. Text on the control's own row
    // counts 16 px nearer than text above: in a form laid out as a table (label cell, field cell) the row above's
    // label is often a few pixels closer than the field's own. Text above that does not reach over the control counts
    // as far again as the gap beside it: in a grid's filter or edit row each field's column header is straight above
    // it, and the header of the column to its left is just as high.
    for (const c of controls) {
      let best = null, bestD = 81;
      for (const t of texts) {
        if (controlLabels.has(t) || t.name === c.name) continue;
        const vOverlap = t.y < c.y + c.h && t.y + t.h > c.y;
        const hOverlap = t.x < c.x + c.w && t.x + t.w > c.x - 80;
        let d = 1e9;
        if (vOverlap && t.x + t.w <= c.x + 4) d = Math.max(0, c.x - (t.x + t.w));
        else if (hOverlap && t.y + t.h <= c.y + 4) d = Math.max(0, c.y - (t.y + t.h)) + 16 + Math.max(0, c.x - (t.x + t.w), t.x - (c.x + c.w));
        if (d < bestD) { bestD = d; best = t; }
      }
      // A box's group says what it is about ("Hotel Ratings: 4 Star"), more than the nearest heading does.
      let near = '';
      if (c.role === 'radio' || c.role === 'checkbox' || c.role === 'switch') {
        const fs = c.el.closest('fieldset');
        const lg = fs && fs.querySelector(':scope > legend');
        if (lg) near = collapse(textOf(lg, null, 0));
        if (!near) {
          const group = c.el.closest('[role=radiogroup],[role=group]');
          if (group) near = collapse(group.getAttribute('aria-label'));
        }
        if (!near) near = boxGroupLabel(c.el.localName === 'label' && c.el.control ? c.el.control : c.el);
      }
      // A field in a table's row of fields (a filter or edit row, above or below the headers) is its column's.
      if (!near && !c.name && (c.tag === 'input' || c.tag === 'select' || c.tag === 'textarea')) near = columnHeaderOf(c.el);
      if (!near) near = best ? best.name : '';
      if (near && near !== c.name) c.near = cap(near, 150);
    }

    // Static text is kept when it is a heading, sits near a control (within 150 px), so grounding by nearby text works,
    // or is an item of a list or table (what a person points at: "Select Item 3 in the list", "the row of Ada"). A page
    // without any control keeps all its text: its items are what there is to act on.
    const gap = (a, b) => Math.hypot(Math.max(0, Math.max(a.x, b.x) - Math.min(a.x + a.w, b.x + b.w)),
      Math.max(0, Math.max(a.y, b.y) - Math.min(a.y + a.h, b.y + b.h)));
    const ITEM_TAGS = new Set(['li', 'td', 'th', 'dt', 'dd']);
    const keepText = new Set(texts.filter((t) => t.role === 'heading' || t.tag === 'label' || t.tag === 'legend'
      || ITEM_TAGS.has(t.tag) || controls.length === 0 || controls.some((c) => gap(t, c) <= 150) || repeatedItem(t.el) || inShortCell(t.el)));

    let result = out.filter((e) => !drop.has(e) && (!e.textish || keepText.has(e)));
    if (result.length > maxElements) {
      // Controls in view first, then text in view, then offscreen headings (few, and they say which section each
      // offscreen control is in: "the last star in the Click example"), then offscreen controls and text: what is shown
      // is never cut for what is not.
      const total = result.length;
      const keep = new Set();
      const tiers = [(e) => !e.textish && !e.off, (e) => e.textish && !e.off, (e) => e.off && e.role === 'heading',
        (e) => !e.textish && e.off, (e) => e.textish && e.off];
      for (const tier of tiers) {
        for (const e of result) { if (keep.size >= maxElements) break; if (tier(e)) keep.add(e); }
      }
      result = result.filter((e) => keep.has(e));
      notes.push('the element list was cut to ' + maxElements + ' of ' + total + ' elements; scroll or zoom in to see the rest');
    }
    for (const e of result) { delete e.el; delete e.textish; }

    const body = document.body;
    const text = body ? (body.innerText || '') : '';
    setActing(false);
    setBaseline();
    return {
      token: st.token,
      title: document.title || '',
      vw: top.innerWidth,
      vh: top.innerHeight,
      dpr: top.devicePixelRatio || 1,
      text: text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim().slice(0, args.maxText || 4000),
      elements: result,
      notes,
    };
  }

  // ---------------------------------------------------------------- executor helpers
  function deepElementFromPoint(x, y) {
    let el = document.elementFromPoint(x, y);
    let ox = 0, oy = 0;
    for (let guard = 0; el && guard < 32; guard++) {
      if (el.shadowRoot) {
        const inner = el.shadowRoot.elementFromPoint(x - ox, y - oy);
        if (inner && inner !== el) { el = inner; continue; }
      }
      if (el.localName === 'iframe' || el.localName === 'frame') {
        let doc = null;
        try { doc = el.contentDocument; } catch (e) { doc = null; }
        if (doc) {
          const c = contentBox(el, ox, oy);
          ox = c.l; oy = c.t;
          const inner = doc.elementFromPoint(x - ox, y - oy);
          if (inner) { el = inner; continue; }
        }
      }
      break;
    }
    return el;
  }

  function composedContains(ancestor, node) {
    for (let n = node; n; n = n.parentNode || n.host) {
      if (n === ancestor) return true;
    }
    return false;
  }

  function resolve() {
    if (args.token && st.token !== args.token) return { el: null, status: 'stale' };
    const ref = st.ids.get(args.id);
    const el = ref && ref.deref();
    if (!el || !el.isConnected) return { el: null, status: 'gone' };
    return { el, status: 'ok' };
  }

  // The table row, grid row or list item an element sits in, as a number the same for every element in it: a control
  // "in Judi's row" is one whose row also shows Judi, however wide the cells between them.
  const rowKeys = new WeakMap();
  let nextRowKey = 1;
  function rowKey(rowEl) {
    let k = rowKeys.get(rowEl);
    if (!k) { k = nextRowKey++; rowKeys.set(rowEl, k); }
    return k;
  }

  // A menu entry that holds a nested menu: true while that menu shows, false while it is hidden, undefined for anything
  // else. Said by ARIA (aria-haspopup with aria-expanded), or by structure: the entry's list item (its parent, or its
  // grandparent through a lone wrapper) also holds a list or menu of links, as hover menus (superfish, CSS :hover
  // drop-downs) and tree views are built.
  function submenuOf(el, tag, role) {
    if (!(tag === 'a' || tag === 'button' || role === 'menuitem' || role === 'link' || role === 'button' || role === 'treeitem')) return undefined;
    const popup = el.getAttribute('aria-haspopup');
    if (popup && popup !== 'false' && el.hasAttribute('aria-expanded')) return el.getAttribute('aria-expanded') === 'true';
    let item = el.parentElement;
    if (item && item.localName !== 'li' && item.children.length === 1) item = item.parentElement;
    if (!item || item.localName !== 'li') return undefined;
    const list = Array.from(item.children).find((c) => !c.contains(el)
      && (c.localName === 'ul' || c.localName === 'ol' || c.getAttribute('role') === 'menu' || c.getAttribute('role') === 'group'));
    if (!list || !list.querySelector('a[href], button, [role=menuitem]')) return undefined;
    const r = list.getBoundingClientRect();
    const cs = getComputedStyle(list);
    return r.width > 1 && r.height > 1 && r.right > 0 && r.bottom > 0 && cs.visibility !== 'hidden' && parseFloat(cs.opacity || '1') > 0.05;
  }

  function boxOf(el) {
    const fc = frameContext(el.ownerDocument.defaultView);
    if (!fc) return null;
    const r = el.getBoundingClientRect();
    const box = { l: r.left + fc.ox, t: r.top + fc.oy, r: r.right + fc.ox, b: r.bottom + fc.oy };
    return { box, visible: fc.clip && intersect(box, fc.clip), path: fc.path };
  }

  function locate() {
    const { el, status } = resolve();
    if (!el) return { status };
    let b = boxOf(el);
    if (!b) return { status: 'gone' };
    let scrolled = false;
    if (!b.visible && args.scroll) {
      el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      scrolled = true;
      b = boxOf(el);
    }
    setBaseline(el, !!args.press);
    setActing(true);
    const tag = el.localName;
    const res = { status: 'ok', tag, type: inputType(el), x: b.box.l, y: b.box.t, w: b.box.r - b.box.l, h: b.box.b - b.box.t, scrolled, frame: b.path };
    // What the element says and where it leads now, named as the observation named it: the executor refuses to act on an
    // element that was relabelled or repointed after it was judged (and perhaps approved).
    const branch = args.role === 'treeitem' ? ownBranch(el) : null;
    const part = args.role === 'button' || args.role === 'checkbox' ? drawnPart(el, tag, res.type) : null;
    if (args.role) res.name = shownName(el, tag, res.type, args.role, branch, part);
    if (tag === 'a' && el.href) res.href = el.href;
    // A control that announces a popup (a menu item with a submenu, a disclosure): what pointing at it opens is its effect.
    // The announcing element may be the item's wrapper or its inner link (a menu's <li> around the item that says so).
    const announces = (x) => !!x && !!x.getAttribute && ((!!x.getAttribute('aria-haspopup') && x.getAttribute('aria-haspopup') !== 'false') || x.hasAttribute('aria-expanded'));
    res.opener = announces(el) || Array.from(el.children || []).some(announces) || announces(el.parentElement && el.parentElement.closest('[aria-haspopup]'))
      || submenuOf(el, tag, args.role || '') !== undefined;
    if (!b.visible) { res.status = 'offscreen'; return res; }
    let v = b.visible;
    if (branch) {
      // The item's own line, above its open branch (see visit).
      const g = branch.getBoundingClientRect(), r = el.getBoundingClientRect();
      const branchTop = g.top + (b.box.t - r.top);
      if (g.height > 0 && g.top > r.top && branchTop > v.t + 1) v = { l: v.l, r: v.r, t: v.t, b: Math.min(v.b, branchTop) };
    }
    const cx = (v.l + v.r) / 2, cy = (v.t + v.b) / 2;
    const points = [[cx, cy], [v.l + (v.r - v.l) * 0.25, cy], [v.l + (v.r - v.l) * 0.75, cy], [cx, v.t + (v.b - v.t) * 0.25], [cx, v.t + (v.b - v.t) * 0.75]];
    const labels = el.labels ? Array.from(el.labels) : [];
    let firstHit = null;
    for (const [px, py] of points) {
      const hit = deepElementFromPoint(px, py);
      if (!firstHit) firstHit = hit;
      if (hit && (composedContains(el, hit) && !(branch && composedContains(branch, hit)) || labels.some((l) => composedContains(l, hit)) || ownCover(el, hit))) {
        res.px = px; res.py = py;
        return res;
      }
    }
    res.px = cx; res.py = cy;
    res.covered = describe(firstHit);
    return res;
  }

  function tagElement() {
    const { el, status } = resolve();
    if (!el) return { status };
    // A fresh value per tagging, so a copy of an element tagged earlier (cloneNode) can never match the locator.
    const mark = args.id + '.' + Math.random().toString(36).slice(2, 8);
    el.setAttribute('data-aa-id', mark);
    const frames = [];
    let w = el.ownerDocument.defaultView;
    while (w !== top) {
      const fe = w.frameElement;
      if (!fe) return { status: 'gone' };
      const fmark = idOf(fe) + '.' + Math.random().toString(36).slice(2, 8);
      fe.setAttribute('data-aa-id', fmark);
      frames.unshift(fmark);
      w = w.parent;
    }
    const res = { status: 'ok', mark, frames, tag: el.localName, type: inputType(el) };
    if (el.localName === 'select') {
      res.options = Array.from(el.options).map((o, i) => ({ label: collapse(o.label || o.text), value: o.value, index: i, disabled: o.disabled }));
    }
    if (el.localName === 'label' && el.control) {
      const c = el.control;
      res.controlType = inputType(c);
    }
    return res;
  }

  // The smallest visible element (any frame of the same origin) whose text matches, for custom dropdown options.
  function findText() {
    const want = collapse(args.text).toLowerCase();
    let best = null;
    const consider = (el, ctx) => {
      const r = el.getBoundingClientRect();
      if (r.width * r.height < 4) return;
      const box = { l: r.left + ctx.ox, t: r.top + ctx.oy, r: r.right + ctx.ox, b: r.bottom + ctx.oy };
      const v = ctx.clip && intersect(box, ctx.clip);
      if (!v) return;
      const t = visibleText(el).toLowerCase();
      const score = t === want ? 0 : t.startsWith(want) ? 1 : -1;
      if (score < 0) return;
      const area = r.width * r.height;
      if (!best || score < best.score || (score === best.score && area < best.area)) {
        best = { score, area, x: (v.l + v.r) / 2, y: (v.t + v.b) / 2, tag: el.localName };
      }
    };
    const walkAll = (root, ctx) => {
      const all = root.querySelectorAll('[role=option],[role=menuitem],[role=menuitemradio],[role=treeitem],[role=listitem],li,option,a,button,div,span');
      for (const el of all) {
        if (el.closest('select')) continue;
        if (el.checkVisibility({ visibilityProperty: true })) consider(el, ctx);
      }
      for (const f of root.querySelectorAll('iframe,frame')) {
        let doc = null;
        try { doc = f.contentDocument; } catch (e) { doc = null; }
        if (doc) {
          const c = contentBox(f, ctx.ox, ctx.oy);
          const clip = ctx.clip && intersect(ctx.clip, c);
          if (clip) walkAll(doc, { ox: c.l, oy: c.t, clip });
        }
      }
    };
    walkAll(document, { ox: 0, oy: 0, clip: { l: 0, t: 0, r: top.innerWidth, b: top.innerHeight } });
    return best ? { status: 'ok', x: best.x, y: best.y, tag: best.tag } : { status: 'gone' };
  }

  // ---------------------------------------------------------------- text selection
  // The words args.text inside element args.id. In a text field its value range is selected at once; elsewhere (a
  // rich-text editor, a paragraph) the boxes of the first and last characters come back and the agent drags between
  // them as a person does; 'applyRange' then selects the same range directly when a drag did not.
  const squash = (s) => String(s || '').replace(/\s+/g, ' ').trim();
  function textIndex(root) {
    const chars = [];
    let flat = '';
    let lastBlock = null;
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement;
      if (!p || p.closest('script,style,noscript,template')) continue;
      const block = p.closest('p,div,li,h1,h2,h3,h4,h5,h6,td,th,blockquote,pre,dt,dd,section,article') || root;
      if (lastBlock && block !== lastBlock && flat && !flat.endsWith(' ')) { flat += ' '; chars.push(null); }
      lastBlock = block;
      const d = n.data;
      for (let i = 0; i < d.length; i++) {
        const space = /\s/.test(d[i]);
        if (space && (flat === '' || flat.endsWith(' '))) continue;
        flat += space ? ' ' : d[i];
        chars.push([n, i]);
      }
    }
    return { flat, chars };
  }
  function indexOfWords(hay, want) {
    const i = hay.indexOf(want);
    return i >= 0 ? i : hay.toLowerCase().indexOf(want.toLowerCase());
  }
  function charBox(at) {
    const r = at[0].ownerDocument.createRange();
    r.setStart(at[0], at[1]);
    r.setEnd(at[0], at[1] + 1);
    return r.getBoundingClientRect();
  }
  function selectText() {
    const ref = st.ids.get(args.id);
    const el = ref && ref.deref();
    if (!el || !el.isConnected) return { status: 'gone' };
    // Inner white space collapsed; a space at either end is kept (a deleted word takes its space along).
    const want = String(args.text || '').replace(/\s+/g, ' ');
    if (!want.trim()) return { status: 'empty' };
    const tag = el.localName;
    if ((tag === 'input' || tag === 'textarea') && typeof el.value === 'string') {
      if (isSecret(el, tag, inputType(el))) return { status: 'secret' };
      const v = el.value;
      const i = indexOfWords(v, args.text);
      const len = args.text.length;
      if (i < 0) return { status: 'absent', reads: cap(squash(v), 200) };
      el.focus();
      try { el.setSelectionRange(i, i + len); } catch (e) { return { status: 'unselectable', reads: tag }; }
      return { status: 'ok', kind: 'field', selected: v.substr(i, len) };
    }
    // The element's own text, else the whole editor it sits in.
    let root = el;
    let index = textIndex(root);
    let at = indexOfWords(index.flat, want);
    if (at < 0 && el.isContentEditable) {
      while (root.parentElement && root.parentElement.isContentEditable) root = root.parentElement;
      index = textIndex(root);
      at = indexOfWords(index.flat, want);
    }
    if (at < 0) return { status: 'absent', reads: cap(index.flat, 200) };
    const a = index.chars[at];
    const b = index.chars[at + want.length - 1];
    const range = root.ownerDocument.createRange();
    range.setStart(a[0], a[1]);
    range.setEnd(b[0], b[1] + 1);
    st.textRange = range;
    const selected = index.flat.substr(at, want.length);
    if (root.ownerDocument !== document) return { status: 'ok', kind: 'text', selected, drag: false };
    let first = charBox(a);
    let last = charBox(b);
    const inView = (r) => r.top >= 0 && r.bottom <= top.innerHeight && r.left >= 0 && r.right <= top.innerWidth;
    if (!inView(first) || !inView(last)) {
      (a[0].parentElement || root).scrollIntoView({ block: 'center', inline: 'nearest' });
      first = charBox(a);
      last = charBox(b);
    }
    if (first.width <= 0 || last.width <= 0 || !inView(first) || !inView(last)) return { status: 'ok', kind: 'text', selected, drag: false };
    return {
      status: 'ok', kind: 'text', selected, drag: true,
      sx: first.left + Math.min(1, first.width / 4), sy: (first.top + first.bottom) / 2,
      ex: last.right - Math.min(1, last.width / 4), ey: (last.top + last.bottom) / 2,
    };
  }
  function applyRange() {
    const r = st.textRange;
    if (!r) return { status: 'gone' };
    const doc = r.startContainer.ownerDocument;
    const editable = r.startContainer.parentElement && r.startContainer.parentElement.closest('[contenteditable]');
    if (editable && editable.isContentEditable) editable.focus();
    const sel = doc.getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
    // Editors that show their toolbar on a finished mouse selection listen for this.
    (editable || r.startContainer.parentElement || doc.body).dispatchEvent(new MouseEvent('mouseup', { bubbles: true, view: doc.defaultView }));
    return { status: 'ok' };
  }
  // What text is selected now: inside the focused field, else the page's selection (a secret field's never leaves).
  function selectedTextOf(active) {
    if (active && (active.localName === 'input' || active.localName === 'textarea') && typeof active.selectionStart === 'number') {
      if (isSecret(active, active.localName, inputType(active))) return null;
      try { return active.value.substring(active.selectionStart, active.selectionEnd); } catch (e) { return ''; }
    }
    let doc = document;
    for (let f = active; f && f.localName === 'iframe';) {
      try { doc = f.contentDocument; f = doc && doc.activeElement; } catch (e) { break; }
    }
    const s = doc && doc.getSelection && doc.getSelection();
    return s ? cap(squash(String(s)), 500) : '';
  }

  function scrollState() {
    const se = document.scrollingElement || document.documentElement;
    return { status: 'ok', x: top.scrollX, y: top.scrollY, maxY: se ? se.scrollHeight - top.innerHeight : 0, token: st.token };
  }

  // ---------------------------------------------------------------- verifier probe
  // What changed since the baseline, and the state of one element (by id) or of the focused one: value, checked,
  // selected options. A secret field's value never leaves the page: only whether it is filled.
  function probe() {
    const base = st.base || { mut: 0, liveMut: 0, focus: null, sx: 0, sy: 0, url: location.href };
    const res = {
      status: 'ok', token: st.token, url: location.href, mutations: flushMutations() - base.mut,
      ignored: (st.liveMut || 0) - (base.liveMut || 0),
      transient: base.el && lookOf(base.el) === base.look ? (st.selfMut || 0) - (base.selfMut || 0) : 0,
      scrolled: top.scrollX !== base.sx || top.scrollY !== base.sy, urlChanged: location.href !== base.url,
    };
    res.sameMarkup = res.mutations > 0 && typeof base.markup === 'string' && (st.foreignMut || 0) === base.foreign && markupOf() === base.markup;
    const active = deepActive();
    let el = null;
    if (args.id) {
      if (args.token && st.token !== args.token) {
        res.status = 'stale';
        const shown = refusalShown();
        if (shown) res.refused = shown;
        return res;
      }
      const ref = st.ids.get(args.id);
      el = ref && ref.deref();
      if (!el || !el.isConnected) { res.status = 'gone'; el = null; }
    } else {
      el = active && active !== document.body && active !== document.documentElement ? active : null;
    }
    const body = document.body;
    res.focusMoved = !!active && active !== base.focus && active !== body && !(el && (active === el || el.contains(active)));
    res.selectionChanged = active === base.focus && base.sel !== undefined && selectionOf(active) !== base.sel;
    res.focused = !!el && !!active && (active === el || el.contains(active) || (!!el.control && el.control === active));
    res.focus = describe(active && active !== body ? active : null);
    res.selectedText = selectedTextOf(active);
    if (!el) return res;
    const pressed = (top[KEY + '_t'] && top[KEY + '_t'].pressed) || st.pressed;
    if (base.el === el && pressed && pressed.nodeType === 1) {
      // Inside the target, its label or its control, or an ancestor of the target (its own padding): the target's press.
      if (!pressAllowed(el)(pressed)) res.pressedElsewhere = describe(pressed);
      if (top[KEY + '_t'] && top[KEY + '_t'].blocked) res.pressStopped = true;
    }
    if (!res.urlChanged && (base.el === el || !base.el)) {
      const why = refusal(el, base);
      if (why) res.refused = why;
    }
    if (base.el === el && base.box !== null && base.box !== undefined) {
      const now = boxState(el);
      if (now !== null && now !== base.box) res.boxNow = now ? 'checked' : 'unchecked';
    }
    const tag = el.localName;
    const type = inputType(el);
    const rect = el.getBoundingClientRect();
    res.cx = Math.round(rect.left + rect.width / 2);
    res.cy = Math.round(rect.top + rect.height / 2);
    res.hw = Math.round(rect.width);
    res.hh = Math.round(rect.height);
    // A slider's handle: the track it runs along (the nearest ancestor clearly longer than the handle), so a drag
    // "all the way" can be checked against the track's end rather than against the page.
    if ((el.getAttribute('role') || '') === 'slider' || /slider-handle|ui-slider-handle/.test(el.getAttribute('class') || '')) {
      for (let p = el.parentElement, i = 0; p && i < 4; p = p.parentElement, i++) {
        const t = p.getBoundingClientRect();
        if (t.width >= rect.width * 3 || t.height >= rect.height * 3) {
          res.track = { l: Math.round(t.left), t: Math.round(t.top), r: Math.round(t.right), b: Math.round(t.bottom) };
          break;
        }
      }
    }
    res.tag = tag;
    res.type = type;
    res.name = describe(el);
    const shown = shownText(el);
    if (shown !== null) {
      res.shown = shown;
      if (base.el === el && typeof base.shown === 'string') res.shownBefore = base.shown;
      // Options marked chosen anywhere in the page (a drop-down's list, open or hidden).
      res.chosen = Array.from(document.querySelectorAll('[role="option"][aria-selected="true"]')).slice(0, 20).map((o) => cap(collapse(o.textContent), 80));
    }
    const secret = isSecret(el, tag, type);
    if (type === 'checkbox' || type === 'radio') res.checked = !!el.checked;
    else if (el.hasAttribute('aria-checked')) res.checked = el.getAttribute('aria-checked') === 'true';
    else if (tag === 'label' && el.control && (el.control.type === 'checkbox' || el.control.type === 'radio')) res.checked = !!el.control.checked;
    else if (el.getAttribute('role') === 'option' && innerBoxChecked(el) !== undefined) res.checked = innerBoxChecked(el);
    else if (doneRow(el) !== undefined) res.checked = doneRow(el);
    else if (!roleOf(el, tag, type) && drawnBox(el)) {
      const drawn = drawnBox(el);
      if (drawn.kind === 'toggle') res.expanded = drawn.open; else res.checked = drawnBoxChecked(el, drawn);
    }
    else {
      const part = drawnPart(el, tag, type);
      if (part === 'check') res.checked = partChecked(el);
      else if (part === 'toggle') res.expanded = partExpanded(el);
    }
    if (el.hasAttribute('aria-selected')) res.selected = el.getAttribute('aria-selected') === 'true';
    if (el.hasAttribute('aria-expanded')) res.expanded = el.getAttribute('aria-expanded') === 'true';
    if (tag === 'select') {
      res.options = Array.from(el.selectedOptions).map((o) => collapse(o.label || o.text));
    } else if (tag === 'input' || tag === 'textarea') {
      res.filled = !!el.value;
      if (!secret) res.value = cap(el.value, 500);
    } else if (el.isContentEditable) {
      const v = visibleText(el);
      res.filled = !!v;
      if (!secret) res.value = cap(v, 500);
    } else if ((el.getAttribute('role') || '') === 'slider') {
      // A slider drawn by a script says what it holds the accessible way.
      const v = el.getAttribute('aria-valuetext') || el.getAttribute('aria-valuenow');
      if (v !== null) { res.filled = true; res.value = cap(collapse(v), 60); }
      if (el.getAttribute('aria-valuenow') !== null) res.valueNow = collapse(el.getAttribute('aria-valuenow'));
    }
    if (secret) res.secret = true;
    return res;
  }

  // A form's own properties read through its prototype: a field named "action", "method" or "elements" shadows them
  // (form.action is then that input), by accident or to hide where the form sends.
  function formProp(form, name) {
    const view = (form.ownerDocument && form.ownerDocument.defaultView) || window;
    const d = Object.getOwnPropertyDescriptor(view.HTMLFormElement.prototype, name);
    const v = d && d.get ? d.get.call(form) : form[name];
    // A relative action that does not resolve (a document without a base, about:blank) reads as ''; say what was written.
    if (name === 'action' && !v) return view.Element.prototype.getAttribute.call(form, 'action') || '';
    return v;
  }

  // Element args.id (the focused element without an id) and the form it acts in; a status when there is none.
  function formOf() {
    let el = null;
    if (args.id) {
      const r = resolve();
      if (!r.el) return { status: r.status };
      el = r.el;
    } else {
      el = deepActive();
    }
    if (!el) return { status: 'gone' };
    const form = el.form || (el.closest && el.closest('form'));
    return form ? { el, form, status: 'ok' } : { el, status: 'noform' };
  }

  // The fields the form of element args.id (its submit control, or a field Enter submits in; the focused element without
  // an id) would send, in form order: label (or name), type, value. Secret fields come back flagged and without a value.
  function formFields() {
    const { el, form, status } = formOf();
    if (!form) return { status };
    const fields = [];
    for (const c of Array.from(formProp(form, 'elements'))) {
      const tag = c.localName;
      const type = tag === 'input' ? inputType(c) : tag;
      // A field without a name is shown too: a script may still send it.
      if (c.disabled || tag === 'button' || tag === 'fieldset' || tag === 'object' || tag === 'output') continue;
      if (['submit', 'button', 'reset', 'image'].includes(type)) continue;
      if ((type === 'checkbox' || type === 'radio') && !c.checked) continue;
      const secret = isSecret(c, tag, type);
      let label = type === 'radio'
        ? collapse(c.closest('fieldset')?.querySelector('legend')?.textContent) || c.name
        : nameOf(c, tag, type, roleOf(c, tag, type)) || collapse(c.getAttribute('placeholder')) || c.name || c.id;
      let value = '';
      if (!secret) {
        if (tag === 'select') value = Array.from(c.selectedOptions).map((o) => collapse(o.label || o.text)).join(', ');
        else if (type === 'file') value = Array.from(c.files || []).map((f) => f.name).join(', ');
        else if (type === 'radio') value = labelsText(c) || c.value;
        else if (type === 'checkbox') value = c.value === 'on' ? 'checked' : c.value;
        else value = c.value || '';
      }
      fields.push({ id: idOf(c), label: cap(label || '', 200), type, value: cap(value, 500), secret });
    }
    // Where it goes: a submit button's own formaction/formmethod come first.
    const own = (attr, prop, fallback) => String(el.form === form && el.hasAttribute(attr) ? el[prop] : formProp(form, fallback));
    return { status: 'ok', fields, action: cap(own('formaction', 'formAction', 'action'), 500), method: own('formmethod', 'formMethod', 'method') };
  }

  // What the form of element args.id (the focused element without an id) would send, for the approval's form lock:
  // its destination (the submitter's formaction/formmethod/… first) and the entry list a submission builds (FormData:
  // hidden inputs and fields joined with form= included), then every other enabled control without a name (a script may
  // read it). args.enter: the action is Enter in a field, so the form's default button submits. Values come back raw:
  // the caller hashes them at once and never keeps, logs or shows them.
  function formEntries() {
    const { el, form, status } = formOf();
    if (!form) return { status };
    const submits = (c) => (c.localName === 'button' && c.type === 'submit') || (c.localName === 'input' && (c.type === 'submit' || c.type === 'image'));
    const controls = Array.from(formProp(form, 'elements'));
    let submitter = null;
    if (submits(el) && el.form === form) submitter = el;
    else if (args.enter) submitter = controls.find(submits) || null;
    let data;
    try {
      data = submitter ? new FormData(form, submitter) : new FormData(form);
    } catch (e) {
      data = new FormData(form);
    }
    const entries = [];
    for (const [name, v] of data) {
      entries.push({ name, value: typeof v === 'string' ? v : 'file:' + v.name + ':' + v.size + ':' + v.type + ':' + v.lastModified, file: typeof v !== 'string' });
    }
    const sent = entries.length;
    controls.forEach((c, i) => {
      const tag = c.localName;
      if (c.name || c.disabled || tag === 'button' || tag === 'fieldset' || tag === 'object' || tag === 'output') return;
      const type = tag === 'input' ? inputType(c) : tag;
      if (['submit', 'button', 'reset', 'image'].includes(type)) return;
      const value = type === 'checkbox' || type === 'radio' ? String(!!c.checked)
        : tag === 'select' ? Array.from(c.selectedOptions).map((o) => o.value).join('\n') : String(c.value || '');
      entries.push({ name: c.id ? '#' + c.id : '[' + i + ']', value });
    });
    const own = (attr, prop, fallback) => String(submitter && submitter.hasAttribute(attr) ? submitter[prop] : formProp(form, fallback));
    return {
      status: 'ok',
      action: own('formaction', 'formAction', 'action'),
      method: own('formmethod', 'formMethod', 'method'),
      enctype: own('formenctype', 'formEnctype', 'enctype'),
      target: own('formtarget', 'formTarget', 'target'),
      entries,
      sent,
    };
  }

  switch (args.op) {
    case 'observe': return observe();
    case 'locate': return locate();
    case 'tag': return tagElement();
    case 'findText': return findText();
    case 'scroll': return scrollState();
    case 'probe': return probe();
    case 'selectText': return selectText();
    case 'applyRange': return applyRange();
    case 'idle': return { status: 'ok', token: st.token, idleMs: idleMs(), live: st.liveCount || 0, restless: restless(), requests: (top[KEY + '_t'] && top[KEY + '_t'].pending) ? top[KEY + '_t'].pending.requests : 0 };
    case 'due': { const t = top[KEY + '_t']; return { status: 'ok', ms: t && typeof t.dueWithin === 'function' ? t.dueWithin(args.ms || 0) : -1 }; }
    case 'arm': setActing(false); setBaseline(); setActing(true); return { status: 'ok', token: st.token };
    case 'rest': setActing(false); return { status: 'ok', token: st.token };
    case 'form': return formFields();
    case 'formEntries': return formEntries();
    default: throw new Error('unknown op ' + args.op);
  }
}
