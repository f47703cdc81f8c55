// Keys on the room's screen (condities/scherm.html). Every action key submits the same form as
// its button, so the screen also works with a mouse and the control page without JavaScript.
(function () {
  "use strict";
  var acties = {
    ArrowRight: "volgende",
    ArrowLeft: "vorige",
    r: "onthul",
    h: "verberg",
    g: "groepen",
    w: "wachten",
  };
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    var actie = acties[key];
    if (actie) {
      var form = document.querySelector('form[data-actie="' + actie + '"]');
      if (form) {
        event.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    if (key === "f") {
      if (document.fullscreenElement) {
        document.exitFullscreen();
      } else {
        document.documentElement.requestFullscreen().catch(function () {});
      }
    } else if (key === "q") {
      var qr = document.getElementById("qr-overlay");
      if (qr) {
        qr.hidden = !qr.hidden;
      }
    } else if (key === "?") {
      var toetsen = document.getElementById("toetsen");
      if (toetsen.open) {
        toetsen.close();
      } else {
        toetsen.showModal();
      }
    }
  });
})();
