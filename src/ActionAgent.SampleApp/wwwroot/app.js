// Ops Portal sample app: small page behaviours, each guarded by the element it needs.
(function () {
  "use strict";

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // Orders: Help modal dialog.
  var helpButton = document.getElementById("help-button");
  var backdrop = document.getElementById("help-dialog-backdrop");
  if (helpButton && backdrop) {
    var closeButton = document.getElementById("help-close");
    var openDialog = function () {
      backdrop.hidden = false;
      closeButton.focus();
    };
    var closeDialog = function () {
      backdrop.hidden = true;
      helpButton.focus();
    };
    helpButton.addEventListener("click", openDialog);
    closeButton.addEventListener("click", closeDialog);
    backdrop.addEventListener("click", function (e) { if (e.target === backdrop) { closeDialog(); } });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape" && !backdrop.hidden) { closeDialog(); } });
  }

  // Orders: "Recent activity" arrives slowly (the server waits SlowSectionDelay before answering).
  var activity = document.getElementById("recent-activity");
  if (activity) {
    fetch("/api/activity", { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (items) {
        activity.innerHTML = "<ul>" + items.map(function (a) {
          return "<li><time>" + escapeHtml(a.time) + "</time>" + escapeHtml(a.text) + "</li>";
        }).join("") + "</ul>";
      })
      .catch(function () { activity.innerHTML = "<p>Recent activity could not be loaded.</p>"; })
      .finally(function () { activity.setAttribute("aria-busy", "false"); });
  }

  // /slow: the main content appears only after the server's delay.
  var slow = document.getElementById("slow-content");
  if (slow) {
    fetch("/api/slow-content", { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (c) {
        slow.innerHTML = "<section class=\"card narrow\"><h2>" + escapeHtml(c.title) + "</h2><p>" + escapeHtml(c.text) +
          "</p><button type=\"button\" class=\"primary\" id=\"mark-reviewed\">Mark as reviewed</button>" +
          "<p id=\"review-status\" role=\"status\"></p></section>";
        document.getElementById("mark-reviewed").addEventListener("click", function () {
          document.getElementById("review-status").textContent = "Marked as reviewed";
        });
      })
      .catch(function () { slow.innerHTML = "<p>The report could not be loaded.</p>"; })
      .finally(function () { slow.setAttribute("aria-busy", "false"); });
  }

  // Customers: confirm(), then POST the deletion and remove the row.
  document.querySelectorAll("[data-delete-customer]").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.getAttribute("data-delete-customer");
      if (!window.confirm("Delete customer " + name + "? This cannot be undone.")) {
        return;
      }
      button.disabled = true;
      fetch("/api/customers/" + encodeURIComponent(name) + "/delete", { method: "POST", credentials: "same-origin" })
        .then(function (r) {
          var message = document.getElementById("customer-message");
          if (r.ok) {
            var row = button.closest("tr");
            if (row) { row.remove(); }
            message.textContent = "Customer deleted";
          } else {
            button.disabled = false;
            message.textContent = "Could not delete customer " + name + ".";
          }
        });
    });
  });

  // Quick actions: a plain button whose click POSTs through fetch (no form, so nothing looks like a submit).
  document.querySelectorAll("[data-resolve-order]").forEach(function (button) {
    button.addEventListener("click", function () {
      var number = button.getAttribute("data-resolve-order");
      var message = document.getElementById("resolve-message");
      button.disabled = true;
      fetch("/api/orders/" + encodeURIComponent(number) + "/resolve", { method: "POST", credentials: "same-origin" })
        .then(function (r) {
          if (r.ok) {
            message.textContent = "Order " + number + " resolved";
          } else {
            button.disabled = false;
            message.textContent = "Could not resolve order " + number + ".";
          }
        })
        .catch(function () { button.disabled = false; message.textContent = "Could not resolve order " + number + "."; });
    });
  });

  // Widgets: <aa-priority-picker> with an open shadow root.
  if (window.customElements && !customElements.get("aa-priority-picker")) {
    customElements.define("aa-priority-picker", class extends HTMLElement {
      constructor() {
        super();
        var root = this.attachShadow({ mode: "open" });
        root.innerHTML =
          "<style>" +
          ":host { display: block; font-size: 15px; }" +
          ".label { display: block; font-weight: 600; margin-bottom: 6px; }" +
          ".buttons { display: flex; gap: 8px; }" +
          "button { font: inherit; padding: 6px 16px; border-radius: 6px; border: 1px solid #9fb3c8; background: #fff; color: #1f2933; cursor: pointer; }" +
          "button[aria-pressed=true] { background: #2563eb; border-color: #2563eb; color: #fff; font-weight: 600; }" +
          ".result { margin: 10px 0 0; font-weight: 600; }" +
          "</style>" +
          "<div role=\"group\" aria-labelledby=\"priority-label\">" +
          "<span class=\"label\" id=\"priority-label\">Priority</span>" +
          "<div class=\"buttons\">" +
          "<button type=\"button\" aria-pressed=\"false\">Low</button>" +
          "<button type=\"button\" aria-pressed=\"false\">Normal</button>" +
          "<button type=\"button\" aria-pressed=\"false\">High</button>" +
          "</div></div>" +
          "<p class=\"result\" role=\"status\" aria-live=\"polite\">No priority selected</p>";
        var result = root.querySelector(".result");
        var buttons = root.querySelectorAll("button");
        buttons.forEach(function (b) {
          b.addEventListener("click", function () {
            buttons.forEach(function (other) { other.setAttribute("aria-pressed", String(other === b)); });
            result.textContent = "Priority: " + b.textContent;
          });
        });
      }
    });
  }

  // Reports: a toolbar drawn on a canvas; no DOM buttons, only pixels.
  var canvas = document.getElementById("report-toolbar");
  if (canvas && canvas.getContext) {
    var width = 640, height = 120;
    var ratio = window.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    var ctx = canvas.getContext("2d");
    ctx.scale(ratio, ratio);
    var buttons = [
      { label: "Export", x: 24, y: 20, w: 120, h: 44 },
      { label: "Print", x: 160, y: 20, w: 120, h: 44 },
      { label: "Share", x: 296, y: 20, w: 120, h: 44 }
    ];
    var statusText = "";

    var roundedRect = function (x, y, w, h, r) {
      ctx.beginPath();
      ctx.moveTo(x + r, y);
      ctx.arcTo(x + w, y, x + w, y + h, r);
      ctx.arcTo(x + w, y + h, x, y + h, r);
      ctx.arcTo(x, y + h, x, y, r);
      ctx.arcTo(x, y, x + w, y, r);
      ctx.closePath();
    };
    var draw = function () {
      ctx.clearRect(0, 0, width, height);
      ctx.fillStyle = "#f8fafc";
      ctx.fillRect(0, 0, width, height);
      buttons.forEach(function (b) {
        roundedRect(b.x, b.y, b.w, b.h, 8);
        ctx.fillStyle = "#e6edf7";
        ctx.fill();
        ctx.lineWidth = 1;
        ctx.strokeStyle = "#8da2bd";
        ctx.stroke();
        ctx.fillStyle = "#1f2933";
        ctx.font = "16px sans-serif";
        ctx.textAlign = "center";
        ctx.textBaseline = "middle";
        ctx.fillText(b.label, b.x + b.w / 2, b.y + b.h / 2);
      });
      if (statusText) {
        ctx.fillStyle = "#1e6b35";
        ctx.font = "16px sans-serif";
        ctx.textAlign = "left";
        ctx.textBaseline = "middle";
        ctx.fillText(statusText, 24, 94);
      }
    };
    draw();

    canvas.addEventListener("click", function (e) {
      var rect = canvas.getBoundingClientRect();
      var x = (e.clientX - rect.left) * (width / rect.width);
      var y = (e.clientY - rect.top) * (height / rect.height);
      var hit = buttons.find(function (b) { return x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h; });
      if (!hit) {
        return;
      }
      fetch("/api/canvas-click", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ label: hit.label })
      })
        .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
        .then(function (result) {
          statusText = result.status;
          draw();
          document.getElementById("status").textContent = result.status;
        })
        .catch(function () { document.getElementById("status").textContent = hit.label + " failed"; });
    });
  }
})();
