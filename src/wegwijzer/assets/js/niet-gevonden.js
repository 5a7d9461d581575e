/* The 404 page (theme/404.html) holds its text once per language; GitHub Pages serves it for
   every missing address. Show the block of the language the missing address starts with
   (/ar/bestaat-niet/ -> Arabic), with the page's lang, dir and title to match. Without
   JavaScript the Dutch block stays, with a link to each language's start page. */
(function () {
  "use strict";
  var dutch = document.querySelector('[data-ww-taal="nl"]');
  if (!dutch) return;
  var start = new URL(dutch.getAttribute("data-ww-start") || "/", location.href).pathname;
  var path = location.pathname;
  if (path.indexOf(start) !== 0) return;
  var code = path.slice(start.length).split("/")[0];
  if (!code || code === "nl") return;
  var blocks = document.querySelectorAll("[data-ww-taal]");
  for (var i = 0; i < blocks.length; i++) {
    var block = blocks[i];
    if (block.getAttribute("data-ww-taal") !== code) continue;
    dutch.hidden = true;
    block.hidden = false;
    document.documentElement.lang = code;
    document.documentElement.dir = block.getAttribute("dir") || "ltr";
    document.title = block.getAttribute("data-ww-titel") || document.title;
    return;
  }
})();
