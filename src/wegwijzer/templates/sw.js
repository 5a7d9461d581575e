/* The wegwijzer without internet (issue 30): a same-origin service worker, written to the
 * site's root by the build (site/offline.py fills in the lists below). It keeps the start
 * page, Spoed, the overview with its data and the hours, and every page the resident opens;
 * a page served from this cache carries data-ww-opgeslagen="<when it was saved>" on <html>,
 * and offline.js says so on the page. A new deploy has a new CACHE name: the new worker fills
 * its own cache and deletes the old one. Only this site's caches are touched (several sites
 * can share an origin, such as user.github.io/gemeente-a/ and /gemeente-b/). */
"use strict";

var SCOPE = self.registration.scope;
var VERSION = "@VERSION@";
var FAMILY = "wegwijzer " + SCOPE + " ";
var CACHE = FAMILY + VERSION;
var PRECACHE = @PRECACHE@;  // paths from the site root
var LANGUAGES = @LANGUAGES@;  // {code: [its start, Spoed and overview]}
var SAVED = "x-ww-opgeslagen";

function address(path) {
  return new URL(path, SCOPE).href;
}

/* Pages are kept under their address without query or index.html: "overzicht/?nu_open=1"
 * is the overview too. */
function pageKey(url) {
  var parsed = new URL(url);
  return parsed.origin + parsed.pathname.replace(/index\.html$/, "");
}

function keyOf(url) {
  return /(\/|\.html)$/.test(new URL(url).pathname) ? pageKey(url) : url;
}

function stamped(response) {
  var headers = new Headers(response.headers);
  headers.set(SAVED, new Date().toISOString());
  return response.blob().then(function (body) {
    return new Response(body, { status: response.status, statusText: response.statusText, headers: headers });
  });
}

function store(cache, url) {
  return fetch(url, { cache: "no-cache" }).then(function (response) {
    if (!response.ok) throw new Error(url + ": " + response.status);
    return stamped(response).then(function (copy) {
      return cache.put(keyOf(url), copy);
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(PRECACHE.map(function (path) { return store(cache, address(path)); }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(FAMILY) === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function inScope(url) {
  return url.indexOf(SCOPE) === 0;
}

/* A page opened before this worker ran (the very first visit) asks to keep itself, its
 * files and its language's start, Spoed and overview; it hears back when they are kept. */
self.addEventListener("message", function (event) {
  var asked = event.data || {};
  var urls = (Array.isArray(asked.bewaar) ? asked.bewaar : []).filter(function (url) {
    return typeof url === "string" && inScope(url);
  });
  var own = Object.prototype.hasOwnProperty.call(LANGUAGES, asked.taal) ? LANGUAGES[asked.taal] : [];
  own.forEach(function (path) { urls.push(address(path)); });
  var done = caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.map(function (url) {
      return cache.match(keyOf(url)).then(function (found) {
        return found || store(cache, url).catch(function () { /* offline now: next time */ });
      });
    }));
  }).then(function () {
    if (event.ports && event.ports[0]) event.ports[0].postMessage("bewaard");
  });
  event.waitUntil(done);
});

/* The saved page, marked as saved: offline.js shows the date. */
function savedPage(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(pageKey(request.url));
  }).then(function (found) {
    if (!found) return Response.error();
    var when = (found.headers.get(SAVED) || "").replace(/[^0-9TZ:.+-]/g, "");
    return found.text().then(function (html) {
      var headers = new Headers(found.headers);
      headers.delete("content-length");
      var marked = html.replace(/<html\b/i, '<html data-ww-opgeslagen="' + when + '"');
      return new Response(marked, { status: 200, headers: headers });
    });
  });
}

/* Network first, past the browser's HTTP cache (it would answer offline too, without saying
 * the page is a saved copy); a redirect goes to the browser as it came. */
function page(event) {
  var request = event.request;
  return fetch(request.url, { cache: "no-cache", redirect: "manual" }).then(function (response) {
    if (response.ok && response.type === "basic") {
      var copy = response.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) {
        return stamped(copy).then(function (kept) { return cache.put(pageKey(request.url), kept); });
      }));
    }
    return response;
  }, function () {
    return savedPage(request);
  });
}

/* Versioned files (?v=<hash>, Material's bundle.<hash>.min.js) never change: cache first.
 * Data (.json) from the network while there is one, else the saved copy. */
function file(request, versioned) {
  return caches.open(CACHE).then(function (cache) {
    function fromNetwork() {
      return fetch(request).then(function (response) {
        if (response.ok && response.type === "basic") cache.put(request, response.clone());
        return response;
      });
    }
    if (versioned) {
      return cache.match(request).then(function (found) { return found || fromNetwork(); });
    }
    return fromNetwork().catch(function () {
      return cache.match(request).then(function (found) { return found || Response.error(); });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !inScope(request.url)) return;
  if (request.mode === "navigate") {
    event.respondWith(page(event));
    return;
  }
  var url = new URL(request.url);
  var versioned = url.searchParams.has("v") || /\.[0-9a-f]{8}\.min\.(js|css)$/.test(url.pathname);
  event.respondWith(file(request, versioned));
});
