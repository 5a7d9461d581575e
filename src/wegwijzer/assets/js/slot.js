/* The referrers' edition: decrypt the page in the browser (Web Crypto API), never on a server.
   The derived key is kept in sessionStorage for this tab, so the other pages of the same build
   open without typing the passphrase again; closing the tab forgets it. */
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

  function text64(buffer) {
    return btoa(String.fromCharCode.apply(null, new Uint8Array(buffer)));
  }

  // For the opened pages' own scripts (the search reads the sealed zoeken/ files): open any
  // envelope of this build with the key kept for this tab. Rejects without a kept key.
  window.wegwijzerSlot = {
    isSealed: function (value) {
      return !!value && typeof value.zout === "string" && typeof value.data === "string";
    },
    open: function (envelope) {
      var kept = null;
      try { kept = sessionStorage.getItem("ww-verwijzers-sleutel-" + envelope.zout); } catch (e) { kept = null; }
      if (!kept) { return Promise.reject(new Error("geen sleutel")); }
      return subtle.importKey("raw", bytes(kept), "AES-GCM", false, ["decrypt"]).then(function (key) {
        return subtle.decrypt({ name: "AES-GCM", iv: bytes(envelope.nonce) }, key, bytes(envelope.data));
      }).then(function (plain) { return new TextDecoder().decode(plain); });
    },
  };

  var data = document.getElementById("ww-slot-data");
  if (!data) {
    return;  // an opened page: only the opener above is needed
  }
  var box = JSON.parse(data.textContent);
  var storeKey = "ww-verwijzers-sleutel-" + box.zout;
  var form = document.getElementById("ww-slot");
  var field = document.getElementById("ww-slot-wachtwoord");
  var message = document.getElementById("ww-slot-melding");

  function derive(passphrase) {
    var raw = new TextEncoder().encode(passphrase);
    return subtle.importKey("raw", raw, "PBKDF2", false, ["deriveKey"]).then(function (base) {
      var params = { name: "PBKDF2", hash: "SHA-256", salt: bytes(box.zout), iterations: box.iteraties };
      return subtle.deriveKey(params, base, { name: "AES-GCM", length: 256 }, true, ["decrypt"]);
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
      return subtle.exportKey("raw", chosen).then(function (raw) {
        try { sessionStorage.setItem(storeKey, text64(raw)); } catch (e) { /* private mode */ }
        show(html);
      });
    }).catch(function () {
      message.textContent = wwT("Dit wachtwoord klopt niet. Controleer het en probeer het opnieuw.");
      field.select();
    });
  });

  var kept = null;
  try { kept = sessionStorage.getItem(storeKey); } catch (e) { kept = null; }
  if (!kept) {
    ask();
    return;
  }
  subtle.importKey("raw", bytes(kept), "AES-GCM", false, ["decrypt"])
    .then(openWith)
    .then(show)
    .catch(function () {
      sessionStorage.removeItem(storeKey);
      ask();
    });
})();
