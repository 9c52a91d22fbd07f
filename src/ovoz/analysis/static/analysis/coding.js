/* Coding a transcript: select words (mouse, finger or keyboard), choose codes, apply; open a mark's codings.
 *
 * Offsets are counted in UTF-16 code units (what the browser counts) from the start of the transcript's
 * text, and sent with units=utf16: the server converts them to code points. The transcript's element holds
 * only the transcript's characters (the marks add no text), so counting the text before a point is exact.
 * Without this script the page still works: the code form sits under the transcript and the margin links
 * open each passage's codings on a page of their own.
 */
(function () {
  "use strict";

  var picker = document.getElementById("coding-picker");
  var panel = document.getElementById("coding-panel");
  var phone = window.matchMedia("(max-width: 40rem)");
  document.documentElement.classList.add("js");

  function body() { return document.getElementById("coding-body"); }
  function transcript() { return document.getElementById("transcript"); }

  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"]; } catch (e) { return ""; }
  }

  // Keep the page's filters (code, coder, round) when posting, so the answer renders the same view.
  function withPageQuery(url) {
    var u = new URL(url, window.location.href);
    var here = new URLSearchParams(window.location.search);
    here.forEach(function (value, key) { if (!u.searchParams.has(key)) { u.searchParams.append(key, value); } });
    return u.toString();
  }

  function send(url, options) {
    options.headers = Object.assign({ "HX-Request": "true", "X-CSRFToken": csrfToken() }, options.headers || {});
    options.credentials = "same-origin";
    return fetch(url, options).then(function (response) {
      var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      return response.text().then(function (text) {
        return { ok: response.ok, status: response.status, text: text, json: json && response.ok ? JSON.parse(text) : null };
      });
    });
  }

  function replaceBody(html) {
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var fresh = holder.querySelector("#coding-body");
    if (fresh && body()) { body().replaceWith(fresh); }
  }

  // --- where the selection is, in UTF-16 units of the transcript -------------------------------------

  function unitsBefore(container, node, offset) {
    var range = document.createRange();
    range.setStart(container, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function selectedSpan() {
    var container = transcript();
    var selection = window.getSelection();
    if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) { return null; }
    var range = selection.getRangeAt(0);
    if (!range.intersectsNode(container)) { return null; }
    var full = container.textContent;
    var start = container.contains(range.startContainer) ? unitsBefore(container, range.startContainer, range.startOffset) : 0;
    var end = container.contains(range.endContainer) ? unitsBefore(container, range.endContainer, range.endOffset) : full.length;
    // A double-click or a drag often takes a space at either end: code the words only.
    while (start < end && /\s/.test(full.charAt(start))) { start++; }
    while (end > start && /\s/.test(full.charAt(end - 1))) { end--; }
    if (start >= end) { return null; }
    return { start: start, end: end, words: full.slice(start, end), rect: range.getBoundingClientRect() };
  }

  // The transcript's children are its pieces side by side (text or one mark each, never nested). The run of
  // pieces holding [start, end) is all a new coding changes: the server sends that run back, re-cut.
  function piecesAround(start, end) {
    var container = transcript();
    var offset = 0, found = { lo: null, hi: null, first: null, last: null };
    for (var node = container.firstChild; node; node = node.nextSibling) {
      var stop = offset + node.textContent.length;
      if (found.first === null && stop > start) { found.first = node; found.lo = offset; }
      if (found.first !== null && stop >= end) { found.last = node; found.hi = stop; return found; }
      offset = stop;
    }
    return null;
  }

  function swapWindow(answer) {
    var run = piecesAround(answer.window[0], answer.window[1]);
    if (!run || run.lo !== answer.window[0] || run.hi !== answer.window[1]) { return false; }
    var fresh = document.createElement("template");
    fresh.innerHTML = answer.html;
    run.first.parentNode.insertBefore(fresh.content, run.first);
    var node = run.first;
    while (node) {
      var next = node.nextSibling;
      node.remove();
      if (node === run.last) { break; }
      node = next;
    }
    var list = document.querySelector(".coding-margin-list");
    var item = document.createElement("template");
    item.innerHTML = answer.margin;
    var same = list && list.querySelector('li[data-span="' + answer.span + '"]');
    if (same) {
      same.replaceWith(item.content);
    } else if (list) {
      var after = Array.prototype.find.call(list.children, function (li) { return Number(li.dataset.at) > answer.at; });
      list.insertBefore(item.content, after || null);
    }
    var legend = document.getElementById("coding-legend");
    var freshLegend = document.createElement("template");
    freshLegend.innerHTML = answer.legend.trim();
    if (legend) { legend.replaceWith(freshLegend.content); }
    return true;
  }

  // --- the code picker ----------------------------------------------------------------------------

  function showError(message) {
    var box = picker.querySelector("[data-error]");
    box.textContent = message;
    box.hidden = !message;
  }

  function closePicker() {
    if (!picker) { return; }
    picker.hidden = true;
    picker.classList.remove("floating", "sheet");
    showError("");
  }

  function place(rect) {
    if (phone.matches) { picker.style.top = ""; picker.style.left = ""; return; }
    var width = picker.offsetWidth || 320;
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    picker.style.left = left + "px";
    picker.style.top = (rect.bottom + window.scrollY + 8) + "px";
  }

  function openPicker(span) {
    picker.hidden = false;
    picker.classList.add("floating");
    picker.classList.remove("sheet");
    picker.elements.units.value = "utf16";
    picker.elements.start.value = span.start;
    picker.elements.end.value = span.end;
    var run = piecesAround(span.start, span.end);
    picker.elements.window_start.value = run ? run.lo : "";
    picker.elements.window_end.value = run ? run.hi : "";
    picker.elements.phrase.value = "";
    picker.elements.occurrence.value = "";
    picker.querySelector("[data-fallback]").hidden = true;
    picker.querySelector("[data-close]").hidden = false;
    var label = picker.querySelector("[data-selection]");
    label.textContent = "“" + (span.words.length > 120 ? span.words.slice(0, 120) + "…" : span.words) + "”";
    label.hidden = false;
    showError("");
    place(span.rect);
  }

  function openPhraseForm() {
    picker.hidden = false;
    picker.classList.remove("floating");
    picker.classList.add("sheet");
    picker.elements.units.value = "codepoint";
    picker.elements.start.value = "";
    picker.elements.end.value = "";
    picker.elements.window_start.value = "";
    picker.elements.window_end.value = "";
    picker.querySelector("[data-fallback]").hidden = false;
    picker.querySelector("[data-selection]").hidden = true;
    picker.querySelector("[data-close]").hidden = false;
    picker.style.top = "";
    picker.style.left = "";
    picker.elements.phrase.focus();
  }

  if (picker) {
    picker.hidden = true;
    var pending = null;
    document.addEventListener("selectionchange", function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        var span = selectedSpan();
        if (span) { openPicker(span); }
      }, 250);
    });

    picker.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = picker.querySelector("button[type=submit]");
      button.disabled = true;
      send(withPageQuery(picker.action), { method: "POST", body: new FormData(picker) }).then(function (answer) {
        button.disabled = false;
        if (!answer.ok) { showError(answer.text || (panel && panel.dataset.failed) || ""); return; }
        if (answer.json) {
          if (!swapWindow(answer.json)) { window.location.reload(); return; }
        } else {
          replaceBody(answer.text);
        }
        picker.querySelectorAll("input[name=codes]").forEach(function (box) { box.checked = false; });
        var selection = window.getSelection();
        if (selection) { selection.removeAllRanges(); }
        closePicker();
      }, function () {
        button.disabled = false;
        showError(panel ? panel.dataset.failed : "");
      });
    });

    picker.querySelector("[data-code-search]").addEventListener("input", function (event) {
      var wanted = event.target.value.trim().toLowerCase();
      picker.querySelectorAll("label.pick").forEach(function (label) {
        label.hidden = wanted !== "" && label.textContent.toLowerCase().indexOf(wanted) === -1;
      });
    });
    picker.querySelector("[data-close]").addEventListener("click", closePicker);
  }

  // --- the panel of codings on a stretch -----------------------------------------------------------

  function closePanel() {
    if (!panel) { return; }
    panel.hidden = true;
    panel.innerHTML = "";
  }

  function openPanel(ids) {
    var base = body() && body().dataset.panelUrl;
    if (!base || !panel) { return; }
    send(base.replace("IDS", ids), { method: "GET" }).then(function (answer) {
      if (!answer.ok) { return; }
      panel.innerHTML = answer.text;
      panel.hidden = false;
      var heading = panel.querySelector("h2");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus({ preventScroll: phone.matches }); }
    });
  }

  function afterChange(answer) {
    if (!answer.ok) { window.alert(answer.text || panel.dataset.failed); return; }
    replaceBody(answer.text);
    closePanel();
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var opener = target.closest("[data-open-picker]");
    if (opener && picker) { event.preventDefault(); openPhraseForm(); return; }
    var entry = target.closest("a[data-panel]");
    if (entry) {
      event.preventDefault();
      var mark = document.getElementById("at-" + entry.dataset.at);
      if (mark) { mark.scrollIntoView({ block: "center" }); }
      openPanel(entry.dataset.panel);
      return;
    }
    var mark2 = target.closest("#transcript mark[data-c]");
    if (mark2) {
      var selection = window.getSelection();
      if (selection && !selection.isCollapsed) { return; }
      openPanel(mark2.dataset.c.split(" ").join(","));
      return;
    }
    if (target.closest("[data-close-panel]")) { event.preventDefault(); closePanel(); return; }
    var remove = target.closest("a[data-remove]");
    if (remove) {
      event.preventDefault();
      if (!window.confirm(panel.dataset.confirm)) { return; }
      send(withPageQuery(remove.href), { method: "POST" }).then(afterChange);
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-change]");
    if (!form) { return; }
    event.preventDefault();
    send(withPageQuery(form.action), { method: "POST", body: new FormData(form) }).then(afterChange);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { closePicker(); closePanel(); }
  });
})();
