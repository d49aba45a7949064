/*
 * LiveView for .NET: the browser client.
 *
 * One WebSocket per tab. It captures events declared in the HTML (Django LiveView / Stimulus conventions),
 * sends them as JSON text frames, and applies the patches the server sends back. No framework, no build step.
 *
 *   <button data-action="click->home#randomNumber">      sends {"action":"home->random_number", ...}
 *   <a data-action="page#changePage" data-page="about">    sends {"action":"about->send_page", ...}
 *   <form data-action="page#run" data-liveview-action="contact" data-liveview-function="send">
 *                                                          sends {"action":"contact->send", "form": {...}}
 *
 * The connection state is on <html data-liveview="connecting|connected|disconnected"> and is announced with
 * the DOM events liveview:connected / liveview:disconnected; server errors raise liveview:error (detail: the error
 * frame), and so does a malformed data-action (detail: { error: { code: "malformed_action", message }, attribute,
 * element }), once per token.
 * The <script> tag configures it: data-socket (path), data-page, data-params and data-view (the page on screen
 * and its view's fingerprint), data-history="off", data-loading-delay (ms before #loading shows).
 *
 * Page state: the server sends {"state": "...", "view": "..."} after the page's state changed (a snapshot it signed
 * and encrypted); the client keeps the latest in memory, and with its page's history entry in sessionStorage (never
 * read by a reload, which is a fresh page), and sends it back with its mount when it reconnects or when back and
 * forward put the page back, so that the page resumes on any server where it was, with nothing redrawn.
 *
 * Frames keep focus, caret, typed values and scroll positions; a focused field takes the view's value only with
 * data-liveview-overwrite (on it or its form) or in the answer to its form's submit.
 * After a navigation (a page shown over the socket, or back and forward) the focus moves to the new page's <h1> in #main
 * (made focusable with tabindex="-1") and the document title is announced in an aria-live region, as Blazor's
 * FocusOnNavigate and Next.js's route announcer do.
 *
 * Hooks: <div data-liveview-hook="Chart"> gets an instance of LiveView.hooks.Chart (or window.LiveViewHooks.Chart, set
 * by any script, before or after this one): { mounted() {}, updated() {}, destroyed() {} }, called when the element
 * appears, when a frame changed it or its content, and when it leaves. this.el is the element;
 * this.pushEvent("handler", data) sends "<page>->handler"; this.handleEvent("name", payload => ...) gets the server's
 * Patch.Event("name", payload), which is also dispatched on window as "liveview:name".
 */
(() => {
  "use strict";

  if (window.LiveView) return; // loaded twice

  const script = document.currentScript;
  const config = (script && script.dataset) || {};
  const socketPath = config.socket || "/ws/liveview/";
  const historyOn = config.history !== "off";
  const loadingDelay = Number(config.loadingDelay || 200);
  const root = document.documentElement;

  const MAX_QUEUE = 100; // events kept while offline, oldest dropped first
  const BACKOFF_BASE_MS = 250;
  const BACKOFF_CAP_MS = 10000;
  const TOAST_MS = 4000;

  // Attributes that steer the client and are therefore not sent as data (as in Django LiveView).
  const OMITTED_DATA = new Set(["action", "controller", "page", "liveviewAction", "liveviewFunction", "debounce", "throttle", "loading"]);
  const DEFAULT_EVENTS = { A: "click", BUTTON: "click", FORM: "submit", INPUT: "input", SELECT: "change", TEXTAREA: "input", DETAILS: "toggle" };
  const KEYS = { enter: "Enter", esc: "Escape", escape: "Escape", space: " ", tab: "Tab", up: "ArrowUp", down: "ArrowDown", left: "ArrowLeft", right: "ArrowRight" };
  const EVENTS = ["click", "dblclick", "submit", "input", "change", "keydown", "keyup", "focus", "blur", "toggle", "mouseenter", "mouseleave"];
  const DEBOUNCED = new Set(["input", "keyup", "keydown", "change"]);

  let socket = null;
  let retry = null; // the pending reconnect timer
  let attempts = 0;
  let everConnected = false;
  let queue = [];

  // The page on screen and its parameters.
  let current = { page: config.page || null, params: parseJson(config.params) };
  let navigating = {}; // page -> data of the last send_page for it
  let recovering = null; // form values to put back after a reconnect re-render
  let kept = null; // the latest snapshot of the page's state: { page, url, state, view }
  let resuming = null; // the reconnect's mount that carries it, until its answer
  let restoring = null; // the history entry being fetched from the server (forward to an uncached page)
  let remounts = []; // the actions of the mounts sent again (reconnect, back and forward), until answered in order
  let headingFocused = false; // whether the main heading had the focus when the page on screen was last mounted again
  const submitted = new Map(); // action -> the form whose submit sent it, until its answer
  let overwriting = null; // the submitted form the frame being applied answers
  const sentFields = new WeakMap(); // a submitted form -> its fields' values as sent, until its submit's first answer
  let refocusing = false; // focus put back after a frame: not the user's event

  function parseJson(text) {
    try {
      return text ? JSON.parse(text) : {};
    } catch {
      return {};
    }
  }

  // ---- connection ---------------------------------------------------------------------------------------

  function socketUrl() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const url = new URL(socketPath, `${scheme}//${location.host}`);
    url.searchParams.set("protocol", "2");
    return url.href;
  }

  function setState(state) {
    if (root.dataset.liveview === state) return;
    root.dataset.liveview = state;
    const banner = document.querySelector("#no_connection, #no-connection");
    if (banner) {
      const lost = state === "disconnected";
      banner.classList.toggle("no-connection--show", lost);
      banner.classList.toggle("no-connection--hide", !lost);
      banner.hidden = !lost;
    }
    document.dispatchEvent(new CustomEvent(`liveview:${state}`));
  }

  function connect() {
    clearTimeout(retry);
    retry = null;
    if (root.dataset.liveview !== "disconnected") setState("connecting");
    const ws = new WebSocket(socketUrl());
    socket = ws;
    ws.onopen = () => {
      attempts = 0;
      remounts = []; // the last connection's answers will not come
      if (current.page) {
        // The server may have lost this page (everConnected): it is mounted again.
        if (everConnected) remount();
        // The page came over HTTP: the server only needs to mount it (and sends its view if it renders another).
        else transmit({ action: `${current.page}->mount`, data: { ...current.params }, view: config.view });
      }
      everConnected = true;
      setState("connected");
      const pending = queue;
      queue = [];
      pending.forEach((text) => ws.send(text));
    };
    ws.onmessage = (event) => simulated(() => receive(event.data));
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      setState("disconnected");
      // Exponential backoff with full jitter, forever: a restarted server is not stormed by every tab at once.
      const delay = Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempts);
      attempts = Math.min(attempts + 1, 16);
      retry = setTimeout(connect, delay);
    };
  }

  function transmit(message) {
    message.data = { ...message.data, lang: root.getAttribute("lang") || "" };
    const text = JSON.stringify(message);
    if (socket && socket.readyState === WebSocket.OPEN) {
      const ws = socket;
      simulated(() => (ws.readyState === WebSocket.OPEN ? ws.send(text) : queue.push(text)));
    } else {
      queue.push(text);
      if (queue.length > MAX_QUEUE) queue.shift();
    }
  }

  /**
   * Mounts the page on screen where the server does not hold it: after a reconnect (the server may have lost it), or
   * when back or forward put it back from history (the server holds one page per connection: the one left). With the
   * snapshot of its state the client kept, it resumes where it was (the answer redraws nothing, unless the view shown
   * is not the snapshot's); without, it is mounted again at its URL and re-rendered. What was typed is kept either way.
   * So the view the server diffs against is always the one on screen.
   */
  function remount() {
    recovering = formValues(main());
    headingFocused = !!document.activeElement && document.activeElement === heading();
    const resume = kept && kept.page === current.page && kept.url === here();
    const message = { action: `${current.page}->${resume ? "mount" : "send_page"}`, data: { ...current.params } };
    if (resume) {
      resuming = message.action;
      message.state = kept.state;
      if (kept.view) message.view = kept.view;
    }
    remounts.push(message.action);
    transmit(message);
  }

  /** Sends one action; while offline it waits in a queue and goes out once connected. */
  function send(action, data = {}, form = undefined, options = {}) {
    const page = action.split("->")[0];
    if (action.endsWith("->send_page")) {
      navigating[page] = { ...data };
      if (resuming) recovering = resuming = null; // the reconnect's page is left: its typed values are not for the next
    }
    const message = { action, data };
    if (form && Object.keys(form).length > 0) message.form = form;
    if (options.loading !== false) loading.start(action);
    transmit(message);
  }

  // ---- loading indicator ----------------------------------------------------------------------------------

  // #loading shows when a reply takes longer than the delay, and hides when every pending action has its answer
  // (or an error). A reply that says "loading": true means the server is still working (its effects run).
  const loading = (() => {
    const pending = new Map(); // action -> count
    let timer = null;
    function element() {
      return document.querySelector("#loading");
    }
    function show(visible) {
      const el = element();
      root.toggleAttribute("data-liveview-loading", visible);
      if (!el) return;
      el.classList.toggle("loading--show", visible);
      el.hidden = !visible;
      el.setAttribute("aria-busy", String(visible));
    }
    function settle() {
      if (pending.size > 0) {
        if (!timer) timer = setTimeout(() => show(true), loadingDelay);
        return;
      }
      clearTimeout(timer);
      timer = null;
      show(false);
    }
    return {
      start(action) {
        pending.set(action, (pending.get(action) || 0) + 1);
        settle();
      },
      stillWorking(action) {
        if (!pending.has(action)) pending.set(action, 1);
        settle();
      },
      done(action) {
        const count = pending.get(action);
        if (count > 1) pending.set(action, count - 1);
        else pending.delete(action);
        settle();
      },
      clear() {
        pending.clear();
        settle();
      },
    };
  })();

  // ---- notifications ------------------------------------------------------------------------------------

  function notify(kind, text, timeout = TOAST_MS) {
    let box = document.querySelector("#notifications");
    if (!box) {
      box = document.createElement("section");
      box.id = "notifications";
      document.body.appendChild(box);
    }
    const toast = document.createElement("div");
    toast.className = `notification notification--${kind}`;
    toast.setAttribute("role", kind === "error" ? "alert" : "status");
    toast.textContent = text;
    box.appendChild(toast);
    setTimeout(() => toast.remove(), timeout);
  }

  // ---- patches --------------------------------------------------------------------------------------------

  function main() {
    return document.querySelector("#main");
  }

  function receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      console.error("LiveView: the server sent a frame that is not JSON", text);
      return;
    }
    if (Object.prototype.hasOwnProperty.call(message, "state") && !message.action && !message.selector) {
      keep(message);
      return;
    }
    const remounted = remounts.length > 0 && message.action === remounts[0];
    if (remounted) {
      remounts.shift();
      // The answer to a mount that a later one overtook (back, then back again before it came): not for this page.
      if (remounts.length > 0) return;
    }
    const form = submitted.get(message.action);
    if (message.loading !== true) submitted.delete(message.action);
    const resumed = resuming !== null && message.action === resuming;
    if (resumed) resuming = null;
    if (message.error) {
      if (resumed) recovering = null;
      console.error(`LiveView: ${message.error.code}: ${message.error.message}`);
      if (!message.action) loading.clear();
      else if (message.loading !== true) loading.done(message.action); // else the action's other work goes on
      document.dispatchEvent(new CustomEvent("liveview:error", { detail: message }));
      if (typeof message.redirect === "string" && redirect(message.redirect)) return;
      notify("error", message.error.message);
      return;
    }
    if (message.action) {
      if (message.loading === true) loading.stillWorking(message.action);
      else loading.done(message.action);
    }
    overwriting = form;
    if (resumed) resume(message);
    else apply(message);
    overwriting = null;
    // A page drawn again where it was: its heading keeps the focus it had (a new heading has no id to find it by).
    const lost = !document.activeElement || document.activeElement === document.body;
    if (remounted && headingFocused && lost) focusHeading();
    const sent = form && sentFields.get(form);
    if (sent) {
      sentFields.delete(form);
      if (form.isConnected) showViewValues(sent);
    }
    document.dispatchEvent(new CustomEvent("liveview:patch", { detail: message }));
  }

  function apply(message, keepStreams = false) {
    const navigation = message.url && message.action && message.action.endsWith("->send_page");
    if (navigation && historyOn && !restoring && message.url !== here()) snapshot();
    // What the user is doing, kept across the frame (not across a navigation).
    const focus = navigation ? null : focusState();
    const scrolls = navigation ? [] : scrollState();
    const touched = new Set(); // the elements the frame changed, and their ancestors
    if (message.selector) {
      const target = document.querySelector(message.selector);
      if (!target) {
        console.error(`LiveView: no element matches ${message.selector}`);
      } else if (message.remove) {
        mark(touched, target.parentNode);
        target.remove();
      } else if (typeof message.html === "string") {
        mark(touched, target);
        const before = new Set(target.querySelectorAll("script"));
        const items = keepStreams && !message.append ? streamItems(target) : null;
        if (message.append) target.insertAdjacentHTML("beforeend", message.html);
        else target.innerHTML = message.html;
        if (items) restoreStreamItems(items);
        target.querySelectorAll("script").forEach((old) => before.has(old) || runScript(old));
        if (message.url && !message.scroll && !recovering && message.url !== here()) window.scrollTo({ top: 0 });
      }
    }
    if (Array.isArray(message.changes)) applyChanges(main(), message.changes, touched);
    // The view shown is no longer the snapshot's (streams aside, which its fingerprint leaves out).
    if (kept && (message.selector || Array.isArray(message.changes))) kept.view = null;
    if (Array.isArray(message.streams)) applyStreams(message.streams, touched);
    if (focus) restoreFocus(focus);
    scrolls.forEach(restoreScroll);
    syncHooks(touched);
    if (message.title) document.title = message.title;
    if (message.meta) setMeta(message.meta);
    if (navigation) arrive(message);
    else if (message.url && message.url !== here()) history.pushState(history.state, "", message.url);
    if (message.notify) notify(message.notify.kind || "info", message.notify.text || "", message.notify.timeout || TOAST_MS);
    if (message.scroll) {
      const anchor = document.querySelector(message.scroll);
      if (anchor) anchor.scrollIntoView({ behavior: "smooth" });
    }
    if (message.scrollTop) window.scrollTo({ top: 0, behavior: "smooth" });
    if (message.event) deliver(message.event);
  }

  /** Adds a node and its ancestors to what a frame changed. */
  function mark(touched, node) {
    for (; node && !touched.has(node); node = node.parentNode) touched.add(node);
  }

  /**
   * View changes (protocol 2), applied in order to the DOM under `container`: each is [kind, path, ...], a path being
   * child indexes from `container` in the DOM as it is when that change applies (ViewChangesJson writes them).
   */
  /** Nodes of `html` as they are inside `context`: SVG inside an <svg>, inert HTML (scripts do not run) elsewhere. */
  function parse(html, context) {
    if (context && context.namespaceURI === "http://www.w3.org/2000/svg" && context.localName !== "foreignObject") {
      const range = document.createRange();
      range.selectNodeContents(context);
      return range.createContextualFragment(html);
    }
    const template = document.createElement("template");
    template.innerHTML = html;
    return template.content;
  }

  function applyChanges(container, changes, touched = new Set()) {
    const at = (path) => path.reduce((node, index) => node.childNodes[index], container);
    for (const [kind, path, a, b] of changes) {
      const node = at(path);
      if (!node) {
        console.error("LiveView: a view change names a node that is not there", path);
        return false;
      }
      const parent = node.parentNode;
      if (kind === 0) node.data = a;
      else if (kind === 1) node.setAttribute(a, b);
      else if (kind === 2) node.removeAttribute(a);
      else if (kind === 3) node.innerHTML = a;
      else if (kind === 4) node.insertBefore(parse(b, node), node.childNodes[a] || null);
      else if (kind === 5) node.remove();
      // moveBefore (where there is one) keeps focus and scroll.
      else if (kind === 6) (node.moveBefore || node.insertBefore).call(node, node.childNodes[a], node.childNodes[b < a ? b : b + 1] || null);
      else if (kind === 7) node.replaceWith(parse(a, parent));
      const element = kind === 0 || kind === 5 || kind === 7 ? parent : node;
      mark(touched, element);
      syncField(element, kind === 1 || kind === 2 ? a : "");
    }
    return true;
  }

  /**
   * Stream changes, in order: [stream, 0, key, html, at, limit] inserts the item (its id is its key) at `at` (-1 the
   * end) or replaces the item of that key where it is, then keeps the first `limit` items (the last -limit when
   * negative; 0 all); [stream, 1, key] deletes an item; [stream, 2] empties the stream. The stream is the element
   * whose id is its name.
   */
  function applyStreams(ops, touched) {
    for (const [stream, kind, key, html, at, limit] of ops) {
      const container = document.getElementById(stream);
      if (!container) {
        console.error(`LiveView: no stream ${stream}`);
        continue;
      }
      mark(touched, container);
      const item = kind === 1 || kind === 0 ? container.querySelector(`:scope > [id="${CSS.escape(key)}"]`) : null;
      if (kind === 2) container.replaceChildren();
      else if (kind === 1) item && item.remove();
      else {
        const added = parse(html, container).firstElementChild;
        if (item) item.replaceWith(added);
        else container.insertBefore(added, at < 0 ? null : container.children[at] || null);
        const items = container.children;
        while (limit > 0 && items.length > limit) items[items.length - 1].remove();
        while (limit < 0 && items.length > -limit) items[0].remove();
      }
    }
  }

  // ---- page state ---------------------------------------------------------------------------------------------

  /** A snapshot of the page's state: kept for a reconnect ({"state": null}: forget the one kept). */
  function keep(message) {
    kept = typeof message.state === "string" ? { page: current.page, url: here(), state: message.state, view: message.view || null } : null;
  }

  /**
   * The answer to a reconnect's mount with a snapshot. Nothing: the page resumed and shows what it showed. The view
   * whole (the page resumed, but the client could not vouch for what it shows; or it mounted afresh): it goes in,
   * keeping the items of streams (the server has no copy of them) and what was typed.
   */
  function resume(message) {
    apply(message, true);
    if (message.selector === "#main" && recovering) restoreForms(main(), recovering);
    recovering = null;
  }

  /** The items of the streams inside `container`, by stream. */
  function streamItems(container) {
    const items = new Map();
    container.querySelectorAll("[data-liveview-stream][id]").forEach((el) => items.set(el.id, Array.from(el.childNodes)));
    return items;
  }

  /** Puts kept items back into the streams of the same id, before the frame's own stream changes apply. */
  function restoreStreamItems(items) {
    items.forEach((nodes, id) => {
      const container = document.getElementById(id);
      if (container && container.hasAttribute("data-liveview-stream") && container.childNodes.length === 0) container.append(...nodes);
    });
  }

  /** A navigation frame arrived: the page it names is now on screen. */
  function arrive(message) {
    const page = message.action.split("->")[0];
    cancelDebounced();
    kept = null; // the snapshot was of the page left (or of this page before it was mounted again)
    current = { page, params: navigating[page] || (restoring && restoring.params) || {} };
    markActive(page);
    if (restoring || message.url === here()) {
      history.replaceState(entryState(restoring ? restoring.key : entryKey), "", message.url);
      restoring = null;
    } else {
      entryKey = newKey();
      history.pushState(entryState(entryKey), "", message.url);
    }
    if (recovering) {
      restoreForms(main(), recovering);
      recovering = null;
    } else {
      announceArrival();
    }
  }

  /**
   * A new page is on screen: its main heading (the first h1 in #main) takes the focus, so that keyboard and screen
   * reader users start there, and its title is announced in a polite live region the client adds to <body>.
   */
  function announceArrival() {
    focusHeading();
    let announcer = document.getElementById("liveview-announcer");
    if (!announcer) {
      announcer = document.createElement("div");
      announcer.id = "liveview-announcer";
      announcer.setAttribute("aria-live", "polite");
      announcer.setAttribute("aria-atomic", "true");
      // Read by screen readers, never seen.
      announcer.style.cssText = "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0";
      document.body.appendChild(announcer);
    }
    announcer.textContent = document.title;
  }

  /** The page's main heading (the first h1 in #main), focusable from script, or null. */
  function heading() {
    const found = main() && main().querySelector("h1");
    if (found && !found.hasAttribute("tabindex")) found.setAttribute("tabindex", "-1");
    return found;
  }

  function focusHeading() {
    const found = heading();
    if (!found) return;
    refocusing = true; // not the user's focus: no focus or blur action
    found.focus({ preventScroll: true });
    refocusing = false;
  }

  function here() {
    return location.pathname + location.search + location.hash;
  }

  /**
   * A page the server would not mount (authorization): load its URL (or this one again) over HTTP, where the app's
   * pipeline decides (the login page, with a return URL). Not twice in a row for one URL: a page HTTP allows but the
   * socket refuses shows the error instead of reloading forever.
   */
  function redirect(url) {
    const target = new URL(url || here(), location.href).href;
    const last = parseJson(sessionStorage.getItem(REDIRECTED));
    if (last.url === target && Date.now() - last.at < 10000) return false;
    try {
      sessionStorage.setItem(REDIRECTED, JSON.stringify({ url: target, at: Date.now() }));
    } catch {
      return false; // without storage there is no guard against a loop
    }
    location.assign(target);
    return true;
  }

  function setMeta(meta) {
    for (const [name, content] of Object.entries(meta)) {
      const key = name.startsWith("og:") ? "property" : "name";
      let tag = document.head.querySelector(`meta[${key}="${CSS.escape(name)}"]`);
      if (!tag) {
        tag = document.createElement("meta");
        tag.setAttribute(key, name);
        document.head.appendChild(tag);
      }
      tag.setAttribute("content", content);
    }
  }

  function currentMeta() {
    const meta = {};
    document.head.querySelectorAll("meta[name], meta[property]").forEach((tag) => {
      const name = tag.getAttribute("name") || tag.getAttribute("property");
      if (name !== "viewport" && name !== "theme-color") meta[name] = tag.getAttribute("content") || "";
    });
    return meta;
  }

  /** Links to pages get class "active" and aria-current when their page is on screen (Django's active_nav). */
  function markActive(page) {
    document.querySelectorAll("[data-page]").forEach((link) => {
      const active = link.dataset.page === page;
      link.classList.toggle("active", active);
      if (active) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    });
  }

  /** Scripts put in with innerHTML do not run; a fresh copy of the element does. */
  function runScript(old) {
    const fresh = document.createElement("script");
    for (const { name, value } of old.attributes) fresh.setAttribute(name, value);
    fresh.textContent = old.textContent;
    old.replaceWith(fresh);
  }

  // ---- history ------------------------------------------------------------------------------------------

  // Each page shown gets a history entry whose rendering is kept in sessionStorage: back and forward show it
  // again with no round trip, at the scroll position it had. An entry not kept (forward after a reload) is asked
  // from the server; a reload at any URL is the server's first paint.
  const STORE = "liveview:";
  const REDIRECTED = "liveview-redirected";
  let entryKey = (history.state && history.state.liveview) || newKey();

  function newKey() {
    return Math.random().toString(36).slice(2) + Date.now().toString(36);
  }

  function entryState(key) {
    return { liveview: key, page: current.page, params: current.params };
  }

  function snapshot() {
    const content = main();
    if (!content) return;
    // With the snapshot of the page's state the client keeps, if it is this page's: back and forward resume from it.
    const state = kept && kept.page === current.page && kept.url === here() ? { state: kept.state, view: kept.view } : null;
    try {
      sessionStorage.setItem(STORE + entryKey, JSON.stringify({
        html: content.innerHTML, title: document.title, meta: currentMeta(), scroll: window.scrollY,
        page: current.page, params: current.params, kept: state,
      }));
    } catch {
      // Storage full or unavailable: that entry will come from the server instead.
    }
  }

  function onPopState(event) {
    const state = event.state;
    if (!state || !state.liveview) return;
    snapshot();
    const saved = parseJson(sessionStorage.getItem(STORE + state.liveview));
    entryKey = state.liveview;
    if (saved.html !== undefined && main()) {
      main().innerHTML = saved.html;
      main().querySelectorAll("script").forEach(runScript);
      syncHooks();
      document.title = saved.title;
      setMeta(saved.meta || {});
      current = { page: saved.page, params: saved.params || {} };
      kept = saved.kept ? { page: current.page, url: here(), state: saved.kept.state, view: saved.kept.view } : null;
      cancelDebounced();
      markActive(current.page);
      requestAnimationFrame(() => window.scrollTo({ top: saved.scroll || 0 }));
      announceArrival();
      if (socket && socket.readyState === WebSocket.OPEN) remount(); // offline, the reconnect mounts it
      document.dispatchEvent(new CustomEvent("liveview:restored", { detail: { url: here() } }));
    } else if (state.page) {
      restoring = { key: state.liveview, params: state.params || {} };
      navigating[state.page] = state.params || {};
      transmit({ action: `${state.page}->send_page`, data: { ...(state.params || {}) } });
    } else {
      location.reload();
    }
  }

  if (historyOn) {
    history.scrollRestoration = "manual";
    history.replaceState({ ...(history.state || {}), ...entryState(entryKey) }, "");
    window.addEventListener("popstate", onPopState);
  } else {
    // History switched off: back and forward load the page at that URL from the server.
    window.addEventListener("popstate", () => location.reload());
  }

  // ---- forms ----------------------------------------------------------------------------------------------

  function isField(element) {
    return ["INPUT", "SELECT", "TEXTAREA"].includes(element.tagName);
  }

  function addValue(values, name, value) {
    if (!(name in values)) values[name] = value;
    else if (Array.isArray(values[name])) values[name].push(value);
    else values[name] = [values[name], value];
  }

  function addField(values, field) {
    if (!field.name || field.disabled) return;
    const type = (field.type || "").toLowerCase();
    if (["submit", "button", "reset", "image", "file"].includes(type)) return;
    if ((type === "checkbox" || type === "radio") && !field.checked) return;
    if (field.tagName === "SELECT" && field.multiple) {
      values[field.name] = Array.from(field.selectedOptions, (option) => option.value);
      return;
    }
    addValue(values, field.name, field.value);
  }

  function fieldsIn(container) {
    return Array.from(container.querySelectorAll("input, select, textarea"));
  }

  /** The element's own value if it is a field, else the fields of its form (its own or the one around it). */
  function formOf(element) {
    const values = {};
    if (isField(element)) {
      addField(values, element);
      return values;
    }
    const form = element.tagName === "FORM" ? element : element.closest("form");
    if (form) Array.from(form.elements).filter(isField).forEach((field) => addField(values, field));
    return values;
  }

  /** What the user typed into the fields of a container, to put back after a re-render. */
  function formValues(container) {
    const values = {};
    if (!container) return values;
    fieldsIn(container).forEach((field) => {
      if (!field.name) return;
      const type = (field.type || "").toLowerCase();
      if (type === "checkbox" || type === "radio") {
        (values[field.name] = values[field.name] || { checked: [] }).checked.push(...(field.checked ? [field.value] : []));
      } else if (field.tagName === "SELECT" && field.multiple) {
        values[field.name] = { selected: Array.from(field.selectedOptions, (o) => o.value) };
      } else if (!["submit", "button", "reset", "image", "file", "hidden"].includes(type)) {
        values[field.name] = { value: field.value };
      }
    });
    return values;
  }

  /** Puts typed values back and tells each form's handlers, as a change, so the server catches up. */
  function restoreForms(container, values) {
    if (!container) return;
    const changed = new Set();
    fieldsIn(container).forEach((field) => {
      const saved = values[field.name];
      if (!saved) return;
      if (saved.checked) field.checked = saved.checked.includes(field.value);
      else if (saved.selected) Array.from(field.options).forEach((o) => (o.selected = saved.selected.includes(o.value)));
      else if (saved.value !== undefined) field.value = saved.value;
      changed.add(field.form || field);
    });
    changed.forEach((target) => {
      const first = target.tagName === "FORM" ? Array.from(target.elements).find((f) => values[f.name]) : target;
      if (first) first.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }

  /** A field whose value attribute (textarea: text) is only its default. */
  function typed(el) {
    return el.tagName === "TEXTAREA" || (el.tagName === "INPUT" && !/^(checkbox|radio|file|hidden|submit|image|reset|button)$/.test(el.type));
  }

  /** What a field holds: its text, whether it is checked, or which of its options are selected. */
  function fieldValue(field) {
    if (typed(field)) return field.value;
    if (/^(checkbox|radio)$/.test(field.type)) return field.checked;
    if (field.tagName === "SELECT") return Array.from(field.options).map((option) => option.selected).join();
    return null;
  }

  /** A form's fields with what each holds (`fieldValue`), when its submit goes. */
  function fieldsOf(form) {
    return Array.from(form.elements).map((field) => [field, fieldValue(field)]);
  }

  /**
   * The first answer to a form's submit came: every field of the form (`sent`, from `fieldsOf`) shows the view's value
   * (its attribute), what was typed in it included, as a page loaded afresh would; fields whose content the page's
   * scripts own are left, and so are fields changed since the submit went (the next item typed while it was on its way).
   */
  function showViewValues(sent) {
    sent.forEach(([field, value]) => {
      if (field.closest("[data-liveview-ignore]") || fieldValue(field) !== value) return;
      if (typed(field)) field.value = field.defaultValue;
      else if (/^(checkbox|radio)$/.test(field.type)) field.checked = field.defaultChecked;
      else if (field.tagName === "SELECT") Array.from(field.options).forEach((option) => (option.selected = option.defaultSelected));
    });
  }

  /** A field that takes the view's values even while focused. */
  function overwritable(field) {
    return !!(field.closest("[data-liveview-overwrite]") || field.form?.hasAttribute("data-liveview-overwrite") || (overwriting && field.form === overwriting));
  }

  /** The view changed attribute `name` (or the text: "") of el: a field shows it, unless the user is in it. */
  function syncField(el, name) {
    const field = el && el.tagName === "OPTION" ? el.closest("select") : el;
    if (!field || (field === document.activeElement && !overwritable(field))) return;
    if (name === "checked" && el.tagName === "INPUT") el.checked = el.hasAttribute(name);
    else if (name === "selected" && el.tagName === "OPTION") el.selected = el.hasAttribute(name);
    else if (el.tagName === "TEXTAREA" ? !name : name === "value" && typed(el)) el.value = el.defaultValue;
  }

  /** The focused element, its caret and typed value. */
  function focusState() {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const { selectionStart: start, selectionEnd: end, selectionDirection: direction, form, defaultValue } = el;
    return { el, form, start, end, direction, defaultValue, value: typed(el) ? el.value : null, overwrite: overwritable(el) };
  }

  /** What replaced a removed element: the same id, else the same name in its form. */
  function replacementOf({ el, form }) {
    if (el.id) return document.getElementById(el.id);
    const scope = form && (form.isConnected ? form : form.id && document.getElementById(form.id));
    return Array.from((el.name && scope && scope.elements) || []).find(
      (field) => field.name === el.name && (!/^(checkbox|radio)$/.test(field.type) || field.value === el.value)) || null;
  }

  /** Focus lost to a frame goes back, with the caret; a replacement gets the typed value unless it takes the view's. */
  function restoreFocus(saved) {
    const active = document.activeElement;
    if (active && active !== document.body) return; // still focused, or focused elsewhere on purpose
    const old = saved.el;
    const el = old.isConnected ? old : replacementOf(saved);
    if (!el) return;
    if (el !== old && saved.value !== null && typed(el) && (!saved.overwrite || el.defaultValue === saved.defaultValue)) el.value = saved.value;
    refocusing = true;
    el.focus({ preventScroll: true });
    refocusing = false;
    try {
      if (saved.start != null) el.setSelectionRange(saved.start, saved.end, saved.direction);
    } catch {
      // no caret in this field
    }
  }

  // ---- scroll positions ---------------------------------------------------------------------------------

  const scrolled = new Set(); // elements that were scrolled
  document.addEventListener("scroll", (event) => event.target.nodeType === 1 && scrolled.add(event.target), true);

  function scrollState() {
    const saved = [];
    scrolled.forEach((el) => {
      if (el.isConnected && (el.scrollTop || el.scrollLeft)) saved.push([el, el.scrollTop, el.scrollLeft]);
      else scrolled.delete(el);
    });
    return saved;
  }

  /** A scrolled element that a frame moved, or replaced (same id), gets its position back. */
  function restoreScroll([old, top, left]) {
    const el = old.isConnected ? old : old.id && document.getElementById(old.id);
    if (el && (el !== old || !(el.scrollTop || el.scrollLeft))) {
      el.scrollTop = top;
      el.scrollLeft = left;
      scrolled.add(el);
    }
  }

  // ---- hooks --------------------------------------------------------------------------------------------

  const definitions = window.LiveViewHooks || {};
  const live = new Map(); // element -> { name, hook, listeners }

  /** Runs a hook's code; its errors are logged, never thrown into the client. */
  function run(what, code) {
    try {
      code();
    } catch (error) {
      console.error(`LiveView: ${what} failed`, error);
    }
  }

  function call({ name, hook }, method) {
    run(`hook ${name}.${method}`, () => hook[method]?.());
  }

  /** Hooks whose element left are destroyed, new ones mounted, those a frame touched updated. */
  function syncHooks(touched = new Set()) {
    live.forEach((entry, el) => el.isConnected || (live.delete(el), call(entry, "destroyed")));
    document.querySelectorAll("[data-liveview-hook]").forEach((el) => {
      const name = el.dataset.liveviewHook;
      const known = live.get(el);
      if (known) return touched.has(el) && call(known, "updated");
      const definition = definitions[name] || window.LiveViewHooks?.[name];
      if (!definition) return;
      const hook = Object.create(definition);
      const entry = { name, hook, listeners: [] };
      hook.el = el;
      hook.pushEvent = (handler, data = {}) => send(`${current.page}->${handler}`, Object.fromEntries(Object.entries(data).map(
        ([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)])), undefined, { loading: wantsLoading(el) });
      hook.handleEvent = (event, callback) => entry.listeners.push([event, callback]);
      live.set(el, entry);
      call(entry, "mounted");
    });
  }

  /** A pushed event: to the hooks that handle it, then to window as "liveview:<name>". */
  function deliver({ name, payload }) {
    live.forEach(({ listeners }) => listeners.forEach(([event, callback]) => event === name && run(`handleEvent ${name}`, () => callback(payload))));
    window.dispatchEvent(new CustomEvent(`liveview:${name}`, { detail: payload }));
  }

  // ---- events -----------------------------------------------------------------------------------------

  // "click->home#randomNumber:prevent", "keydown.enter->search#go", "home#randomNumber" (default event)
  const DESCRIPTOR = /^(?:([\w-]+)(?:\.([\w]+))?->)?([\w-]+)#(\w+)((?::\w+)*)$/;

  function descriptorsOf(element) {
    const text = element.getAttribute("data-action") || "";
    return text.split(/\s+/).filter(Boolean).map((token) => {
      const match = DESCRIPTOR.exec(token);
      const why = malformed(match);
      if (why) return reportMalformed(element, token, why);
      const [, event, key, controller, method, modifiers] = match;
      return { event: event || defaultEvent(element), key, controller, method, modifiers: modifiers.split(":").filter(Boolean) };
    }).filter(Boolean);
  }

  /**
   * Why a data-action token is malformed, or "" when it is not: it cannot be read, names an event or a modifier the
   * client does not know, or starts with "<event>-" where "<event>->" was meant ("click-home#go").
   */
  function malformed(match) {
    if (!match) return 'not "event->page#handler"';
    const [, event, , controller, method, modifiers] = match;
    if (event && !EVENTS.includes(event)) return `"${event}" is not an event LiveView listens to`;
    const typo = !event && /^(\w+)-(.+)$/.exec(controller);
    if (typo && EVENTS.includes(typo[1])) return `write "${typo[1]}->${typo[2]}#${method}"`;
    const unknown = modifiers.split(":").find((m) => m && m !== "prevent" && m !== "stop");
    return unknown ? `":${unknown}" is not a modifier (:prevent, :stop)` : "";
  }

  const reported = new Set(); // malformed tokens said already

  /** Says that `token` of element's data-action is malformed: in the console and as a liveview:error event, once. */
  function reportMalformed(element, token, why) {
    if (reported.has(token)) return null;
    reported.add(token);
    const message = `LiveView: malformed data-action "${token}": ${why}`;
    console.error(message);
    const error = { code: "malformed_action", message };
    document.dispatchEvent(new CustomEvent("liveview:error", { detail: { error, attribute: element.getAttribute("data-action"), element } }));
    return null;
  }

  function defaultEvent(element) {
    if (element.tagName === "INPUT" && ["submit", "button", "reset", "image"].includes(element.type)) return "click";
    return DEFAULT_EVENTS[element.tagName] || "click";
  }

  function snakeCase(name) {
    return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
  }

  function actionOf(element, controller, method) {
    if (controller === "page" && method === "changePage") {
      const page = element.dataset.page;
      if (!page) return console.error("LiveView: data-page is not defined");
      return `${page}->send_page`;
    }
    if (controller === "page" && method === "run") {
      const { liveviewAction, liveviewFunction } = element.dataset;
      if (!liveviewAction || !liveviewFunction) {
        return console.error("LiveView: data-liveview-action or data-liveview-function is not defined");
      }
      return `${liveviewAction}->${liveviewFunction}`;
    }
    return `${controller}->${snakeCase(method)}`;
  }

  function dataOf(element) {
    const data = {};
    for (const [key, value] of Object.entries(element.dataset)) {
      if (!OMITTED_DATA.has(key)) data[key] = value;
    }
    return data;
  }

  // data-debounce="300": input, key and change events wait that long for a pause; a submit or a click goes at once,
  // after the events its form's fields still hold back (they come first, as they happened).
  const debounced = new Map(); // element -> { timer, go }

  // data-throttle="300": at most one event per 300 ms from the element (any event but a submit): the first goes at
  // once, the last of those that came meanwhile at the end of the interval (Phoenix's phx-throttle).
  const throttled = new Map(); // element -> { timer, go } while its interval runs; go: the event held for its end

  /** Events still waiting for their pause belong to the page that is leaving the screen: they are dropped. */
  function cancelDebounced() {
    [debounced, throttled].forEach((held) => {
      held.forEach(({ timer }) => clearTimeout(timer));
      held.clear();
    });
  }

  /** The events held back inside `scope` go now. */
  function flushDebounced(scope) {
    [debounced, throttled].forEach((held) => held.forEach((pending, element) => {
      if (!scope.contains(element) || !pending.go) return;
      clearTimeout(pending.timer);
      held.delete(element);
      pending.go();
    }));
  }

  /** Sends `go` now, unless the element's interval runs: then it is the one held for the interval's end. */
  function throttle(element, delay, go) {
    const running = throttled.get(element);
    if (running) {
      running.go = go;
      return;
    }
    go();
    const interval = { go: null };
    const end = () => {
      const last = interval.go;
      interval.go = null;
      if (!last) return throttled.delete(element);
      last();
      interval.timer = setTimeout(end, delay);
    };
    interval.timer = setTimeout(end, delay);
    throttled.set(element, interval);
  }

  function wantsLoading(element) {
    return (element.closest("[data-loading]") || {}).dataset?.loading !== "false";
  }

  function dispatch(element, action, event) {
    const showLoading = wantsLoading(element);
    const data = dataOf(element);
    // Which field the event came from, when it bubbled up from one (the form's "change" names the changed field).
    if (event.target !== element && event.target.name && isField(event.target)) data.target = event.target.name;
    const go = () => {
      if (event.type === "submit") {
        submitted.set(action, element);
        sentFields.set(element, fieldsOf(element));
      }
      send(action, data, formOf(element), { loading: showLoading });
    };
    const delay = Number(element.dataset.debounce || 0);
    const every = Number(element.dataset.throttle || 0);
    if (every > 0 && event.type !== "submit") return throttle(element, every, go);
    if (delay > 0 && DEBOUNCED.has(event.type)) {
      clearTimeout(debounced.get(element)?.timer);
      const timer = setTimeout(() => {
        debounced.delete(element);
        go();
      }, delay);
      debounced.set(element, { timer, go });
      return;
    }
    if (event.type === "submit") flushDebounced(element);
    go();
  }

  function onEvent(event) {
    if (refocusing) return;
    for (let element = event.target; element && element !== document; element = element.parentElement) {
      if (!(element instanceof Element) || !element.hasAttribute("data-action")) continue;
      for (const descriptor of descriptorsOf(element)) {
        if (descriptor.event !== event.type) continue;
        if (descriptor.key && event.key !== (KEYS[descriptor.key] || descriptor.key)) continue;
        // Non-bubbling events (focus, blur, mouseenter...) belong to their own element only.
        if (!event.bubbles && element !== event.target) continue;
        if (descriptor.controller === "page" && descriptor.method === "changeLanguage") {
          event.preventDefault();
          changeLanguage(element.dataset.lang);
          continue;
        }
        const action = actionOf(element, descriptor.controller, descriptor.method);
        if (!action) continue;
        const follows = element.tagName === "A" && element.hasAttribute("href");
        if (descriptor.modifiers.includes("prevent") || event.type === "submit" || descriptor.controller === "page" || follows) {
          event.preventDefault();
        }
        if (descriptor.modifiers.includes("stop")) event.stopPropagation();
        dispatch(element, action, event);
      }
    }
  }

  /**
   * page#changeLanguage with data-lang="es": remembers the language in ASP.NET Core's culture cookie (so the
   * server's first paint uses it too) and loads the page again in it.
   */
  function changeLanguage(lang) {
    if (!lang) return console.error("LiveView: data-lang is not defined");
    const value = encodeURIComponent(`c=${lang}|uic=${lang}`);
    document.cookie = `.AspNetCore.Culture=${value}; path=/; max-age=31536000; samesite=lax`;
    root.setAttribute("lang", lang);
    location.reload();
  }

  // ---- latency simulator ---------------------------------------------------------------------------------

  // LiveView.enableLatencySim(1000): every frame sent and received waits that long, for the rest of the tab's session
  // (sessionStorage), so that loading states can be seen on a fast machine (Phoenix's liveSocket.enableLatencySim).
  const LATENCY = "liveview-latency-sim";

  function latencySim() {
    try {
      return Number(sessionStorage.getItem(LATENCY)) || 0;
    } catch {
      return 0;
    }
  }

  /** Runs `work` now, or after the simulated latency. */
  function simulated(work) {
    const ms = latencySim();
    if (ms > 0) setTimeout(work, ms);
    else work();
  }

  function enableLatencySim(ms) {
    sessionStorage.setItem(LATENCY, String(ms));
    console.info(`LiveView: ${ms} ms latency until LiveView.disableLatencySim()`);
  }

  function disableLatencySim() {
    sessionStorage.removeItem(LATENCY);
  }

  EVENTS.forEach((type) => document.addEventListener(type, onEvent, true));
  window.addEventListener("online", () => {
    if (retry) connect(); // the network is back: retry now rather than when the backoff says
  });

  window.LiveView = {
    /** Sends an action, e.g. LiveView.send("home->random_number", { id: "7" }). */
    send,
    /** "connecting", "connected" or "disconnected". */
    get state() {
      return root.dataset.liveview;
    },
    /** The page on screen and its parameters. */
    get page() {
      return { ...current };
    },
    /** Applies view changes to an element, as a frame of changes does to the page (false: a change missed). */
    applyChanges,
    /** Hook definitions by name: LiveView.hooks.Chart = { mounted() {...} } for data-liveview-hook="Chart". */
    hooks: definitions,
    /** Delays every frame sent and received by `ms`, for the tab's session: LiveView.enableLatencySim(1000). */
    enableLatencySim,
    disableLatencySim,
  };

  // The first paint's hooks mount once the document is parsed (and deferred scripts defining hooks have run).
  if (document.readyState === "complete") syncHooks();
  else document.addEventListener("DOMContentLoaded", () => syncHooks());
  connect();
})();
