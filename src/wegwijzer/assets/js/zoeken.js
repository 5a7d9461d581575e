// Search over our own compact index (zoeken.json), fetched once, when the reader starts typing.
(function () {
  "use strict";
  var form = document.getElementById("ww-zoeken");
  if (!form) return;
  var input = document.getElementById("ww-zoekvraag");
  var list = document.getElementById("ww-zoekresultaten");
  var status = document.getElementById("ww-zoekstatus");
  var help = document.getElementById("ww-zoekhulp"); // the way on when nothing is found
  var base = form.getAttribute("data-base") || "";
  var index = null;
  var loading = null;
  var MAX = 20;

  function load() {
    if (!loading) {
      loading = fetch(form.getAttribute("data-index"))
        .then(function (r) { return r.json(); })
        .then(function (data) {
          // The referrers' edition seals its index like its pages: open it with the tab's key.
          var slot = window.wegwijzerSlot;
          return slot && slot.isSealed(data) ? slot.open(data).then(JSON.parse) : data;
        })
        .then(function (data) {
          index = {
            synonyms: data.s,
            docs: data.d.map(function (d) {
              return {
                title: d[0], url: d[1], words: d[2].split(" "), info: d[3] || "",
                lower: d[0].toLowerCase(),
              };
            }),
          };
        });
    }
    return loading;
  }

  function tokens(query) {
    return query.toLowerCase().match(/[a-zà-ÿ0-9]+/g) || [];
  }

  // Each query word becomes a group of alternatives: itself, its synonyms, and the word
  // glued to the next one ("huur achterstand" also looks for "huurachterstand").
  function groups(words) {
    return words.map(function (w, i) {
      var alts = [w].concat(index.synonyms[w] || []);
      if (i + 1 < words.length) {
        var glued = w + words[i + 1];
        alts.push(glued);
        alts = alts.concat(index.synonyms[glued] || []);
      }
      return alts;
    });
  }

  // 3 when the reader's own word is on the page; else 1 per synonym found (at most 3), so a
  // page that matches several of the words behind "afsluiting" ranks above one that matches one.
  function hits(doc, alts) {
    var found = 0;
    for (var a = 0; a < alts.length && found < 3; a++) {
      var alt = alts[a];
      for (var i = 0; i < doc.words.length; i++) {
        var word = doc.words[i];
        if (word.indexOf(alt) === 0 || (alt.length > 4 && word.indexOf(alt) > 0)) {
          if (a === 0) return 3;
          found += 1;
          break;
        }
      }
    }
    return found;
  }

  function search(query) {
    var words = tokens(query);
    if (!words.length) return [];
    var wanted = groups(words);
    var found = [];
    index.docs.forEach(function (doc) {
      var score = 0;
      var matched = 0;
      wanted.forEach(function (alts) {
        var h = hits(doc, alts);
        if (h) matched += 1;
        score += h;
        if (h && doc.lower.indexOf(alts[0]) >= 0) score += 2;
      });
      if (matched >= Math.ceil(wanted.length / 2)) found.push({ doc: doc, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score || a.doc.title.localeCompare(b.doc.title); });
    return found;
  }

  function show(query) {
    var found = search(query);
    list.textContent = "";
    found.slice(0, MAX).forEach(function (f) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      var a = document.createElement("a");
      a.className = "md-search-result__link";
      a.href = base + f.doc.url;
      var art = document.createElement("article");
      art.className = "md-search-result__article";
      var h = document.createElement("h2");
      h.textContent = f.doc.title;
      art.appendChild(h);
      if (f.doc.info) {
        var info = document.createElement("p");
        info.textContent = f.doc.info;
        art.appendChild(info);
      }
      a.appendChild(art);
      li.appendChild(a);
      list.appendChild(li);
    });
    if (help) help.hidden = !(tokens(query).length && !found.length);
    if (!tokens(query).length) status.textContent = "Typ wat u zoekt.";
    else if (!found.length) status.textContent = "Niets gevonden. Probeer een ander woord, of bel ons.";
    else if (found.length === 1) status.textContent = "1 pagina gevonden.";
    else status.textContent = found.length + " pagina's gevonden" + (found.length > MAX ? ", de eerste " + MAX + " staan hier." : ".");
  }

  var timer = null;
  input.addEventListener("input", function () {
    var query = input.value;
    clearTimeout(timer);
    timer = setTimeout(function () {
      load().then(function () { show(query); }, function () {
        status.textContent = "Zoeken lukt nu niet. Probeer het later opnieuw.";
      });
    }, 60);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  var toggle = document.getElementById("__search");
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) setTimeout(function () { input.focus(); }, 50);
    });
  }
})();
