// Keys on the network map's projector stage (relaties/scherm.html): the arrow keys follow the
// links to the round before and after, Escape the link back, F toggles full screen. Every key
// only clicks a link that is on the page, so the stage works the same with a mouse.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key === "f" || event.key === "F") {
      if (document.fullscreenElement) {
        document.exitFullscreen();
      } else {
        document.documentElement.requestFullscreen().catch(function () {});
      }
      return;
    }
    var link = document.querySelector('a[data-toets="' + event.key + '"]');
    if (link) {
      event.preventDefault();
      link.click();
    }
  });
})();
