/* "Lees voor": the page's main text read aloud by a voice on the phone itself (issue 30).
 *
 * Only voices with localService === true speak, and only text in their own language: a Dutch
 * page needs a local Dutch voice, and Dutch record text on an Arabic page is skipped unless
 * the phone has a local Dutch voice too (an English voice never reads Dutch). Without such a
 * voice, or without speechSynthesis, the block stays hidden. Nothing is sent anywhere: the
 * browser's own speech engine speaks, and remote (network) voices are never chosen.
 *
 * Text is spoken sentence by sentence (some browsers stop a long utterance after about 15
 * seconds): one utterance per sentence, at most MAX_CHARS long, the next one on `end`.
 * Read are headings, paragraphs, list items and call links (with their number) of the main
 * content; not the help bar, menus, the map, forms, other buttons, hidden parts or this block.
 */
(function () {
  "use strict";

  var MAX_CHARS = 200;
  var BLOCKS = /^(H[1-6]|P|LI|DT|DD|TH|TD|FIGCAPTION|BLOCKQUOTE)$/;
  var SKIP = "button, .md-button, nav, form, script, style, svg, iframe, [hidden], " +
    "[aria-hidden='true'], .ww-voorlezen, .ww-hulpbalk, .ww-kaart, .ww-kaart-frame, " +
    ".headerlink, [data-ww-niet-voorlezen]";

  var synth = window.speechSynthesis;
  var Utterance = window.SpeechSynthesisUtterance;
  // teksten.js loads after this script (it is one of the site's scripts at the end of the
  // page); by the time a label changes, it is there.
  function wwT(text) {
    return window.wwT ? window.wwT(text) : text;
  }

  function primary(tag) {
    return String(tag || "").toLowerCase().split(/[-_]/)[0];
  }

  /* {language: voice} for the voices on this device; the default voice first when it fits. */
  function localVoices() {
    var found = {};
    var voices = synth.getVoices() || [];
    voices.forEach(function (voice) {
      if (voice.localService !== true) return;
      var lang = primary(voice.lang);
      if (lang && (!found[lang] || (voice["default"] && !found[lang]["default"]))) {
        found[lang] = voice;
      }
    });
    return found;
  }

  /* ---- what to read ------------------------------------------------------------------- */

  // A call link is read, number and all: "Bel meteen" must never be said without the number
  // (a page never tells a resident to call without the number to use).
  var CALL = "a[href^='tel:']";

  function skipped(element) {
    if (element.matches(SKIP) && !element.matches(CALL)) return true;
    var style = window.getComputedStyle(element);
    return style.display === "none" || style.visibility === "hidden";
  }

  /* [{text, lang}] per block and per language change, in reading order. */
  function passages(root, pageLang) {
    var out = [];
    var state = { text: "", lang: pageLang, depth: 0 };

    function flush() {
      var text = state.text.replace(/\s+/g, " ").trim();
      if (text) out.push({ text: text, lang: state.lang });
      state.text = "";
    }

    function walk(node) {
      Array.prototype.forEach.call(node.childNodes, function (child) {
        if (child.nodeType === 3) {
          if (state.depth > 0) state.text += child.nodeValue;
          return;
        }
        if (child.nodeType !== 1 || skipped(child)) return;
        var block = BLOCKS.test(child.tagName) || (state.depth === 0 && child.matches(CALL));
        var own = child.getAttribute("lang");
        var before = state.lang;
        if (block || (own !== null && primary(own) !== state.lang)) flush();
        if (own !== null) state.lang = primary(own) || pageLang;
        if (block) state.depth += 1;
        walk(child);
        if (block || state.lang !== before) flush();
        if (block) state.depth -= 1;
        state.lang = before;
      });
    }

    walk(root);
    return out;
  }

  /* A passage as sentences of at most MAX_CHARS: cut at a sentence's end, else at a word. */
  function sentences(text) {
    var out = [];
    // A sentence ends at . ! ? … (or the Arabic ?) before a space: "9.00" and "o.a." stay whole.
    var marked = text.replace(/([.!?…؟]+["')»”]*)\s+/g, "$1\u0000");
    marked.split("\u0000").forEach(function (part) {
      part = part.trim();
      while (part.length > MAX_CHARS) {
        var cut = part.lastIndexOf(" ", MAX_CHARS);
        if (cut < MAX_CHARS / 2) cut = MAX_CHARS;
        out.push(part.slice(0, cut).trim());
        part = part.slice(cut).trim();
      }
      if (part) out.push(part);
    });
    return out;
  }

  function utterances(root, pageLang, voices) {
    var out = [];
    passages(root, pageLang).forEach(function (passage) {
      var voice = voices[passage.lang];
      if (!voice) return; // no voice on this phone for that language: better silent than wrong
      sentences(passage.text).forEach(function (text) {
        out.push({ text: text, voice: voice });
      });
    });
    return out;
  }

  /* ---- the buttons -------------------------------------------------------------------- */

  function setUp(block) {
    var button = block.querySelector("[data-ww-voorlezen-knop]");
    var stopButton = block.querySelector("[data-ww-voorlezen-stop]");
    var main = document.querySelector("main article, main, [role='main']") || document.body;
    var pageLang = primary(document.documentElement.lang) || "nl";
    var queue = [];
    var position = 0;
    var run = 0; // a new run makes every event of an earlier utterance void
    var state = "stil";

    function show(next) {
      state = next;
      var labels = { stil: wwT("Lees voor"), spreekt: wwT("Pauzeer"), pauze: wwT("Lees verder") };
      button.textContent = labels[next];
      button.setAttribute("data-ww-stand", next);
      stopButton.hidden = next === "stil";
    }

    function speakNext(current) {
      if (current !== run) return;
      if (position >= queue.length) {
        stop();
        return;
      }
      var item = queue[position];
      position += 1;
      var utterance = new Utterance(item.text);
      utterance.voice = item.voice;
      utterance.lang = item.voice.lang;
      utterance.onend = function () { speakNext(current); };
      utterance.onerror = function () { speakNext(current); };
      synth.speak(utterance);
    }

    function start(voices) {
      run += 1;
      synth.cancel();
      queue = utterances(main, pageLang, voices);
      position = 0;
      show("spreekt");
      speakNext(run);
    }

    /* Pause is a stop that remembers the sentence: Chrome on Android ignores pause(), and
     * some engines drop a paused utterance after a while. "Lees verder" says it again. */
    function pause() {
      run += 1;
      synth.cancel();
      position = Math.max(0, position - 1);
      show("pauze");
    }

    function resume() {
      show("spreekt");
      speakNext(run);
    }

    function stop() {
      run += 1;
      synth.cancel();
      var hadFocus = document.activeElement === stopButton;
      show("stil");
      if (hadFocus) button.focus(); // the stop button is gone; focus stays in the block
    }

    button.addEventListener("click", function () {
      if (state === "spreekt") {
        pause();
      } else if (state === "pauze") {
        resume();
      } else {
        start(localVoices());
      }
    });
    stopButton.addEventListener("click", stop);
    window.addEventListener("pagehide", function () {
      if (state !== "stil") stop();
    });

    function update() {
      var available = Boolean(localVoices()[pageLang]);
      block.hidden = !available;
      block.setAttribute("data-ww-stemmen", available ? "ja" : "nee"); // for tests: it has looked
      if (!available && state !== "stil") stop();
    }

    update();
    if (synth.addEventListener) synth.addEventListener("voiceschanged", update);
  }

  function init() {
    if (!synth || !Utterance) return; // the block stays hidden
    Array.prototype.forEach.call(document.querySelectorAll("[data-ww-voorlezen]"), setUp);
  }

  // Exposed for the tests only.
  window.wegwijzerVoorlezen = { sentences: sentences };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
