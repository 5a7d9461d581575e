/* The 404 page (theme/404.html) holds its text once per language; GitHub Pages serves it for
   every missing address. Show the block of the language the missing address starts with
   (/ar/bestaat-niet/ -> Arabic), with the page's lang, dir and title to match, and the
   header, help bar, menu and footer in that language too: 404.html renders them once per
   language in a <template>, whose words and links are copied over the Dutch ones (issue 27).
   This script is not deferred and comes before the others: they then start in that language
   (teksten/<code>.js is written in before them). Without JavaScript the Dutch block stays,
   with a link to each language's start page. */
(function () {
  "use strict";
  var dutch = document.querySelector('[data-ww-taal="nl"]');
  if (!dutch) return;
  var start = new URL(dutch.getAttribute("data-ww-start") || "/", location.href).pathname;
  var path = location.pathname;
  if (path.indexOf(start) !== 0) return;
  var code = path.slice(start.length).split("/")[0];
  if (!code || code === "nl") return;
  var block = document.querySelector('.ww-niet-gevonden[data-ww-taal="' + code.replace(/[^a-z-]/g, "") + '"]');
  if (!block) return;
  var dir = block.getAttribute("dir") || "ltr";
  dutch.hidden = true;
  block.hidden = false;
  document.documentElement.lang = code;
  document.documentElement.dir = dir;
  if (document.body) document.body.dir = dir;  // Material sets the body's dir: ltr
  document.title = block.getAttribute("data-ww-titel") || document.title;

  /* The chrome: same templates, so the same tree but for the menu (a translated page lists
     its language's screens). Words, labels and links are copied where the trees match; where
     they do not, the translated part replaces the Dutch part. */
  var chrome = document.querySelector('template[data-ww-rand="' + code + '"]');
  if (!chrome) return;
  function copy(live, fresh) {
    if (live.nodeType === 3) {
      if (live.data !== fresh.data) live.data = fresh.data;
      return;
    }
    Array.prototype.forEach.call(fresh.attributes, function (attribute) {
      if (live.getAttribute(attribute.name) !== attribute.value) live.setAttribute(attribute.name, attribute.value);
    });
    Array.prototype.slice.call(live.attributes).forEach(function (attribute) {
      if (/^(lang|dir|hreflang|hidden)$/.test(attribute.name) && !fresh.hasAttribute(attribute.name)) {
        live.removeAttribute(attribute.name);
      }
    });
    var a = live.childNodes;
    var b = fresh.childNodes;
    var same = a.length === b.length && Array.prototype.every.call(a, function (node, i) {
      return node.nodeType === b[i].nodeType && node.nodeName === b[i].nodeName;
    });
    if (same) {
      for (var i = 0; i < a.length; i++) copy(a[i], b[i]);
    } else {
      live.replaceChildren.apply(live, Array.prototype.map.call(b, function (node) {
        return document.importNode(node, true);
      }));
    }
  }
  ["header.md-header", "[data-ww-hulpbalk]", "nav.md-nav--primary", "footer.md-footer"].forEach(function (part) {
    var live = document.querySelector(part);
    var fresh = chrome.content.querySelector(part);
    if (live && fresh) copy(live, fresh);
  });
  /* The scripts after this one say their words in this language too (wwT, teksten.js). */
  var texts = chrome.getAttribute("data-ww-teksten") || "";
  if (/^[\w\/.?=%-]+$/.test(texts)) document.write('<script src="' + texts + '"><\/script>');
})();
