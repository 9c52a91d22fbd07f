/* Placing actors on the power map: click an actor, then a cell; or drag the actor onto a cell.
 * Either way the page's hidden form posts the new influence and stance to the actor's place address, so the
 * server checks and records the move exactly as it does for the forms in the table (which work without this).
 */
(function () {
  "use strict";

  var map = document.querySelector("#power-map svg");
  var form = document.getElementById("pm-place");
  var status = document.getElementById("pm-status");
  if (!map || !form) { return; }
  var selected = null;
  var dragging = null;

  function say(text) {
    if (status) { status.textContent = text; status.hidden = !text; }
  }

  function select(actor) {
    if (selected) { selected.classList.remove("selected"); }
    selected = actor;
    if (actor) {
      actor.classList.add("selected");
      map.classList.add("placing");
      say(((status && status.dataset.choose) || "") + " " + actor.getAttribute("data-name"));
    } else {
      map.classList.remove("placing");
      say("");
    }
  }

  function place(actor, cell) {
    form.action = actor.getAttribute("data-place-url");
    form.elements.influence.value = cell.getAttribute("data-influence");
    form.elements.stance.value = cell.getAttribute("data-stance");
    form.submit();
  }

  function actorOf(target) {
    var g = target.closest ? target.closest(".pm-actor") : null;
    return g && g.hasAttribute("data-place-url") ? g : null;
  }

  function cellAt(x, y) {
    var els = document.elementsFromPoint(x, y);
    for (var i = 0; i < els.length; i++) {
      if (els[i].classList && els[i].classList.contains("pm-cell")) { return els[i]; }
    }
    return null;
  }

  map.addEventListener("pointerdown", function (e) {
    var actor = actorOf(e.target);
    if (actor) { dragging = { actor: actor, x: e.clientX, y: e.clientY }; e.preventDefault(); }
  });

  document.addEventListener("pointerup", function (e) {
    if (!dragging) { return; }
    var d = dragging;
    dragging = null;
    d.actor.classList.remove("dragging");
    var moved = Math.abs(e.clientX - d.x) + Math.abs(e.clientY - d.y) > 6;
    if (moved) {
      var cell = cellAt(e.clientX, e.clientY);
      if (cell) { place(d.actor, cell); }
    } else {
      select(selected === d.actor ? null : d.actor);
    }
  });

  map.addEventListener("pointermove", function (e) {
    if (dragging && Math.abs(e.clientX - dragging.x) + Math.abs(e.clientY - dragging.y) > 6) {
      dragging.actor.classList.add("dragging");
    }
  });

  map.addEventListener("click", function (e) {
    if (!selected || actorOf(e.target)) { return; }
    var cell = e.target.classList && e.target.classList.contains("pm-cell") ? e.target : cellAt(e.clientX, e.clientY);
    if (cell) { place(selected, cell); }
  });

  map.addEventListener("keydown", function (e) {
    var actor = actorOf(e.target);
    if (actor && (e.key === "Enter" || e.key === " ")) { select(actor); e.preventDefault(); }
    if (e.key === "Escape") { select(null); }
  });
})();
