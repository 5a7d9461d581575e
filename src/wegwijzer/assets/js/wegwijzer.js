/* Wegwijzer: filters, "nu open" and "near me" on the overview page.
 *
 * The page works without this script (static pages per phase and target group are linked).
 * Nothing leaves the browser: the position from "Gebruik mijn locatie" is only used here.
 * Record text is never inserted as HTML; only textContent, hidden and element order change.
 */
(function () {
  "use strict";

  var FACETS = { fase: "fases", doelgroep: "doelgroepen", rol: "rollen", taal: "talen" };

  function tokens(card, name) {
    var value = card.getAttribute("data-" + name) || "";
    return value ? value.split(" ") : [];
  }

  function openingData() {
    var script = document.getElementById("ww-openingstijden");
    return script ? JSON.parse(script.textContent) : { feestdagen: {}, locaties: {} };
  }

  function locationData(all, id) {
    var data = all.locaties[id];
    if (!data) return null;
    var copy = {};
    for (var key in data) copy[key] = data[key];
    copy.feestdagen = all.feestdagen;
    return copy;
  }

  function isOpenNow(card, all, now) {
    var hours = window.wegwijzerOpeningstijden;
    if (!hours) return false;
    return tokens(card, "locaties").some(function (id) {
      var data = locationData(all, id);
      return data !== null && hours.isOpenAt(data, now);
    });
  }

  function matches(card, state, all, now) {
    var hours = window.wegwijzerOpeningstijden;
    if (hours && hours.isOver(card)) return false; // a location past its geldig_tot
    for (var param in FACETS) {
      if (state[param] && tokens(card, FACETS[param]).indexOf(state[param]) < 0) return false;
    }
    if (state.zonder_afspraak && card.getAttribute("data-zonder-afspraak") !== "ja") return false;
    if (state.nu_open && !isOpenNow(card, all, now)) return false;
    return true;
  }

  function readForm(form) {
    var state = {};
    for (var param in FACETS) state[param] = form.elements[param].value;
    state.zonder_afspraak = form.elements.zonder_afspraak.checked;
    state.nu_open = form.elements.nu_open.checked;
    return state;
  }

  function writeForm(form, params) {
    for (var param in FACETS) {
      var select = form.elements[param];
      var wanted = params.get(param) || "";
      var known = Array.prototype.some.call(select.options, function (o) {
        return o.value === wanted;
      });
      select.value = known ? wanted : "";
    }
    form.elements.zonder_afspraak.checked = params.get("zonder_afspraak") === "1";
    form.elements.nu_open.checked = params.get("nu_open") === "1";
  }

  function stateToQuery(state) {
    var params = new URLSearchParams();
    for (var param in FACETS) if (state[param]) params.set(param, state[param]);
    if (state.zonder_afspraak) params.set("zonder_afspraak", "1");
    if (state.nu_open) params.set("nu_open", "1");
    var query = params.toString();
    return query ? "?" + query : "";
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  function apply(form, status, all) {
    var state = readForm(form);
    var now = new Date();
    var counts = { organisatie: 0, locatie: 0 };
    document.querySelectorAll(".ww-kaartje").forEach(function (card) {
      var show = matches(card, state, all, now);
      card.hidden = !show;
      if (show) counts[card.getAttribute("data-soort")] += 1;
    });
    document.querySelectorAll("[data-ww-aantal]").forEach(function (el) {
      el.textContent = "(" + counts[el.getAttribute("data-ww-aantal")] + ")";
    });
    status.textContent =
      plural(counts.organisatie, "organisatie", "organisaties") +
      " en " +
      plural(counts.locatie, "plek", "plekken") +
      " gevonden.";
    var url = window.location.pathname + stateToQuery(state) + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function distanceKm(a, b) {
    var rad = Math.PI / 180;
    var dLat = (b[0] - a[0]) * rad;
    var dLon = (b[1] - a[1]) * rad;
    var h =
      Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 12742 * Math.asin(Math.sqrt(h));
  }

  function nearest(card, here) {
    var best = Infinity;
    tokens(card, "punten").forEach(function (pair) {
      var parts = pair.split(",").map(Number);
      best = Math.min(best, distanceKm(here, parts));
    });
    return best;
  }

  function sortByDistance(here, status) {
    document.querySelectorAll("[data-ww-lijst]").forEach(function (list) {
      var cards = Array.prototype.slice.call(list.children);
      cards.forEach(function (card) {
        card.wwAfstand = nearest(card, here);
        var label = card.querySelector(".ww-afstand");
        if (label && isFinite(card.wwAfstand)) {
          label.textContent = card.wwAfstand.toFixed(1).replace(".", ",") + " km";
          label.hidden = false;
        }
      });
      cards.sort(function (a, b) {
        return a.wwAfstand - b.wwAfstand;
      });
      cards.forEach(function (card) {
        list.appendChild(card);
      });
    });
    status.textContent = "De lijst staat nu op afstand: wat het dichtst bij is, staat bovenaan.";
  }

  function setUpNearMe(button, status) {
    if (!("geolocation" in navigator)) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "Uw locatie wordt opgevraagd. Die blijft op uw telefoon of computer.";
      navigator.geolocation.getCurrentPosition(
        function (position) {
          sortByDistance([position.coords.latitude, position.coords.longitude], status);
        },
        function () {
          status.textContent = "Uw locatie is niet gevonden. U kunt de kaart gebruiken.";
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
      );
    });
    if (window.location.hash === "#dichtbij") button.focus();
  }

  function showOpenNow(all) {
    var hours = window.wegwijzerOpeningstijden;
    if (!hours) return;
    var now = new Date();
    document.querySelectorAll("[data-ww-locatie]").forEach(function (el) {
      var data = locationData(all, el.getAttribute("data-ww-locatie"));
      if (data === null) return;
      el.textContent = hours.statusAt(data, now);
      el.hidden = false;
    });
  }

  function setUpPrintButtons() {
    document.querySelectorAll("[data-ww-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  function init() {
    setUpPrintButtons();
    var form = document.getElementById("ww-filters");
    var all = openingData();
    showOpenNow(all);
    if (!form) return;
    var status = document.getElementById("ww-resultaat");
    form.hidden = false;
    writeForm(form, new URLSearchParams(window.location.search));
    form.addEventListener("change", function () {
      apply(form, status, all);
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        apply(form, status, all);
      }, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    setUpNearMe(form.querySelector("[data-ww-dichtbij]"), status);
    if (window.location.search) apply(form, status, all);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
