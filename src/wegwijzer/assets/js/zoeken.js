// Search over our own index in pieces (see wegwijzer/site/search.py), fetched only when the
// reader types: first zoeken/index.json (everyday words, the list of word files), then only the
// word files the query needs, then only the blocks that hold the results shown.
//
// The form (theme/partials/search.html) says where things are:
//   data-ww-zoek-index  the folder of the index (zoeken/), relative to this page;
//   data-ww-zoek-root   what every result's URL is put after: the site's root relative to this
//                       page. A page in another language may point it at its language folder
//                       ('../en/'), so results open in the reader's language;
//   data-ww-zoek-site   then the site's root, for the pages listed in
//   data-ww-zoek-nl     (space-separated URLs): pages only the Dutch site has.
(function () {
  "use strict";
  var form = document.getElementById("ww-zoeken");
  if (!form) return;
  var input = document.getElementById("ww-zoekvraag");
  var list = document.getElementById("ww-zoekresultaten");
  var status = document.getElementById("ww-zoekstatus");
  var help = document.getElementById("ww-zoekhulp"); // the way on when nothing is found
  var folder = form.getAttribute("data-ww-zoek-index") || "zoeken/";
  var root = form.getAttribute("data-ww-zoek-root") || "";
  var siteRoot = form.getAttribute("data-ww-zoek-site") || root;
  var dutchOnly = (form.getAttribute("data-ww-zoek-nl") || "").split(" ");
  var MAX = 20;
  var MIN_INFIX = 5; // a query word this long also matches inside a compound word
  var files = {};
  var has = Object.prototype.hasOwnProperty;
  var asked = 0; // the newest query: an older answer that arrives later is not shown

  function get(path) {
    if (!files[path]) {
      files[path] = fetch(folder + path)
        .then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        })
        .then(function (data) {
          // The referrers' edition seals every file like its pages: open it with the tab's key.
          var slot = window.wegwijzerSlot;
          return slot && slot.isSealed(data) ? slot.open(data).then(JSON.parse) : data;
        });
      files[path].catch(function () { delete files[path]; }); // try again on the next query
    }
    return files[path];
  }

  function shardName(prefix) { // as shard_name() in search.py
    return prefix.replace(/[^\x00-\x7f]/g, function (c) { return "_" + c.charCodeAt(0).toString(16); });
  }

  // As fold() in search.py: lower case, Turkish ı and İ as i, Arabic without vowel marks
  // and with one alef, so "BORÇ", "borç" and "الدُّيُون" find what the index holds.
  function fold(text) {
    return text.normalize("NFC").toLowerCase().replace(/ı/g, "i")
      .replace(/[\u064b-\u065f\u0670\u0640\u0307]/g, "").replace(/[\u0622\u0623\u0625]/g, "\u0627");
  }

  function tokens(query) { // the index holds words of three letters or more, in any script
    return (fold(query).match(/[\p{L}\p{N}]+/gu) || []).filter(function (w) { return w.length > 2; });
  }

  // The everyday words behind a query word: its own list, else the list of the longest word
  // of another language it starts with (index.st: "borçlarım" -> "borç", "długów" -> "dług").
  function synonymsOf(word, synonyms, stems) {
    if (has.call(synonyms, word)) return synonyms[word];
    var best = "";
    (stems || []).forEach(function (key) {
      if (key.length > best.length && word.indexOf(key) === 0) best = key;
    });
    return best ? synonyms[best] : [];
  }

  // Each query word becomes a group of alternatives: itself, its synonyms, and the word
  // glued to the next one ("huur achterstand" also looks for "huurachterstand").
  function groups(words, synonyms, stems) {
    return words.map(function (w, i) {
      var alts = [w].concat(synonymsOf(w, synonyms, stems));
      if (i + 1 < words.length) {
        var glued = w + words[i + 1];
        alts.push(glued);
        alts = alts.concat(has.call(synonyms, glued) ? synonyms[glued] : []);
      }
      return alts;
    });
  }

  // An urgent query ("deurwaarder", "huur achterstand", "geen eten", "acil"): a word, or two
  // neighbours glued, that is in the index's urgent list or starts with one of 5+ letters.
  function urgent(words, list) {
    if (!list) return false;
    var typed = words.slice();
    for (var i = 0; i + 1 < words.length; i++) typed.push(words[i] + words[i + 1]);
    return typed.some(function (w) {
      return list.some(function (u) { return w === u || (u.length >= 5 && w.indexOf(u) === 0); });
    });
  }

  // The word files that may hold words starting with `alt`.
  function shardsFor(alt, prefixes) {
    return prefixes.filter(function (p) { return alt.indexOf(p) === 0 || p.indexOf(alt) === 0; });
  }

  // Pages with a word starting with `alt` (or, for a long alt, containing it): 1 per page,
  // 2 when the word is in the page's title.
  function pagesFor(alt, shards, n) {
    var found = new Uint8Array(n);
    shards.forEach(function (shard) {
      [shard.w, alt.length >= MIN_INFIX ? shard.i : null].forEach(function (part) {
        if (!part) return;
        Object.keys(part).forEach(function (word) {
          if (word.indexOf(alt) !== 0) return;
          var number = 0;
          part[word].forEach(function (step) {
            number += step;
            var page = number >> 1;
            found[page] = Math.max(found[page], 1 + (number & 1));
          });
        });
      });
    });
    return found;
  }

  // Per group: 3 when the reader's own word is on the page, else 1 per synonym found (at most
  // 3), so a page that matches several of the words behind "afsluiting" ranks above one that
  // matches one; 2 more when the reader's word is in the title, else 1 more when one of its
  // everyday words is ("schulden", "debt", "borç": "Schuldhulp ..." before "Bewindvoering"). Pages that match at least half
  // of the groups are found; equal scores keep title order (pages are numbered in that order).
  // Help that cannot start now is numbered last (search.py): index.x pages with a waiting
  // list or worse, of which the last index.y are full, closed or stopped. Each comes after
  // the help that can start now, whatever its score. An urgent query puts Spoed first.
  function rank(wanted, shardsOf, index, urgentPage) {
    var n = index.n;
    var later = n - (index.x || 0);
    var last = n - (index.y || 0);
    var tier = function (p) { return (p >= later) + (p >= last); };
    var score = new Int32Array(n);
    var matched = new Int32Array(n);
    var breadth = new Int32Array(n); // how many of the words behind the query: breaks ties
    wanted.forEach(function (alts) {
      var hits = new Uint8Array(n);
      var own = null;
      var titled = new Uint8Array(n); // an everyday word of this group in the title
      alts.forEach(function (alt, a) {
        var found = pagesFor(alt, shardsOf(alt), n);
        if (a === 0) {
          own = found;
          for (var p = 0; p < n; p++) if (found[p]) hits[p] = 3;
        } else {
          for (var q = 0; q < n; q++) {
            if (found[q] && hits[q] < 3 && !own[q]) hits[q] += 1;
            if (found[q] === 2) titled[q] = 1;
            if (found[q]) breadth[q] += 1;
          }
        }
      });
      for (var i = 0; i < n; i++) {
        if (!hits[i]) continue;
        matched[i] += 1;
        score[i] += hits[i] + (own[i] === 2 ? 2 : titled[i]);
      }
    });
    var need = Math.ceil(wanted.length / 2);
    var found = [];
    for (var j = 0; j < n; j++) if (matched[j] >= need) found.push(j);
    found.sort(function (a, b) {
      return tier(a) - tier(b) || score[b] - score[a] || breadth[b] - breadth[a] || a - b;
    });
    if (urgentPage >= 0) {
      found = found.filter(function (p) { return p !== urgentPage; });
      found.unshift(urgentPage);
    }
    return found;
  }

  function search(query) {
    var words = tokens(query);
    if (!words.length) return Promise.resolve({ words: words, found: [], docs: [] });
    return get("index.json").then(function (index) {
      var wanted = groups(words, index.s, index.st);
      var needed = {};
      wanted.forEach(function (alts) {
        alts.forEach(function (alt) {
          shardsFor(alt, index.p).forEach(function (p) { needed[p] = true; });
        });
      });
      var names = Object.keys(needed);
      var file = function (p) { return index.f ? index.f[p] : shardName(p); }; // f: the guide
      return Promise.all(names.map(function (p) { return get("w/" + file(p) + ".json"); }))
        .then(function (loaded) {
          var byPrefix = {};
          names.forEach(function (p, i) { byPrefix[p] = loaded[i]; });
          var shardsOf = function (alt) {
            return shardsFor(alt, names).map(function (p) { return byPrefix[p]; });
          };
          var spoed = urgent(words, index.u) && index.sp !== undefined ? index.sp : -1;
          var found = rank(wanted, shardsOf, index, spoed);
          var shown = found.slice(0, MAX);
          var blocks = {};
          shown.forEach(function (page) { blocks[Math.floor(page / index.b)] = true; });
          var numbers = Object.keys(blocks);
          // Titles and lines in the page's language where the index has them (d/en/ ...).
          var own = (index.l || []).indexOf(window.wwTaal) >= 0 ? window.wwTaal + "/" : "";
          return Promise.all(numbers.map(function (b) { return get("d/" + own + b + ".json"); }))
            .then(function (data) {
              var byBlock = {};
              numbers.forEach(function (b, i) { byBlock[b] = data[i]; });
              var docs = shown.map(function (page) {
                var d = byBlock[Math.floor(page / index.b)][page % index.b];
                return { title: d[0], url: d[1], info: d[2] };
              });
              return { words: words, found: found, docs: docs };
            });
        });
    });
  }

  function count(n) {
    return n.toLocaleString(window.wwTaal || undefined);
  }

  // A line's numbers (phone, postcode) each in an LTR isolate: in Arabic text "033 460 2550"
  // would otherwise read backwards. The rest stays text (textContent), as typed in the record.
  function withNumbers(element, text) {
    var number = /\+?\d[\d ]*\d/g;
    var at = 0;
    var m;
    while ((m = number.exec(text))) {
      element.appendChild(document.createTextNode(text.slice(at, m.index)));
      var iso = document.createElement("bdi");
      iso.dir = "ltr";
      iso.textContent = m[0];
      element.appendChild(iso);
      at = m.index + m[0].length;
    }
    element.appendChild(document.createTextNode(text.slice(at)));
  }

  function show(query, answer) {
    list.textContent = "";
    answer.docs.forEach(function (doc) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      var a = document.createElement("a");
      a.className = "md-search-result__link";
      a.href = (dutchOnly.indexOf(doc.url) >= 0 ? siteRoot : root) + doc.url;
      var art = document.createElement("article");
      art.className = "md-search-result__article";
      var h = document.createElement("h2");
      h.textContent = doc.title;
      art.appendChild(h);
      if (doc.info) {
        var info = document.createElement("p");
        withNumbers(info, doc.info);
        art.appendChild(info);
      }
      a.appendChild(art);
      li.appendChild(a);
      list.appendChild(li);
    });
    var total = answer.found.length;
    var searched = query.trim() !== ""; // any input gets an answer, even "ok" or "?!"
    if (help) help.hidden = !(searched && !total);
    if (!searched) status.textContent = wwT("Typ wat u zoekt.");
    else if (!total) status.textContent = wwT("Niets gevonden. Probeer een ander woord, of bel ons.");
    else if (total === 1) status.textContent = wwT("1 pagina gevonden.");
    else if (total > MAX) status.textContent = wwT("{n} pagina's gevonden, de eerste {max} staan hier.", { n: count(total), max: MAX });
    else status.textContent = wwT("{n} pagina's gevonden.", { n: count(total) });
    form.setAttribute("data-ww-zoek-klaar", query); // for tests and the benchmark: answered
  }

  var timer = null;
  input.addEventListener("input", function () {
    var query = input.value;
    clearTimeout(timer);
    timer = setTimeout(function () {
      var mine = ++asked;
      search(query).then(function (answer) {
        if (mine === asked) show(query, answer);
      }, function () {
        if (mine === asked) status.textContent = wwT("Zoeken lukt nu niet. Probeer het later opnieuw.");
      });
    }, 60);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  // Typed before this script ran (a slow phone, or a sealed guide page just opened): answer
  // what is already in the box instead of waiting for the next key.
  if (input.value.trim()) input.dispatchEvent(new Event("input"));
  var toggle = document.getElementById("__search");
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) setTimeout(function () { input.focus(); }, 50);
    });
  }
})();
