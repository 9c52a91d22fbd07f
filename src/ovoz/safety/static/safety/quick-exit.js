/* Quick exit: the button, or Escape pressed twice within a second, signs out and leaves for a neutral page.
   The session is ended with a beacon while the page is replaced, so "Back" does not return to Ovoz. */
(function () {
  "use strict";
  var form = document.querySelector("form.quick-exit");
  if (!form) { return; }
  var neutral = form.getAttribute("data-exit-url");
  var leaving = false;

  function leave(event) {
    if (event) { event.preventDefault(); }
    if (leaving) { return; }
    leaving = true;
    var sent = false;
    try { sent = !!(navigator.sendBeacon && navigator.sendBeacon(form.action)); } catch (e) { sent = false; }
    if (!sent || !neutral) { form.submit(); return; }
    document.title = "";
    document.body.style.visibility = "hidden";
    window.location.replace(neutral);
  }

  form.addEventListener("submit", leave);
  var last = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") { return; }
    var now = Date.now();
    if (now - last < 1000) { leave(event); } else { last = now; }
  });
}());
