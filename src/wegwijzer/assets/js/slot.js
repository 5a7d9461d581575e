/* The referrers' edition: decrypt the page in the browser (Web Crypto API), never on a server.
   The derived key is a non-extractable CryptoKey: no script can read its bytes, only use it.
   It is kept in IndexedDB, in a database named after the site's own path (on
   <owner>.github.io every project site shares the origin), for eight hours at most, and used
   only in a tab where the passphrase was typed (a flag in sessionStorage, no secret). So the
   other pages of the same build open without typing the passphrase again. Re-deriving on
   every page would take 600,000 PBKDF2 rounds per click; sessionStorage can hold only bytes. */
(function () {
  "use strict";
  if (!window.crypto || !window.crypto.subtle) {
    return;
  }
  var subtle = window.crypto.subtle;
  // The passphrase page (encryption.py's shell) loads this script alone, without teksten.js.
  var wwT = window.wwT || function (text) { return text; };

  function bytes(text) {
    return Uint8Array.from(atob(text), function (c) { return c.charCodeAt(0); });
  }

  var FLAG = "ww-verwijzers-open-";  // sessionStorage: this tab may use the kept key
  var LIFETIME = 8 * 3600 * 1000;
  var root = (function () {  // the site's path: the script is <root>assets/wegwijzer/js/slot.js
    var script = document.currentScript;
    var path = script ? new URL(script.src, location.href).pathname : "/";
    var at = path.indexOf("assets/wegwijzer/js/");
    return at >= 0 ? path.slice(0, at) : "/";
  })();

  function store(mode, action) {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open("wegwijzer-verwijzers:" + root, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore("sleutels"); };
      request.onerror = function () { reject(request.error); };
      request.onsuccess = function () {
        var db = request.result;
        var tx = db.transaction("sleutels", mode);
        var done = action(tx.objectStore("sleutels"));
        tx.oncomplete = function () { db.close(); resolve(done ? done.result : undefined); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
      };
    });
  }

  function keep(salt, key) {
    try { sessionStorage.setItem(FLAG + salt, "1"); } catch (e) { /* private mode */ }
    return store("readwrite", function (keys) {
      keys.clear();  // one build per site: an older build's key goes
      return keys.put({ sleutel: key, tot: Date.now() + LIFETIME }, salt);
    });
  }

  function kept(salt) {
    var mine = false;
    try {
      sessionStorage.removeItem("ww-verwijzers-sleutel-" + salt);  // the old raw copy
      mine = sessionStorage.getItem(FLAG + salt) === "1";
    } catch (e) { mine = false; }
    if (!mine || !window.indexedDB) { return Promise.reject(new Error("geen sleutel")); }
    return store("readonly", function (keys) { return keys.get(salt); }).then(function (entry) {
      if (!entry || !(entry.tot > Date.now())) { throw new Error("geen sleutel"); }
      return entry.sleutel;
    });
  }

  function forget(salt) {
    try { sessionStorage.removeItem(FLAG + salt); } catch (e) { /* private mode */ }
    if (!window.indexedDB) { return Promise.resolve(); }
    return store("readwrite", function (keys) { keys.delete(salt); }).catch(function () {});
  }

  // For the opened pages' own scripts (the search reads the sealed zoeken/ files): open any
  // envelope of this build with the key kept for this tab. Rejects without a kept key.
  window.wegwijzerSlot = {
    isSealed: function (value) {
      return !!value && typeof value.zout === "string" && typeof value.data === "string";
    },
    open: function (envelope) {
      return kept(envelope.zout).then(function (key) {
        return subtle.decrypt({ name: "AES-GCM", iv: bytes(envelope.nonce) }, key, bytes(envelope.data));
      }).then(function (plain) { return new TextDecoder().decode(plain); });
    },
  };

  var data = document.getElementById("ww-slot-data");
  if (!data) {
    return;  // an opened page: only the opener above is needed
  }
  var box = JSON.parse(data.textContent);
  var form = document.getElementById("ww-slot");
  var field = document.getElementById("ww-slot-wachtwoord");
  var message = document.getElementById("ww-slot-melding");

  function derive(passphrase) {
    var raw = new TextEncoder().encode(passphrase);
    return subtle.importKey("raw", raw, "PBKDF2", false, ["deriveKey"]).then(function (base) {
      var params = { name: "PBKDF2", hash: "SHA-256", salt: bytes(box.zout), iterations: box.iteraties };
      return subtle.deriveKey(params, base, { name: "AES-GCM", length: 256 }, false, ["decrypt"]);
    });
  }

  function openWith(key) {
    return subtle.decrypt({ name: "AES-GCM", iv: bytes(box.nonce) }, key, bytes(box.data))
      .then(function (plain) { return new TextDecoder().decode(plain); });
  }

  function show(html) {
    document.open();
    document.write(html);
    document.close();
  }

  function ask() {
    form.hidden = false;
    field.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    message.textContent = wwT("Even geduld, de gids wordt geopend…");
    var chosen;
    derive(field.value).then(function (key) {
      chosen = key;
      return openWith(key);
    }).then(function (html) {
      var shown = function () { show(html); };
      var saving = window.indexedDB ? keep(box.zout, chosen) : Promise.resolve();
      return saving.then(shown, shown);  // without storage: the next page asks again
    }, function () {
      message.textContent = wwT("Dit wachtwoord klopt niet. Controleer het en probeer het opnieuw.");
      field.select();
    });
  });

  kept(box.zout)
    .then(function (key) {
      return openWith(key).then(show, function () {
        return forget(box.zout).then(ask);
      });
    }, ask);
})();
