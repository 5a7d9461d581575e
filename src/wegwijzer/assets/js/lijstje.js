/* The referrers' shortlist: a volunteer marks help on record pages, then prints or shares one
   list for the resident. The chosen ids stay in this browser (localStorage); nothing is sent.
   The list page holds the entries (public details only) as JSON; text goes in with
   textContent, never as HTML. */
(function () {
  "use strict";
  var STORE = "ww-lijstje";

  function load() {
    try {
      var ids = JSON.parse(localStorage.getItem(STORE) || "[]");
      return Array.isArray(ids) ? ids.filter(function (id) { return typeof id === "string"; }) : [];
    } catch (e) {
      return [];
    }
  }

  function save(ids) {
    try { localStorage.setItem(STORE, JSON.stringify(ids)); } catch (e) { /* private mode */ }
  }

  function setButton(button, on) {
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? wwT("Staat op het lijstje (haal eraf)") : wwT("Zet op het lijstje");
  }

  document.querySelectorAll("[data-ww-lijstje-knop]").forEach(function (button) {
    var id = button.getAttribute("data-ww-lijstje-knop");
    setButton(button, load().indexOf(id) >= 0);
    button.hidden = false;
    button.addEventListener("click", function () {
      var ids = load();
      var at = ids.indexOf(id);
      if (at >= 0) { ids.splice(at, 1); } else { ids.push(id); }
      save(ids);
      setButton(button, at < 0);
    });
  });

  var box = document.getElementById("ww-lijstje");
  var data = document.getElementById("ww-lijstje-data");
  if (!box || !data) {
    return;
  }
  var entries = JSON.parse(data.textContent);
  var list = box.querySelector(".ww-lijstje__items");
  var empty = box.querySelector(".ww-lijstje__leeg");

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function sentence(text) {
    return /[.!?]$/.test(text) ? text : text + ".";
  }

  function chosen() {
    return load().filter(function (id) { return Object.prototype.hasOwnProperty.call(entries, id); });
  }

  function asText(ids) {
    var lines = [wwT("Hier kunt u terecht:"), ""];
    ids.forEach(function (id) {
      var e = entries[id];
      lines.push(e.naam);
      if (e.telefoon) { lines.push(wwT("Bel: {telefoon}", { telefoon: e.telefoon })); }
      e.plekken.forEach(function (p) {
        lines.push(p.precies ? wwT("Adres: {adres}", { adres: p.adres }) :
          wwT("Adres: {adres} (vraag het precieze adres na)", { adres: p.adres }));
        p.tijden.forEach(function (t) { lines.push("  " + t); });
      });
      if (e.meenemen.length) { lines.push(wwT("Neem mee: {spullen}", { spullen: e.meenemen.join(", ") })); }
      lines.push("");
    });
    lines.push(wwT("Vragen over geld? Bel {gemeente}: {telefoon}",
      { gemeente: box.dataset.wwLoket, telefoon: box.dataset.wwLoketTelefoon }));
    return lines.join("\n");
  }

  function render() {
    var ids = chosen();
    list.textContent = "";
    empty.hidden = ids.length > 0;
    ids.forEach(function (id) {
      var e = entries[id];
      var item = el("li", null, "ww-lijstje__item");
      item.appendChild(el("h3", e.naam));
      if (e.telefoon) { item.appendChild(el("p", wwT("Bel: {telefoon}", { telefoon: e.telefoon }), "ww-lijstje__bel")); }
      e.plekken.forEach(function (p) {
        var place = el("p", wwT("Adres: {adres}", { adres: sentence(p.adres) }));
        if (!p.precies) { place.appendChild(el("strong", " " + wwT("Vraag het precieze adres na."))); }
        item.appendChild(place);
        if (p.zonder_afspraak) { item.appendChild(el("p", wwT("U kunt zonder afspraak binnenlopen."))); }
        if (p.tijden.length) {
          var times = el("ul", null, "ww-lijstje__tijden");
          p.tijden.forEach(function (t) { times.appendChild(el("li", t)); });
          item.appendChild(times);
        }
      });
      if (e.meenemen.length) { item.appendChild(el("p", wwT("Neem mee: {spullen}", { spullen: sentence(e.meenemen.join(", ")) }))); }
      var remove = el("button", wwT("Haal {naam} van het lijstje", { naam: e.naam }), "md-button ww-niet-printen");
      remove.type = "button";
      remove.addEventListener("click", function () {
        save(load().filter(function (other) { return other !== id; }));
        render();
      });
      item.appendChild(remove);
      list.appendChild(item);
    });
    var text = asText(ids);
    box.querySelector("[data-ww-lijstje-whatsapp]").href = "https://wa.me/?text=" + encodeURIComponent(text);
    box.querySelector("[data-ww-lijstje-mail]").href =
      "mailto:?subject=" + encodeURIComponent(wwT("Hulp bij geldzorgen in {gemeente}", { gemeente: box.dataset.wwGemeente })) +
      "&body=" + encodeURIComponent(text);
    box.querySelectorAll("[data-ww-lijstje-whatsapp], [data-ww-lijstje-mail], [data-ww-lijstje-print], [data-ww-lijstje-deel]")
      .forEach(function (control) { control.classList.toggle("ww-uit", ids.length === 0); });
  }

  box.querySelector("[data-ww-lijstje-print]").addEventListener("click", function () { window.print(); });
  box.querySelector("[data-ww-lijstje-leeg]").addEventListener("click", function () {
    save([]);
    render();
  });
  var share = box.querySelector("[data-ww-lijstje-deel]");
  if (navigator.share) {  // the phone's own share sheet: SMS, Signal, ...
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ title: wwT("Hier kunt u terecht"), text: asText(chosen()) }).catch(function () {});
    });
  }
  window.addEventListener("storage", render);
  box.hidden = false;
  render();
})();
