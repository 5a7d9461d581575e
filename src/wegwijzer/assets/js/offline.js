/* Works without internet after one visit: registers the site's service worker (sw.js at the
 * site's root, see site/offline.py) and asks it to keep this page, the files it loaded and its
 * language's start, Spoed and overview. A page the worker served from its cache has
 * data-ww-opgeslagen on <html>: then the page says it is a saved copy, with the date.
 * When the worker has kept everything, <html> gets data-ww-offline="bewaard". */
(function () {
  "use strict";

  var root = document.documentElement;

  function showSaved(when) {
    var date = new Date(when);
    if (isNaN(date.getTime())) return;
    // As openingstijden.js: "7 December" in English, digits 0-9 in every language.
    var language = (wwTaal === "en" ? "en-GB" : wwTaal) + "-u-nu-latn";
    var day = date.toLocaleDateString(language, {
      day: "numeric", month: "long", timeZone: "Europe/Amsterdam" });
    var note = document.createElement("p");
    note.className = "ww-opgeslagen";
    note.setAttribute("role", "note");
    note.textContent = wwT("Opgeslagen op {datum}; bel bij twijfel.", { datum: day });
    var main = document.querySelector(".md-content__inner") || document.body;
    main.insertBefore(note, main.firstChild);
  }

  var saved = root.getAttribute("data-ww-opgeslagen");
  if (saved !== null) showSaved(saved);

  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) return;
  var site = new URL("../../../", script.src).href;  // assets/wegwijzer/js/ -> the site's root

  function loaded() {
    var urls = [location.href.split("#")[0]];
    document.querySelectorAll("script[src], link[rel~='stylesheet'][href], link[rel~='icon'][href]")
      .forEach(function (element) { urls.push(element.src || element.href); });
    return urls.filter(function (url) { return url.indexOf(site) === 0; });
  }

  /* After the page has loaded: keeping the pages must not slow down the first one. */
  function register() {
    navigator.serviceWorker.register(site + "sw.js", { scope: site }).catch(function () {});
    navigator.serviceWorker.ready.then(function (registration) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () { root.setAttribute("data-ww-offline", "bewaard"); };
      registration.active.postMessage({ taal: wwTaal, bewaar: loaded() }, [channel.port2]);
    });
  }

  if (document.readyState === "complete") {
    register();
  } else {
    window.addEventListener("load", register);
  }
})();
