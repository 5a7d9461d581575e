/* The interface's words in the page's language. Every text a script shows goes through
 * wwT("Dutch text", {name: value}): the Dutch text is the key of the translation catalogs
 * (locale/<taal>.po, extracted with pybabel). A page in another language loads
 * teksten/<taal>.js before this file, which sets window.wegwijzerTeksten to
 * {"Dutch text": "translation"}; a Dutch page sets nothing and gets the Dutch text back.
 * Placeholders are {name}; values are put in as text, so callers still use textContent. */
(function () {
  "use strict";

  const own = window.wegwijzerTeksten || {};
  const has = Object.prototype.hasOwnProperty;

  window.wwT = function (text, values) {
    let shown = has.call(own, text) && own[text] ? own[text] : text;
    if (values) {
      shown = shown.replace(/\{(\w+)\}/g, (whole, name) =>
        has.call(values, name) ? String(values[name]) : whole);
    }
    return shown;
  };
  // The page's language for Intl (dates, sorting); Dutch when the page says nothing.
  window.wwTaal = document.documentElement.lang || "nl";
})();
