/* Wegwijzer: short lists, filters, postcode search, "near me" and "nu open" on list pages.
 *
 * Every list page works without this script: it shows its first twenty cards and links to the
 * next pages. With the script, the first filter, postcode or "Toon meer" fetches the filter
 * index (overzicht/filter.json: facets and a point per card, no text), then only the blocks of
 * card details the screen shows (overzicht/kaartjes/<n>.json, with their opening hours); only
 * "Nu open" fetches today's hours of every location (overzicht/openingstijden/<weekday>.json).
 * Nothing leaves the browser: the postcode table comes from our own site, the position from
 * "Gebruik mijn locatie" and the typed postcode are only used here (never in a query string).
 * Record text is never inserted as HTML: cards are built with textContent and DOM properties.
 */
(function () {
  "use strict";

  var PAGE = 20;
  var FACETS = { fase: "f", doelgroep: "d", rol: "r", taal: "l" };
  var CHECKS = { zonder_afspraak: true, nu_open: true };
  var NEXT_OPENINGS = 3;
  var SCAN_CANDIDATES = 20;
  var STEP_MINUTES = 15;
  var SCAN_DAYS = 8;

  /* ---- data ---------------------------------------------------------------------------- */

  function jsonScript(id, fallback) {
    var script = document.getElementById(id);
    if (!script) return fallback;
    try {
      return JSON.parse(script.textContent);
    } catch (error) {
      return fallback;
    }
  }

  var cache = {};
  function fetchJson(url) {
    if (!cache[url]) {
      cache[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
    }
    return cache[url];
  }

  /* ---- the filter index and the blocks of card details -------------------------------- */

  var FACET_KEYS = ["f", "d", "r", "l"];

  function maskValues(mask, legend) {
    var out = [];
    if (typeof mask !== "number") {
      mask.forEach(function (i) { out.push(legend[i]); });
      return out;
    }
    for (var i = 0; mask > 0 && i < legend.length; i++) {
      if (mask % 2) out.push(legend[i]);
      mask = Math.floor(mask / 2);
    }
    return out;
  }

  /* One small object per card: what the filters and the order read (see listing.py). */
  function decodeIndex(index) {
    var cards = [];
    var places = index.p.length / 2;
    for (var i = 0; i < index.k.length; i++) {
      var letter = index.k.charAt(i);
      var card = { i: i, s: letter === "o" ? "o" : "l", z: letter === "L" ? 1 : 0, o: [], p: [] };
      FACET_KEYS.forEach(function (key) { card[key] = []; });
      if (card.s === "l") {
        card.o = [i];
        if (index.p[2 * i] !== null) {
          card.p = [[(index.p[2 * i] + index.po[0]) / index.ps, (index.p[2 * i + 1] + index.po[1]) / index.ps]];
        }
      }
      if (index.t[i]) card.tt = index.t[i];
      if (index.g && index.g[i]) card.g = index.g[i];  // long closures: [first, last day]
      if (index.w && index.w[i]) card.w = index.w[i];  // "ja": a waiting list; "vol": no new clients
      cards.push(card);
    }
    index.q.forEach(function (numbers, j) {
      var org = cards[places + j];
      org.o = numbers;
      FACET_KEYS.forEach(function (key) { org[key] = maskValues(index[key][j], index[key + "v"]); });
      numbers.forEach(function (n) {
        var place = cards[n];
        org.p = org.p.concat(place.p);
        if (place.z) org.z = 1;
        FACET_KEYS.forEach(function (key) {  // a place offers what its organisations offer
          org[key].forEach(function (value) {
            if (place[key].indexOf(value) < 0) place[key].push(value);
          });
        });
      });
    });
    return cards;
  }

  /* The overview's data: fetched (or, in the referrers' sealed pages, read from the page) on
   * first use; card details and hours arrive per block as cards are shown. */
  function Source(root) {
    this.url = root.getAttribute("data-ww-gegevens");
    this.inline = jsonScript("ww-kaartjes", null);
    this.blocks = {};
    this.loading = null;
    this.hours = null;
  }

  Source.prototype.index = function () {
    var self = this;
    if (!this.loading) {
      var got = this.inline ? Promise.resolve(this.inline.i) : fetchJson(this.url + "filter.json");
      this.loading = got.then(function (index) {
        self.data = {
          kaartjes: decodeIndex(index),
          openingstijden: { feestdagen: index.fd, locaties: {} },
          block: index.b,
        };
        if (self.inline) {
          self.merge(self.inline.c, 0);
          self.addHours(self.inline.u);
          self.complete = true;
        }
        return self.data;
      });
    }
    return this.loading;
  };

  Source.prototype.merge = function (details, from) {
    var cards = this.data.kaartjes;
    details.forEach(function (detail, k) {
      var card = cards[from + k];
      for (var key in detail) card[key] = detail[key];
      card.loaded = true;
    });
  };

  Source.prototype.addHours = function (hours) {
    var all = this.data.openingstijden.locaties;
    for (var key in hours) all[key] = hours[key];
  };

  /* The blocks holding these cards: their names, texts, phone numbers and hours. */
  Source.prototype.details = function (cards) {
    if (this.complete) return Promise.resolve();
    var self = this;
    var size = this.data.block;
    var wanted = {};
    cards.forEach(function (card) {
      if (!card.loaded) wanted[Math.floor(card.i / size)] = true;
    });
    return Promise.all(Object.keys(wanted).map(function (n) {
      if (!self.blocks[n]) {
        self.blocks[n] = fetchJson(self.url + "kaartjes/" + n + ".json").then(function (block) {
          self.merge(block.c, Number(n) * size);
          self.addHours(block.u);
        });
      }
      return self.blocks[n];
    }));
  };

  /* "Nu open" looks at every place: today's hours of all of them, one file per weekday
   * (only what can apply today; the cards' own lines use the full hours of their block). */
  Source.prototype.hoursToday = function (now) {
    var data = this.data;
    if (this.complete) return Promise.resolve(data.openingstijden);
    var day = amsterdamWeekday(now);
    if (!this.hours || this.hoursDay !== day) {
      this.hoursDay = day;
      this.hours = fetchJson(this.url + "openingstijden/" + day + ".json").then(function (today) {
        return { feestdagen: data.openingstijden.feestdagen, locaties: today };
      });
    }
    return this.hours;
  };

  var WEEKDAYS = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

  function amsterdamWeekday(now) {
    var short = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Amsterdam", weekday: "short" });
    return WEEKDAYS[short.format(now)];
  }

  function locationData(all, id) {
    var data = all.locaties[id];
    if (!data) return null;
    var copy = {};
    for (var key in data) copy[key] = data[key];
    copy.feestdagen = all.feestdagen;
    return copy;
  }

  /* ---- matching and order -------------------------------------------------------------- */

  function isOpenNow(card, all, now) {
    var hours = window.wegwijzerOpeningstijden;
    if (!hours) return false;
    return card.o.some(function (id) {
      var data = locationData(all, id);
      return data !== null && hours.isOpenAt(data, now);
    });
  }

  /* A target group keeps the help "voor iedereen", as the static group pages do. */
  function matchesFacet(card, param, value) {
    var values = card[FACETS[param]];
    if (values.indexOf(value) >= 0) return true;
    return param === "doelgroep" && values.indexOf("iedereen") >= 0;
  }

  function matches(card, state, all, now) {
    var hours = window.wegwijzerOpeningstijden;
    if (hours && card.tt && hours.isOver(card.tt)) return false; // past its geldig_tot
    for (var param in FACETS) {
      if (state[param] && !matchesFacet(card, param, state[param])) return false;
    }
    if (state.zonder_afspraak && !card.z) return false;
    if (state.nu_open && !isOpenNow(card, all, now)) return false;
    return true;
  }

  function nearestKm(card, here) {
    var best = Infinity;
    card.p.forEach(function (point) {
      best = Math.min(best, distanceKm(here, point));
    });
    return best;
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

  var LONG_CLOSURE_DAYS = 14;  // as cards.py: closed for longer than this goes down

  /* A chosen target group's tiers, as listing.group_tiers: help made for the group alone
   * (0), help that names it among everyone (1), the rest (2). No group chosen: one tier. */
  function groupTier(card, group) {
    if (!group || group === "iedereen") return 0;
    if (card.d.indexOf(group) < 0) return 2;
    return card.d.indexOf("iedereen") < 0 ? 0 : 1;
  }

  /* Help with a waiting list (or no new clients) after all help that can start now (issue 26);
   * then a group's own help first, as a tier, also by distance (issue 27, item 9); within a
   * tier places before organisations, nearest first when we know where the reader is; a place
   * closed for long last (issue 27). The file's order (by name) breaks ties:
   * one number per card and a stable sort (15,000 cards at national scale). */
  function ordered(cards, state, here) {
    var today = wallParts(new Date()).date;
    var ymd = today.split("-").map(Number);
    var farOff = new Date(Date.UTC(ymd[0], ymd[1] - 1, ymd[2] + LONG_CLOSURE_DAYS)).toISOString().slice(0, 10);
    var keyed = cards.map(function (card) {
      var km = here ? nearestKm(card, here) : 0;
      card.km = here ? km : NaN; // a distance is shown only when we know where the reader is
      var group = (card.w ? 6 : 0) + groupTier(card, state.doelgroep) * 2 + (card.s === "l" ? 0 : 1);
      // closed today and for more than two weeks: after all help that is open or opens soon
      var closedLong = (card.g || []).some(function (c) { return c[0] <= today && c[1] > farOff; });
      if (closedLong) group += 12;
      return { card: card, key: group * 1e6 + Math.min(km, 999999) };
    });
    keyed.sort(function (a, b) {
      return a.key - b.key;
    });
    return keyed.map(function (k) {
      return k.card;
    });
  }

  /* ---- cards --------------------------------------------------------------------------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* A translated sentence with elements in it: wwT("{afstand} van {plaats}") with the
   * distance as a <strong>. Placeholders not in `nodes` were filled in by wwT already. */
  function fill(parent, text, nodes) {
    text.split(/(\{\w+\})/).forEach(function (part) {
      var name = /^\{(\w+)\}$/.exec(part);
      if (name && nodes[name[1]]) parent.appendChild(nodes[name[1]]);
      else if (part) parent.appendChild(document.createTextNode(part));
    });
    return parent;
  }

  var KM = [1, 0].map(function (digits) {
    return new Intl.NumberFormat(window.wwTaal + "-u-nu-latn", {  // digits 0-9 in every language
      minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false,
    });
  });

  function kmText(km) {
    if (km < 0.1) return wwT("minder dan 100 m");
    return wwT("{km} km", { km: (km < 10 ? KM[0] : KM[1]).format(km) });
  }

  // Record text is Dutch as written: on a page in another language it says so (lang, dir),
  // as the templates' `nl` filter does for the cards made by the build.
  function asWritten(node) {
    if ((window.wwTaal || "nl") !== "nl") {
      node.lang = "nl";
      node.dir = "ltr";
    }
    return node;
  }

  // "Ook in het Arabisch, Turks": the build writes it in Dutch; a page in another language
  // names the languages in its own words (Intl.DisplayNames), its own language first.
  function languagesText(card) {
    var own = window.wwTaal || "nl";
    if (own === "nl" || !window.Intl || !Intl.DisplayNames) return card.tl;
    var names = new Intl.DisplayNames([own], { type: "language" });
    var named = (card.l || []).filter(function (code) { return code !== "nl"; }).map(function (code) {
      var name = names.of(code) || code;
      return { code: code, name: name.charAt(0).toLocaleUpperCase(own) + name.slice(1) };
    });
    if (!named.length) return "";
    named.sort(function (a, b) {
      if ((a.code === own) !== (b.code === own)) return a.code === own ? -1 : 1;
      return a.name.localeCompare(b.name, own);
    });
    var separator = wwT(", ");  // "، " in Arabic; a wwT() inside another is not extracted
    return wwT("Ook in het {talen}", { talen: named.map(function (n) { return n.name; }).join(separator) });
  }

  function buildCard(card, root, all, now, from, here) {
    var kind = card.s === "l" ? "locatie" : "organisatie";
    var li = el("li", "ww-kaartje ww-kaartje--" + kind);
    li.setAttribute("data-id", card.id);
    li.setAttribute("data-soort", kind);
    if (card.tt) li.setAttribute("data-ww-tot", card.tt);
    var title = el("h3", "ww-kaartje__naam");
    var link = asWritten(el("a", null, card.n));
    link.href = root + card.u;
    title.appendChild(link);
    li.appendChild(title);
    if (here && card.p.length) card.km = nearestKm(card, here); // the details' exact points
    if (isFinite(card.km) && card.p.length) {
      var distance = el("p", "ww-kaartje__afstand");
      var near = from ? wwT("{afstand} van {plaats}", { plaats: from }) : wwT("{afstand} van u");
      li.appendChild(fill(distance, near, { afstand: el("strong", null, kmText(card.km)) }));
    }
    if (card.st) {
      var status = el("p", "ww-status");
      status.appendChild(el("strong", null, wwT(card.st) + "."));
      if (card.m) status.appendChild(document.createTextNode(" " + card.m));
      li.appendChild(status);
    }
    var own = window.wwTaal || "nl";
    if (card.v && card.v[own]) {  // the organisation's own line in the reader's language
      var line = el("p", "ww-kaartje__tekst ww-eigen-taal", card.v[own]);
      line.lang = own;
      line.dir = document.documentElement.dir || document.body.dir || "ltr";
      li.appendChild(line);
    }
    li.appendChild(asWritten(el("p", "ww-kaartje__tekst", card.t)));
    if (card.h) {
      var helpers = el("p", "ww-kaartje__tekst");
      li.appendChild(fill(helpers, wwT("Hulp van: {organisatie}"), { organisatie: asWritten(el("span", null, card.h)) }));
    }
    var labels = [];
    if (card.z) labels.push([wwT("Zonder afspraak"), "ww-label ww-label--inloop"]);
    if (card.w === "vol") labels.push([wwT("Neemt nu geen nieuwe cliënten aan."), "ww-label ww-label--wachtlijst"]);
    else if (card.w) labels.push([wwT("Er is een wachtlijst."), "ww-label ww-label--wachtlijst"]);
    var languages = languagesText(card);
    if (languages) labels.push([languages, "ww-label"]);
    if (labels.length) {
      var meta = el("p", "ww-kaartje__meta");
      labels.forEach(function (label, i) {  // [text, its classes]
        if (i) meta.appendChild(document.createTextNode(" "));
        meta.appendChild(el("span", label[1], label[0]));
      });
      li.appendChild(meta);
    }
    if (card.s === "l" && !card.st) {  // a closed place's card says so; no live line
      var data = locationData(all, card.o[0]);
      var hours = window.wegwijzerOpeningstijden;
      var line = data && hours ? hours.statusAt(data, now) : "";
      if (line) li.appendChild(el("p", "ww-nu-open", line));
    }
    if (card.b) {
      var call = el("p", "ww-kaartje__bel");
      call.appendChild(callLink(card.b, card.bt));
      var reach = card.bu && window.wegwijzerOpeningstijden ?
        window.wegwijzerOpeningstijden.phoneStatus(card.bu, now) : null;
      if (reach) {
        call.appendChild(document.createTextNode(" "));
        call.appendChild(el("span", "ww-bereikbaar", reach));
      }
      li.appendChild(call);
    }
    (card.dl || []).forEach(function (line) {  // the referrers' edition only: direct lines
      var direct = el("p", "ww-kaartje__direct");
      direct.appendChild(el("span", "ww-label", wwT("Alleen voor verwijzers")));
      direct.appendChild(document.createTextNode(" " + line.n));
      [[wwT("Telefoon:") + " ", line.t, line.tu], [wwT("E-mail:") + " ", line.e, line.eu]].forEach(function (part) {
        if (!part[1]) return;
        direct.appendChild(el("br"));
        direct.appendChild(document.createTextNode(part[0]));
        var a = el("a", null, part[1]);
        a.href = part[2];
        direct.appendChild(a);
      });
      li.appendChild(direct);
    });
    return li;
  }

  /* ---- "never a dead end": the next opening, the loket, one choice less ---------------- */

  function wallParts(instant) {
    var parts = {};
    new Intl.DateTimeFormat("nl-NL", {
      timeZone: "Europe/Amsterdam",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      weekday: "long",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .forEach(function (p) {
        parts[p.type] = p.value;
      });
    parts.date = parts.year + "-" + parts.month + "-" + parts.day;
    return parts;
  }

  /* The first minute a location is open from now on: 15-minute steps, then to the minute. */
  function nextOpening(data, now) {
    var hours = window.wegwijzerOpeningstijden;
    var step = STEP_MINUTES * 60000;
    var limit = (SCAN_DAYS * 24 * 60) / STEP_MINUTES;
    if (hours.isOpenAt(data, now)) return now;
    for (var i = 1; i <= limit; i++) {
      var at = new Date(now.getTime() + i * step);
      if (hours.isOpenAt(data, at)) {
        var low = at.getTime() - step;
        var high = at.getTime();
        while (high - low > 60000) {
          var mid = low + Math.floor((high - low) / 120000) * 60000;
          if (mid <= low) mid = low + 60000;
          if (hours.isOpenAt(data, new Date(mid))) high = mid;
          else low = mid;
        }
        return new Date(high);
      }
    }
    return null;
  }

  var WEEKDAY = new Intl.DateTimeFormat(window.wwTaal, { timeZone: "Europe/Amsterdam", weekday: "long" });

  function whenText(at, now) {
    if (at.getTime() <= now.getTime()) return wwT("Nu open");
    var then = wallParts(at);
    var time = then.hour + ":" + then.minute;
    if (then.date === wallParts(now).date) return wwT("Vandaag {tijd}", { tijd: time });
    if (then.date === wallParts(new Date(now.getTime() + 24 * 3600000)).date) {
      return wwT("Morgen {tijd}", { tijd: time });
    }
    var day = WEEKDAY.format(at);
    return wwT("{dag} {tijd}", { dag: day.charAt(0).toUpperCase() + day.slice(1), tijd: time });
  }

  function nextOpenings(cards, all, now) {
    if (!window.wegwijzerOpeningstijden) return [];
    var found = [];
    cards.forEach(function (card) {
      var data = locationData(all, card.o[0]);
      var at = data && data.spreekuren && data.spreekuren.length ? nextOpening(data, now) : null;
      if (at) found.push({ card: card, at: at });
    });
    found.sort(function (a, b) {  // help that can take someone on first (issue 26)
      return (a.card.w ? 1 : 0) - (b.card.w ? 1 : 0) || a.at - b.at || (a.card.km || 0) - (b.card.km || 0);
    });
    return found.slice(0, NEXT_OPENINGS);
  }

  /* A phone number, postcode or time inside a sentence: isolated left to right, so an
   * Arabic page shows "14 020" and never "020 14" (issue 27). */
  function ltr(text) {
    var node = el("bdi", null, text);
    node.dir = "ltr";
    return node;
  }

  /* "Bel 14 020" (or the bare number) as a link, the number isolated left to right. */
  function callLink(href, number, bare) {
    var link = el("a", "ww-bel-link");
    // One box inside the link: it is a flex box, which would drop the space in "Bel 14 020"
    // between the words and the number's <bdi>.
    var inner = link.appendChild(el("span"));
    if (bare) inner.appendChild(ltr(number));
    else fill(inner, wwT("Bel {telefoon}"), { telefoon: ltr(number) });
    link.href = href;
    return link;
  }

  /* ---- the overview -------------------------------------------------------------------- */

  function Overview(root, form) {
    this.root = root;
    this.form = form;
    this.base = root.getAttribute("data-ww-root") || "";
    this.list = root.querySelector("[data-ww-lijst]");
    this.status = document.getElementById("ww-resultaat");
    this.count = root.querySelector("[data-ww-aantal-tekst]");
    this.more = root.querySelector("[data-ww-meer]");
    this.empty = root.querySelector("[data-ww-geen]");
    this.paging = root.querySelector("[data-ww-paginering]");
    this.loket = jsonScript("ww-loket", null);
    this.fixed = {};
    var vast = root.getAttribute("data-ww-vast");
    if (vast) this.fixed[vast.split("=")[0]] = vast.split("=")[1];
    this.order = [];
    this.here = null;
    this.hereName = "";
    this.matches = [];
    this.shown = this.list ? this.list.children.length : 0; // the static page's cards
    this.source = new Source(root);
  }

  Overview.prototype.state = function () {
    var state = {};
    var form = this.form;
    for (var param in FACETS) {
      state[param] = this.fixed[param] || (form ? form.elements[param].value : "");
    }
    for (var check in CHECKS) state[check] = form ? form.elements[check].checked : false;
    return state;
  };

  /* The filter index; with "Nu open", also today's hours of every place (data.vandaag). */
  Overview.prototype.data = function (openNow) {
    var source = this.source;
    return source.index().then(function (data) {
      if (!openNow) return data;
      return source.hoursToday(new Date()).then(function (today) {
        data.vandaag = today;
        return data;
      });
    });
  };

  /* Filter every card, render the first page (or as many as were shown), say how many. */
  Overview.prototype.apply = function (keep) {
    var self = this;
    var state = self.state();
    return this.data(state.nu_open).then(function (data) {
      var now = new Date();
      self.all = data.openingstijden;
      var open = state.nu_open && data.vandaag ? data.vandaag : data.openingstijden;
      var found = data.kaartjes.filter(function (card) {
        return matches(card, state, open, now);
      });
      self.matches = ordered(found, state, self.here);
      var upTo = keep ? Math.max(self.shown, PAGE) : PAGE;
      var scan = self.matches.length ? [] : self.openingCandidates(state, data, now);
      return self.source.details(self.matches.slice(0, upTo).concat(scan)).then(function () {
        self.render(upTo, now);
        self.loaded = true; // the cards on screen come from the data now
        self.announce(state, data, now, scan);
        if (self.form) self.remember(state);
      });
    });
  };

  Overview.prototype.render = function (upTo, now) {
    var fragment = document.createDocumentFragment();
    var end = Math.min(upTo, this.matches.length);
    for (var i = 0; i < end; i++) {
      var card = buildCard(this.matches[i], this.base, this.all, now, this.hereName, this.here);
      fragment.appendChild(card);
    }
    this.list.replaceChildren(fragment);
    this.shown = end;
    this.more.hidden = end >= this.matches.length;
    if (this.paging) this.paging.hidden = true; // the button pages on now; the links would repeat
  };

  Overview.prototype.showMore = function () {
    var self = this;
    var from = this.shown;
    var load = this.loaded ? Promise.resolve() : this.apply(false);
    load.then(function () {
      return self.source.details(self.matches.slice(from, from + PAGE));
    }).then(function () {
      self.render(from + PAGE, new Date());
      var first = self.list.children[from];
      var link = first ? first.querySelector("a") : null;
      if (link) link.focus();
      if (self.count) self.count.textContent = self.countText();
    });
  };

  /* One whole sentence per case for the translations; one result is never cut short. */
  Overview.prototype.countText = function () {
    var n = this.matches.length;
    var values = { n: n, plaats: this.hereName, getoond: this.shown };
    if (n === 0) return wwT("Geen resultaten met deze keuzes.");
    if (n === 1) {
      if (!this.here) return wwT("1 resultaat.");
      return this.hereName ? wwT("1 resultaat, het dichtst bij {plaats} bovenaan.", values) :
        wwT("1 resultaat, het dichtst bij u bovenaan.");
    }
    if (n > this.shown) {
      if (!this.here) return wwT("{n} resultaten; u ziet er {getoond}.", values);
      return this.hereName ? wwT("{n} resultaten, het dichtst bij {plaats} bovenaan; u ziet er {getoond}.", values) :
        wwT("{n} resultaten, het dichtst bij u bovenaan; u ziet er {getoond}.", values);
    }
    if (!this.here) return wwT("{n} resultaten.", values);
    return this.hereName ? wwT("{n} resultaten, het dichtst bij {plaats} bovenaan.", values) :
      wwT("{n} resultaten, het dichtst bij u bovenaan.", values);
  };

  Overview.prototype.announce = function (state, data, now, scan) {
    var text = this.countText();
    if (this.count) this.count.textContent = text;
    if (this.status) this.status.textContent = text;
    this.deadEnd(state, now, scan);
  };

  /* Nothing found: what opens next, the municipality's number, and one choice less. */
  Overview.prototype.deadEnd = function (state, now, scan) {
    var box = this.empty;
    box.replaceChildren();
    box.hidden = this.matches.length > 0;
    if (!box.hidden) {
      box.appendChild(el("h3", null, state.nu_open ? wwT("Nu is er niets open") : wwT("Niets gevonden met deze keuzes")));
      this.nextOpen(box, scan, now);
      if (this.loket) {
        var line = el("p", null, wwT("U kunt ook de gemeente bellen: {gemeente}.", { gemeente: this.loket.naam }) + " ");
        line.appendChild(callLink(this.loket.tel, this.loket.telefoon));
        box.appendChild(line);
      }
      this.relaxButton(box);
    }
  };

  /* The places to look at for "what opens next": the same choices without "Nu open". */
  Overview.prototype.openingCandidates = function (state, data, now) {
    var looser = {};
    for (var key in state) looser[key] = state[key];
    looser.nu_open = false;
    var candidates = data.kaartjes.filter(function (card) {
      return matches(card, looser, data.openingstijden, now);
    });
    if (!candidates.some(function (c) { return c.s === "l"; })) candidates = data.kaartjes;
    return ordered(candidates, looser, this.here)
      .filter(function (card) { return card.s === "l"; })
      .slice(0, SCAN_CANDIDATES);
  };

  Overview.prototype.nextOpen = function (box, scan, now) {
    var soon = nextOpenings(scan, this.all, now);
    if (!soon.length) return;
    var openNow = soon[0].at.getTime() <= now.getTime();
    box.appendChild(el("p", null, openNow ? wwT("Hier kunt u nu of het eerst terecht:") : wwT("Dit gaat het eerst weer open:")));
    var list = el("ul", "ww-volgende");
    var base = this.base;
    soon.forEach(function (item) {
      var li = el("li");
      var text = whenText(item.at, now) + ", ";
      li.appendChild(document.createTextNode(text));
      var link = el("a", null, item.card.n);
      link.href = base + item.card.u;
      li.appendChild(link);
      if (item.card.km) li.appendChild(document.createTextNode(", " + kmText(item.card.km)));
      if (item.card.b) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(callLink(item.card.b, item.card.bt));
      }
      list.appendChild(li);
    });
    box.appendChild(list);
  };

  Overview.prototype.relaxButton = function (box) {
    var self = this;
    var last = this.lastChoice();
    if (!last) return;
    var button = el("button", "md-button md-button--primary", wwT("Haal de laatste keuze weg: {keuze}", { keuze: last.label }));
    button.type = "button";
    button.addEventListener("click", function () {
      self.clear(last.name);
      self.apply(false).then(function () {
        var first = self.list.querySelector("a");
        if (first) first.focus();
      });
    });
    box.appendChild(button);
  };

  Overview.prototype.lastChoice = function () {
    var form = this.form;
    if (!form) return null;
    for (var i = this.order.length - 1; i >= 0; i--) {
      var name = this.order[i];
      var field = form.elements[name];
      if (name === "postcode" && this.here) {
        var label = this.hereName ? wwT("dichtbij {plaats}", { plaats: this.hereName }) : wwT("dichtbij u");
        return { name: name, label: label };
      }
      if (field && field.type === "checkbox" && field.checked) {
        return { name: name, label: field.parentNode.textContent.trim().toLowerCase() };
      }
      if (field && field.tagName === "SELECT" && field.value) {
        return { name: name, label: field.options[field.selectedIndex].text };
      }
    }
    return null;
  };

  Overview.prototype.clear = function (name) {
    var field = this.form.elements[name];
    if (name === "postcode") {
      this.here = null;
      field.value = "";
    } else if (field.type === "checkbox") field.checked = false;
    else field.value = "";
    this.order = this.order.filter(function (n) {
      return n !== name;
    });
  };

  Overview.prototype.choose = function (name) {
    this.order = this.order.filter(function (n) {
      return n !== name;
    });
    this.order.push(name);
  };

  Overview.prototype.remember = function (state) {
    var params = new URLSearchParams();
    for (var param in FACETS) if (state[param]) params.set(param, state[param]);
    for (var check in CHECKS) if (state[check]) params.set(check, "1");
    var query = params.toString();
    // The postcode stays out of the query string: a reload would send it to the host.
    var hash = this.here && this.form.elements.postcode.value ? "#postcode=" + encodeURIComponent(this.form.elements.postcode.value.trim()) : "";
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + hash);
  };

  /* ---- postcode and "near me" ---------------------------------------------------------- */

  var POSTCODE = /^\s*(\d{4})\s*([a-zA-Z]{2})?\s*$/;

  /* Forgiving: "3817 ab voorbeeldstad", "3817AB", " Voorbeeldstad, " and a place name with one
   * letter wrong ("buurdrop") are found (issue 27, item 7). A postcode we know wins; an unknown
   * one with a known place name after it finds the place. */
  var POSTCODE_IN = /(^|[^\d])(\d{4})(?!\d)\s*([a-zA-Z]{2}(?![a-zA-Z]))?/;

  function placeName(text) {
    return text.toLowerCase().replace(/[.,;:\/()-]+/g, " ").replace(/\s+/g, " ").trim();
  }

  function editDistance(a, b) {
    var row = [];
    for (var j = 0; j <= b.length; j++) row.push(j);
    for (var i = 1; i <= a.length; i++) {
      var diagonal = row[0];
      row[0] = i;
      for (var k = 1; k <= b.length; k++) {
        var above = row[k];
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, diagonal + (a.charAt(i - 1) === b.charAt(k - 1) ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length];
  }

  function findName(table, typed) {
    var name = placeName(typed);
    if (!name) return null;
    if (table.plaatsen[name]) return { point: table.plaatsen[name], name: typed.trim() };
    var best = null;
    Object.keys(table.plaatsen).forEach(function (known) {
      var allowed = known.length >= 8 ? 2 : known.length >= 5 ? 1 : 0;
      var distance = editDistance(name, known);
      if (distance <= allowed && (!best || distance < best.distance)) best = { known: known, distance: distance };
    });
    if (!best) return null;
    return { point: table.plaatsen[best.known], name: best.known.charAt(0).toUpperCase() + best.known.slice(1) };
  }

  function findPlace(table, typed) {
    var match = POSTCODE_IN.exec(typed);
    if (match) {
      if (table.pc[match[2]]) return { point: table.pc[match[2]], name: match[2] };
      var rest = typed.replace(match[0], match[1]);
      return placeName(rest) ? findName(table, rest) : null;
    }
    return findName(table, typed);
  }

  /* A postcode not in the table: the known one nearest in number in the same region (its
   * first two digits), as Dutch postcodes count up across the country: "3825" finds 3822's
   * places (issue 27, item 7). None in that region: null, and the reader is asked. */
  function nearestPostcode(table, typed) {
    var match = POSTCODE_IN.exec(typed);
    if (!match) return null;
    var wanted = Number(match[2]);
    var best = null;
    Object.keys(table.pc).forEach(function (known) {
      if (known.slice(0, 2) !== match[2].slice(0, 2)) return;
      var gap = Math.abs(Number(known) - wanted);
      if (!best || gap < best.gap || (gap === best.gap && known < best.known)) best = { known: known, gap: gap };
    });
    return best ? { point: table.pc[best.known], name: best.known, typed: match[2] } : null;
  }

  /* "Deze postcode kennen we niet. U ziet de hulp bij postcode 3822 ...": not an error, the
   * results are there; the numbers isolated left to right for Arabic. */
  function nearbyInstead(note, place) {
    note.replaceChildren();
    note.classList.add("ww-fout--anders");
    fill(note, wwT("Postcode {getypt} kennen we niet. U ziet de hulp bij postcode {postcode}: die ligt er het dichtst bij."), {
      getypt: ltr(place.typed), postcode: ltr(place.name),
    });
    note.hidden = false;
  }

  /* "Deze postcode kennen we niet. Probeer een plaatsnaam of bel ...", with the number to tap. */
  function unknownPlace(error, typed, loket) {
    var text = POSTCODE.test(typed) ? wwT("Deze postcode kennen we niet.") : wwT("Deze plaats kennen we niet.");
    error.classList.remove("ww-fout--anders");
    error.replaceChildren(document.createTextNode(text + " "));
    if (loket) {
      var next = wwT("Probeer een plaatsnaam of bel {gemeente}: {telefoon}.", { gemeente: loket.naam });
      fill(error, next, { telefoon: callLink(loket.tel, loket.telefoon, true) });
    } else {
      error.appendChild(document.createTextNode(wwT("Probeer een plaatsnaam.")));
    }
    error.hidden = false;
  }

  Overview.prototype.searchPostcode = function () {
    var self = this;
    var field = this.form.elements.postcode;
    var error = this.root.querySelector("[data-ww-postcode-fout]");
    var typed = field.value;
    if (!typed.trim()) {
      this.here = null;
      error.hidden = true;
      field.removeAttribute("aria-invalid");
      return this.apply(false);
    }
    return fetchJson(this.root.getAttribute("data-ww-postcodes")).then(function (table) {
      var place = findPlace(table, typed);
      var instead = place ? null : nearestPostcode(table, typed);
      if (instead) {
        field.removeAttribute("aria-invalid");
        nearbyInstead(error, instead);
        self.here = instead.point;
        self.hereName = instead.name;
        self.choose("postcode");
        return self.apply(false).then(function () {
          if (!self.count) return;  // and above the results, where Start's box lands
          var count = self.count.textContent;
          nearbyInstead(self.count, instead);
          self.count.appendChild(document.createTextNode(" " + count));
          if (self.status) self.status.textContent = self.count.textContent;
        });
      }
      if (!place) {
        unknownPlace(error, typed, self.loket);
        field.setAttribute("aria-invalid", "true");
        if (self.status) self.status.textContent = error.textContent;
        field.focus();
        return null;
      }
      error.hidden = true;
      field.removeAttribute("aria-invalid");
      self.here = place.point;
      self.hereName = place.name;
      self.choose("postcode");
      return self.apply(false);
    });
  };

  Overview.prototype.nearMe = function (button) {
    var self = this;
    if (!("geolocation" in navigator)) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      self.status.textContent = wwT("Uw locatie wordt opgevraagd. Die blijft op uw telefoon of computer.");
      navigator.geolocation.getCurrentPosition(
        function (position) {
          self.here = [position.coords.latitude, position.coords.longitude];
          self.hereName = ""; // the reader: "het dichtst bij u"
          self.choose("postcode");
          self.apply(false).then(function () {
            self.status.textContent = wwT("De lijst staat nu op afstand: {resultaten}", { resultaten: self.countText() });
          });
        },
        function () {
          self.status.textContent =
            wwT("Uw locatie is niet gevonden. Typ uw postcode, of gebruik de kaart.");
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
      );
    });
    if (window.location.hash === "#dichtbij") button.focus();
  };

  /* ---- set-up -------------------------------------------------------------------------- */

  function writeForm(form, params) {
    for (var param in FACETS) {
      var select = form.elements[param];
      var wanted = params.get(param) || "";
      var known = Array.prototype.some.call(select.options, function (o) {
        return o.value === wanted;
      });
      select.value = known ? wanted : "";
    }
    for (var check in CHECKS) form.elements[check].checked = params.get(check) === "1";
  }

  function hashPostcode() {
    var match = /^#postcode=(.*)$/.exec(window.location.hash);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function setUpForm(overview, form) {
    document.querySelectorAll("[data-ww-zonder-script]").forEach(function (nav) {
      nav.hidden = true; // one way to choose: the form
    });
    form.hidden = false;
    var params = new URLSearchParams(window.location.search);
    writeForm(form, params);
    params.forEach(function (value, name) {
      if (form.elements[name]) overview.choose(name);
    });
    form.addEventListener("change", function (event) {
      if (event.target.name === "postcode") return; // the postcode waits for its button
      overview.choose(event.target.name);
      overview.apply(false);
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        overview.here = null;
        overview.order = [];
        form.querySelector("[data-ww-postcode-fout]").hidden = true;
        overview.apply(false);
      }, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      overview.searchPostcode().then(function (done) {
        if (done === null) return;
        var first = overview.list.querySelector("a");
        if (first && event.submitter && event.submitter.type === "submit") first.focus();
      });
    });
    overview.nearMe(form.querySelector("[data-ww-dichtbij]"));
    var postcode = hashPostcode();
    if (postcode) {  // from Start's postcode box: land on the results, not on the form
      form.elements.postcode.value = postcode;
      overview.searchPostcode().then(function (done) {
        if (done !== null) landOnResults(overview.root);
      });
    } else if (window.location.search) {
      overview.apply(false);
    }
  }

  /* The results' heading at the top of the screen, with the focus on it, so a screen reader
   * starts there and the first card is in sight (issue 27, item 7). */
  function landOnResults(root) {
    var heading = root.querySelector("#ww-resultaten-titel");
    if (!heading) return;
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "start" });
  }

  function showOpenNow(all) {
    var hours = window.wegwijzerOpeningstijden;
    if (!hours) return;
    var now = new Date();
    document.querySelectorAll("[data-ww-locatie]").forEach(function (el) {
      var data = locationData(all, el.getAttribute("data-ww-locatie"));
      if (data === null) return;
      el.textContent = hours.statusAt(data, now);
      el.hidden = !el.textContent;  // no hours known: the card's own text says so
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

  /* A postcode box elsewhere (Start, the map page) hands over in the hash, not the query. */
  function setUpPostcodeLinks() {
    document.querySelectorAll("form[data-ww-naar-overzicht]").forEach(function (form) {
      form.hidden = false;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var typed = form.elements.postcode.value.trim();
        var openWalkIn = form.elements.nu_binnen && form.elements.nu_binnen.checked;  // Start's box
        window.location.href = form.getAttribute("action") + (openWalkIn ? "?zonder_afspraak=1&nu_open=1" : "") +
          (typed ? "#postcode=" + encodeURIComponent(typed) : "");
      });
    });
  }

  /* ---- the map page: the same filters, the postcode box and "near me" on the map --------- */

  function mapKeeps(form, holidays) {
    var fase = form.elements.fase.value;
    var group = form.elements.doelgroep.value;
    var walkIn = form.elements.zonder_afspraak.checked;
    var openNow = form.elements.nu_open.checked;
    var hours = window.wegwijzerOpeningstijden;
    var now = new Date();
    return function (feature) {
      var p = feature.properties;
      if (fase && (p.fases || []).indexOf(fase) < 0) return false;
      var groups = p.doelgroepen || [];
      if (group && groups.indexOf(group) < 0 && groups.indexOf("iedereen") < 0) return false;
      if (walkIn && !p.zonder_afspraak) return false;
      if (openNow) {
        var data = {};
        for (var key in p.open) data[key] = p.open[key];
        data.feestdagen = holidays || {};
        if (!hours || !hours.isOpenAt(data, now)) return false;
      }
      return true;
    };
  }

  function setUpMapPage(page) {
    var frame = page.querySelector("[data-ww-kaart]");
    var form = document.getElementById("ww-kaart-zoek");
    var status = page.querySelector("[data-ww-kaart-status]");
    var error = page.querySelector("[data-ww-postcode-fout]");
    var loket = jsonScript("ww-loket", null);
    page.querySelectorAll("[data-ww-zonder-script]").forEach(function (note) {
      note.hidden = true;
    });
    frame.hidden = false;
    form.hidden = false;
    /* The map loads when it comes into view or when the reader starts on the form, not on
     * arrival: on a phone it is below the fold, and its scripts are most of the page. */
    function loadMap() {
      if (!frame.getAttribute("src")) frame.setAttribute("src", frame.getAttribute("data-ww-src"));
    }
    if ("IntersectionObserver" in window) {
      var seen = new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          loadMap();
          seen.disconnect();
        }
      });
      seen.observe(frame);
    } else {
      loadMap();
    }
    form.addEventListener("focusin", loadMap);
    function map() {
      return frame.contentWindow && frame.contentWindow.wegwijzerKaart;
    }
    /* The map document may still be loading when the reader is quicker: wait for it. */
    function whenMap(callback, tries) {
      if (map()) callback(map());
      else if ((tries || 0) < 100) window.setTimeout(function () { whenMap(callback, (tries || 0) + 1); }, 100);
    }
    form.addEventListener("change", function (event) {
      if (event.target.name === "postcode" || !map()) return;
      var keep = mapKeeps(form, map().feestdagen);
      map().filter(keep);
      var n = map().features.filter(keep).length;
      status.textContent = n === 1 ? wwT("1 plek op de kaart.") : wwT("{n} plekken op de kaart.", { n: n });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var typed = form.elements.postcode.value;
      fetchJson(page.getAttribute("data-ww-postcodes")).then(function (table) {
        var place = findPlace(table, typed);
        var instead = place ? null : nearestPostcode(table, typed);
        if (instead) {
          nearbyInstead(error, instead);
          place = instead;
        } else if (!place) {
          unknownPlace(error, typed, loket);
          form.elements.postcode.setAttribute("aria-invalid", "true");
          return;
        }
        error.hidden = !instead;
        form.elements.postcode.removeAttribute("aria-invalid");
        whenMap(function (kaart) {
          kaart.goTo(place.point[0], place.point[1], wwT("Postcode {postcode}", { postcode: place.name }));
          status.textContent = wwT("De kaart staat nu bij {plaats}.", { plaats: place.name });
        });
      });
    });
    var button = form.querySelector("[data-ww-dichtbij]");
    if ("geolocation" in navigator) {
      button.hidden = false;
      button.addEventListener("click", function () {
        status.textContent = wwT("Uw locatie wordt opgevraagd. Die blijft op uw telefoon of computer.");
        navigator.geolocation.getCurrentPosition(
          function (position) {
            whenMap(function (kaart) {
              kaart.goTo(position.coords.latitude, position.coords.longitude, wwT("U bent hier"));
              status.textContent = wwT("De kaart staat nu bij u in de buurt.");
            });
          },
          function () {
            status.textContent = wwT("Uw locatie is niet gevonden. Typ uw postcode.");
          },
          { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
        );
      });
    }
  }

  function init() {
    setUpPrintButtons();
    setUpPostcodeLinks();
    var mapPage = document.querySelector("[data-ww-kaartpagina]");
    if (mapPage) setUpMapPage(mapPage);
    showOpenNow(jsonScript("ww-openingstijden", { feestdagen: {}, locaties: {} }));
    var root = document.querySelector("[data-ww-overzicht]");
    if (!root || !root.querySelector("[data-ww-lijst]")) return;
    var form = document.getElementById("ww-filters");
    var overview = new Overview(root, form);
    if (overview.paging && overview.more) {
      overview.more.hidden = false;
      overview.more.addEventListener("click", function () {
        overview.showMore();
      });
    }
    if (form) setUpForm(overview, form);
    window.wegwijzerOverzicht = overview; // for tests and the curious
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
