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
 * the DOM events liveview:connected / liveview:disconnected; server errors raise liveview:error.
 */
(() => {
  "use strict";

  if (window.LiveView) return; // loaded twice

  const script = document.currentScript;
  const socketPath = (script && script.dataset.socket) || "/ws/liveview/";
  const root = document.documentElement;

  const MAX_QUEUE = 100; // events kept while offline, oldest dropped first
  const BACKOFF_BASE_MS = 250;
  const BACKOFF_CAP_MS = 10000;

  // Attributes that steer the client and are therefore not sent as data (as in Django LiveView).
  const OMITTED_DATA = new Set(["action", "controller", "page", "liveviewAction", "liveviewFunction"]);
  const DEFAULT_EVENTS = { A: "click", BUTTON: "click", FORM: "submit", INPUT: "input", SELECT: "change", TEXTAREA: "input", DETAILS: "toggle" };
  const KEYS = { enter: "Enter", esc: "Escape", escape: "Escape", space: " ", tab: "Tab", up: "ArrowUp", down: "ArrowDown", left: "ArrowLeft", right: "ArrowRight" };
  const EVENTS = ["click", "dblclick", "submit", "input", "change", "keydown", "keyup", "focus", "blur", "toggle", "mouseenter", "mouseleave"];

  let socket = null;
  let retry = null; // the pending reconnect timer
  let attempts = 0;
  let queue = [];

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
      setState("connected");
      const pending = queue;
      queue = [];
      pending.forEach((text) => ws.send(text));
    };
    ws.onmessage = (event) => receive(event.data);
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

  /** Sends one action; while offline it waits in a queue and goes out once connected. */
  function send(action, data = {}, form = undefined) {
    const message = { action, data: { ...data, lang: root.getAttribute("lang") || "" } };
    if (form && Object.keys(form).length > 0) message.form = form;
    const text = JSON.stringify(message);
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(text);
    } else {
      queue.push(text);
      if (queue.length > MAX_QUEUE) queue.shift();
    }
  }

  // ---- patches --------------------------------------------------------------------------------------------

  function receive(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      console.error("LiveView: the server sent a frame that is not JSON", text);
      return;
    }
    if (message.error) {
      console.error(`LiveView: ${message.error.code}: ${message.error.message}`);
      document.dispatchEvent(new CustomEvent("liveview:error", { detail: message }));
      return;
    }
    apply(message);
    document.dispatchEvent(new CustomEvent("liveview:patch", { detail: message }));
  }

  function apply(message) {
    if (message.selector) {
      const target = document.querySelector(message.selector);
      if (!target) {
        console.error(`LiveView: no element matches ${message.selector}`);
      } else if (message.remove) {
        target.remove();
      } else if (typeof message.html === "string") {
        const before = new Set(target.querySelectorAll("script"));
        if (message.append) target.insertAdjacentHTML("beforeend", message.html);
        else target.innerHTML = message.html;
        target.querySelectorAll("script").forEach((old) => before.has(old) || runScript(old));
        if (message.url && !message.scroll) window.scrollTo({ top: 0 });
      }
    }
    if (message.url && message.url !== location.pathname + location.search + location.hash) {
      history.pushState({}, "", message.url);
    }
    if (message.title) document.title = message.title;
    if (message.scroll) {
      const anchor = document.querySelector(message.scroll);
      if (anchor) anchor.scrollIntoView({ behavior: "smooth" });
    }
    if (message.scrollTop) window.scrollTo({ top: 0, behavior: "smooth" });
  }

  /** Scripts put in with innerHTML do not run; a fresh copy of the element does. */
  function runScript(old) {
    const fresh = document.createElement("script");
    for (const { name, value } of old.attributes) fresh.setAttribute(name, value);
    fresh.textContent = old.textContent;
    old.replaceWith(fresh);
  }

  // ---- events -----------------------------------------------------------------------------------------

  // "click->home#randomNumber:prevent", "keydown.enter->search#go", "home#randomNumber" (default event)
  const DESCRIPTOR = /^(?:([\w-]+)(?:\.([\w]+))?->)?([\w-]+)#(\w+)((?::\w+)*)$/;

  function descriptorsOf(element) {
    const text = element.getAttribute("data-action") || "";
    return text.split(/\s+/).filter(Boolean).map((token) => {
      const match = DESCRIPTOR.exec(token);
      if (!match) {
        console.error(`LiveView: cannot read data-action "${token}"`);
        return null;
      }
      const [, event, key, controller, method, modifiers] = match;
      return { event: event || defaultEvent(element), key, controller, method, modifiers: modifiers.split(":").filter(Boolean) };
    }).filter(Boolean);
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
      const selected = Array.from(field.selectedOptions, (option) => option.value);
      values[field.name] = selected;
      return;
    }
    addValue(values, field.name, field.value);
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

  function onEvent(event) {
    for (let element = event.target; element && element !== document; element = element.parentElement) {
      if (!(element instanceof Element) || !element.hasAttribute("data-action")) continue;
      for (const descriptor of descriptorsOf(element)) {
        if (descriptor.event !== event.type) continue;
        if (descriptor.key && event.key !== (KEYS[descriptor.key] || descriptor.key)) continue;
        // Non-bubbling events (focus, blur, mouseenter...) belong to their own element only.
        if (!event.bubbles && element !== event.target) continue;
        const action = actionOf(element, descriptor.controller, descriptor.method);
        if (!action) continue;
        const follows = element.tagName === "A" && element.hasAttribute("href");
        if (descriptor.modifiers.includes("prevent") || event.type === "submit" || descriptor.controller === "page" || follows) {
          event.preventDefault();
        }
        if (descriptor.modifiers.includes("stop")) event.stopPropagation();
        send(action, dataOf(element), formOf(element));
      }
    }
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
  };

  connect();
})();
